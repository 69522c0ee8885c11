"""A lunch talk in the browser: the coordinator plans it from the catalogue, the participants'
calendar file opens at noon in Brussels, attendance is recorded, and the work agreement made
there shows on the department's overview and on the dashboard."""

from datetime import date, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


def test_a_lunch_talk_is_planned_held_and_yields_a_work_agreement(
    page: Page, log_in, results_dir, method_catalogue
):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    DepartmentFactory(municipality=town, name="Milieu en duurzaamheid")
    mobility = DepartmentFactory(municipality=town, name="Mobiliteit")
    coordinator = UserFactory(email="klimaat@toetsdorp.test", full_name="An Coördinator")
    head = UserFactory(email="mobiliteit@toetsdorp.test", full_name="Bram Peeters")
    MembershipFactory(user=coordinator, municipality=town, role=Role.COORDINATOR)
    MembershipFactory(user=head, municipality=town, role=Role.EDITOR, department=mobility)
    with tenant_scope(town):
        plan_create(
            actor=None,
            municipality=town,
            name="Klimaatplan Toetsdorp",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(40000),
        )
    day = date.today() + timedelta(days=10)
    log_in(coordinator)

    # From the catalogue's lunch talk, plan one.
    page.goto("/toetsdorp/overleg/methodieken/")
    page.get_by_role("link", name="Lunchgesprek").click()
    expect(page.get_by_role("heading", name="Handleiding voor de moderator")).to_be_visible()
    page.screenshot(path=results_dir / "lunch-talk-method.png", full_page=True)
    page.get_by_role("link", name="Vergadering plannen: Lunchgesprek").click()
    page.get_by_label("Titel").fill("Lunchgesprek Mobiliteit")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Beginuur").fill("12:00")
    page.get_by_label("Einduur").fill("13:30")
    page.get_by_label("Plaats").fill("Cafetaria van het administratief centrum")
    page.get_by_label("Milieu en duurzaamheid").check()
    page.get_by_label("Mobiliteit", exact=True).check()
    page.get_by_label("Bram Peeters").check()
    page.get_by_role("button", name="Plannen en uitnodigingen versturen").click()
    expect(page.get_by_role("heading", name="Lunchgesprek Mobiliteit")).to_be_visible()
    page.screenshot(path=results_dir / "lunch-talk-meeting.png", full_page=True)

    # The invitation went out; its calendar file opens at noon, Brussels time.
    (invitation,) = [m for m in mail.outbox if m.to == ["mobiliteit@toetsdorp.test"]]
    assert invitation.subject.startswith("Uitnodiging: Lunchgesprek Mobiliteit")
    with page.expect_download() as download:
        page.get_by_role("link", name="In mijn agenda zetten (.ics)").click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART").astimezone(ZoneInfo("Europe/Brussels"))
    assert (start.date(), start.time()) == (day, time(12, 0))

    # Held: attendance, then the work agreement made at the table.
    page.get_by_label("Bram Peeters").check()
    page.get_by_role("button", name="Aanwezigheden bewaren").click()
    expect(page.get_by_text("1 van de 1 waren aanwezig")).to_be_visible()
    page.get_by_role("link", name="Werkafspraak toevoegen").click()
    page.locator("#id_title").fill("Elk nieuw straatplan krijgt een klimaattoets")
    page.get_by_label("Tegen wanneer").fill((date.today() - timedelta(days=1)).isoformat())
    page.get_by_label("Status").select_option("agreed")
    page.get_by_label("Wat dienst 1 doet").fill("Legt elk ontwerp voor")
    page.get_by_label("Wat dienst 2 doet").fill("Geeft advies binnen twee weken")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Elk nieuw straatplan krijgt een klimaattoets").first).to_be_visible()
    page.screenshot(path=results_dir / "lunch-talk-agreement.png", full_page=True)

    # It shows on the department's overview and, overdue, on the dashboard.
    page.get_by_role("link", name="Mobiliteit", exact=True).click()
    expect(page.get_by_role("heading", name="Werkafspraken van Mobiliteit")).to_be_visible()
    expect(page.get_by_text("Elk nieuw straatplan krijgt een klimaattoets")).to_be_visible()
    page.goto("/toetsdorp/")
    expect(page.get_by_role("heading", name="1 werkafspraak om op te volgen")).to_be_visible()
    page.screenshot(path=results_dir / "lunch-talk-dashboard.png", full_page=True)
