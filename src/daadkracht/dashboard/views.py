"""Dashboard pages: the municipality overview (its home page), one department, the full lists."""

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.exporting import export_format
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.common.query import requested_sort
from daadkracht.dashboard import charts
from daadkracht.dashboard.exports import (
    attention_export,
    department_actions_export,
    overdue_tasks_export,
)
from daadkracht.dashboard.forms import (
    AttentionQuery,
    ChosenDepartmentQuery,
    DepartmentQuery,
    SinceQuery,
)
from daadkracht.dashboard.selectors.changes import default_since
from daadkracht.dashboard.selectors.department import department_dashboard, role_label
from daadkracht.dashboard.selectors.lists import (
    attention_actions,
    days_since,
    overdue_task_list,
)
from daadkracht.dashboard.selectors.municipality import (
    MunicipalityDashboard,
    municipality_dashboard,
)
from daadkracht.dashboard.selectors.rows import DashboardActionRow
from daadkracht.dashboard.selectors.setup import setup_checklist
from daadkracht.plans.selectors.actions import ActionFilter, is_overdue, is_stale, query_for
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.selectors.themes import theme_options
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import can_manage_departments

PAGE_SIZE = 50

# Planned, committed, spent: dark to light, told apart by the legend and the table too.
BUDGET_COLOURS = ("#0b5d3b", "#1f6fb5", "#8a5a00")
CO2_COLOURS = {"achieved": "#0b5d3b", "planned": "#6fb38f", "gap": "#b3261e"}


def _dashboard_charts(dashboard: MunicipalityDashboard) -> dict[str, Any]:
    co2 = dashboard.co2
    return {
        # A theme whose actions all have an unknown status has no average: no bar, "—" in the
        # table, rather than a bar at 0 % that would pass for "not started".
        "theme_chart": charts.bar_chart(
            [
                (str(t.theme or _("Without theme")), t.average_progress, t.colour)
                for t in dashboard.themes
                if t.average_progress is not None
            ],
            maximum=100,
        ),
        "status_chart": charts.bar_chart(
            [(s.label, s.count, s.colour) for s in dashboard.statuses]
        ),
        "budget_chart": charts.grouped_bar_chart(
            [(_("All actions"), dashboard.budget.values)]
            + [(str(t.theme or _("Without theme")), t.budget.values) for t in dashboard.themes],
            colours=BUDGET_COLOURS,
        ),
        "co2_chart": charts.stacked_bar(
            [
                ("achieved", co2.achieved, CO2_COLOURS["achieved"]),
                ("planned", co2.planned, CO2_COLOURS["planned"]),
                ("gap", co2.gap or 0, CO2_COLOURS["gap"]),
            ],
            marker=co2.needed,
        ),
        "budget_colours": BUDGET_COLOURS,
        "co2_colours": CO2_COLOURS,
    }


def home_context(request: TenantRequest) -> dict[str, Any]:
    """What the municipality's home page shows: the dashboard, and how to start where needed."""
    tenant = request.tenant
    today = timezone.localdate()
    query = SinceQuery(request.GET)
    since = query.value("sinds") or default_since(today)
    since_problem = query.problem()
    plan = current_plan()
    departments = list(Department.objects.all())
    context: dict[str, Any] = {
        "plan": plan,
        "departments": departments,
        "my_department": next(
            (d for d in departments if d.pk == tenant.membership.department_id), None
        ),
        "since": since,
        "since_valid": not since_problem,
        "since_problem": since_problem,
        "today": today,
    }
    dashboard = None
    if plan is not None:
        dashboard = municipality_dashboard(plan=plan, since=since, today=today)
        context["dashboard"] = dashboard
        if dashboard.action_count:
            context.update(_dashboard_charts(dashboard))
    # The one figure the dashboard, the checklist and the empty state all go by.
    context["action_count"] = dashboard.action_count if dashboard is not None else 0
    if can_manage_departments(tenant.membership):
        checklist = setup_checklist(
            plan=plan,
            departments=departments,
            action_count=context["action_count"],
            member=tenant.membership,
        )
        context["checklist"] = checklist
        context["show_checklist"] = (
            not checklist.done and tenant.membership.checklist_hidden_at is None
        )
    return context


# Our actions are few enough to sort in memory; each key reads what the row already shows.
DEPARTMENT_SORTS: dict[str, Callable[[DashboardActionRow], Any]] = {
    "identifier": lambda a: a.identifier,
    "title": lambda a: a.title.lower(),
    "role": lambda a: a.role_label,
    "status": lambda a: a.status.position,
    "progress": lambda a: a.progress,
    "deadline": lambda a: a.deadline,
}


def sort_actions(
    actions: list[DashboardActionRow], requested: str
) -> tuple[list[DashboardActionRow], str]:
    """Sort by `?sort=key` or `-key`, empty values last in both directions, then by identifier."""
    descending = requested.startswith("-")
    key = requested.lstrip("-")
    if key not in DEPARTMENT_SORTS:
        key, descending = "identifier", False
    value = DEPARTMENT_SORTS[key]
    by_identifier = sorted(actions, key=lambda a: a.identifier)
    filled = [a for a in by_identifier if value(a) is not None]
    empty = [a for a in by_identifier if value(a) is None]
    filled.sort(key=value, reverse=descending)
    return filled + empty, ("-" if descending else "") + key


