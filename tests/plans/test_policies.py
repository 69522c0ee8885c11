"""Who may change actions: the policy answers pages and services alike, and services take only
the fields they declare."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from daadkracht.access.context import public_scope, tenant_scope
from daadkracht.plans.forms.action import ActionForm
from daadkracht.plans.models import Action, StatusUpdate, Task
from daadkracht.plans.policies import (
    can_add_actions,
    can_create_action,
    can_edit_action,
    can_manage_plan,
    can_trash_actions,
    lead_department_choices,
)
from daadkracht.plans.services.actions import action_create, action_delete, action_update
from daadkracht.plans.services.plan import plan_update
from daadkracht.plans.services.tasks import task_create
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.prioritisation.services.scores import action_scores_save

pytestmark = pytest.mark.django_db


def stored(action: Action) -> Action:
    return Action.unscoped.get(pk=action.pk)


def update(world, action: Action, **values):
    action = stored(action)
    return action_update(
        actor=None,
        action=action,
        expected_version=action.version,
        themes=[],
        tag_names=[],
        involvements=[],
        **values,
    )


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("coordinator", True, True),
        ("editor", True, False),
        ("viewer", False, False),
        ("coach", False, False),
    ],
)
def test_who_may_edit_an_action(world, role, own, other):
    who = world.membership(role)

    assert can_edit_action(who, world.action_a) is own
    assert can_edit_action(who, world.other_action_a) is other
    assert can_create_action(who, world.other_department_a.pk) is other


def test_only_coordinators_manage_the_plan_and_its_trash(world):
    for role in ("editor", "viewer", "coach"):
        assert not can_manage_plan(world.membership(role))
        assert not can_trash_actions(world.membership(role))
    assert can_manage_plan(world.membership("coordinator"))


def test_an_editor_without_a_department_adds_no_actions(world):
    editor = world.membership("editor")
    editor.department = None

    assert not can_add_actions(editor)
    with tenant_scope(world.a):
        assert list(lead_department_choices(editor)) == []


def test_the_form_offers_an_editor_only_their_own_department(world):
    editor = world.membership("editor")
    with tenant_scope(world.a):
        form = ActionForm(instance=Action(plan=world.plan_a), who=editor, plan=world.plan_a)
        offered = list(form.fields["lead_department"].queryset)  # type: ignore[attr-defined]

    assert offered == [world.department_a]


def test_an_editor_cannot_update_another_departments_action_directly(world):
    before = stored(world.other_action_a)

    with world.as_member("editor"), pytest.raises(PermissionDenied):
        update(world, world.other_action_a, title="Overgenomen")

    after = stored(world.other_action_a)
    assert (after.title, after.version) == (before.title, before.version)


def test_an_editor_updates_their_own_departments_action(world):
    with world.as_member("editor"):
        update(world, world.action_a, title="Fietsstraten overal")

    assert stored(world.action_a).title == "Fietsstraten overal"


def test_an_editor_cannot_hand_their_action_over_to_another_department(world):
    with world.as_member("editor"), pytest.raises(PermissionDenied):
        update(world, world.action_a, lead_department=world.other_department_a)

    assert stored(world.action_a).lead_department_id == world.department_a.pk


def test_the_service_refuses_an_action_an_editor_adds_for_another_department(world):
    """The form would not offer the department; the service refuses it all the same."""
    count = Action.unscoped.count()

    with world.as_member("editor"), pytest.raises(PermissionDenied):
        action_create(
            actor=world.users["editor"],
            plan=world.plan_a,
            identifier="X1",
            title="Van een andere dienst",
            lead_department=world.other_department_a,
        )

    assert Action.unscoped.count() == count


def test_an_editor_adds_an_action_for_their_own_department(world):
    with world.as_member("editor"):
        action = action_create(
            actor=world.users["editor"],
            plan=world.plan_a,
            identifier="X1",
            title="Van de eigen dienst",
            lead_department=world.department_a,
        )

    assert action.lead_department_id == world.department_a.pk


def test_tasks_timeline_and_scores_of_another_department_are_refused(world):
    other = stored(world.other_action_a)
    with world.as_member("editor"):
        with pytest.raises(PermissionDenied):
            task_create(actor=world.users["editor"], action=other, title="Taak")
        with pytest.raises(PermissionDenied):
            timeline_update_post(actor=world.users["editor"], action=other, text="Gedaan")
        with pytest.raises(PermissionDenied):
            action_scores_save(actor=world.users["editor"], action=other, scores={})

    assert not Task.unscoped.filter(action=other).exists()
    assert not StatusUpdate.unscoped.filter(action=other).exists()


def test_a_viewer_posts_no_update_and_an_editor_trashes_no_action(world):
    with world.as_member("viewer"), pytest.raises(PermissionDenied):
        timeline_update_post(actor=world.users["viewer"], action=stored(world.action_a), text="x")
    with world.as_member("editor"), pytest.raises(PermissionDenied):
        action_delete(actor=world.users["editor"], action=stored(world.action_a))

    assert stored(world.action_a).deleted_at is None


def test_an_editor_cannot_change_the_plan(world):
    plan = world.plan_a
    with world.as_member("editor"), pytest.raises(PermissionDenied):
        plan_update(actor=None, plan=plan, expected_version=plan.version, name="Ander plan")


def test_a_coordinator_may_do_it_all(world):
    with world.as_member("coordinator"):
        update(world, world.other_action_a, title="Door de coördinator")
        action_delete(actor=world.users["coordinator"], action=stored(world.other_action_a))

    assert stored(world.other_action_a).deleted_at is not None


def test_jobs_are_trusted_and_the_public_is_refused(world):
    """Without a membership: a task or command may, a public visitor may not."""
    with tenant_scope(world.a):
        update(world, world.other_action_a, title="Door een taak")
    with public_scope(world.a), pytest.raises(PermissionDenied):
        update(world, world.other_action_a, title="Door een bezoeker")

    assert stored(world.other_action_a).title == "Door een taak"


# Services take the fields they declare, nothing else.


@pytest.mark.parametrize(
    "field", ["municipality_id", "municipality", "deleted_at", "version", "plan"]
)
def test_action_update_refuses_fields_outside_its_list(world, field):
    before = stored(world.action_a)
    value = {
        "municipality_id": world.b.pk,
        "municipality": world.b,
        "deleted_at": before.created_at,
        "version": 99,
        "plan": world.plan_b,
    }[field]

    with tenant_scope(world.a), pytest.raises(TypeError, match=field):
        update(world, world.action_a, title="Verhuisd", **{field: value})

    after = stored(world.action_a)
    assert (after.municipality_id, after.title, after.version, after.deleted_at) == (
        before.municipality_id,
        before.title,
        before.version,
        None,
    )


def test_action_create_refuses_fields_outside_its_list(world):
    count = Action.unscoped.count()

    with tenant_scope(world.a), pytest.raises(TypeError, match="municipality_id"):
        action_create(
            actor=None,
            plan=world.plan_a,
            identifier="X2",
            title="Elders",
            municipality_id=world.b.pk,
        )

    assert Action.unscoped.count() == count


def test_an_editor_of_a_trashed_department_edits_nothing(world):
    from daadkracht.tenancy.models import Department

    with tenant_scope(world.a):
        Department.objects.filter(pk=world.department_a.pk).update(deleted_at=timezone.now())
    editor = world.client_for("editor")
    before = stored(world.action_a)

    page = editor.get(f"/alfa/plan/acties/{world.action_a.pk}/bewerken/")
    with world.as_member("editor"), pytest.raises(PermissionDenied):
        update(world, world.action_a, title="Toch nog")

    assert page.status_code == 403
    who = world.membership("editor")
    with world.as_member("editor"):
        assert not can_add_actions(who)
        assert list(lead_department_choices(who)) == []
    after = stored(world.action_a)
    assert (after.title, after.version) == (before.title, before.version)
