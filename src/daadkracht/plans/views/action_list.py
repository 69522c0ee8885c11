"""The action list: filters, sorting, sharing and export links, and its inline quick updates."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.forms import edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.common.navigation import tenant_url
from daadkracht.common.query import NextQuery
from daadkracht.plans.forms.update import QuickUpdateForm
from daadkracht.plans.models import Action, Plan, StatusUpdate
from daadkracht.plans.policies import can_post_updates
from daadkracht.plans.selectors.actions import (
    ActionFilter,
    filtered_actions,
    query_for,
    with_list_data,
)
from daadkracht.plans.selectors.rows import action_list_rows
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.plans.views.action_pages import filter_context, start_links
from daadkracht.plans.views.common import updatable_action, with_plan
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

LIST_PAGE_SIZE = 50

ACTION_SORTS = [
    SortOption("identifier", gettext_lazy("Identifier"), ("identifier",)),
    SortOption("title", gettext_lazy("Title"), ("title", "identifier")),
    SortOption("status", gettext_lazy("Status"), ("status__position", "identifier")),
    SortOption("deadline", gettext_lazy("Deadline"), ("deadline", "identifier")),
    SortOption("progress", gettext_lazy("Progress"), ("progress", "identifier")),
    SortOption(
        "department", gettext_lazy("Lead department"), ("lead_department__name", "identifier")
    ),
    SortOption("updated", gettext_lazy("Last update"), ("last_update_at", "identifier")),
]


# --- The action list ----------------------------------------------------------------------


@tenant_view()
@with_plan("plans/action_list.html")
def action_list(request: TenantRequest, plan: Plan) -> HttpResponse:
    context = filter_context(request, plan)
    filters: ActionFilter = context["filters"]
    actions, sort = apply_sort(
        request, with_list_data(filtered_actions(filters, plan)), ACTION_SORTS
    )
    page = page_of(request, actions, LIST_PAGE_SIZE)
    shared_query = query_for(filters, sort=sort if sort != ACTION_SORTS[0].key else "")
    list_url = reverse("plans:actions", kwargs={"municipality": request.tenant.municipality.slug})
    export_url = tenant_url(request, "plans:actions_export")
    context.update(
        {
            "page": page,
            "rows": action_list_rows(list(page.object_list), plan, request.tenant.membership),
            "sort": sort,
            "back": request.get_full_path(),
            "share_url": request.build_absolute_uri(
                f"{list_url}?{shared_query}" if shared_query else list_url
            ),
            "exports": [
                (label, f"{export_url}?{query_for(filters, format=fmt, sort=sort)}")
                for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"))
            ],
            "plan_has_actions": page.paginator.count > 0
            or (filters.is_active and Action.objects.filter(plan=plan).exists()),
            "quick_updates": can_post_updates(request.tenant.membership),
            **start_links(request),
        }
    )
    return render(request, "plans/action_list.html", context)


# --- Quick update, inline in the list -----------------------------------------------------


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _back_to_list(request: TenantRequest) -> str:
    """The list page (with its filters) that a quick update returns to."""
    candidate = NextQuery(request.POST).value("next") or NextQuery(request.GET).value("next")
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("plans:actions", kwargs={"municipality": request.tenant.municipality.slug})


def _row_response(request: TenantRequest, action: Action, *, saved: bool = False) -> HttpResponse:
    """One refreshed row of the action list; keyboard focus returns to its quick-update button."""
    fresh = with_list_data(Action.objects.filter(pk=action.pk)).get()
    plan = fresh.plan
    context = {
        "row": action_list_rows([fresh], plan, request.tenant.membership)[0],
        "back": _back_to_list(request),
        "quick_updates": can_post_updates(request.tenant.membership),
        "saved": saved,
        "refocus": True,
    }
    response = render(request, "plans/_action_row.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@tenant_view(can_post_updates)
def action_quick_update(request: TenantRequest, pk: int) -> HttpResponse:
    action = updatable_action(request, pk)
    inline = _is_htmx(request)
    back = _back_to_list(request)

    def save(form: QuickUpdateForm, version: int) -> StatusUpdate:
        data = form.cleaned_data
        return timeline_update_post(
            actor=request.user,
            action=form.action,
            text=data["text"],
            new_status=data["new_status"],
            new_progress=data["new_progress"],
            new_deadline=data["new_deadline"] or form.action.deadline,
            expected_version=version,
        )

    edit = edit_versioned(
        request,
        instance=action,
        build=lambda data, obj: QuickUpdateForm(data, action=obj, inline=inline),
        reload=lambda: get_object_or_404(Action.objects, pk=pk),
        save=save,
    )
    if edit.saved is not None:
        if inline:
            return _row_response(request, action, saved=True)
        messages.success(request, _("Update of %(action)s saved.") % {"action": action.identifier})
        return redirect(back)
    context = {"form": edit.form, "action": action, "back": back, "inline": inline}
    template = "plans/_quick_update_row.html" if inline else "plans/action_list_quick_update.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@tenant_view()
def action_row(request: TenantRequest, pk: int) -> HttpResponse:
    """One row of the list, to put back when an inline quick update is cancelled."""
    action = get_object_or_404(Action.objects, pk=pk)
    return _row_response(request, action)
