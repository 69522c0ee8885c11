"""A form that comes back with errors puts the keyboard focus on what to correct."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import Invitation, User
from daadkracht.plans.models import Action, StatusUpdate
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    ActionFactory,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.e2e

SLUG = "toetsdorp"


def active(page: Page, script: str) -> object:
    """`script` evaluated on document.activeElement, as `el`."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {script}; }})()")


@pytest.fixture
def town(log_in: Callable[[User], None]) -> Municipality:
    """Gemeente Toetsdorp, its Groendienst and its climate coordinator, logged in."""
    municipality = MunicipalityFactory(name="Gemeente Toetsdorp", slug=SLUG)
    DepartmentFactory(municipality=municipality, name="Groendienst")
    user = UserFactory(email="klimaat@toetsdorp.test", full_name="An Peeters")
    MembershipFactory(user=user, municipality=municipality, role=Role.COORDINATOR)
    log_in(user)
    return municipality


def an_action(municipality: Municipality) -> Action:
    with tenant_scope(municipality):
        plan = plan_create(
            actor=None,
            municipality=municipality,
            name="Klimaatplan Toetsdorp",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(80000),
        )
    return ActionFactory.create(
        plan=plan, identifier="B3.01", title="Fietsstraten in het centrum", progress=40
    )


def test_an_invitation_that_fails_puts_the_focus_on_its_errors(page: Page, town):
    page.goto(reverse("tenancy:member_invite", kwargs={"municipality": SLUG}))
    page.get_by_label("E-mailadres").fill("collega@toetsdorp.test")
    page.get_by_label("Bewerker", exact=False).check()
    page.get_by_role("button", name="Uitnodiging versturen").click()

    summary = page.locator("[data-form-errors]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Een bewerker past de acties van de eigen dienst aan")
    assert active(page, "el.hasAttribute('data-form-errors')") is True
    department = page.get_by_label("Dienst", exact=True)
    expect(department).to_have_attribute("aria-invalid", "true")
    described = department.get_attribute("aria-describedby") or ""
    error_id = next(part for part in described.split() if part.endswith("_error"))
    expect(page.locator(f"#{error_id}")).to_contain_text("kies daarom die dienst")

    # Its link takes the focus into the field to correct.
    summary.get_by_role("link", name="Dienst").click()
    assert active(page, "el.id") == department.get_attribute("id")
    department.select_option(label="Groendienst")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Uitnodiging verstuurd naar collega@toetsdorp.test.")).to_be_visible()
    assert Invitation.unscoped.get(email="collega@toetsdorp.test").department is not None


def test_an_update_without_text_is_reported_at_the_top_of_the_action_page(page: Page, town):
    action = an_action(town)
    page.goto(reverse("plans:action_detail", kwargs={"municipality": SLUG, "pk": action.pk}))
    page.get_by_text("Update of beslissing plaatsen").click()
    page.get_by_role("button", name="Op de tijdlijn plaatsen").click()

    summary = page.locator("[data-form-errors]")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Uw update is nog niet geplaatst")
    box = summary.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < 400, "the errors are at the top of the page, in view"
    assert active(page, "el.closest('main') !== null") is True
    assert not StatusUpdate.unscoped.filter(action=action).exists()

    summary.get_by_role("link").first.click()
    assert active(page, "el.tagName") == "TEXTAREA"
    page.keyboard.type("Ontwerp van de fietsstraten is klaar.")
    page.get_by_role("button", name="Op de tijdlijn plaatsen").click()
    expect(page.get_by_text("Ontwerp van de fietsstraten is klaar.")).to_be_visible()


def test_a_quick_update_in_the_list_puts_the_focus_on_its_errors(page: Page, town):
    action = an_action(town)
    page.goto(reverse("plans:actions", kwargs={"municipality": SLUG}))
    page.get_by_role("link", name="Snelle update B3.01").click()
    row = page.locator(f"#action-{action.pk}")
    expect(row.locator("form.quick-update")).to_be_visible()

    row.get_by_label("Voortgang (%)").fill("150")
    row.get_by_role("button", name="Update bewaren").click()

    summary = row.locator("[data-form-errors]")
    expect(summary).to_be_focused()
    assert active(page, "el.closest('tr') && el.closest('tr').id") == f"action-{action.pk}"
    expect(row.get_by_label("Voortgang (%)")).to_have_attribute("aria-invalid", "true")
    assert not StatusUpdate.unscoped.filter(action=action).exists()
