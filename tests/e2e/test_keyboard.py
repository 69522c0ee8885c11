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

    # The department list: a page with something to operate inside its main content.
    page.goto(reverse("tenancy:departments", kwargs={"municipality": "toetsdorp"}))
    expect(page.get_by_role("search")).to_be_visible()

    skip_link = page.locator("a.skip-link")
    box = skip_link.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= 0, "the skip link is off-screen until it gets focus"

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    # On screen once focused, with a visible focus ring.
    box = skip_link.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert skip_link.evaluate("el => getComputedStyle(el).outlineStyle") != "none"

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # The next Tab continues inside the main content, past the header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
