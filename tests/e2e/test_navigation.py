"""The main navigation on a laptop and a phone: one line of entries, the collaboration areas
under one entry with a second row, the active entries marked, all of it reachable by keyboard."""

import pytest
from playwright.sync_api import Page, expect

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.e2e


def rows_of(page: Page, selector: str) -> int:
    """On how many lines the entries of a navigation lie."""
    return page.locator(selector).evaluate(
        "nav => new Set([...nav.querySelectorAll('li')]"
        ".map(li => Math.round(li.getBoundingClientRect().top))).size"
    )


@pytest.fixture
def coordinator(log_in):
    town = MunicipalityFactory(name="Gemeente Toetsdorp", slug="toetsdorp")
    user = UserFactory(email="klimaat@toetsdorp.test", full_name="Lien Klimaat")
    MembershipFactory(user=user, municipality=town, role=Role.COORDINATOR)
    log_in(user)
    return user


def test_on_a_laptop_the_navigation_is_one_line_in_each_language(
    page: Page, coordinator, results_dir
):
    page.goto("/toetsdorp/werkafspraken/")
    main = page.get_by_role("navigation", name="Hoofdnavigatie")
    collaboration = main.get_by_role("link", name="Samenwerking")
    expect(collaboration).to_have_attribute("aria-current", "page")
    expect(main.get_by_role("link", name="Overleg")).to_have_count(0)
    section = page.get_by_role("navigation", name="Samenwerking")
    expect(section.get_by_role("link")).to_have_text(
        ["Traject", "Diagnose", "Overleg", "Ondersteuningsaanbod"]
    )
    expect(section.get_by_role("link", name="Overleg")).to_have_attribute("aria-current", "page")
    assert rows_of(page, "nav.main-nav") == 1
    page.screenshot(path=results_dir / "e2e-navigation-1280.png")

    for language in ("fr", "en"):
        page.locator(f'footer button[value="{language}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert rows_of(page, "nav.main-nav") == 1, language

    # The dashboard has no second row.
    page.goto("/toetsdorp/")
    expect(page.locator("nav.section-nav")).to_have_count(0)


def test_the_entry_leads_to_the_trajectory_and_the_areas_by_keyboard(page: Page, coordinator):
    page.goto("/toetsdorp/")
    main = page.get_by_role("navigation", name="Hoofdnavigatie")
    main.get_by_role("link", name="Samenwerking").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url("/toetsdorp/traject/")
    section = page.get_by_role("navigation", name="Samenwerking")
    expect(section.get_by_role("link", name="Traject")).to_have_attribute("aria-current", "page")

    # From the active main entry, Tab walks on to the second row.
    main.get_by_role("link", name="Samenwerking").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if section.get_by_role("link", name="Diagnose").evaluate(
            "link => link === document.activeElement"
        ):
            break
    expect(section.get_by_role("link", name="Diagnose")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url("/toetsdorp/samenwerking/")
    expect(section.get_by_role("link", name="Diagnose")).to_have_attribute("aria-current", "page")


def test_on_a_phone_each_row_scrolls_on_one_line(page: Page, coordinator, results_dir):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/toetsdorp/overleg/")

    assert rows_of(page, "nav.main-nav") == 1
    assert rows_of(page, "nav.section-nav") == 1
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, "the page itself does not scroll sideways"
    current = page.get_by_role("navigation", name="Samenwerking").get_by_role(
        "link", name="Overleg"
    )
    expect(current).to_be_in_viewport()
    page.screenshot(path=results_dir / "e2e-navigation-375.png")
