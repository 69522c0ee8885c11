"""URL matrix rows: prioritising, workshop rounds and the public workshop pages."""

from daadkracht.access.context import tenant_scope
from daadkracht.prioritisation.models import Criterion, ScoringRound
from tests.url_matrix.rows import (
    ALL_MEMBERS,
    COORDINATOR_ONLY,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    everyone,
    tenant,
)


def _round(world) -> dict:
    """An open round of municipality A (made once per world)."""
    scoring_round = ScoringRound.unscoped.filter(plan=world.plan_a).first()
    if scoring_round is None:
        with tenant_scope(world.a):
            scoring_round = ScoringRound.objects.create(
                municipality=world.a, plan=world.plan_a, title="Workshop mobiliteit"
            )
            scoring_round.actions.set([world.action_a, world.other_action_a])
            scoring_round.criteria.set(Criterion.objects.filter(plan=world.plan_a))
    return {"pk": scoring_round.pk}


def _criterion(world) -> dict:
    return {"pk": Criterion.unscoped.filter(plan=world.plan_a).order_by("position").first().pk}


EXPECTED = {
    "plans:priorities": ALL_MEMBERS,
    "plans:scores_fill": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "plans:criteria": COORDINATOR_ONLY,
    "plans:criterion_delete": COORDINATOR_ONLY,
    # The editor's own department leads action_a; viewers and coaches only read.
    "plans:action_scores": tenant(OK, OK, FORBIDDEN, FORBIDDEN),
    "plans:mac_curve": ALL_MEMBERS,
    "plans:rounds": ALL_MEMBERS,
    "plans:round_create": COORDINATOR_ONLY,
    "plans:round_detail": ALL_MEMBERS,
    # Editors take part in rounds and see the results once the round is closed.
    "plans:round_results": tenant(OK, FORBIDDEN, OK, OK),
    "plans:round_close": COORDINATOR_ONLY,
    "plans:round_adopt": COORDINATOR_ONLY,
    # Public: no log-in needed; an unknown join code is not found for everyone.
    "workshop:enter": everyone(OK),
    "workshop:join": everyone(NOT_FOUND),
    "workshop:score": everyone(NOT_FOUND),
}

SAMPLE_KWARGS = {
    "plans:criterion_delete": _criterion,
    "plans:action_scores": lambda w: {"pk": w.action_a.pk},
    "plans:round_detail": _round,
    "plans:round_results": _round,
    "plans:round_close": _round,
    "plans:round_adopt": _round,
    "workshop:join": lambda w: {"join_code": "NOT-A-REAL-CODE"},
    "workshop:score": lambda w: {"join_code": "NOT-A-REAL-CODE"},
}
