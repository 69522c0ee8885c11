"""The marginal abatement cost curve: actions with their figures, cheapest per tonne first."""

from dataclasses import dataclass
from decimal import Decimal

from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions


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
