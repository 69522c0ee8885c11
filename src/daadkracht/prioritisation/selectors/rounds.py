"""Workshop rounds: a plan's rounds, a participant's scores, results with median and spread."""

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from daadkracht.plans.models import Action, Plan
from daadkracht.prioritisation.models import (
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.prioritisation.selectors.scores import weighted_score
from daadkracht.tenancy.trash import live_count


@dataclass(frozen=True)
class Spread:
    """Median and spread of a set of scores."""

    count: int
    median: float
    minimum: float
    maximum: float
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def range(self) -> float:
        return self.maximum - self.minimum


def spread(values: Sequence[float]) -> Spread | None:
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = q3 = ordered[0]
    else:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Spread(
        count=len(ordered),
        median=statistics.median(ordered),
        minimum=ordered[0],
        maximum=ordered[-1],
        q1=q1,
        q3=q3,
    )


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    spread: Spread | None


@dataclass(frozen=True)
class ActionResult:
    action: Action
    overall: Spread | None
    criteria: list[CriterionResult] = field(default_factory=list)

    @property
    def disagreement(self) -> tuple[float, float]:
        if self.overall is None:
            return (-1.0, -1.0)
        return (self.overall.iqr, self.overall.range)


@dataclass
class RoundResults:
    scoring_round: ScoringRound
    criteria: list[Criterion]
    participants: list[RoundParticipant]
    actions: list[ActionResult]

    @property
    def participants_who_scored(self) -> int:
        return sum(1 for p in self.participants if getattr(p, "score_count", 0))


RESULT_SORTS = ("disagreement", "median", "identifier")


def round_results(scoring_round: ScoringRound, *, sort: str = "disagreement") -> RoundResults:
    """Per action the median and spread of the participants' weighted scores and per criterion."""
    criteria = list(scoring_round.criteria.order_by("position", "id"))
    actions = list(scoring_round.actions.select_related("lead_department").order_by("identifier"))
    participants = list(
        RoundParticipant.objects.filter(scoring_round=scoring_round)
        .select_related("department")
        # A score of an action in the trash is not a score anyone sees.
        .annotate(score_count=live_count("scores", live=["scores__action"]))
        .order_by("created_at", "id")
    )
    # action id → participant id → criterion id → score
    given: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for person, action, criterion, score in RoundScore.objects.filter(
        participant__scoring_round=scoring_round
    ).values_list("participant_id", "action_id", "criterion_id", "score"):
        given[action][person][criterion] = score
    results = []
    for action in actions:
        people = list(given[action.pk].values())
        weighted = [
            value
            for scores in people
            if (value := weighted_score((c.weight, scores.get(c.pk)) for c in criteria)) is not None
        ]
        per_criterion = [
            CriterionResult(c, spread([float(scores[c.pk]) for scores in people if c.pk in scores]))
            for c in criteria
        ]
        results.append(ActionResult(action, spread(weighted), per_criterion))
    if sort == "median":
        results.sort(key=lambda r: -(r.overall.median if r.overall else -1.0))
    elif sort == "disagreement":
        results.sort(key=lambda r: tuple(-v for v in r.disagreement))
    return RoundResults(scoring_round, criteria, participants, results)


def participant_scores(participant: RoundParticipant) -> dict[int, dict[int, int]]:
    """A participant's scores: action id → criterion id → score."""
    scores: dict[int, dict[int, int]] = defaultdict(dict)
    for action, criterion, score in RoundScore.objects.filter(participant=participant).values_list(
        "action_id", "criterion_id", "score"
    ):
        scores[action][criterion] = score
    return scores


def rounds_of(plan: Plan) -> QuerySet[ScoringRound]:
    return ScoringRound.objects.filter(plan=plan).annotate(
        participant_count=Count("participants", distinct=True),
        action_count=live_count("actions", distinct=True),
    )
