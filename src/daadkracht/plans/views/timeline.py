"""The timeline: the actions as bars over the plan period, with a table beside the chart."""

from django.core.paginator import Page
from django.db.models import F, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from daadkracht.common.listing import page_of
from daadkracht.plans.charts.timeline import timeline_chart
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions
from daadkracht.plans.selectors.rows import action_list_rows
from daadkracht.plans.views.action_pages import filter_context, start_links
from daadkracht.plans.views.common import with_plan
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

TIMELINE_PAGE_SIZE = 50
TIMELINE_ORDER = ("start_date", "deadline", "identifier")


def _timeline_queryset(filters: ActionFilter, plan: Plan) -> QuerySet[Action]:
    return (
        filtered_actions(filters, plan)
        .select_related("status", "lead_department")
        .order_by(*(F(name).asc(nulls_last=True) for name in TIMELINE_ORDER))
    )


@tenant_view()
@with_plan("plans/timeline.html")
def timeline(request: TenantRequest, plan: Plan) -> HttpResponse:
    context = filter_context(request, plan)
    filters: ActionFilter = context["filters"]
    page: Page[Action] = page_of(request, _timeline_queryset(filters, plan), TIMELINE_PAGE_SIZE)
    today = timezone.localdate()
    rows = action_list_rows(list(page.object_list), plan, request.tenant.membership)
    chart = timeline_chart(rows, start_year=plan.start_year, end_year=plan.end_year, today=today)
    context.update(
        {
            "page": page,
            "chart": chart,
            "today": today,
            "plan_has_actions": page.paginator.count > 0
            or Action.objects.filter(plan=plan).exists(),
            **start_links(request),
        }
    )
    return render(request, "plans/timeline.html", context)
