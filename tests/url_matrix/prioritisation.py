"""URL matrix rows: prioritising, workshop rounds and the public workshop pages."""

from daadkracht.access.context import tenant_scope
from daadkracht.prioritisation.models import Criterion, ScoringRound
from tests.url_matrix.rows import (
    ALL_MEMBERS,
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


# Coordinators and the coaches who guide the municipality's workshops.
PRIORITISING = tenant(OK, FORBIDDEN, FORBIDDEN, OK)

EXPECTED = {
    "prioritisation:priorities": ALL_MEMBERS,
    "prioritisation:scores_fill": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, NOT_ALLOWED),
    "prioritisation:criteria": PRIORITISING,
    "prioritisation:criterion_delete": PRIORITISING,
    # The editor's own department leads action_a; coaches score every action; viewers read.
    "prioritisation:action_scores": tenant(OK, OK, FORBIDDEN, OK),
    "prioritisation:mac_curve": ALL_MEMBERS,
    "prioritisation:rounds": ALL_MEMBERS,
    "prioritisation:round_create": PRIORITISING,
    "prioritisation:round_detail": ALL_MEMBERS,
    # Editors take part in rounds and see the results once the round is closed.
    "prioritisation:round_results": tenant(OK, FORBIDDEN, OK, OK),
    "prioritisation:round_close": PRIORITISING,
    "prioritisation:round_adopt": PRIORITISING,
    # Public: no log-in needed; an unknown join code is not found for everyone.
    "workshop:enter": everyone(OK),
    "workshop:join": everyone(NOT_FOUND),
    "workshop:score": everyone(NOT_FOUND),
}

SAMPLE_KWARGS = {
    "prioritisation:criterion_delete": _criterion,
    "prioritisation:action_scores": lambda w: {"pk": w.action_a.pk},
    "prioritisation:round_detail": _round,
    "prioritisation:round_results": _round,
    "prioritisation:round_close": _round,
    "prioritisation:round_adopt": _round,
    "workshop:join": lambda w: {"join_code": "NOT-A-REAL-CODE"},
    "workshop:score": lambda w: {"join_code": "NOT-A-REAL-CODE"},
}
