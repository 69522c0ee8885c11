"""A coordinator starts the collaboration trajectory, records the intake's agreements and ticks
off a responsibility with the keyboard; the coach then finds the phase on their overview."""

import pytest
from playwright.sync_api import Page, expect

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory
from daadkracht.trajectory.models import ChecklistItem, Trajectory

pytestmark = pytest.mark.e2e


def test_a_coordinator_starts_the_trajectory_and_the_coach_sees_it(
    page: Page, log_in, context, results_dir
):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    coordinator = UserFactory(email="klimaat@toetsdorp.test", full_name="Lien Klimaat")
    coach = UserFactory(email="coach@toetsdorp.test", full_name="Tom Coach")
    MembershipFactory(user=coordinator, municipality=town, role=Role.COORDINATOR)
    MembershipFactory(user=coach, municipality=town, role=Role.COACH)
    log_in(coordinator)

    page.goto("/toetsdorp/")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Samenwerking"
    ).click()
    expect(
        page.get_by_role("navigation", name="Samenwerking").get_by_role("link", name="Traject")
    ).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("Het traject is nog niet gestart.")).to_be_visible()
    page.get_by_label("Startdatum").fill("2026-03-02")
    page.get_by_role("button", name="Het traject starten").click()

    expect(page.get_by_role("heading", name="Fasen")).to_be_visible()
    expect(page.get_by_role("link", name="1. Intake")).to_be_visible()
    page.get_by_role("link", name="Afspraken bewerken").click()
    page.get_by_label("Bevoegde schepen").fill("Schepen Ria Vandamme")
    page.get_by_label("Contactpersoon").select_option(label="Lien Klimaat")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Schepen Ria Vandamme")).to_be_visible()

    done = page.get_by_role("button", name="Afgewerkt: Eén contactpersoon", exact=False)
    done.focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("button", name="Afgewerkt: Eén contactpersoon", exact=False)
    ).to_have_attribute("aria-pressed", "true")
    page.screenshot(path=results_dir / "trajectory-started.png", full_page=True)

    trajectory = Trajectory.unscoped.get(municipality=town)
    assert trajectory.alderman == "Schepen Ria Vandamme"
    assert trajectory.contact_person == coordinator
    assert ChecklistItem.unscoped.get(trajectory=trajectory, key="contact-person").is_done

    context.clear_cookies()
    log_in(coach)
    page.goto("/coach/")
    row = page.get_by_role("row", name="Gemeente Toetsdorp", exact=False)
    expect(row.get_by_role("link", name="Intake")).to_be_visible()
