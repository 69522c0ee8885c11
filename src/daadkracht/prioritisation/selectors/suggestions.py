"""Scores suggested by an action's figures: its CO2 reduction and its cost per tonne."""

import statistics
from bisect import bisect_left
from decimal import Decimal

from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.prioritisation.defaults import CO2_KEY, COST_KEY
from daadkracht.prioritisation.selectors.scores import MAX_SCORE


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
