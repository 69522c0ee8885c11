"""The coordinator builds the network in a browser: an organisation, a contact person, the
consent text and the person's consent, then withdraws it on the person's request; the person
withdraws another consent with the link in a mail. The main navigation stays on one line."""

import pytest
from playwright.sync_api import Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.plans.services.plan import plan_create
from daadkracht.stakeholders.models import Consent, Contact
from daadkracht.stakeholders.services.consents import consent_give
from daadkracht.stakeholders.tokens import consent_withdraw_path
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def bruges(log_in):
    town = MunicipalityFactory(name="Stad Brugge", slug="brugge")
    user = UserFactory(email="klimaat@brugge.test", full_name="Lien Klimaat")
    MembershipFactory(user=user, municipality=town, role=Role.COORDINATOR)
    with tenant_scope(town):
        plan = plan_create(
            actor=None,
            municipality=town,
            name="Klimaatplan Brugge 2030",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=100000,
        )
        Theme.objects.create(plan=plan, code="E", name="Energie")
    log_in(user)
    return town


def test_the_coordinator_builds_the_network_and_a_person_withdraws(page: Page, bruges):
    page.goto("/brugge/")
    main = page.get_by_role("navigation", name="Hoofdnavigatie")
    main.get_by_role("link", name="Netwerk").click()
    expect(page.get_by_text("Nog geen organisaties in het netwerk.")).to_be_visible()
    page.get_by_role("link", name="Eerste organisatie toevoegen").click()
    page.get_by_label("Naam").fill("Fluvius")
    page.get_by_label("Soort").select_option("grid_operator")
    page.get_by_label("E Energie").check()
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("heading", name="Fluvius")).to_be_visible()

    page.get_by_role("link", name="Contactpersoon toevoegen").click()
    page.get_by_label("Naam").fill("Els Vandamme")
    page.get_by_label("E-mailadres").fill("els@fluvius.example")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("heading", name="Els Vandamme")).to_be_visible()

    main.get_by_role("link", name="Netwerk").click()
    page.get_by_role("navigation", name="Netwerk").get_by_role("link", name="Privacy").click()
    page.locator("#id_text-purpose").select_option("newsletter")
    page.get_by_role("textbox", name="Tekst").fill(
        "Ik ontvang graag de nieuwsbrief, vier keer per jaar."
    )
    page.get_by_role("button", name="Deze tekst publiceren").click()
    expect(page.get_by_text("vier keer per jaar")).to_be_visible()

    page.get_by_role("navigation", name="Netwerk").get_by_role(
        "link", name="Contactpersonen"
    ).click()
    page.get_by_role("link", name="Els Vandamme").click()
    page.get_by_text("Toestemming vastleggen").first.click()
    page.get_by_label("Getoonde tekst").select_option(label="nieuwsbrief — v1")
    page.get_by_label("Hoe gegeven").select_option("paper")
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_text("Toestemming vastgelegd.")).to_be_visible()

    page.get_by_role("link", name="Intrekken").click()
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("Toestemming voor nieuwsbrief ingetrokken.")).to_be_visible()
    assert (
        page.locator("nav.main-nav").evaluate(
            "nav => new Set([...nav.querySelectorAll('li')]"
            ".map(li => Math.round(li.getBoundingClientRect().top))).size"
        )
        == 1
    )

    # The person withdraws a second consent with the link in a mail, without an account.
    with tenant_scope(bruges):
        person = Contact.objects.get(full_name="Els Vandamme")
        text = Consent.objects.get(contact=person).consent_text
        from django.utils import timezone

        consent = consent_give(
            actor=None,
            contact=person,
            consent_text=text,
            given_at=timezone.now(),
            given_how="web_form",
        )
        path = consent_withdraw_path(consent)
    page.context.clear_cookies()
    page.goto(path)
    expect(page.get_by_text("vier keer per jaar")).to_be_visible()
    page.get_by_role("button", name="Mijn toestemming intrekken").click()
    expect(page.get_by_role("heading", name="Uw toestemming is ingetrokken")).to_be_visible()
