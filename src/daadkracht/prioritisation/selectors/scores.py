"""Weighted scores of actions: the ranking, and how each score is built criterion by criterion."""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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

from daadkracht.plans.models import Action, Plan
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions, open_actions
from daadkracht.prioritisation.models import ActionScore, Criterion

MAX_SCORE = 5
# A weighted score runs from 0 to 100: the weighted mean of 0-5 scores, times 20.
SCALE = 100 / MAX_SCORE


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
