"""The municipality dashboard: every figure and list of its home page."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from daadkracht.dashboard.selectors.changes import Changes, changes_since
from daadkracht.dashboard.selectors.figures import (
    Co2Gap,
    Money,
    StatusFigures,
    ThemeFigures,
    co2_gap,
    status_figures,
    theme_figures,
    theme_links,
)
from daadkracht.dashboard.selectors.rows import (
    DashboardActionRow,
    Limited,
    average_progress,
    dashboard_action_rows,
    late_actions,
    limited,
    plan_statuses,
    stale_actions,
)
from daadkracht.dashboard.selectors.tasks import Deadline, deadlines_ahead, open_tasks, task_lists
from daadkracht.plans.models import Plan, Task, Theme


@dataclass
class MunicipalityDashboard:
    plan: Plan
    action_count: int
    open_count: int
    done_count: int
    average_progress: float
    themes: list[ThemeFigures]
    statuses: list[StatusFigures]
    budget: Money
    co2: Co2Gap
    late: Limited[DashboardActionRow]
    stale: Limited[DashboardActionRow]
    overdue_tasks: Limited[Task]
    deadlines: Limited[Deadline]
    changes: Changes


def municipality_dashboard(
    *, plan: Plan, since: date, today: date | None = None
) -> MunicipalityDashboard:
    today = today or timezone.localdate()
    statuses = plan_statuses(plan)
    actions = dashboard_action_rows(plan, {s.pk: s for s in statuses}, today=today)
    themes = list(Theme.objects.filter(plan=plan))
    budget = Money()
    for action in actions:
        if not action.is_cancelled:
            budget.add(action)
    overdue, milestones = task_lists(open_tasks(plan), today)
    return MunicipalityDashboard(
        plan=plan,
        action_count=len(actions),
        open_count=sum(a.is_open for a in actions),
        done_count=sum(a.is_done for a in actions),
        average_progress=average_progress(actions),
        themes=theme_figures(actions, themes, theme_links(plan)),
        statuses=status_figures(actions, statuses),
        budget=budget,
        co2=co2_gap(plan, actions),
        late=limited(late_actions(actions)),
        stale=limited(stale_actions(actions)),
        overdue_tasks=overdue,
        deadlines=deadlines_ahead(actions, milestones, today),
        changes=changes_since(plan, since, actions),
    )
