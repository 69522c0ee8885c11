"""The municipality dashboard on the home page: each block for a constructed situation."""

from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.testing.factories import TaskFactory, as_platform
from tests.dashboard.conftest import pks

HOME = "/alfa/"


def dashboard_of(client, url: str = HOME):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response, response.context["dashboard"]


def test_late_stale_and_overdue_lists(situation, world, coordinator):
    response, dashboard = dashboard_of(coordinator)

    assert pks(dashboard.late.items) == pks([situation.late])
    assert dashboard.late.total == 1
    assert pks(dashboard.stale.items) == pks([situation.stale])
    assert dashboard.overdue_tasks.items == [situation.overdue_task]
    assert dashboard.overdue_tasks.total == 1
    content = response.content.decode()
    assert "Te late actie" in content
    assert "Stille actie" in content
    assert "Bewonersavond plannen" in content
    assert "Afgewerkte taak" not in content


@as_platform
def test_a_stale_period_set_on_the_plan_is_used(situation, world, coordinator):
    world.plan_a.stale_after_days = 200
    world.plan_a.save()

    _, dashboard = dashboard_of(coordinator)

    assert pks(dashboard.stale.items) == []


def test_a_status_update_takes_an_action_off_the_stale_list(situation, world, coordinator):
    from daadkracht.access.context import tenant_scope
    from daadkracht.plans.services.updates import timeline_update_post

    with tenant_scope(world.a):
        timeline_update_post(
            actor=world.users["coordinator"], action=situation.stale, text="Terug op de rails."
        )

    _, dashboard = dashboard_of(coordinator)

    assert situation.stale.pk not in pks(dashboard.stale.items)


def test_next_deadlines_cover_actions_and_milestones_in_sixty_days(situation, coordinator):
    _, dashboard = dashboard_of(coordinator)

    items = [(d.action.pk, d.milestone) for d in dashboard.deadlines.items]
    assert items == [
        (situation.milestone_soon.action_id, situation.milestone_soon),
        (situation.soon.pk, None),
    ]
    assert dashboard.deadlines.total == 2


def test_budget_sums_leave_out_cancelled_actions(situation, coordinator):
    response, dashboard = dashboard_of(coordinator)

    assert dashboard.budget.values == (Decimal(3000), Decimal(1300), Decimal(800))
    bridge_1 = next(t for t in dashboard.themes if t.theme == situation.bridge_1)
    assert bridge_1.budget.values == (Decimal(3000), Decimal(1300), Decimal(800))
    # Belgian number format in the table: a point groups the thousands.
    assert "3.000" in response.content.decode()


def test_progress_per_bridge_counts_sub_themes_once(situation, coordinator):
    _, dashboard = dashboard_of(coordinator)

    figures = {t.theme: t for t in dashboard.themes}
    bridge_1 = figures[situation.bridge_1]
    assert (bridge_1.count, bridge_1.done, bridge_1.average_progress) == (2, 1, 75.0)
    bridge_2 = figures[situation.bridge_2]
    assert (bridge_2.count, bridge_2.average_progress) == (1, 80.0)
    assert figures[None].count == 6  # the actions without a theme, the cancelled one left out
    assert situation.sub_theme_1 not in figures  # sub-themes roll up into their Bridge
    assert list(figures)[:2] == [situation.bridge_1, situation.bridge_2]


def test_status_distribution(situation, coordinator):
    _, dashboard = dashboard_of(coordinator)

    counts = {s.status.category: 0 for s in dashboard.statuses}
    for s in dashboard.statuses:
        counts[s.status.category] += s.count
    assert counts == {
        "not_started": 2,
        "active": 5,
        "delayed": 1,
        "done": 1,
        "paused": 0,
        "cancelled": 1,
        "unknown": 0,  # every plan has an "unknown" status, here without actions
    }
    assert sum(s.share for s in dashboard.statuses) == pytest.approx(100)


