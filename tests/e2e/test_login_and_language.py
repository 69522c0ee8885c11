"""A coordinator logs in through the real form and switches the interface language."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DEFAULT_PASSWORD,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e


def test_coordinator_logs_in_and_switches_language(page: Page, live_server, results_dir):
    municipality = MunicipalityFactory(name="Gemeente Zonnedorp", slug="zonnedorp")
    department = DepartmentFactory(municipality=municipality, name="Milieu en Klimaat")
    coordinator = UserFactory(email="klimaat@zonnedorp.test", full_name="Lies Peeters")
    MembershipFactory(
        user=coordinator, municipality=municipality, role=Role.COORDINATOR, department=department
    )
    home_url = live_server.url + reverse("tenancy:home", kwargs={"municipality": "zonnedorp"})

    page.goto(reverse("accounts:login"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.locator("input[name=username]").fill(coordinator.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("main form button[type=submit]").click()

    # One municipality: the home page sends the coordinator straight to it.
    expect(page).to_have_url(home_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente Zonnedorp")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    switcher = page.get_by_role("contentinfo").locator("form.language-switcher")
    for language in ("fr", "en"):
        switcher.locator(f'button[value="{language}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page).to_have_url(home_url)
        expect(switcher.locator(f'button[value="{language}"]')).to_have_attribute(
            "aria-current", "true"
        )

    # Now explicitly in English.
    expect(page.locator("a.skip-link")).to_have_text("Skip to content")
    navigation = page.get_by_role("navigation", name="Main navigation")
    expect(navigation.locator("a[aria-current=page]")).to_have_attribute(
        "href", reverse("tenancy:home", kwargs={"municipality": "zonnedorp"})
    )
    expect(page.locator("details.user-menu summary")).to_have_text("Lies")
    page.screenshot(path=results_dir / "e2e-municipality-home.png", full_page=True)

    coordinator.refresh_from_db()
    assert coordinator.language == "en"
