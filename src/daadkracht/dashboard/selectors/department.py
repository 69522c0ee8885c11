"""One department's dashboard: the actions it leads or is involved in."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.dashboard.selectors.rows import (
    Average,
    DashboardActionRow,
    Limited,
    average_progress,
    dashboard_action_rows,
    late_actions,
    limited,
    never_updated,
    plan_statuses,
    stale_actions,
)
from daadkracht.dashboard.selectors.tasks import Deadline, deadlines_ahead, open_tasks, task_lists
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    DepartmentRole,
    Plan,
    StatusCategory,
    Task,
)
from daadkracht.tenancy.models import Department

# Decisions a department should take: its actions that are behind or on hold.
DECISION_CATEGORIES = (StatusCategory.DELAYED, StatusCategory.PAUSED)

LEAD_ROLE = "lead"
ROLE_LABELS = dict(DepartmentRole.choices)


def department_actions(plan: Plan, department: Department) -> QuerySet[Action]:
    """The plan's actions the department leads or is involved in, with its role in each."""
    involvements = ActionDepartment.objects.filter(action=OuterRef("pk"), department=department)
    return (
        Action.objects.filter(plan=plan)
        .filter(Q(lead_department=department) | Exists(involvements))
        .annotate(
            department_role=Case(
                When(lead_department=department, then=Value(LEAD_ROLE)),
                default=Subquery(involvements.values("role")[:1]),
                output_field=CharField(),
            )
        )
    )


@dataclass
class DepartmentDashboard:
    plan: Plan
    department: Department
    actions: list[DashboardActionRow]
    lead_count: int
    involved_count: int
    average_progress: Average
    late: Limited[DashboardActionRow]
    stale: Limited[DashboardActionRow]
    never_updated: int  # open actions without any update since they were added
    overdue_tasks: Limited[Task]
    deadlines: Limited[Deadline]
    decisions: Limited[DashboardActionRow]


def department_dashboard(
    *, plan: Plan, department: Department, today: date | None = None
) -> DepartmentDashboard:
    today = today or timezone.localdate()
    ours = department_actions(plan, department)
    statuses = {s.pk: s for s in plan_statuses(plan)}
    actions = dashboard_action_rows(plan, statuses, ours, today=today)
    lead = sum(a.department_role == LEAD_ROLE for a in actions)
    overdue, milestones = task_lists(open_tasks(plan, ours), today)
    return DepartmentDashboard(
        plan=plan,
        department=department,
        actions=actions,
        lead_count=lead,
        involved_count=len(actions) - lead,
        average_progress=average_progress(actions),
        late=limited(late_actions(actions)),
        stale=limited(stale_actions(actions)),
        never_updated=never_updated(actions),
        overdue_tasks=overdue,
        deadlines=deadlines_ahead(actions, milestones, today),
        decisions=limited(decisions_needed(actions)),
    )


def decisions_needed(actions: Iterable[DashboardActionRow]) -> list[DashboardActionRow]:
    """Actions that are delayed or postponed: someone has to decide how to adjust course."""
    return sorted(
        (a for a in actions if a.status.category in DECISION_CATEGORIES),
        key=lambda a: (a.deadline or date.max, a.identifier),
    )


def role_label(action: DashboardActionRow) -> str:
    """The department's role in the action, in words."""
    role = action.department_role
    if role == LEAD_ROLE:
        return _("lead")
    return str(ROLE_LABELS.get(str(role), ""))