@tenant_view()
def department(request: TenantRequest, pk: int) -> HttpResponseBase:
    """One department: our actions, and what needs our attention."""
    department = get_object_or_404(Department.objects, pk=pk)
    plan = current_plan()
    dashboard = department_dashboard(plan=plan, department=department) if plan else None
    fmt = export_format(request)
    if fmt and dashboard is not None:
        return department_actions_export(department, dashboard.actions, fmt)
    sort = requested_sort(request.GET, DEPARTMENT_SORTS)
    if dashboard is not None:
        for action in dashboard.actions:
            action.role_label = role_label(action)
        dashboard.actions, sort = sort_actions(dashboard.actions, sort)
    departments = list(Department.objects.all())
    return render(
        request,
        "dashboard/department.html",
        {
            "department": department,
            "plan": plan,
            "dashboard": dashboard,
            "departments": departments,
            "my_department": next(
                (d for d in departments if d.pk == request.tenant.membership.department_id), None
            ),
            "is_mine": request.tenant.membership.department_id == department.pk,
            "sort": sort,
            "filter_query": query_for(ActionFilter(department=department.pk)),
        },
    )


@tenant_view()
def department_choose(request: TenantRequest) -> HttpResponse:
    """The department chooser's target: go to the chosen department, or list them all."""
    query = ChosenDepartmentQuery(request.GET)
    chosen = query.value("dienst")
    if chosen is not None and Department.objects.filter(pk=chosen).exists():
        return redirect(
            "dashboard:department", municipality=request.tenant.municipality.slug, pk=chosen
        )
    return render(
        request,
        "dashboard/department_choose.html",
        {
            "departments": Department.objects.all(),
            "invalid": chosen is not None or bool(query.dropped),
        },
    )


ATTENTION_SORTS = [
    SortOption("deadline", gettext_lazy("Deadline"), ("deadline", "identifier")),
    SortOption("identifier", gettext_lazy("Identifier"), ("identifier",)),
    SortOption("title", gettext_lazy("Title"), ("title", "identifier")),
    SortOption("update", gettext_lazy("Last update"), ("last_update_at", "identifier")),
    SortOption(
        "department", gettext_lazy("Lead department"), ("lead_department__name", "identifier")
    ),
    SortOption("status", gettext_lazy("Status"), ("status__position", "identifier")),
    SortOption("progress", gettext_lazy("Progress"), ("progress", "identifier")),
]


@tenant_view()
def attention(request: TenantRequest) -> HttpResponseBase:
    """Late and stale actions, filtered, sorted, paged, exported."""
    plan = current_plan()
    filters = ActionFilter.from_query(request.GET)
    kind = AttentionQuery(request.GET).value("kind")
    context: dict[str, Any] = {"plan": plan, "filters": filters, "kind": kind}
    if plan is None:
        return render(request, "dashboard/attention.html", context)
    actions, sort = apply_sort(
        request,
        attention_actions(plan=plan, filters=filters, kind=kind).select_related(
            "status", "lead_department"
        ),
        ATTENTION_SORTS,
    )
    today = timezone.localdate()
    now = timezone.now()
    fmt = export_format(request)
    if fmt:
        return attention_export(actions, plan, fmt)
    page = page_of(request, actions, PAGE_SIZE)
    for action in page:
        action.is_late = is_overdue(action, today)
        action.is_stale = is_stale(action, plan, now)
        action.days_silent = days_since(action.last_update_at or action.created_at, today)
    context.update(
        page=page,
        sort=sort,
        sorts=ATTENTION_SORTS,
        theme_options=theme_options(plan),
        departments=Department.objects.all(),
        today=today,
    )
    return render(request, "dashboard/attention.html", context)


TASK_SORTS = [
    SortOption("due", gettext_lazy("Due date"), ("due_date", "action__identifier", "id")),
    SortOption("action", gettext_lazy("Action"), ("action__identifier", "due_date", "id")),
    SortOption("title", gettext_lazy("Task"), ("title", "id")),
    SortOption("owner", gettext_lazy("Owner"), ("owner__full_name", "due_date", "id")),
]


@tenant_view()
def overdue_tasks(request: TenantRequest) -> HttpResponseBase:
    """Open tasks past their due date, optionally of one department's actions."""
    plan = current_plan()
    department = DepartmentQuery(request.GET).value("department")
    context: dict[str, Any] = {"plan": plan, "department": department}
    if plan is None:
        return render(request, "dashboard/tasks.html", context)
    today = timezone.localdate()
    tasks, sort = apply_sort(
        request,
        overdue_task_list(plan=plan, department=department, today=today),
        TASK_SORTS,
    )
    fmt = export_format(request)
    if fmt:
        return overdue_tasks_export(tasks, today, fmt)
    page = page_of(request, tasks, PAGE_SIZE)
    context.update(
        page=page,
        sort=sort,
        sorts=TASK_SORTS,
        departments=Department.objects.all(),
        today=today,
    )
    return render(request, "dashboard/tasks.html", context)
