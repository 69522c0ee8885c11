"""The CO2 gap: what the plan's target needs against what its actions are expected to avoid.

One definition, for the dashboard and the cost curve alike. The target needs the reduction
percentage of the baseline emissions; the actions are expected to avoid the sum of their CO2
estimates, completed and open ones, cancelled ones left out. Without baseline emissions (empty
or 0) the need, the gap and the coverage are unknown (None), never 0.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.models.covenant import ActionKind

ZERO = Decimal(0)

# (expected CO2 reduction in t/yr or None, status category, mitigation or adaptation)
Co2Facts = tuple[Decimal | None, str, str]


@dataclass(frozen=True)
class Co2Gap:
    """Expected CO2 reduction of the actions against what the plan's target needs (t CO2/yr)."""

    baseline: Decimal | None  # None: the plan has no usable baseline emissions
    target_percentage: Decimal
    target_year: int
    achieved: Decimal  # completed actions
    planned: Decimal  # open actions (cancelled ones count for nothing)
    estimated: int  # completed or open actions with a CO2 estimate
    without_estimate: int  # completed or open mitigation actions without one

    @property
    def has_baseline(self) -> bool:
        return self.baseline is not None

    @property
    def needed(self) -> Decimal | None:
        if self.baseline is None:
            return None
        return (self.baseline * self.target_percentage / 100).quantize(Decimal("0.1"))

    @property
    def expected(self) -> Decimal:
        return self.achieved + self.planned

    @property
    def gap(self) -> Decimal | None:
        """What the target needs beyond what the actions are expected to avoid (0 or more)."""
        needed = self.needed
        return None if needed is None else max(needed - self.expected, ZERO)

    @property
    def surplus(self) -> Decimal | None:
        needed = self.needed
        return None if needed is None else max(self.expected - needed, ZERO)

    @property
    def coverage(self) -> float | None:
        """The expected reduction as a percentage of the needed one."""
        needed = self.needed
        return float(self.expected / needed * 100) if needed else None


def usable_baseline(plan: Plan) -> Decimal | None:
    """The plan's baseline emissions, or None when they are missing or 0."""
    baseline = plan.baseline_emissions
    return baseline if baseline is not None and baseline > 0 else None


def co2_gap(plan: Plan, actions: Iterable[Co2Facts]) -> Co2Gap:
    """The plan's CO2 gap, from the facts of all its live actions."""
    achieved = planned = ZERO
    estimated = without = 0
    for reduction, category, kind in actions:
        if category == StatusCategory.CANCELLED:
            continue
        if reduction is None:
            without += kind != ActionKind.ADAPTATION
            continue
        estimated += 1
        if category == StatusCategory.DONE:
            achieved += reduction
        else:
            planned += reduction
    return Co2Gap(
        baseline=usable_baseline(plan),
        target_percentage=plan.reduction_target,
        target_year=plan.target_year,
        achieved=achieved,
        planned=planned,
        estimated=estimated,
        without_estimate=without,
    )


def plan_co2_gap(plan: Plan) -> Co2Gap:
    """The plan's CO2 gap, reading its actions' facts (one query)."""
    facts = Action.objects.filter(plan=plan).values_list(
        "co2_reduction", "status__category", "com_kind"
    )
    return co2_gap(plan, facts)
