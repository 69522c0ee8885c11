"""Reads for prioritising: weighted scores and their explanation, figures-based suggestions, the
marginal abatement cost curve and the results of workshop scoring rounds."""

import hashlib
import statistics
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    FloatField,
    Prefetch,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, NullIf, Rank

from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions, open_actions
from daadkracht.prioritisation.models import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.tenancy.trash import live_count

MAX_SCORE = 5
# A weighted score runs from 0 to 100: the weighted mean of 0-5 scores, times 20.
SCALE = 100 / MAX_SCORE

CO2_KEY = "co2_impact"
COST_KEY = "cost_per_tonne"


def criteria_of(plan: Plan) -> list[Criterion]:
    return list(Criterion.objects.filter(plan=plan).order_by("position", "id"))


def weighted_score(pairs: Iterable[tuple[Decimal, float | int | None]]) -> float | None:
    """Σ(weight x score) / Σ(weight of the scored criteria), scaled to 0-100.

    Missing scores (None) leave the criterion out instead of counting it as zero, so that an
    action is not punished for what nobody has judged yet; the explanation shows what is missing.
    """
    total = Decimal(0)
    weights = Decimal(0)
    for weight, score in pairs:
        if score is None:
            continue
        total += weight * Decimal(str(score))
        weights += weight
    if weights <= 0:
        return None
    return float(total / weights) * SCALE


@dataclass(frozen=True)
class ScorePart:
    criterion: Criterion
    score: int | None
    note: str = ""

    @property
    def weight(self) -> Decimal:
        return self.criterion.weight

    @property
    def contribution(self) -> Decimal | None:
        return None if self.score is None else self.weight * self.score


@dataclass(frozen=True)
class ScoreExplanation:
    """How an action's score is built, criterion by criterion."""

    parts: list[ScorePart]

    @property
    def total(self) -> Decimal:
        return sum((p.contribution for p in self.parts if p.contribution is not None), Decimal(0))

    @property
    def scored_weight(self) -> Decimal:
        return sum((p.weight for p in self.parts if p.score is not None), Decimal(0))

    @property
    def maximum(self) -> Decimal:
        return self.scored_weight * MAX_SCORE

    @property
    def value(self) -> float | None:
        return weighted_score((p.weight, p.score) for p in self.parts)

    @property
    def missing(self) -> list[Criterion]:
        return [p.criterion for p in self.parts if p.score is None]

    @property
    def scored_count(self) -> int:
        return sum(1 for p in self.parts if p.score is not None)


def explain(action: Action, criteria: Sequence[Criterion]) -> ScoreExplanation:
    """The explanation of one action's score; uses prefetched `scores` when present."""
    by_criterion = {s.criterion_id: s for s in action.scores.all()}
    return ScoreExplanation(
        [
            ScorePart(
                c,
                by_criterion[c.pk].score if c.pk in by_criterion else None,
                by_criterion[c.pk].note if c.pk in by_criterion else "",
            )
            for c in criteria
        ]
    )


def with_weighted_score(queryset: QuerySet[Action]) -> QuerySet[Action]:
    """Annotate `weighted_score` (0-100, None without scores), `scored_count` and `rank`.

    One join with the scores and a GROUP BY: correlated subqueries per action would be
    evaluated again for the ranking and the sorting, which grows badly with the plan.
    """
    decimal = DecimalField(max_digits=20, decimal_places=4)
    total = Sum(F("scores__score") * F("scores__criterion__weight"), output_field=decimal)
    weights = Sum("scores__criterion__weight", output_field=decimal)
    score = (
        Cast(total, FloatField())
        * Value(SCALE, output_field=FloatField())
        / NullIf(Cast(weights, FloatField()), Value(0.0, output_field=FloatField()))
    )
    return queryset.annotate(weighted_score=score, scored_count=Count("scores")).annotate(
        rank=Window(Rank(), order_by=F("weighted_score").desc(nulls_last=True))
    )


def ranked_actions(filters: ActionFilter, plan: Plan) -> QuerySet[Action]:
    """The plan's open actions matching the filters, with their weighted score and rank."""
    return with_weighted_score(open_actions(filtered_actions(filters, plan)))


def with_scores(queryset: QuerySet[Action]) -> QuerySet[Action]:
    """Prefetch the scores that `explain` reads."""
    return queryset.prefetch_related(Prefetch("scores", queryset=ActionScore.objects.all()))


