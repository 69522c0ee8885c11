"""The dashboard on A4: no navigation or controls, charts kept, and the alderman's first page
holds the decisions, the key figures, the statuses and the CO2 gap."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.e2e

MM = 96 / 25.4  # CSS pixels per millimetre
# A4 less the print stylesheet's page margins (10 + 12 mm, 11 + 11 mm).
PAGE_HEIGHT = (297 - 22) * MM
PAGE_WIDTH = (210 - 22) * MM


def test_the_dashboard_prints_on_a4(page: Page, log_in, results_dir):
    municipality = MunicipalityFactory(name="Gemeente Drukdorp", slug="drukdorp")
    alderman = UserFactory(email="schepen@drukdorp.test", full_name="Schepen An Peeters")
    MembershipFactory(user=alderman, municipality=municipality, role=Role.VIEWER)
    built = bulk_plan(municipality=municipality, actions=40, tasks_per_action=1, seed=3)
    with tenant_scope(municipality):
        open_actions = Action.objects.filter(plan=built.plan, status__category="active")
        waiting = open_actions.order_by("identifier")[:2]
        Action.objects.filter(pk__in=[a.pk for a in waiting]).update(
            decision_needed=True, decision_question="Extra budget of uitstel?"
        )
    log_in(alderman)

    page.set_viewport_size({"width": round(PAGE_WIDTH), "height": 1000})
    page.goto(reverse("tenancy:home", kwargs={"municipality": "drukdorp"}))
    page.emulate_media(media="print")

    for hidden in (".site-header", ".site-footer", ".department-nav", ".since-form"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".dashboard__as-of").is_visible()
    assert page.locator("#decisions li").count() == 2
    charts = page.locator("svg.chart")
    assert charts.count() >= 4
    assert all(charts.nth(n).is_visible() for n in range(charts.count()))

    def bottom(selector: str) -> float:
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        return box["y"] + box["height"]

    tops = {
        section: page.locator(section).bounding_box()["y"]  # type: ignore[index]
        for section in ("#decisions", ".stats--dashboard", "#statuses", "#co2")
    }
    assert list(tops.values()) == sorted(tops.values()), tops
    assert bottom("#co2") <= PAGE_HEIGHT, "the alderman's page ends with the CO2 gap"

    pdf = page.pdf(path=str(results_dir / "dashboard-a4.pdf"), format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