def test_co2_gap_against_the_target(situation, world, coordinator):
    response, dashboard = dashboard_of(coordinator)
    co2 = dashboard.co2

    assert co2.needed == Decimal(40000)  # 100.000 t in the baseline year, -40 %
    assert (co2.achieved, co2.planned) == (Decimal(300), Decimal(500))
    assert co2.gap == Decimal(39200)
    assert co2.surplus == 0
    assert co2.without_estimate == 7
    content = response.content.decode()
    assert "39.200" in content
    assert "40.000" in content


@as_platform
def test_co2_surplus_when_the_actions_do_more_than_needed(situation, world, coordinator):
    world.plan_a.reduction_target = Decimal("0.5")  # 500 t
    world.plan_a.save()

    _, dashboard = dashboard_of(coordinator)

    assert dashboard.co2.gap == 0
    assert dashboard.co2.surplus == Decimal(300)


def test_charts_are_svg_with_a_text_alternative(situation, coordinator):
    response, _ = dashboard_of(coordinator)
    content = response.content.decode()

    for chart in ("theme-chart", "status-chart", "co2-chart", "budget-chart"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in content
        assert f'<title id="{chart}-title">' in content
    assert content.count("<table") >= 3
    # The Content-Security-Policy allows no inline styles or scripts.
    assert "style=" not in content
    assert "<script>" not in content
    # Coordinates keep a decimal point whatever the language.
    assert 'width="0,' not in content


def test_links_go_to_the_action_pages(situation, coordinator):
    response, _ = dashboard_of(coordinator)

    detail = reverse(
        "plans:action_detail", kwargs={"municipality": "alfa", "pk": situation.late.pk}
    )
    assert f'href="{detail}"' in response.content.decode()


def test_every_member_sees_the_dashboard(situation, world):
    for who in ("coordinator", "editor", "viewer", "coach"):
        response = world.client_for(who).get(HOME)
        assert response.status_code == HTTPStatus.OK, who
        assert pks(response.context["dashboard"].late.items) == [situation.late.pk], who


def test_the_dashboard_is_today_even_without_deadlines(world, coordinator):
    _, dashboard = dashboard_of(coordinator)

    assert dashboard.action_count == 2
    assert dashboard.late.total == dashboard.stale.total == dashboard.deadlines.total == 0
    assert not dashboard.changes.updates.items


@as_platform
def test_deadline_today_is_not_late_but_next(world, coordinator):
    world.action_a.deadline = timezone.localdate()
    world.action_a.save()

    _, dashboard = dashboard_of(coordinator)

    assert dashboard.late.total == 0
    assert [d.action.pk for d in dashboard.deadlines.items] == [world.action_a.pk]


@as_platform
def test_yesterdays_deadline_is_late(world, coordinator):
    world.action_a.deadline = timezone.localdate() - timedelta(days=1)
    world.action_a.save()

    _, dashboard = dashboard_of(coordinator)

    assert pks(dashboard.late.items) == pks([world.action_a])


def test_long_task_lists_show_the_first_ten_and_count_all(world, coordinator):
    today = timezone.localdate()
    for n in range(12):
        TaskFactory.create(
            action=world.action_a, title=f"Taak {n}", due_date=today - timedelta(days=n + 1)
        )
    for n in range(3):
        TaskFactory.create(
            action=world.other_action_a,
            title=f"Mijlpaal {n}",
            is_milestone=True,
            due_date=today + timedelta(days=n),
        )

    _, dashboard = dashboard_of(coordinator)

    overdue = dashboard.overdue_tasks
    assert (len(overdue.items), overdue.total, overdue.more) == (10, 12, 2)
    assert [t.title for t in overdue.items][:2] == ["Taak 11", "Taak 10"]  # the oldest first
    assert [d.milestone.title for d in dashboard.deadlines.items] == [
        "Mijlpaal 0",
        "Mijlpaal 1",
        "Mijlpaal 2",
    ]
