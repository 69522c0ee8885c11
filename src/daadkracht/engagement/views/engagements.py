"""The engagement list with the influence-interest grid, and its records' forms."""

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.engagement.forms import EngagementQuery
from daadkracht.engagement.models import Engagement
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.selectors.engagements import engagement_list, influence_interest_grid
from daadkracht.engagement.views import records
from daadkracht.engagement.views.kinds import ENGAGEMENT
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import OrganisationKind
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50

SORTS = [
    SortOption("organisation", gettext_lazy("Organisation"), ("organisation__name",)),
    SortOption("target", gettext_lazy("Theme or action"), ("theme__name", "action__identifier")),
    SortOption("intended", gettext_lazy("Intended level"), ("intended",)),
    SortOption("actual", gettext_lazy("Actual level"), ("actual",)),
    SortOption("influence", gettext_lazy("Influence"), ("influence",)),
    SortOption("interest", gettext_lazy("Interest"), ("interest",)),
]


def target(engagement: Engagement) -> str:
    if engagement.theme is not None:
        return str(engagement.theme)
    assert engagement.action is not None
    return f"{engagement.action.identifier} {engagement.action.title}"


def _level(value: int | None, engagement: Engagement, name: str) -> str:
    if value is None:
        return _("not engaged yet")
    return str(getattr(engagement, f"get_{name}_display")())


@tenant_view()
def engagement_list_page(request: TenantRequest) -> HttpResponseBase:
    filters = EngagementQuery(request.GET).values()
    queryset = engagement_list(
        theme=filters["theme"],
        kind=filters["kind"],
        organisation=filters["organisation"],
        behind=filters["behind"],
    )
    grid = influence_interest_grid(queryset)
    queryset, sort = apply_sort(request, queryset, SORTS)
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Engagement"),
            fmt=fmt,
            headers=[
                _("Organisation"),
                _("Type"),
                _("Theme or action"),
                _("Influence"),
                _("Interest"),
                _("Suggested level"),
                _("Intended level"),
                _("Actual level"),
                _("Note"),
            ],
            rows=(
                [
                    e.organisation.name,
                    str(e.organisation.get_kind_display()),
                    target(e),
                    str(e.get_influence_display()),
                    str(e.get_interest_display()),
                    str(e.suggested.label),
                    _level(e.intended, e, "intended"),
                    _level(e.actual, e, "actual"),
                    e.note,
                ]
                for e in queryset
            ),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    filtered = any(value not in (None, "", False) for value in filters.values())
    return render(
        request,
        "engagement/engagement_list.html",
        {
            "engagements": page.object_list,
            "page": page,
            "grid": grid,
            "filters": filters,
            "filtered": filtered,
            "sort": sort,
            "themes": Theme.objects.order_by("position", "code", "name"),
            "kinds": OrganisationKind.choices,
            "can_manage": can_manage_engagement(request.tenant.membership),
            "behind_count": sum(cell.behind for row in grid for cell in row),
        },
    )


@tenant_view(can_manage_engagement)
def engagement_create(request: TenantRequest) -> HttpResponse:
    return records.create_page(request, ENGAGEMENT)


@tenant_view(can_manage_engagement)
def engagement_edit(request: TenantRequest, pk: int) -> HttpResponse:
    return records.edit_page(request, ENGAGEMENT, pk)


@tenant_view(can_manage_engagement)
def engagement_delete(request: TenantRequest, pk: int) -> HttpResponse:
    return records.delete_page(request, ENGAGEMENT, pk)
