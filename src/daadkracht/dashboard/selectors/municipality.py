"""The municipality dashboard: every figure and list of its home page."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from daadkracht.dashboard.selectors.changes import Changes, changes_since
from daadkracht.dashboard.selectors.figures import (
    Money,
    StatusFigures,
    ThemeFigures,
    is_late_while_active,
    status_figures,
    theme_figures,
    theme_links,
)
from daadkracht.dashboard.selectors.rows import (
    Average,
    DashboardActionRow,
    Limited,
    average_progress,
    board_decisions,
    dashboard_action_rows,
    late_actions,
    limited,
    never_updated,
    plan_statuses,
    stale_actions,
)
from daadkracht.dashboard.selectors.tasks import Deadline, deadlines_ahead, open_tasks, task_lists
from daadkracht.plans.models import ActionStatus, Plan, Task, Theme
from daadkracht.plans.selectors.co2 import Co2Gap, co2_gap


@dataclass
class MunicipalityDashboard:
    plan: Plan
    action_count: int
    open_count: int
    done_count: int
    average_progress: Average
    themes: list[ThemeFigures]
    statuses: list[StatusFigures]
    budget: Money
    co2_as_text: int  # open or completed actions whose CO2 estimate is only text
    co2: Co2Gap
    decisions: list[DashboardActionRow]  # waiting for the executive board: all, not a sample
    late: Limited[DashboardActionRow]
    late_while_active: int  # of the late ones, those whose status still says "under way"
    late_while_active_statuses: list[str]  # the names of those statuses
    stale: Limited[DashboardActionRow]
    never_updated: int  # open actions without any update since they were added
    unknown: int  # actions whose status is unknown: in the total, in no progress figure
    unknown_statuses: list[ActionStatus]  # the statuses of those actions, in plan order
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
    late_while_active = [a for a in actions if is_late_while_active(a)]
    statuses_late_while_active = {a.status.pk for a in late_while_active}
    unknown = [a for a in actions if a.is_unknown]
    statuses_unknown = {a.status.pk for a in unknown}
    return MunicipalityDashboard(
        plan=plan,
        action_count=len(actions),
        open_count=sum(a.is_open for a in actions),
        done_count=sum(a.is_done for a in actions),
        average_progress=average_progress(actions),
        themes=theme_figures(actions, themes, theme_links(plan)),
        statuses=status_figures(actions, statuses),
        budget=budget,
        co2=co2_gap(plan, (a.co2_facts for a in actions)),
        co2_as_text=sum(
            1 for a in actions if not a.is_cancelled and a.co2_reduction is None and a.co2_note
        ),
        decisions=board_decisions(actions),
        late=limited(late_actions(actions)),
        late_while_active=len(late_while_active),
        late_while_active_statuses=[s.name for s in statuses if s.pk in statuses_late_while_active],
        stale=limited(stale_actions(actions)),
        never_updated=never_updated(actions),
        unknown=len(unknown),
        unknown_statuses=[s for s in statuses if s.pk in statuses_unknown],
        overdue_tasks=overdue,
        deadlines=deadlines_ahead(actions, milestones, today),
        changes=changes_since(plan, since, actions),
    )
