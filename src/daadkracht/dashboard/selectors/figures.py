"""Figures summed from the action rows: per Bridge, per status, the budget and the CO2 gap."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from daadkracht.dashboard.selectors.rows import DashboardActionRow
from daadkracht.plans.models import ActionStatus, ActionTheme, Plan, Theme
from daadkracht.plans.models.covenant import ActionKind
from daadkracht.plans.selectors.themes import arrange_themes, main_themes
from daadkracht.tenancy.trash import live_only

ZERO = Decimal(0)


@dataclass
class Money:
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    spent: Decimal = ZERO

    def add(self, action: DashboardActionRow) -> None:
        self.planned += action.budget_planned or ZERO
        self.committed += action.budget_committed or ZERO
        self.spent += action.budget_spent or ZERO

    @property
    def values(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.planned, self.committed, self.spent)

    @property
    def spent_share(self) -> float | None:
        """Spent as a percentage of planned."""
        return float(self.spent / self.planned * 100) if self.planned else None


@dataclass
class ThemeFigures:
    """The figures of one Bridge (its sub-themes included), or of the actions without theme."""

    theme: Theme | None
    count: int = 0
    done: int = 0
    late: int = 0
    progress_total: int = 0
    budget: Money = field(default_factory=Money)

    @property
    def average_progress(self) -> float:
        return self.progress_total / self.count if self.count else 0.0

    @property
    def colour(self) -> str:
        return self.theme.colour if self.theme else "#5c6670"


@dataclass
class StatusFigures:
    status: ActionStatus
    count: int
    share: float  # percentage of all actions


@dataclass
class Co2Gap:
    """Expected CO2 reduction of the actions against what the plan's target needs (t CO2/yr)."""

    baseline: Decimal
    target_percentage: Decimal
    target_year: int
    achieved: Decimal  # completed actions
    planned: Decimal  # open actions (cancelled ones count for nothing)
    without_estimate: int  # open or completed mitigation actions without a figure

    @property
    def needed(self) -> Decimal:
        return (self.baseline * self.target_percentage / 100).quantize(Decimal("0.1"))

    @property
    def expected(self) -> Decimal:
        return self.achieved + self.planned

    @property
    def gap(self) -> Decimal:
        return max(self.needed - self.expected, ZERO)

    @property
    def surplus(self) -> Decimal:
        return max(self.expected - self.needed, ZERO)

    @property
    def coverage(self) -> float | None:
        """The expected reduction as a percentage of the needed one."""
        return float(self.expected / self.needed * 100) if self.needed else None


def theme_links(plan: Plan) -> dict[int, list[int]]:
    """Action id -> ids of its themes."""
    links: dict[int, list[int]] = defaultdict(list)
    # Through the plan's themes (indexed), not its actions: the link table holds every
    # municipality's links, and joining it on actions made the database read all of them.
    rows = ActionTheme.objects.filter(live_only("action", "theme"), theme__plan=plan).values_list(
        "action_id", "theme_id"
    )
    for action_id, theme_id in rows:
        links[action_id].append(theme_id)
    return links


def theme_figures(
    actions: Iterable[DashboardActionRow],
    themes: Sequence[Theme],
    links: dict[int, list[int]],
) -> list[ThemeFigures]:
    """Per Bridge (in plan order), the non-cancelled actions' counts, progress and budget."""
    tree = arrange_themes(themes)
    roots = {node.theme.pk: node.root for node in tree}
    figures = {node.theme.pk: ThemeFigures(node.theme) for node in main_themes(tree)}
    without = ThemeFigures(None)
    for action in actions:
        if action.is_cancelled:
            continue
        bridges = {roots[t].pk for t in links.get(action.pk, []) if t in roots}
        targets = [figures[pk] for pk in bridges] or [without]
        for target in targets:
            target.count += 1
            target.done += action.is_done
            target.late += action.is_late
            target.progress_total += action.progress
            target.budget.add(action)
    result = list(figures.values())
    if without.count:
        result.append(without)
    return result


def status_figures(
    actions: Sequence[DashboardActionRow], statuses: Iterable[ActionStatus]
) -> list[StatusFigures]:
    counts: dict[int, int] = defaultdict(int)
    for action in actions:
        counts[action.status.pk] += 1
    total = len(actions)
    return [
        StatusFigures(status, counts[status.pk], counts[status.pk] / total * 100 if total else 0.0)
        for status in statuses
    ]


def co2_gap(plan: Plan, actions: Iterable[DashboardActionRow]) -> Co2Gap:
    achieved = planned = ZERO
    without = 0
    for action in actions:
        if action.is_cancelled:
            continue
        if action.co2_reduction is None:
            without += action.com_kind != ActionKind.ADAPTATION
        elif action.is_done:
            achieved += action.co2_reduction
        else:
            planned += action.co2_reduction
    return Co2Gap(
        baseline=plan.baseline_emissions,
        target_percentage=plan.reduction_target,
        target_year=plan.target_year,
        achieved=achieved,
        planned=planned,
        without_estimate=without,
    )
