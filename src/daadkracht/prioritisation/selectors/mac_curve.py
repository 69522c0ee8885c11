"""The marginal abatement cost curve: actions with their figures, cheapest per tonne first."""

from dataclasses import dataclass
from decimal import Decimal

from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions
from daadkracht.plans.selectors.co2 import Co2Gap, plan_co2_gap


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
    co2: Co2Gap  # the whole plan's, whatever the filters: the dashboard's figures

    @property
    def target_reduction(self) -> Decimal | None:
        """What the plan's target needs (t CO2/yr); None without baseline emissions."""
        return self.co2.needed

    @property
    def total(self) -> Decimal:
        return self.bars[-1].end if self.bars else Decimal(0)

    @property
    def gap(self) -> Decimal | None:
        """The plan's CO2 gap, as the dashboard counts it: every completed or open action with
        a CO2 estimate counts, also one without a budget that has no bar here."""
        return self.co2.gap

    @property
    def reaches_target_with(self) -> MacBar | None:
        """The bar at which the cumulative reduction first reaches the target."""
        target = self.target_reduction
        if target is None:
            return None
        return next((b for b in self.bars if b.end >= target), None)

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
    return MacCurve(bars=bars, without_figures=without, co2=plan_co2_gap(plan))
