"""A department that contributes to an action reports on it: its editors post status updates on
the action's timeline, but editing the action itself stays with the lead department."""

from http import HTTPStatus

import pytest

from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    DepartmentRole,
    StatusUpdate,
    UpdateSource,
)
from daadkracht.plans.policies import can_edit_action, can_post_update
from daadkracht.testing.factories import as_platform


def detail_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


def update_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/opvolging/"


def quick_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/snel-bijwerken/"


def status_named(world, position: int) -> ActionStatus:
    return ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position")[position]


@as_platform
def involve(world, role: str) -> Action:
    """The green department's action B6.01, with the editor's department (mobility) involved."""
    ActionDepartment.unscoped.create(
        municipality=world.a,
        action=world.other_action_a,
        department=world.department_a,
        role=role,
    )
    return world.other_action_a


@pytest.fixture
def contributed(world) -> Action:
    return involve(world, DepartmentRole.CONTRIBUTES)


def test_the_policy_lets_a_contributing_department_report_but_not_edit(world, contributed):
    editor = world.membership("editor")

    with world.as_member("editor"):
        assert can_post_update(editor, contributed)
        assert not can_edit_action(editor, contributed)


def test_a_contributing_department_posts_an_update_from_the_action_page(world, contributed):
    editor = world.client_for("editor")
    under_way = status_named(world, 2)

    page = editor.get(detail_url(contributed))
    response = editor.post(
        update_url(contributed),
        {
            "update-kind": "update",
            "update-date": "2026-11-20",
            "update-text": "Mobiliteit legde de fietsenstallingen aan.",
            "update-new_status": under_way.pk,
        },
    )

    assert page.status_code == HTTPStatus.OK
    assert page.context["update_form"] is not None
    assert not page.context["can_edit"]
    assert "/bewerken/" not in page.content.decode(), "no way to the edit form"
    assert response.status_code == HTTPStatus.FOUND
    update = StatusUpdate.unscoped.get(action=contributed)
    assert (update.author, update.source) == (world.users["editor"], UpdateSource.UPDATE)
    stored = Action.unscoped.get(pk=contributed.pk)
    assert stored.status_id == under_way.pk
    assert stored.last_update_at is not None


def test_a_contributing_department_uses_the_quick_update_of_the_list(world, contributed):
    editor = world.client_for("editor")

    listing = editor.get("/alfa/plan/acties/")
    response = editor.post(
        quick_url(contributed),
        {
            "version": contributed.version,
            "new_status": contributed.status_id,
            "new_progress": 40,
            "new_deadline": "",
            "text": "Helft van de stallingen.",
        },
    )

    rows = {row.action.identifier: row for row in listing.context["rows"]}
    assert rows["B6.01"].can_update
    assert not rows["B6.01"].can_edit
    assert quick_url(contributed) in listing.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    assert Action.unscoped.get(pk=contributed.pk).progress == 40


def test_a_contributing_department_cannot_edit_move_or_delete_the_action(world, contributed):
    editor = world.client_for("editor")

    assert editor.get(f"{detail_url(contributed)}bewerken/").status_code == HTTPStatus.FORBIDDEN
    moved = editor.post(
        f"/alfa/plan/bord/{contributed.pk}/verplaatsen/", {"status": status_named(world, 3).pk}
    )
    assert moved.status_code == HTTPStatus.FORBIDDEN
    task = editor.post(f"{detail_url(contributed)}taken/nieuw/", {"task-title": "Stallingen"})
    assert task.status_code == HTTPStatus.FORBIDDEN
    assert not StatusUpdate.unscoped.filter(action=contributed).exists()


@pytest.mark.parametrize("role", [DepartmentRole.CONSULTED, DepartmentRole.INFORMED])
def test_a_consulted_or_informed_department_only_reads(world, role):
    action = involve(world, role)
    editor = world.client_for("editor")

    page = editor.get(detail_url(action))
    posted = editor.post(update_url(action), {"update-kind": "update", "update-text": "x"})
    quick = editor.get(quick_url(action))

    assert page.context["update_form"] is None
    assert posted.status_code == HTTPStatus.FORBIDDEN
    assert quick.status_code == HTTPStatus.FORBIDDEN
    assert not StatusUpdate.unscoped.filter(action=action).exists()


def test_viewers_cannot_post_even_for_a_contributing_department(world, contributed):
    response = world.client_for("viewer").post(
        update_url(contributed), {"update-kind": "update", "update-text": "x"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
