"""At a climate team's meeting the coordinator adds an action of the plan and a work agreement
between three departments, in the browser."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.models import ClimateTeam, Meeting, MeetingDepartment, MeetingKind
from daadkracht.plans.models import Theme
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


def test_an_action_and_an_agreement_come_out_of_a_team_meeting(page: Page, log_in, results_dir):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    estate = DepartmentFactory(municipality=town, name="Patrimonium")
    environment = DepartmentFactory(municipality=town, name="Milieu en duurzaamheid")
    DepartmentFactory(municipality=town, name="Financiën")
    coordinator = UserFactory(email="klimaat@toetsdorp.test", full_name="An Coördinator")
    MembershipFactory(user=coordinator, municipality=town, role=Role.COORDINATOR)
    with tenant_scope(town):
        plan = plan_create(
            actor=None,
            municipality=town,
            name="Klimaatplan Toetsdorp",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(40000),
        )
        buildings = Theme.objects.create(plan=plan, code="B1", name="Gebouwen")
        team = ClimateTeam.objects.create(name="Klimaatteam gebouwen", theme=buildings)
        start = timezone.now() - timedelta(hours=3)
        meeting = Meeting.objects.create(
            title="Klimaatteam gebouwen: renovatieplanning",
            kind=MeetingKind.OTHER,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            team=team,
        )
        for department in (estate, environment):
            MeetingDepartment.objects.create(meeting=meeting, department=department)
    log_in(coordinator)

    page.goto(f"/toetsdorp/overleg/{meeting.pk}/")
    page.get_by_role("link", name="Nieuwe actie uit deze vergadering").click()
    expect(page.get_by_label("Gebouwen")).to_be_checked()
    page.locator("#id_identifier").fill("B1.07")
    page.locator("#id_title").fill("Dakisolatie van de sporthal")
    page.screenshot(path=results_dir / "meeting-new-action.png", full_page=True)
    page.get_by_role("button", name="Actie toevoegen").click()
    created_here = page.get_by_role("heading", name="Acties aangemaakt op deze vergadering")
    expect(created_here).to_be_visible()
    page.get_by_role("link", name="Dakisolatie van de sporthal").click()
    expect(page.get_by_text("Aangemaakt op de vergadering")).to_be_visible()
    page.get_by_role("link", name="Klimaatteam gebouwen: renovatieplanning").click()

    page.get_by_role("link", name="Werkafspraak toevoegen").click()
    page.locator("#id_title").fill("Financiën reserveert budget voor elke renovatie")
    page.get_by_label("Status").select_option("agreed")
    expect(page.get_by_label("Dienst 5", exact=True)).to_be_hidden()
    page.get_by_role("button", name="Nog een dienst toevoegen").click()
    expect(page.get_by_label("Dienst 5", exact=True)).to_be_focused()
    page.get_by_label("Dienst 3", exact=True).select_option(label="Financiën")
    page.screenshot(path=results_dir / "agreement-party-lines.png", full_page=True)
    page.get_by_role("button", name="Bewaren").click()
    agreement = "Financiën reserveert budget voor elke renovatie"
    expect(page.get_by_text(agreement).first).to_be_visible()
    page.goto(f"/toetsdorp/overleg/klimaatteams/{team.pk}/")
    expect(page.get_by_text(agreement)).to_be_visible()
    expect(page.get_by_text("Dakisolatie van de sporthal")).to_be_visible()
    page.screenshot(path=results_dir / "team-page.png", full_page=True)
