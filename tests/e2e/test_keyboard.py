"""Keyboard use: the skip link comes first and takes the focus to the main content."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.e2e


def test_skip_link_is_first_and_moves_focus_to_main(page: Page, log_in):
    municipality = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    viewer = UserFactory(email="schepen@toetsdorp.test", full_name="Schepen Wim Claes")
    MembershipFactory(user=viewer, municipality=municipality, role=Role.VIEWER)
    log_in(viewer)

    page.goto(reverse("tenancy:home", kwargs={"municipality": "toetsdorp"}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente Toetsdorp")

    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    # Hidden until focused, then on screen and outlined.
    box = skip_link.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert skip_link.evaluate("el => getComputedStyle(el).outlineStyle") != "none"

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # The next Tab continues inside the main content, past the header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
