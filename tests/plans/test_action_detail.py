"""The action page: everything about one action, its tasks and timeline, for every member."""

from datetime import date, timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import (
    ActionDepartment,
    ActionStatus,
    DepartmentRole,
    StatusUpdate,
    Tag,
    Theme,
    UpdateKind,
)
from daadkracht.testing.factories import TaskFactory, as_platform


def detail_url(action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


@pytest.fixture
def rich_action(world):
    """Action A with every field filled, themes, tags, departments, tasks and a timeline."""
    with tenant_scope(world.a):
        return _fill_everything(world)


def _fill_everything(world):
    action = world.action_a
    plan = world.plan_a
    bridge = Theme.unscoped.create(
        municipality=world.a, plan=plan, code="B3", name="Slim verplaatsen", colour="#1f6fb5"
    )
    sub = Theme.unscoped.create(
        municipality=world.a, plan=plan, parent=bridge, code="B3.1", name="Fietsen"
    )
    action.themes.set([bridge, sub])
    action.tags.set([Tag.unscoped.create(municipality=world.a, name="schoolomgeving")])
    ActionDepartment.unscoped.create(
        municipality=world.a,
        action=action,
        department=world.other_department_a,
        role=DepartmentRole.CONSULTED,
    )
    statuses = list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))
    action.description = "Vijf nieuwe fietsstraten rond de scholen."
    action.responsible = world.users["editor"]
    action.status = statuses[2]
    action.progress = 45
    action.start_date = date(2024, 3, 1)
    action.deadline = date(2026, 6, 30)
    action.budget_planned = Decimal(250000)
    action.budget_committed = Decimal(120000)
    action.budget_spent = Decimal(80000)
    action.funding_source = "lekp"
    action.co2_reduction = Decimal(125)
    action.energy_saved = Decimal("310.5")
    action.renewable_produced = Decimal(12)
    action.com_sector = "transport"
    action.com_area = "walking_cycling"
    action.com_instrument = "mobility"
    action.co_benefits = ["health", "air_quality"]
    action.visibility = "public"
    action.save()
    TaskFactory.create(action=action, title="Verkeerstelling", due_date=date(2025, 1, 15))
    TaskFactory.create(
        action=action, title="Gemeenteraad keurt goed", is_milestone=True, done_at=timezone.now()
    )
    StatusUpdate.unscoped.create(
        municipality=world.a,
        action=action,
        author=world.users["coordinator"],
        date=date(2025, 2, 1),
        text="Aanbesteding gestart.",
        previous_status=statuses[1],
        new_status=statuses[2],
        previous_progress=20,
        new_progress=45,
    )
    StatusUpdate.unscoped.create(
        municipality=world.a,
        action=action,
        author=world.users["editor"],
        date=date(2025, 5, 1),
        kind=UpdateKind.DECISION,
        text="College keurt extra budget goed.",
        previous_deadline=date(2025, 12, 31),
        new_deadline=date(2026, 6, 30),
    )
    return action


def test_the_page_shows_everything_about_the_action(world, rich_action):
    response = world.client_for("viewer").get(detail_url(rich_action))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for text in [
        "B3.01",
        "Fietsstraten in het centrum",
        "Vijf nieuwe fietsstraten rond de scholen.",
        "B3 Slim verplaatsen",
        "B3.1 Fietsen",
        "Mobiliteit",
        "Groendienst",
        world.users["editor"].full_name,
        "schoolomgeving",
        "Verkeerstelling",
        "Gemeenteraad keurt goed",
        "Aanbesteding gestart.",
        "College keurt extra budget goed.",
        'value="45"',  # the progress bar
        "<svg",
    ]:
        assert text in html, text
    context = response.context
    assert [b.width for b in context["budget_bars"]] == [320, 154, 102]
    assert context["action"].cost_per_tonne == Decimal(2000)
    assert context["tasks_done"] == 1
    assert len(context["co_benefits"]) == 2
    assert [i.department for i in context["involvements"]] == [world.other_department_a]


def test_the_timeline_is_newest_first_and_shows_what_moved(world, rich_action):
    response = world.client_for("viewer").get(detail_url(rich_action))

    updates = response.context["updates"]
    assert [u.text for u in updates] == [
        "College keurt extra budget goed.",
        "Aanbesteding gestart.",
    ]
    html = response.content.decode()
    assert "20% → 45%" in html
    assert "in voorbereiding → op schema" in html
    # Deadline moved from 31 December 2025 to 30 June 2026 (dates in the page's language).
    assert "2025" in html
    assert "2026" in html


def test_the_timeline_can_be_filtered_ordered_and_exported(world, rich_action):
    viewer = world.client_for("viewer")

    decisions = viewer.get(detail_url(rich_action) + "?kind=decision")
    oldest = viewer.get(detail_url(rich_action) + "?order=oldest")
    export = viewer.get(detail_url(rich_action) + "?export=csv")

    assert [u.text for u in decisions.context["updates"]] == ["College keurt extra budget goed."]
    assert next(u.text for u in oldest.context["updates"]) == "Aanbesteding gestart."
    assert export.status_code == HTTPStatus.OK
    assert export["Content-Type"].startswith("text/csv")
    text = export.getvalue().decode("utf-8-sig")
    assert "College keurt extra budget goed." in text
    assert "2026-06-30" in text


