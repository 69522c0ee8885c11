"""The register of commitments, and its records' forms."""

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.engagement.forms import CommitmentQuery
from daadkracht.engagement.models import CommitmentStatus, Direction
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.selectors.interactions import commitment_list
from daadkracht.engagement.views import records
from daadkracht.engagement.views.kinds import COMMITMENT
from daadkracht.stakeholders.models import Organisation
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50

SORTS = [
    SortOption("due", gettext_lazy("Due"), ("due_on", "id")),
    SortOption("made", gettext_lazy("Made on"), ("made_on", "id")),
    SortOption("organisation", gettext_lazy("Organisation"), ("organisation__name", "id")),
    SortOption("status", gettext_lazy("Status"), ("status", "due_on", "id")),
]


@tenant_view()
def commitment_list_page(request: TenantRequest) -> HttpResponseBase:
    filters = CommitmentQuery(request.GET).values()
    today = timezone.localdate()
    queryset = commitment_list(
        organisation=filters["organisation"],
        status=filters["status"],
        direction=filters["direction"],
        overdue=filters["overdue"],
        today=today,
    )
    queryset, sort = apply_sort(request, queryset, SORTS, default="due")
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Commitments"),
            fmt=fmt,
            headers=[
                _("Commitment"),
                _("Organisation"),
                _("Made"),
                _("Made on"),
                _("Due"),
                _("Status"),
                _("Closed on"),
                _("Theme"),
                _("Action"),
                _("Followed up by"),
                _("Note"),
            ],
            rows=(
                [
                    c.description,
                    c.organisation.name,
                    str(c.get_direction_display()),
                    c.made_on,
                    c.due_on,
                    str(c.get_status_display()),
                    c.closed_on,
                    str(c.theme or ""),
                    c.action.identifier if c.action else "",
                    str(getattr(c.owner, "full_name", "") or ""),
                    c.note,
                ]
                for c in queryset
            ),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    filtered = any(value not in (None, "", False) for value in filters.values())
    return render(
        request,
        "engagement/commitment_list.html",
        {
            "commitments": page.object_list,
            "page": page,
            "filters": filters,
            "filtered": filtered,
            "sort": sort,
            "statuses": CommitmentStatus.choices,
            "directions": Direction.choices,
            "organisations": Organisation.objects.order_by("name").only("pk", "name"),
            "can_manage": can_manage_engagement(request.tenant.membership),
            "today": today,
            "overdue": queryset.exclude(status=CommitmentStatus.CLOSED)
            .filter(due_on__lt=today)
            .count(),
        },
    )


@tenant_view(can_manage_engagement)
def commitment_create(request: TenantRequest) -> HttpResponse:
    return records.create_page(request, COMMITMENT, made_on=timezone.localdate())


@tenant_view(can_manage_engagement)
def commitment_edit(request: TenantRequest, pk: int) -> HttpResponse:
    return records.edit_page(request, COMMITMENT, pk)


@tenant_view(can_manage_engagement)
def commitment_delete(request: TenantRequest, pk: int) -> HttpResponse:
    return records.delete_page(request, COMMITMENT, pk)
