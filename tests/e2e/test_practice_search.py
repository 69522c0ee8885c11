"""The public practice list in a browser: axe-core (WCAG 2.1 A and AA) finds nothing, and a
visitor searches, filters and pages with the keyboard alone."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import _violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(method_catalogue) -> None:
    call_command("demo", stdout=StringIO())


def test_the_practice_list_has_no_violations(page: Page, demo):
    paths = [
        "/praktijken/",
        "/praktijken/?q=klimaatacties",
        "/praktijken/?q=kernfusiecentrale",
        "/praktijken/?theme=energy&sort=recent&page=2",
    ]
    found = [problem for path in paths for problem in _violations(page, path)]
    assert found == []


def test_a_visitor_searches_and_filters_with_the_keyboard(page: Page, demo):
    page.goto("/praktijken/")
    page.get_by_label("Zoekwoorden").fill("energie")
    page.keyboard.press("Enter")
    expect(page.locator(".result-count")).to_contain_text("praktijk")
    expect(page.locator(".practice-result mark").first).to_be_visible()
    first_theme = page.locator("fieldset.facet").first.locator("input[type=checkbox]").first
    first_theme.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Filters toepassen").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]theme="))