def test_readers_see_no_edit_controls(world, rich_action):
    for who in ("viewer", "coach"):
        response = world.client_for(who).get(detail_url(rich_action))
        assert response.context["can_edit"] is False
        assert response.context["task_form"] is None
        assert f"/alfa/plan/acties/{rich_action.pk}/bewerken/".encode() not in response.content
        assert b"/opvolging/" not in response.content


def test_editors_of_the_lead_department_and_coordinators_get_the_forms(world, rich_action):
    for who in ("editor", "coordinator"):
        response = world.client_for(who).get(detail_url(rich_action))
        assert response.context["can_edit"] is True
        assert f"/alfa/plan/acties/{rich_action.pk}/bewerken/".encode() in response.content
        assert f"/alfa/plan/acties/{rich_action.pk}/opvolging/".encode() in response.content


def test_an_editor_of_another_department_reads_but_cannot_edit(world):
    response = world.client_for("editor").get(detail_url(world.other_action_a))

    assert response.status_code == HTTPStatus.OK
    assert response.context["can_edit"] is False


def test_the_history_link_is_for_coordinators_and_coaches_once_there_is_history(world):
    coordinator = world.client_for("coordinator")
    url = f"/alfa/plan/acties/{world.action_a.pk}/bewerken/"
    history = f"/alfa/geschiedenis/plans.action/{world.action_a.pk}/".encode()
    assert history not in coordinator.get(detail_url(world.action_a)).content
    page = coordinator.get(url)
    data = {
        **{k: ("" if v is None else v) for k, v in page.context["form"].initial.items()},
        "identifier": "B3.01",
        "title": "Fietsstraten in het hele centrum",
        "status": world.action_a.status_id,
        "phase": "idea",
        "progress": 0,
        "priority": "normal",
        "com_kind": "mitigation",
        "visibility": "internal",
        "version": world.action_a.version,
        "lead_department": world.department_a.pk,
        "departments-TOTAL_FORMS": 0,
        "departments-INITIAL_FORMS": 0,
    }
    assert coordinator.post(url, data).status_code == HTTPStatus.FOUND

    assert history in coordinator.get(detail_url(world.action_a)).content
    assert history in world.client_for("coach").get(detail_url(world.action_a)).content
    assert history not in world.client_for("viewer").get(detail_url(world.action_a)).content
    assert world.client_for("coach").get(history.decode()).status_code == HTTPStatus.OK


def test_another_municipality_never_sees_the_action(world):
    outsider = world.client_for("other_municipality")

    assert outsider.get(detail_url(world.action_a)).status_code == HTTPStatus.NOT_FOUND
    assert outsider.get(f"/beta/plan/acties/{world.action_a.pk}/").status_code == 404
    # A's members cannot reach B's action through A's address either.
    assert world.client_for("coordinator").get(detail_url(world.action_b)).status_code == 404


def test_empty_action_shows_empty_states(world):
    response = world.client_for("editor").get(detail_url(world.action_a))

    assert response.status_code == HTTPStatus.OK
    assert response.context["tasks"] == []
    assert response.context["updates"] == []
    assert response.context["budget_bars"] == []


@as_platform
def test_late_actions_are_marked(world):
    action = world.action_a
    action.deadline = timezone.localdate() - timedelta(days=3)
    action.save()

    response = world.client_for("viewer").get(detail_url(action))

    assert response.context["is_late"] is True


@as_platform
def _fill(world, action, *, tasks: int, updates: int) -> None:
    for n in range(tasks):
        TaskFactory.create(action=action, owner=world.users["editor"], title=f"Taak {n}")
    statuses = list(ActionStatus.unscoped.filter(plan=world.plan_a))
    StatusUpdate.unscoped.bulk_create(
        StatusUpdate(
            municipality=world.a,
            action=action,
            author=world.users["coordinator"],
            date=date(2025, 1, 1) + timedelta(days=n),
            text=f"Update {n}",
            previous_status=statuses[n % len(statuses)],
            new_status=statuses[(n + 1) % len(statuses)],
        )
        for n in range(updates)
    )


@pytest.mark.parametrize("who", ["coordinator", "viewer"])
def test_the_number_of_queries_does_not_grow_with_tasks_and_updates(world, who):
    client = world.client_for(who)
    small, large = world.action_a, world.other_action_a
    _fill(world, small, tasks=3, updates=3)
    _fill(world, large, tasks=60, updates=60)
    client.get(detail_url(small))  # warm up: sessions, content types

    with CaptureQueriesContext(connection) as few:
        assert client.get(detail_url(small)).status_code == HTTPStatus.OK
    with CaptureQueriesContext(connection) as many:
        assert client.get(detail_url(large)).status_code == HTTPStatus.OK

    assert len(many) == len(few)
