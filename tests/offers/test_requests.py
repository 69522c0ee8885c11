"""A coordinator asks for an offer; the provider's managers answer it from their own pages."""

import pytest
from django.core import mail
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.offers.models import OfferRequest, RequestStatus
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role
from daadkracht.testing.trajectory import started_trajectory
from daadkracht.trajectory.models import Trajectory


def ask_url(world, offer, municipality=None):
    slug = (municipality or world.a).slug
    return reverse("offer_requests:create", kwargs={"municipality": slug, "pk": offer.pk})


def list_url(world, municipality=None):
    return reverse("offer_requests:list", kwargs={"municipality": (municipality or world.a).slug})


def request_url(ecolife, offer_request):
    return reverse(
        "provider:request", kwargs={"provider": ecolife.provider.slug, "pk": offer_request.pk}
    )


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """A request's mails are sent when it commits, as on the real site."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def ask(world, ecolife, sending, message="Graag begeleiding in het voorjaar."):
    with sending():
        response = world.client_for("coordinator").post(
            ask_url(world, ecolife.offer), {"message": message}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return OfferRequest.unscoped.get(municipality=world.a, offer=ecolife.offer)


def test_the_offer_page_leads_a_coordinator_to_ask_for_it(world, ecolife):
    page = world.client_for("coordinator").get(reverse("offers:detail", args=[ecolife.offer.pk]))
    html = page.content.decode()
    assert "Aanvragen voor Gemeente Alfa" in html
    assert ask_url(world, ecolife.offer) in html
    viewer_page = world.client_for("viewer").get(reverse("offers:detail", args=[ecolife.offer.pk]))
    assert ask_url(world, ecolife.offer) not in viewer_page.content.decode()


def test_the_request_page_shows_the_context_that_will_be_sent(world, ecolife):
    world.a.population = 12345
    world.a.province = "vlaams-brabant"
    world.a.save()
    page = world.client_for("coordinator").get(ask_url(world, ecolife.offer))
    html = page.content.decode()
    assert "12.345" in html
    assert "Vlaams-Brabant" in html
    assert "Klimaatplan Alfa" in html
    assert "Coordinator Alfa" in html


def test_a_request_reaches_the_managers_with_the_context(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    assert offer_request.status == RequestStatus.REQUESTED
    assert offer_request.provider == ecolife.provider
    assert offer_request.context["plan"] == "Klimaatplan Alfa"
    assert offer_request.context["trajectory"] is False
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["tina@ecolife.test"]
    assert "Gemeente Alfa" in sent.subject
    assert "Graag begeleiding in het voorjaar." in sent.body
    assert "Klimaatplan Alfa" in sent.body
    assert request_url(ecolife, offer_request) in sent.body


def test_a_second_open_request_for_the_same_offer_is_refused(world, ecolife, sending):
    ask(world, ecolife, sending)
    client = world.client_for("coordinator")
    page = client.get(ask_url(world, ecolife.offer))
    assert '<form method="post" novalidate>' not in page.content.decode()
    response = client.post(ask_url(world, ecolife.offer), {"message": "Nog eens"})
    assert response.status_code == 200
    assert OfferRequest.unscoped.filter(offer=ecolife.offer).count() == 1


def test_a_message_with_markup_is_refused_and_kept(world, ecolife):
    response = world.client_for("coordinator").post(
        ask_url(world, ecolife.offer), {"message": "Hallo <script>alert(1)</script>"}
    )
    assert response.status_code == 200
    assert "Hallo &lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()
    assert not OfferRequest.unscoped.exists()


def test_only_the_coordinator_asks(world, ecolife):
    for who in ("editor", "viewer", "coach"):
        assert world.client_for(who).get(ask_url(world, ecolife.offer)).status_code == 403
        assert world.client_for(who).get(list_url(world)).status_code == 403


def test_withdrawing_an_open_request(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    client = world.client_for("coordinator")
    url = reverse(
        "offer_requests:withdraw", kwargs={"municipality": world.a.slug, "pk": offer_request.pk}
    )
    assert client.get(url).status_code == 405
    client.post(url)
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.WITHDRAWN
    # Once withdrawn, the offer can be asked for again.
    ask_again = client.post(ask_url(world, ecolife.offer), {"message": ""})
    assert ask_again.status_code == 302


def test_another_municipality_sees_nothing_of_the_request(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    other = world.client_for("other_municipality")
    page = other.get(list_url(world, world.b))
    assert page.status_code == 200
    assert ecolife.offer.title not in page.content.decode()
    assert other.get(list_url(world)).status_code == 404
    withdraw = reverse(
        "offer_requests:withdraw", kwargs={"municipality": world.b.slug, "pk": offer_request.pk}
    )
    assert other.post(withdraw).status_code == 404
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.REQUESTED


def test_the_provider_reads_the_request_in_its_inbox(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    client = ecolife.client()
    inbox = client.get(reverse("provider:inbox", kwargs={"provider": "ecolife"}))
    assert "Gemeente Alfa" in inbox.content.decode()
    page = client.get(request_url(ecolife, offer_request))
    html = page.content.decode()
    assert "Graag begeleiding in het voorjaar." in html
    assert "Klimaatplan Alfa" in html


def test_a_non_manager_cannot_open_the_provider_pages(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    urls = [
        reverse("provider:offers", kwargs={"provider": "ecolife"}),
        reverse("provider:inbox", kwargs={"provider": "ecolife"}),
        request_url(ecolife, offer_request),
    ]
    for who in ("coordinator", "coach", "no_membership", "other_municipality"):
        for url in urls:
            assert world.client_for(who).get(url).status_code == 404
    # The provider's coach is not a manager either.
    from django.test import Client

    coach = Client()
    coach.force_login(ecolife.coach)
    assert coach.get(urls[0]).status_code == 404


def test_another_providers_manager_does_not_see_the_request(world, ecolife, sending):
    from django.test import Client

    from daadkracht.testing.factories import ProviderFactory, UserFactory

    offer_request = ask(world, ecolife, sending)
    other = ProviderFactory(name="Andere", slug="andere")
    manager = UserFactory(email="x@andere.test")
    other.managers.add(manager)
    client = Client()
    client.force_login(manager)
    inbox = client.get(reverse("provider:inbox", kwargs={"provider": "andere"}))
    assert "Gemeente Alfa" not in inbox.content.decode()
    stolen = reverse("provider:request", kwargs={"provider": "andere", "pk": offer_request.pk})
    assert client.get(stolen).status_code == 404


def test_accepting_makes_the_coach_a_member_and_starts_the_trajectory(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    mail.outbox.clear()
    with sending():
        response = ecolife.client().post(
            request_url(ecolife, offer_request),
            {
                "decision": "accept",
                "answer": "Graag! Koen neemt contact op.",
                "start_trajectory": "on",
                "coach": ecolife.coach.pk,
            },
        )
    assert response.status_code == 302
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.ACCEPTED
    assert offer_request.decided_by == ecolife.manager
    assert offer_request.coach == ecolife.coach
    assert offer_request.trajectory_started
    membership = Membership.unscoped.get(municipality=world.a, user=ecolife.coach)
    assert membership.role == Role.COACH
    assert Trajectory.unscoped.filter(municipality=world.a).count() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["coordinator@alfa.test"]
    assert "Graag! Koen neemt contact op." in sent.body
    assert reverse("trajectory:overview", kwargs={"municipality": world.a.slug}) in sent.body
    # The coordinator's list shows the answer and the trajectory.
    listing = world.client_for("coordinator").get(list_url(world)).content.decode()
    assert "Graag! Koen neemt contact op." in listing


def test_accepting_with_a_running_trajectory_does_not_start_another(world, ecolife, sending):
    started_trajectory(world.a)
    offer_request = ask(world, ecolife, sending)
    response = ecolife.client().post(
        request_url(ecolife, offer_request),
        {"decision": "accept", "answer": "", "start_trajectory": "on", "coach": ecolife.coach.pk},
        follow=True,
    )
    assert "er is dus geen tweede gestart" in response.content.decode()
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.ACCEPTED
    assert not offer_request.trajectory_started
    assert Trajectory.unscoped.filter(municipality=world.a).count() == 1
    assert Membership.unscoped.filter(municipality=world.a, user=ecolife.coach).exists()


def test_a_coach_of_another_provider_cannot_be_chosen(world, ecolife, sending):
    from daadkracht.testing.factories import UserFactory

    stranger = UserFactory(email="stranger@example.test")
    offer_request = ask(world, ecolife, sending)
    response = ecolife.client().post(
        request_url(ecolife, offer_request),
        {
            "decision": "accept",
            "answer": "Welkom bij ons traject",
            "start_trajectory": "on",
            "coach": stranger.pk,
        },
    )
    assert response.status_code == 200
    assert "Welkom bij ons traject" in response.content.decode()
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.REQUESTED
    assert not Membership.unscoped.filter(user=stranger).exists()


def test_declining_needs_a_message_which_the_requester_receives(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    mail.outbox.clear()
    client = ecolife.client()
    refused = client.post(request_url(ecolife, offer_request), {"decision": "decline"})
    assert refused.status_code == 200
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.REQUESTED
    with sending():
        client.post(
            request_url(ecolife, offer_request),
            {"decision": "decline", "answer": "Onze agenda zit vol tot de zomer."},
        )
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.DECLINED
    assert not Membership.unscoped.filter(user=ecolife.coach).exists()
    assert len(mail.outbox) == 1
    assert "Onze agenda zit vol tot de zomer." in mail.outbox[0].body


def test_a_request_is_answered_once(world, ecolife, sending):
    offer_request = ask(world, ecolife, sending)
    client = ecolife.client()
    client.post(request_url(ecolife, offer_request), {"decision": "decline", "answer": "Nee"})
    client.post(request_url(ecolife, offer_request), {"decision": "accept", "answer": "Toch"})
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.DECLINED
    # Nor can the municipality withdraw it any more.
    url = reverse(
        "offer_requests:withdraw", kwargs={"municipality": world.a.slug, "pk": offer_request.pk}
    )
    world.client_for("coordinator").post(url)
    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.DECLINED


def test_the_provider_audience_cannot_write_a_municipalitys_rows(world, ecolife, sending):
    """Outside the one step of an answer, the provider's scope writes no tenant data."""
    from daadkracht.access.context import provider_scope
    from daadkracht.tenancy.scoping import TenantNotActive

    offer_request = ask(world, ecolife, sending)
    with provider_scope([ecolife.provider.pk], actor=ecolife.manager):
        found = OfferRequest.objects.get(pk=offer_request.pk)
        found.answer = "stiekem"
        with pytest.raises(TenantNotActive):
            found.save()
    with tenant_scope(world.a):
        assert OfferRequest.objects.get(pk=offer_request.pk).answer == ""


def test_the_request_list_reads_a_fixed_number_of_queries(world, ecolife, sending):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from daadkracht.testing.factories import OfferFactory

    client = world.client_for("coordinator")
    ask(world, ecolife, sending)
    with CaptureQueriesContext(connection) as one:
        client.get(list_url(world))
    for number in range(5):
        offer = OfferFactory(provider=ecolife.provider, title=f"Aanbod {number}")
        with sending():
            client.post(ask_url(world, offer), {"message": ""})
    with CaptureQueriesContext(connection) as six:
        page = client.get(list_url(world))
    assert page.content.decode().count("Intrekken") == 6
    assert len(six) == len(one) <= 12


def test_a_service_refuses_fields_it_does_not_take(world, ecolife):
    from daadkracht.access.context import provider_scope
    from daadkracht.offers.services import offer_update

    with (
        provider_scope([ecolife.provider.pk], actor=ecolife.manager),
        pytest.raises(TypeError),
    ):
        offer_update(
            actor=ecolife.manager,
            offer=ecolife.offer,
            expected_version=ecolife.offer.version,
            provider=None,
            is_demo=True,
        )
