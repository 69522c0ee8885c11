"""A coordinator starts the collaboration model from the suggestion, names a climate contact
with the keyboard and sees the department that still lacks one; the page prints without its
buttons."""

import pytest
from playwright.sync_api import Page, expect

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


def test_a_coordinator_describes_the_collaboration_model(page: Page, log_in, results_dir):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    mobility = DepartmentFactory(municipality=town, name="Mobiliteit")
    DepartmentFactory(municipality=town, name="Groendienst")
    coordinator = UserFactory(email="klimaat@toetsdorp.test", full_name="Lien Klimaat")
    editor = UserFactory(email="mobiliteit@toetsdorp.test", full_name="Pieter Fiets")
    MembershipFactory(user=coordinator, municipality=town, role=Role.COORDINATOR)
    MembershipFactory(user=editor, municipality=town, role=Role.EDITOR, department=mobility)
    log_in(coordinator)

    page.goto("/toetsdorp/traject/")
    page.get_by_role("navigation", name="Samenwerkingstraject").get_by_role(
        "link", name="Samenwerkingsmodel"
    ).click()
    expect(page.get_by_text("Het samenwerkingsmodel is nog niet beschreven.")).to_be_visible()
    page.get_by_role("button", name="Vertrek van dit voorstel").click()

    route = page.locator("ol.decision-route li")
    expect(route).to_have_count(3)
    expect(route.last).to_have_text("College van burgemeester en schepenen")
    expect(page.get_by_role("row", name="Klimaatteam gebouwen", exact=False)).to_be_visible()

    page.get_by_role("link", name="Klimaataanspreekpunten bewerken").click()
    contact = page.get_by_label("Lid dat klimaataanspreekpunt is van Mobiliteit")
    contact.focus()
    contact.select_option(label="Pieter Fiets")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Bewaren").press("Enter")

    expect(page.get_by_text("1 van 2 diensten hebben een klimaataanspreekpunt.")).to_be_visible()
    gap = page.get_by_role("row", name="Groendienst", exact=False)
    expect(gap).to_contain_text("nog geen klimaataanspreekpunt")
    page.screenshot(path=results_dir / "collaboration-model.png", full_page=True)

    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Klimaataanspreekpunten bewerken")).to_be_hidden()
    expect(page.get_by_role("heading", name="Wie coördineert")).to_be_visible()
