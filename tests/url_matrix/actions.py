"""URL matrix rows: actions."""

from daadkracht.plans.models import Task
from daadkracht.testing.factories import as_platform
from tests.url_matrix.rows import ALL_MEMBERS, FORBIDDEN, NOT_ALLOWED, OK, tenant

EXPECTED: dict[str, dict[str, int]] = {
    # The action list, its inline quick update (the editor's own department's action), the
    # board and the timeline.
    "plans:actions": ALL_MEMBERS,
    "plans:action_quick_update": tenant(OK, OK, FORBIDDEN, FORBIDDEN),
    "plans:action_row": ALL_MEMBERS,
    "plans:board": ALL_MEMBERS,
    "plans:board_move": tenant(NOT_ALLOWED, NOT_ALLOWED, FORBIDDEN, FORBIDDEN),
    "plans:timeline": ALL_MEMBERS,
}

SAMPLE_KWARGS: dict = {
    "plans:action_quick_update": lambda w: {"pk": w.action_a.pk},
    "plans:action_row": lambda w: {"pk": w.action_a.pk},
    "plans:board_move": lambda w: {"pk": w.action_a.pk},
}


# One action: its page, form, tasks and timeline; adding actions; the trash. The sample action
# is led by the editor's department.
EDIT_OWN_ACTION = tenant(OK, OK, FORBIDDEN, FORBIDDEN)
POST_OWN_ACTION = tenant(NOT_ALLOWED, NOT_ALLOWED, FORBIDDEN, FORBIDDEN)


def _action(world):
    return {"pk": world.action_a.pk}


@as_platform
def _task(world):
    task, _created = Task.unscoped.get_or_create(
        action=world.action_a, title="Taak voor de matrix", defaults={"municipality": world.a}
    )
    return {"pk": world.action_a.pk, "task_pk": task.pk}


EXPECTED.update(
    {
        "plans:action_detail": ALL_MEMBERS,
        "plans:action_create": EDIT_OWN_ACTION,
        "plans:action_edit": EDIT_OWN_ACTION,
        "plans:action_delete": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        "plans:action_trash": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        "plans:action_restore": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        "plans:task_create": POST_OWN_ACTION,
        "plans:task_edit": EDIT_OWN_ACTION,
        "plans:task_toggle": POST_OWN_ACTION,
        "plans:task_delete": EDIT_OWN_ACTION,
        "plans:update_create": POST_OWN_ACTION,
    }
)

SAMPLE_KWARGS.update(
    {
        "plans:action_detail": _action,
        "plans:action_edit": _action,
        "plans:action_delete": _action,
        "plans:action_restore": _action,
        "plans:task_create": _action,
        "plans:task_edit": _task,
        "plans:task_toggle": _task,
        "plans:task_delete": _task,
        "plans:update_create": _action,
    }
)
