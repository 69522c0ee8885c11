"""The action page: everything about one action, its tasks and its timeline, and posting updates."""

from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import export_format
from daadkracht.common.forms import add_service_errors
from daadkracht.history.models import AuditEntry
from daadkracht.history.policies import can_read_history
from daadkracht.plans.charts.budget import BUDGET_CHART_WIDTH, budget_bars
from daadkracht.plans.exports import action_timeline_export
from daadkracht.plans.forms.filters import RECORDED, TimelineQuery
from daadkracht.plans.forms.task import TaskForm
from daadkracht.plans.forms.update import StatusUpdateForm
from daadkracht.plans.models import WRITTEN_SOURCES, Action, StatusUpdate, UpdateKind
from daadkracht.plans.models.covenant import CoBenefit
from daadkracht.plans.policies import (
    can_edit_action,
    can_post_update,
    can_post_updates,
    can_trash_actions,
)
from daadkracht.plans.selectors.themes import TREE_ORDER
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.plans.views.common import live_action, updatable_action
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.trash import live_only


def detail_url(request: TenantRequest, action: Action, anchor: str = "") -> str:
    url = reverse(
        "plans:action_detail",
        kwargs={"municipality": request.tenant.municipality.slug, "pk": action.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def _timeline(action: Action, query: QueryDict) -> tuple[list[StatusUpdate], str, str]:
    """The action's updates and decisions, newest first unless asked otherwise."""
    asked = TimelineQuery(query)
    kind = asked.value("kind")
    order = asked.value("order") or "newest"
    updates = action.updates.select_related("author", "previous_status", "new_status")
    if kind == RECORDED:
        updates = updates.exclude(source__in=WRITTEN_SOURCES)
    elif kind:
        updates = updates.filter(kind=kind, source__in=WRITTEN_SOURCES)
    if order == "oldest":
        updates = updates.order_by("date", "created_at", "id")
    return list(updates), kind, order


def detail_context(
    request: TenantRequest,
    action: Action,
    *,
    task_form: TaskForm | None = None,
    update_form: StatusUpdateForm | None = None,
) -> dict[str, Any]:
    tenant = request.tenant
    can_edit = can_edit_action(tenant.membership, action)
    can_post = can_edit or can_post_update(tenant.membership, action)
    today = timezone.localdate()
    tasks = list(action.tasks.select_related("owner"))
    updates, kind, order = _timeline(action, request.GET)
    has_history = can_read_history(tenant.membership) and (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
        ).exists()
    )
    if can_edit:
        task_form = task_form or TaskForm(prefix="task")
    if can_post:
        update_form = update_form or StatusUpdateForm(prefix="update", plan=action.plan)
    return {
        "action": action,
        "plan": action.plan,
        "can_edit": can_edit,
        "can_post_update": can_post,
        "can_delete": can_trash_actions(tenant.membership),
        "today": today,
        "is_late": bool(
            action.deadline and action.deadline < today and not action.status.is_closed
        ),
        "themes": list(action.themes.order_by(*TREE_ORDER)),
        "tags": list(action.tags.all()),
        "involvements": list(
            action.involvements.filter(live_only("department")).select_related("department")
        ),
        "co_benefits": [CoBenefit(value).label for value in action.co_benefits or []],
        "budget_bars": budget_bars(action),
        "budget_chart_width": BUDGET_CHART_WIDTH,
        "tasks": tasks,
        "tasks_done": sum(1 for task in tasks if task.is_done),
        "updates": updates,
        "timeline_kind": kind,
        "timeline_order": order,
        "update_kinds": [*UpdateKind.choices, (RECORDED, _("recorded changes"))],
        "has_history": has_history,
        "task_form": task_form,
        "update_form": update_form,
    }


@tenant_view()
def action_detail(request: TenantRequest, pk: int) -> HttpResponseBase:
    action = live_action(pk)
    fmt = export_format(request)
    if fmt:
        updates, _kind, _order = _timeline(action, request.GET)
        return action_timeline_export(action, updates, fmt)
    return render(request, "plans/action_detail.html", detail_context(request, action))


@tenant_view(can_post_updates)
@require_POST
def update_create(request: TenantRequest, pk: int) -> HttpResponse:
    action = updatable_action(request, pk)
    form = StatusUpdateForm(request.POST, prefix="update", plan=action.plan)
    if form.is_valid():
        try:
            timeline_update_post(actor=request.user, action=action, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            kind = form.cleaned_data["kind"]
            messages.success(
                request,
                _("Decision added to the timeline.")
                if kind == UpdateKind.DECISION
                else _("Status update added to the timeline."),
            )
            return redirect(detail_url(request, action, "timeline"))
    return render(
        request,
        "plans/action_detail.html",
        detail_context(request, action, update_form=form),
    )
