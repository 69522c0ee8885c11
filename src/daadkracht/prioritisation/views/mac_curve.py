"""The marginal abatement cost curve page and its export."""

from django.http.response import HttpResponseBase
from django.shortcuts import render

from daadkracht.common.exporting import export_format
from daadkracht.plans.models import Plan
from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.views.common import with_plan
from daadkracht.prioritisation.charts.mac_curve import mac_chart
from daadkracht.prioritisation.exports import cost_curve_export
from daadkracht.prioritisation.selectors.mac_curve import mac_curve
from daadkracht.prioritisation.views.common import NO_PLAN_TEMPLATE, filter_context
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view()
@with_plan(NO_PLAN_TEMPLATE)
def mac_curve_view(request: TenantRequest, plan: Plan) -> HttpResponseBase:
    filters = ActionFilter.from_query(request.GET)
    curve = mac_curve(filters, plan)
    fmt = export_format(request)
    if fmt:
        return cost_curve_export(curve, fmt)
    return render(
        request,
        "prioritisation/mac_curve.html",
        {
            "plan": plan,
            "curve": curve,
            "chart": mac_chart(curve) if curve.bars else None,
            **filter_context(filters, plan),
        },
    )
