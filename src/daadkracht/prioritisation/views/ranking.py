"""The ranked list of actions by their weighted score, its export, and filling in scores."""

from django.contrib import messages
from django.db.models import F, QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import export_format
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.common.query import requested_sort
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.views.common import with_plan
from daadkracht.prioritisation.charts.weights import weight_shares
from daadkracht.prioritisation.exports import ranking_export
from daadkracht.prioritisation.models import ActionScore
from daadkracht.prioritisation.policies import can_manage_prioritisation, can_score
from daadkracht.prioritisation.selectors.scores import (
    criteria_of,
    explain,
    ranked_actions,
    with_scores,
)
from daadkracht.prioritisation.services import scores as services
from daadkracht.prioritisation.views.common import NO_PLAN_TEMPLATE, filter_context
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.trash import live_only

PAGE_SIZE = 50

RANK_SORTS = [
    SortOption("score", gettext_lazy("Score"), ("weighted_score", "identifier")),
    SortOption("identifier", gettext_lazy("Identifier"), ("identifier",)),
    SortOption("title", gettext_lazy("Title"), ("title", "identifier")),
    SortOption(
        "department", gettext_lazy("Lead department"), ("lead_department__name", "identifier")
    ),
    SortOption("status", gettext_lazy("Status"), ("status__position", "identifier")),
    SortOption("scored", gettext_lazy("Criteria scored"), ("scored_count", "identifier")),
]


def sort_ranking(request: TenantRequest, ranked: QuerySet[Action]) -> tuple[QuerySet[Action], str]:
    """Best score first unless asked otherwise; equal scores in the order of their identifier."""
    requested = requested_sort(request.GET, [o.key for o in RANK_SORTS], "-score")
    if requested.lstrip("-") == "score":
        score = F("weighted_score")
        first = score.asc(nulls_last=True) if requested == "score" else score.desc(nulls_last=True)
        return ranked.order_by(first, "identifier"), requested
    return apply_sort(request, ranked, RANK_SORTS)


@tenant_view()
@with_plan(NO_PLAN_TEMPLATE)
def priorities(request: TenantRequest, plan: Plan) -> HttpResponseBase:
    filters = ActionFilter.from_query(request.GET)
    criteria = criteria_of(plan)
    ranked, sort = sort_ranking(request, ranked_actions(filters, plan))
    ranked = with_scores(ranked.select_related("lead_department", "status"))
    fmt = export_format(request)
    if fmt:
        return ranking_export(ranked, criteria, fmt)
    page = page_of(request, ranked, PAGE_SIZE)
    who = request.tenant.membership
    rows = [
        {
            "action": action,
            "explanation": explain(action, criteria),
            "can_score": can_score(who, action),
        }
        for action in page
    ]
    context = {
        "plan": plan,
        "page": page,
        "rows": rows,
        "criteria": criteria,
        "shares": weight_shares(criteria),
        "sort": sort,
        "has_actions": Action.objects.filter(plan=plan).exists(),
        "scored_count": ActionScore.objects.filter(live_only("action"), action__plan=plan).count(),
        **filter_context(filters, plan),
    }
    return render(request, "prioritisation/ranking.html", context)


@tenant_view(can_manage_prioritisation)
@require_POST
@with_plan(NO_PLAN_TEMPLATE)
def scores_fill(request: TenantRequest, plan: Plan) -> HttpResponse:
    """Fill in the missing CO2-impact and cost-per-tonne scores of every action."""
    added = services.scores_fill_from_figures(actor=request.user, plan=plan)
    if added:
        messages.success(
            request,
            ngettext(
                "%(count)d score filled in from the figures. Existing scores were kept.",
                "%(count)d scores filled in from the figures. Existing scores were kept.",
                added,
            )
            % {"count": added},
        )
    else:
        messages.info(
            request,
            _(
                "Nothing to fill in: every action with a CO2 reduction and budget already has "
                "these scores, or no action has figures yet."
            ),
        )
    return redirect("prioritisation:priorities", municipality=request.tenant.municipality.slug)
