"""The interaction log: the list with its follow-ups, and its records' forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.common.navigation import tenant_url
from daadkracht.engagement.forms import InteractionQuery
from daadkracht.engagement.models import Interaction, InteractionKind
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.selectors.interactions import interaction_list
from daadkracht.engagement.services.interactions import follow_up_set_done
from daadkracht.engagement.views import records
from daadkracht.engagement.views.kinds import INTERACTION
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Organisation
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50

SORTS = [
    SortOption("date", gettext_lazy("Date"), ("happened_on", "id")),
    SortOption("organisation", gettext_lazy("Organisation"), ("organisation__name", "id")),
    SortOption("due", gettext_lazy("Follow-up due"), ("follow_up_due", "id")),
]


def _name(user: object) -> str:
    return str(getattr(user, "full_name", "") or "") if user else ""


@tenant_view()
def interaction_list_page(request: TenantRequest) -> HttpResponseBase:
    filters = InteractionQuery(request.GET).values()
    queryset = interaction_list(
        organisation=filters["organisation"],
        kind=filters["kind"],
        theme=filters["theme"],
        open_follow_up=filters["open"],
        owner=request.user if filters["mine"] else None,
    )
    queryset, sort = apply_sort(request, queryset, SORTS, default="-date")
    can_manage = can_manage_engagement(request.tenant.membership)
    fmt = export_format(request)
    if fmt:
        headers = [_("Date"), _("Organisation"), _("Kind"), _("Theme"), _("Who"), _("Summary")]
        headers += [_("Follow-up"), _("Follow-up by"), _("Follow-up due"), _("Follow-up done")]
        if can_manage:
            headers.insert(2, _("Contact person"))
        rows = []
        for i in queryset:
            row = [
                i.happened_on,
                i.organisation.name,
                str(i.get_kind_display()),
                str(i.theme or ""),
                _name(i.by),
                i.summary,
                i.follow_up,
                _name(i.follow_up_owner),
                i.follow_up_due,
                timezone.localdate(i.follow_up_done_at) if i.follow_up_done_at else None,
            ]
            if can_manage:
                row.insert(2, str(i.contact or ""))
            rows.append(row)
        return export_response(name=_("Interactions"), fmt=fmt, headers=headers, rows=rows)
    filtered = any(value not in (None, "", False) for value in filters.values())
    page = page_of(request, queryset, PAGE_SIZE)
    return render(
        request,
        "engagement/interaction_list.html",
        {
            "interactions": page.object_list,
            "page": page,
            "filters": filters,
            "filtered": filtered,
            "sort": sort,
            "kinds": InteractionKind.choices,
            "themes": Theme.objects.order_by("position", "code", "name"),
            "organisations": Organisation.objects.order_by("name").only("pk", "name"),
            "can_manage": can_manage,
            "today": timezone.localdate(),
        },
    )


@tenant_view(can_manage_engagement)
def interaction_create(request: TenantRequest) -> HttpResponse:
    return records.create_page(
        request, INTERACTION, happened_on=timezone.localdate(), by=request.user.pk
    )


@tenant_view(can_manage_engagement)
def interaction_edit(request: TenantRequest, pk: int) -> HttpResponse:
    return records.edit_page(request, INTERACTION, pk)


@tenant_view(can_manage_engagement)
def interaction_delete(request: TenantRequest, pk: int) -> HttpResponse:
    return records.delete_page(request, INTERACTION, pk)


@tenant_view(can_manage_engagement)
@require_POST
def follow_up_toggle(request: TenantRequest, pk: int) -> HttpResponse:
    interaction = get_object_or_404(Interaction.objects, pk=pk)
    done = request.POST.get("done") == "1"
    try:
        follow_up_set_done(actor=request.user, interaction=interaction, done=done)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Follow-up done.") if done else _("Follow-up open again."))
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect(tenant_url(request, "engagement:interactions"))