def scores_fingerprint(action: Action) -> str:
    """A short digest of the action's stored scores, to notice that someone else saved them."""
    rows = ActionScore.objects.filter(action=action).order_by("criterion_id")
    text = "|".join(f"{r.criterion_id}:{r.score}:{r.note}" for r in rows)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Suggestions from the action's figures ---------------------------------------------------------


def _quintile_score(value: Decimal, cuts: list[float], *, higher_is_better: bool) -> int:
    if not cuts:
        return 3
    quintile = bisect_left(cuts, float(value))  # 0 (lowest fifth) … 4 (highest fifth)
    return quintile + 1 if higher_is_better else MAX_SCORE - quintile


def _cuts(values: list[Decimal]) -> list[float]:
    if len(values) < 2:
        return []
    return statistics.quantiles([float(v) for v in values], n=5, method="inclusive")


def figure_suggestions(plan: Plan) -> dict[int, dict[str, int]]:
    """Scores for CO2 impact and cost per tonne derived from the figures, per action id.

    Quintiles across the plan's actions (cancelled ones left out): the fifth of actions that
    avoid the most CO2 get 5 on CO2 impact, the cheapest fifth per tonne get 5 on cost per
    tonne. An action that avoids no CO2 at all gets 0 on CO2 impact.
    """
    rows = list(
        Action.objects.filter(plan=plan)
        .exclude(status__category=StatusCategory.CANCELLED)
        .values_list("pk", "co2_reduction", "budget_planned")
    )
    co2_values = [co2 for _, co2, _ in rows if co2]
    costs = {pk: budget / co2 for pk, co2, budget in rows if co2 and budget is not None and co2 > 0}
    co2_cuts = _cuts(co2_values)
    cost_cuts = _cuts(list(costs.values()))
    suggestions: dict[int, dict[str, int]] = {}
    for pk, co2, _budget in rows:
        suggestion: dict[str, int] = {}
        if co2 is not None:
            suggestion[CO2_KEY] = (
                _quintile_score(co2, co2_cuts, higher_is_better=True) if co2 > 0 else 0
            )
        if pk in costs:
            suggestion[COST_KEY] = _quintile_score(costs[pk], cost_cuts, higher_is_better=False)
        if suggestion:
            suggestions[pk] = suggestion
    return suggestions


# The marginal abatement cost curve ------------------------------------------------------------


@dataclass(frozen=True)
class MacBar:
    action: Action
    co2: Decimal
    budget: Decimal
    cost_per_tonne: Decimal
    start: Decimal
    end: Decimal


@dataclass
class MacCurve:
    bars: list[MacBar]
    without_figures: list[Action]
    target_reduction: Decimal

    @property
    def total(self) -> Decimal:
        return self.bars[-1].end if self.bars else Decimal(0)

    @property
    def gap(self) -> Decimal:
        return max(self.target_reduction - self.total, Decimal(0))

    @property
    def reaches_target_with(self) -> MacBar | None:
        """The bar at which the cumulative reduction first reaches the target."""
        return next((b for b in self.bars if b.end >= self.target_reduction), None)

    @property
    def max_cost(self) -> Decimal:
        return max((b.cost_per_tonne for b in self.bars), default=Decimal(0))


def mac_curve(filters: ActionFilter, plan: Plan) -> MacCurve:
    """Actions with a CO2 reduction and a planned budget, cheapest per tonne first."""
    actions = (
        filtered_actions(filters, plan)
        .exclude(status__category=StatusCategory.CANCELLED)
        .select_related("lead_department", "status")
        .order_by("identifier")
    )
    with_figures: list[tuple[Decimal, Action]] = []
    without: list[Action] = []
    for action in actions:
        if action.co2_reduction and action.co2_reduction > 0 and action.budget_planned is not None:
            with_figures.append((action.budget_planned / action.co2_reduction, action))
        else:
            without.append(action)
    with_figures.sort(key=lambda pair: (pair[0], pair[1].identifier))
    bars = []
    cumulative = Decimal(0)
    for cost, action in with_figures:
        assert action.co2_reduction is not None
        assert action.budget_planned is not None
        start, cumulative = cumulative, cumulative + action.co2_reduction
        bars.append(
            MacBar(
                action=action,
                co2=action.co2_reduction,
                budget=action.budget_planned,
                cost_per_tonne=cost.quantize(Decimal("0.01")),
                start=start,
                end=cumulative,
            )
        )
    target = plan.baseline_emissions * plan.reduction_target / 100
    return MacCurve(bars=bars, without_figures=without, target_reduction=target)


# Workshop rounds --------------------------------------------------------------------------------


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
