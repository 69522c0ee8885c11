"""Figures summed from the action rows: per Bridge, per status and the budget."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from daadkracht.dashboard.selectors.rows import DashboardActionRow
from daadkracht.plans.models import ActionStatus, ActionTheme, Plan, StatusCategory, Theme
from daadkracht.plans.selectors.themes import arrange_themes, main_themes
from daadkracht.tenancy.trash import live_only

ZERO = Decimal(0)


@dataclass
class Money:
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    spent: Decimal = ZERO
    planned_as_text: int = 0  # actions whose planned budget is only text ("15-20 mio EUR")

    def add(self, action: DashboardActionRow) -> None:
        if action.budget_planned is None and action.budget_note:
            self.planned_as_text += 1
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
    unknown: int = 0  # actions with an unknown status: counted, but not in the progress
    progress_total: int = 0
    budget: Money = field(default_factory=Money)

    @property
    def average_progress(self) -> float | None:
        """Completed actions count as 100 %, cancelled ones and those with an unknown status
        are not counted at all; None when no action is left to count."""
        known = self.count - self.unknown
        return self.progress_total / known if known else None

    @property
    def colour(self) -> str:
        return self.theme.colour if self.theme else "#5c6670"


# The colour of the actions whose status says "under way" but whose deadline has passed.
PAST_DEADLINE_COLOUR = "#a4161a"


@dataclass
class StatusFigures:
    """The actions of one status; an "under way" status is split in two: within the deadline,
    and past it (`past_deadline`), so that "on track" never counts an action that is late."""

    status: ActionStatus
    count: int
    share: float  # percentage of all actions
    past_deadline: bool = False

    @property
    def label(self) -> str:
        name = capfirst(self.status.display_name)
        if self.past_deadline:
            return _("%(status)s, deadline passed") % {"status": name}
        return name

    @property
    def colour(self) -> str:
        return PAST_DEADLINE_COLOUR if self.past_deadline else self.status.colour


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
            target.budget.add(action)
            if action.is_unknown:
                target.unknown += 1
            else:
                target.progress_total += action.counted_progress
    result = list(figures.values())
    if without.count:
        result.append(without)
    return result


def is_late_while_active(action: DashboardActionRow) -> bool:
    """Past its deadline while its status still says it is under way (e.g. "on track")."""
    return action.is_late and action.status.category == StatusCategory.ACTIVE


def status_figures(
    actions: Sequence[DashboardActionRow], statuses: Iterable[ActionStatus]
) -> list[StatusFigures]:
    """Per status, in the plan's order, the number of actions and their share; the actions of
    an "under way" status that are past their deadline follow it on a line of their own."""
    counts: dict[tuple[int, bool], int] = defaultdict(int)
    for action in actions:
        counts[action.status.pk, is_late_while_active(action)] += 1
    total = len(actions)

    def share(count: int) -> float:
        return count / total * 100 if total else 0.0

    result = []
    for status in statuses:
        within = counts[status.pk, False]
        result.append(StatusFigures(status, within, share(within)))
        late = counts[status.pk, True]
        if late:
            result.append(StatusFigures(status, late, share(late), past_deadline=True))
    return result
