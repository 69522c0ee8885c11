"""URL matrix rows: the Open Network's public pages and the coordinator's member list."""

from tests.url_matrix.rows import COORDINATOR_ONLY, GONE, OK, everyone


def _slug(world) -> dict:
    return {"slug": world.a.slug}


EXPECTED = {
    # Personal data of the members: only who manages stakeholders (the coordinator).
    "network:members": COORDINATOR_ONLY,
    "network:page_edit": COORDINATOR_ONLY,
    # Public: anyone joins, confirms and leaves, logged in or not, member or not.
    "open_network:join": everyone(OK),
    "open_network:sent": everyone(OK),
    "open_network:welcome": everyone(OK),
    "open_network:leave": everyone(OK),
    "open_network:leave_sent": everyone(OK),
    # A confirmation link that is not genuine is gone for everyone.
    "open_network:confirm": everyone(GONE),
}

SAMPLE_KWARGS = {
    "open_network:join": _slug,
    "open_network:sent": _slug,
    "open_network:welcome": _slug,
    "open_network:leave": _slug,
    "open_network:leave_sent": _slug,
    "open_network:confirm": lambda w: {"token": "not-a-valid-token"},
}
