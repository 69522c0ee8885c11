"""Support offers in the browser: the public pages pass axe-core (WCAG 2.1 A and AA), and on
the demo Damme's coordinator asks for Ecolife's offer, which Tina Baert accepts, starting
Damme's collaboration trajectory with her as coach."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from daadkracht.accounts.models import User
from daadkracht.offers.models import Offer, OfferRequest, RequestStatus
from daadkracht.tenancy.models import Membership
from daadkracht.trajectory.models import Trajectory
from tests.e2e.test_accessibility import _violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo_offer(method_catalogue) -> Offer:
    call_command("demo", stdout=StringIO())
    return Offer.objects.get(title="Klimaatplan: van woord naar daad")


def test_the_public_offer_pages_have_no_violations(page: Page, demo_offer, results_dir):
    paths = [
        "/aanbod/",
        "/aanbod/?theme=energy&lekp=1&sort=-price",
        "/aanbod/?theme=food",
        f"/aanbod/{demo_offer.pk}/",
    ]
    found = [problem for path in paths for problem in _violations(page, path)]
    assert found == []
    page.screenshot(path=results_dir / "offers-1-offer-page.png", full_page=True)
    page.goto("/aanbod/")
    page.screenshot(path=results_dir / "offers-2-list.png", full_page=True)


def test_a_coordinator_asks_for_the_offer_and_the_provider_accepts(
    page: Page, context, log_in, demo_offer, results_dir
):
    log_in(User.objects.get(email="coordinator@damme.demo"))
    page.goto(f"/aanbod/{demo_offer.pk}/")
    expect(page.get_by_role("heading", level=2, name="Projectinhoud en -verloop")).to_be_visible()
    page.get_by_role("link", name="Aanvragen voor Gemeente Damme (demo)").click()
    expect(page.get_by_text("Klimaatplan Damme", exact=False).first).to_be_visible()
    assert _violations(page, f"/damme-demo/aanbod/{demo_offer.pk}/aanvragen/") == []
    page.get_by_label("Je bericht aan de aanbieder").fill("We willen in het najaar starten.")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", name="Aanvragen voor ondersteuning")).to_be_visible()
    assert _violations(page, "/damme-demo/aanbod/aanvragen/") == []
    offer_request = OfferRequest.unscoped.get(offer=demo_offer)

    context.clear_cookies()
    log_in(User.objects.get(email="coach@ecolife.demo"))
    provider_pages = [
        "/aanbieders/ecolife/",
        "/aanbieders/ecolife/aanbod/nieuw/",
        f"/aanbieders/ecolife/aanbod/{demo_offer.pk}/bewerken/",
    ]
    assert [problem for path in provider_pages for problem in _violations(page, path)] == []
    page.goto("/aanbod/")
    page.get_by_text("Tina", exact=False).first.click()
    page.get_by_role("link", name="Aanbod van Ecolife").click()
    page.get_by_role("link", name="Aanvragen", exact=True).click()
    page.get_by_role("link", name="Gemeente Damme (demo)").click()
    expect(page.get_by_text("We willen in het najaar starten.")).to_be_visible()
    assert _violations(page, page.url.replace(page.url.split("/aanbieders")[0], "")) == []
    page.get_by_label("Aanvaarden").check()
    page.get_by_label("Bericht aan de gemeente").fill("Met plezier.")
    page.get_by_label("Het samenwerkingstraject starten met de coach hieronder").check()
    page.get_by_label("Coach", exact=True).select_option(label="Tina Baert")
    page.screenshot(path=results_dir / "offers-3-answer.png", full_page=True)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Het samenwerkingstraject van de gemeente is gestart.")).to_be_visible()

    offer_request.refresh_from_db()
    assert offer_request.status == RequestStatus.ACCEPTED
    tina = User.objects.get(email="coach@ecolife.demo")
    assert Membership.unscoped.filter(user=tina, municipality__slug="damme-demo").exists()
    assert Trajectory.unscoped.filter(municipality__slug="damme-demo").exists()
