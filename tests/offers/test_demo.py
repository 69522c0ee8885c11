"""The demo's offers: Ecolife's offer in the words of its page, seven more of four other
providers, and the whole way from a coordinator's request to a started trajectory."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from daadkracht.accounts.models import User
from daadkracht.offers.models import Offer, OfferRequest, Provider, RequestStatus
from daadkracht.tenancy.models import Municipality
from daadkracht.testing.factories import DEFAULT_PASSWORD
from daadkracht.trajectory.models import Trajectory

pytestmark = pytest.mark.django_db


def _logged_in(email):
    user = User.objects.get(email=email)
    assert user.check_password(DEFAULT_PASSWORD)
    client = Client()
    client.force_login(user)
    return client


def test_a_damme_coordinator_asks_for_the_ecolife_offer_and_tina_accepts(
    method_catalogue, django_capture_on_commit_callbacks
):
    output = StringIO()
    call_command("demo", stdout=output)
    assert "manages Ecolife's offers" in output.getvalue()
    assert Provider.objects.filter(is_demo=True).count() == 5
    assert Offer.objects.filter(is_demo=True).count() == 8
    offer = Offer.objects.get(title="Klimaatplan: van woord naar daad")
    assert offer.provider.name == "Ecolife"
    assert offer.price == 5000
    assert offer.contact_phone == "016 22 21 03"
    assert offer.steps.count() == 4
    assert len(offer.responsibility_lines()) == 6

    page = Client().get(reverse("offers:detail", args=[offer.pk])).content.decode()
    assert "Eén aanspreekpunt voor Ecolife." in page

    coordinator = _logged_in("coordinator@damme.demo")
    ask = reverse("offer_requests:create", kwargs={"municipality": "damme-demo", "pk": offer.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            coordinator.post(ask, {"message": "We willen in het najaar starten."}).status_code
            == 302
        )
    offer_request = OfferRequest.unscoped.get(offer=offer)

    tina = _logged_in("coach@ecolife.demo")
    inbox = tina.get(reverse("provider:inbox", kwargs={"provider": "ecolife"})).content.decode()
    assert "Gemeente Damme (demo)" in inbox
    answer = reverse("provider:request", kwargs={"provider": "ecolife", "pk": offer_request.pk})
    tina_user = User.objects.get(email="coach@ecolife.demo")
    with django_capture_on_commit_callbacks(execute=True):
        tina.post(
            answer,
            {
                "decision": "accept",
                "answer": "Met plezier, ik plan het intakegesprek in.",
                "start_trajectory": "on",
                "coach": tina_user.pk,
            },
        )
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.ACCEPTED
    assert offer_request.trajectory_started
    damme = Municipality.objects.get(slug="damme-demo")
    assert Trajectory.unscoped.filter(municipality=damme).exists()

    # A second build removes the demo providers and builds them again.
    call_command("demo", stdout=StringIO())
    assert Offer.objects.filter(is_demo=True).count() == 8
    assert not OfferRequest.unscoped.exists()
