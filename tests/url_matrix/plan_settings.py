"""URL matrix rows: the plan's settings (the plan, its themes and its statuses)."""

from daadkracht.plans.models import ActionStatus, Theme
from daadkracht.testing.factories import as_platform
from tests.url_matrix.rows import (
    ALL_MEMBERS,
    COORDINATOR_ONLY,
    FORBIDDEN,
    NOT_ALLOWED,
    REDIRECT,
    tenant,
)

COORDINATOR_POST_ONLY = tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN)


@as_platform
def _theme(world):
    theme, _created = Theme.unscoped.get_or_create(
        plan=world.plan_a, name="Thema voor de matrix", defaults={"municipality": world.a}
    )
    return {"pk": theme.pk}


def _status(world):
    return {"pk": ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position")[0].pk}


EXPECTED = {
    "plans:settings": ALL_MEMBERS,
    # The plan exists in the test world, so creating one sends the coordinator to editing it.
    "plans:plan_create": tenant(REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "plans:plan_edit": COORDINATOR_ONLY,
    "plans:theme_create": COORDINATOR_ONLY,
    "plans:theme_edit": COORDINATOR_ONLY,
    "plans:theme_move": COORDINATOR_POST_ONLY,
    "plans:theme_delete": COORDINATOR_ONLY,
    "plans:theme_restore": COORDINATOR_POST_ONLY,
    "plans:status_create": COORDINATOR_ONLY,
    "plans:status_edit": COORDINATOR_ONLY,
    "plans:status_move": COORDINATOR_POST_ONLY,
    "plans:status_delete": COORDINATOR_ONLY,
}

SAMPLE_KWARGS = {
    "plans:theme_edit": _theme,
    "plans:theme_move": _theme,
    "plans:theme_delete": _theme,
    "plans:theme_restore": _theme,
    "plans:status_edit": _status,
    "plans:status_move": _status,
    "plans:status_delete": _status,
}
