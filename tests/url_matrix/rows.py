"""Building blocks for rows of the URL matrix."""

VISITORS = [
    "anonymous",
    "coordinator",
    "editor",
    "viewer",
    "coach",
    "other_municipality",
    "no_membership",
    # A member of municipality A's policy group with a portal account (no membership): outside
    # the portal, the same doors as a user without membership, unless a row says otherwise.
    "stakeholder",
]

OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, GONE = 200, 302, 403, 404, 405, 410


def row(
    anonymous, coordinator, editor, viewer, coach, other, nobody, stakeholder=None
) -> dict[str, int]:
    statuses = [anonymous, coordinator, editor, viewer, coach, other, nobody]
    statuses.append(nobody if stakeholder is None else stakeholder)
    return dict(zip(VISITORS, statuses, strict=True))


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(VISITORS, status)


def logged_in(status: int) -> dict[str, int]:
    return {**everyone(status), "anonymous": REDIRECT}


def tenant(coordinator, editor, viewer, coach) -> dict[str, int]:
    """A page inside municipality A: members by role; outsiders get 404, anonymous the log-in."""
    return row(REDIRECT, coordinator, editor, viewer, coach, NOT_FOUND, NOT_FOUND)


COORDINATOR_ONLY = tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
ALL_MEMBERS = tenant(OK, OK, OK, OK)
