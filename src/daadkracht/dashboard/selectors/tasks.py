"""Open tasks and milestones on the dashboards: overdue ones and the deadlines ahead."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from daadkracht.dashboard.selectors.rows import LIST_LIMIT, DashboardActionRow, Limited
from daadkracht.plans.models import CLOSED_CATEGORIES, Action, Plan, Task
from daadkracht.tenancy.trash import live_only

HORIZON_DAYS = 60  # "next deadlines" look this far ahead


@dataclass
class Deadline:
    """An action's deadline or a milestone's due date in the coming weeks."""

    date: date
    action: DashboardActionRow | Action
    milestone: Task | None = None

    @property
    def days_left(self) -> int:
        return (self.date - timezone.localdate()).days


def open_tasks(plan: Plan, actions: QuerySet[Action] | None = None) -> QuerySet[Task]:
    """Tasks not done yet, of the plan's open actions (or of the given actions)."""
    queryset = Task.objects.filter(live_only("action"), done_at__isnull=True)
    if actions is not None:
        queryset = queryset.filter(action__in=actions.values("pk"))
    else:
        queryset = queryset.filter(action__plan=plan)
    return queryset.exclude(action__status__category__in=CLOSED_CATEGORIES).select_related(
        "action", "owner"
    )


def overdue_tasks(tasks: QuerySet[Task], today: date) -> QuerySet[Task]:
    return tasks.filter(due_date__lt=today).order_by("due_date", "action__identifier", "id")


def task_lists(
    tasks: QuerySet[Task], today: date, days: int = HORIZON_DAYS
) -> tuple[Limited[Task], Limited[Task]]:
    """Overdue tasks and milestones due in the coming `days` days: the first of each, in one query.

    Each list is ranked and counted by a window over its own rows, so the database returns at
    most LIST_LIMIT of each however many there are.
    """
    end = today + timedelta(days=days)
    late = Q(due_date__lt=today)
    ahead = Q(is_milestone=True, due_date__gte=today, due_date__lte=end)
    kind = Case(When(late, then=Value(0)), default=Value(1), output_field=IntegerField())
    order = [F("due_date").asc(), F("action__identifier").asc(), F("id").asc()]
    rows: list[Any] = list(
        tasks.filter(late | ahead)
        .annotate(
            list_kind=kind,
            list_rank=Window(RowNumber(), partition_by=[kind], order_by=order),
            list_total=Window(Count("pk"), partition_by=[kind]),
        )
        .filter(list_rank__lte=LIST_LIMIT)
        .order_by("list_kind", "list_rank")
    )
    lists: list[Limited[Task]] = []
    for wanted in (0, 1):
        items = [t for t in rows if t.list_kind == wanted]
        lists.append(Limited(items, items[0].list_total if items else 0))
    return lists[0], lists[1]


def deadlines_ahead(
    actions: Iterable[DashboardActionRow],
    milestones: Limited[Task],
    today: date,
    days: int = HORIZON_DAYS,
) -> Limited[Deadline]:
    """Open actions' deadlines and open milestones in the coming `days` days, soonest first."""
    end = today + timedelta(days=days)
    items = [
        Deadline(a.deadline, a)
        for a in actions
        if a.is_open and a.deadline is not None and today <= a.deadline <= end
    ]
    action_count = len(items)
    items += [Deadline(t.due_date, t.action, t) for t in milestones.items if t.due_date]
    items.sort(key=lambda d: (d.date, d.action.identifier, d.milestone is not None))
    return Limited(items[:LIST_LIMIT], action_count + milestones.total)
