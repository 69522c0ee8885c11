"""Actions whose status is unknown (an imported list that does not say) are counted, shown and
named apart: never as "not started", "under way" or "on track", and in no progress figure."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import StatusCategory
from daadkracht.testing.factories import ActionFactory
from tests.dashboard.conftest import status, theme
from tests.dashboard.test_home import dashboard_of
from tests.dashboard.test_honest_figures import text_of


@pytest.fixture
def unknown_actions(situation, world):
    """Three actions of the Damme list whose status cell was empty; one of them with a figure
    for its progress, one past its deadline."""
    plan = world.plan_a
    today = timezone.localdate()
    with tenant_scope(world.a):
        unknown = status(plan, StatusCategory.UNKNOWN)
        water = theme(plan, "B8", "Water vasthouden", colour="#1f6fb5", position=4)
        buffer = ActionFactory.create(
            plan=plan,
            identifier="B8.01",
            title="Regenwaterbuffer aan de sporthal",
            status=unknown,
            progress=30,
        )
        buffer.themes.set([water])
        wadi = ActionFactory.create(
            plan=plan,
            identifier="B8.02",
            title="Wadi in de nieuwe verkaveling",
            status=unknown,
            deadline=today - timedelta(days=20),
        )
        wadi.themes.set([water])
        lighting = ActionFactory.create(
            plan=plan,
            identifier="N.02",
            title="Ledverlichting in de bibliotheek",
            status=unknown,
            co2_reduction=Decimal("12.0"),
        )
        lighting.themes.set([situation.bridge_2])
    return unknown, water


def test_the_dashboard_says_how_many_actions_have_an_unknown_status(unknown_actions, coordinator):
    unknown, _water = unknown_actions

    response, dashboard = dashboard_of(coordinator)

    assert dashboard.unknown == 3
    assert dashboard.unknown_statuses == [unknown]
    assert dashboard.action_count == 13  # part of the total
    figure = response.content.decode()
    assert '3</span> <span class="stat__label">acties met onbekende status' in figure
    assert f"?status={unknown.pk}" in figure  # the key figure leads to those actions
    statuses = text_of(response.content, "statuses")
    assert "3 acties hebben een onbekende status (onbekend)" in statuses
    assert "maar in geen enkel voortgangscijfer" in statuses


def test_unknown_is_not_counted_as_started_not_started_or_on_track(unknown_actions, coordinator):
    _response, dashboard = dashboard_of(coordinator)

    counts: dict[str, int] = {}
    for figures in dashboard.statuses:
        category = figures.status.category
        counts[category] = counts.get(category, 0) + figures.count
    # The same as without the three actions (see test_home.test_status_distribution).
    assert counts["not_started"] == 2
    assert counts["active"] == 5
    assert counts["unknown"] == 3
    assert sum(s.count for s in dashboard.statuses) == dashboard.action_count
    unknown_share = next(s.share for s in dashboard.statuses if s.status.category == "unknown")
    assert unknown_share == pytest.approx(3 / 13 * 100)
    # A late action with an unknown status is late, but not "still marked as under way".
    assert dashboard.late.total == 2
    assert dashboard.late_while_active == 1


def test_the_average_progress_leaves_them_out_and_says_so(unknown_actions, coordinator):
    response, dashboard = dashboard_of(coordinator)

    average = dashboard.average_progress
    assert (average.counted, average.cancelled, average.unknown) == (9, 1, 3)
    # 30 % of B8.01 is not counted: the value is what the nine known actions say.
    assert average.value == (0 + 0 + 40 + 0 + 100 + 50 + 80 + 0 + 0) / 9
    content = response.content.decode()
    assert "Gemiddelde voortgang van 9 acties" in content
    assert "3 acties met een onbekende status tellen niet mee." in content


def test_per_theme_they_are_counted_but_not_in_the_progress(
    unknown_actions, situation, coordinator
):
    _unknown, water = unknown_actions

    response, dashboard = dashboard_of(coordinator)

    figures = {t.theme: t for t in dashboard.themes}
    bridge_2 = figures[situation.bridge_2]
    assert (bridge_2.count, bridge_2.unknown, bridge_2.average_progress) == (2, 1, 80.0)
    only_unknown = figures[water]
    assert (only_unknown.count, only_unknown.unknown) == (2, 2)
    assert only_unknown.average_progress is None  # not 0 %: nothing is known
    chart_labels = [bar.label for bar in response.context["theme_chart"].bars]
    assert str(water) not in chart_labels
    assert str(situation.bridge_2) in chart_labels
    themes = text_of(response.content, "themes")
    assert "Status onbekend" in themes
    assert "B8 Water vasthouden 2 0 1 2 —" in themes


def test_without_unknown_statuses_the_dashboard_says_nothing_about_them(situation, coordinator):
    response, dashboard = dashboard_of(coordinator)

    assert dashboard.unknown == 0
    content = response.content.decode()
    assert "data-unknown-status" not in content
    assert "onbekende status" not in content
    assert "Status onbekend" not in content
