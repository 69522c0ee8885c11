"""The dashboard's lists as CSV or Excel: a department's actions, attention list, overdue tasks."""

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_response
from daadkracht.dashboard.selectors.department import role_label
from daadkracht.dashboard.selectors.lists import days_since
from daadkracht.dashboard.selectors.rows import DashboardActionRow
from daadkracht.plans.models import Action, Plan, Task
from daadkracht.plans.selectors.actions import is_overdue, is_stale
from daadkracht.tenancy.models import Department


def department_actions_export(
    department: Department, actions: Iterable[DashboardActionRow], fmt: str
) -> FileResponse:
    return export_response(
        name=_("Actions of %(department)s") % {"department": department.name},
        fmt=fmt,
        headers=[
            _("Identifier"),
            _("Title"),
            _("Our role"),
            _("Lead department"),
            _("Status"),
            _("Progress (%)"),
            _("Deadline"),
        ],
        rows=(
            [
                a.identifier,
                a.title,
                role_label(a),
                str(a.lead_department or ""),
                a.status.name,
                a.progress,
                a.deadline,
            ]
            for a in actions
        ),
    )


def attention_export(actions: QuerySet[Action], plan: Plan, fmt: str) -> FileResponse:
    today, now = timezone.localdate(), timezone.now()
    return export_response(
        name=_("Actions needing attention"),
        fmt=fmt,
        headers=[
            _("Identifier"),
            _("Title"),
            _("Status"),
            _("Lead department"),
            _("Progress (%)"),
            _("Deadline"),
            _("Days late"),
            _("Last update"),
            _("Days without update"),
            _("Late"),
            _("Stale"),
        ],
        rows=(
            [
                a.identifier,
                a.title,
                a.status.name,
                str(a.lead_department or ""),
                a.progress,
                a.deadline,
                (today - a.deadline).days if is_overdue(a, today) and a.deadline else None,
                timezone.localtime(a.last_update_at).date() if a.last_update_at else None,
                days_since(a.last_update_at or a.created_at, today),
                _("yes") if is_overdue(a, today) else _("no"),
                _("yes") if is_stale(a, plan, now) else _("no"),
            ]
            for a in actions.iterator(chunk_size=500)
        ),
    )


def overdue_tasks_export(tasks: QuerySet[Task], today: date, fmt: str) -> FileResponse:
    return export_response(
        name=_("Overdue tasks"),
        fmt=fmt,
        headers=[
            _("Action"),
            _("Task"),
            _("Milestone"),
            _("Owner"),
            _("Due date"),
            _("Days late"),
            _("Lead department"),
        ],
        rows=(
            [
                str(t.action),
                t.title,
                _("yes") if t.is_milestone else _("no"),
                str(t.owner or ""),
                t.due_date,
                (today - t.due_date).days if t.due_date else None,
                str(t.action.lead_department or ""),
            ]
            for t in tasks.iterator(chunk_size=500)
        ),
    )
