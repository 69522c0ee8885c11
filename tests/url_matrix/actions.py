"""URL matrix rows: actions."""

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
