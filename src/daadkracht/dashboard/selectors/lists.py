"""The full lists behind the dashboards: actions needing attention and overdue tasks."""

from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from daadkracht.dashboard.selectors.tasks import open_tasks, overdue_tasks
from daadkracht.plans.models import Action, Plan, Task
from daadkracht.plans.selectors.actions import (
    ActionFilter,
    filtered_actions,
    open_actions,
    overdue,
    overdue_condition,
    stale,
    stale_condition,
)

ATTENTION_KINDS = ("late", "stale")


def attention_actions(*, plan: Plan, filters: ActionFilter, kind: str) -> QuerySet[Action]:
    """Open actions that are late, stale (kind), or either (no kind), within the filters."""
    queryset = filtered_actions(filters, plan)
    if kind == "late":
        return overdue(queryset)
    if kind == "stale":
        return stale(queryset, plan)
    return open_actions(queryset).filter(overdue_condition() | stale_condition(plan))


def overdue_task_list(*, plan: Plan, department: int | None, today: date) -> QuerySet[Task]:
    """Overdue open tasks, optionally of the actions one department leads or is involved in."""
    actions = None
    if department is not None:
        actions = filtered_actions(ActionFilter(department=department), plan)
    return overdue_tasks(open_tasks(plan, actions), today).select_related("action__lead_department")


def days_since(moment: datetime | None, today: date) -> int | None:
    """Whole days from the moment (in local time) to today."""
    if moment is None:
        return None
    return (today - timezone.localtime(moment).date()).days
