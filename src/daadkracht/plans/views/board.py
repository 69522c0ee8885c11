"""The board: one column per status, and moving a card to another column."""

from dataclasses import replace

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.plans.forms.update import BoardMoveForm
from daadkracht.plans.models import Action, ActionStatus, Plan
from daadkracht.plans.policies import can_edit_actions
from daadkracht.plans.selectors.board import board_columns
from daadkracht.plans.services.updates import action_status_move
from daadkracht.plans.views.action_pages import filter_context, start_links
from daadkracht.plans.views.common import editable_action, with_plan
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _move_options(statuses: list[ActionStatus], chosen: ActionStatus) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (option.pk, mark_safe(" selected") if option.pk == chosen.pk else "", option)
            for option in statuses
        ),
    )


@tenant_view()
@with_plan("plans/board.html")
def board(request: TenantRequest, plan: Plan) -> HttpResponse:
    context = filter_context(request, plan)
    statuses = context["statuses"]
    columns = [
        replace(column, move_options=_move_options(statuses, column.status))
        for column in board_columns(
            plan=plan, filters=context["filters"], statuses=statuses, who=request.tenant.membership
        )
    ]
    total = sum(column.count for column in columns)
    context.update(
        {
            "columns": columns,
            "total": total,
            "back": request.get_full_path(),
            "list_url": reverse(
                "plans:actions", kwargs={"municipality": request.tenant.municipality.slug}
            ),
            "plan_has_actions": total > 0 or Action.objects.filter(plan=plan).exists(),
            **start_links(request),
        }
    )
    return render(request, "plans/board.html", context)


def _back_to_board(request: TenantRequest, anchor: str = "") -> str:
    board_url = reverse("plans:board", kwargs={"municipality": request.tenant.municipality.slug})
    candidate = request.POST.get("next", "")
    if not (
        candidate.startswith(board_url)
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()})
    ):
        candidate = board_url
    return f"{candidate}#{anchor}" if anchor else candidate


@tenant_view(can_edit_actions)
@require_POST
def board_move(request: TenantRequest, pk: int) -> HttpResponse:
    """Move a card to another column; the action's timeline says it was moved on the board."""
    action = editable_action(request, pk)
    form = BoardMoveForm(request.POST, action=action)
    if not form.is_valid():
        messages.error(request, _("Choose one of the plan's statuses."))
        return redirect(_back_to_board(request, f"card-{action.pk}"))
    new_status: ActionStatus = form.cleaned_data["status"]
    if new_status.pk == action.status_id:
        messages.info(
            request,
            _("%(action)s already has the status “%(status)s”.")
            % {"action": action.identifier, "status": new_status},
        )
        return redirect(_back_to_board(request, f"card-{action.pk}"))
    action_status_move(actor=request.user, action=action, status=new_status)
    messages.success(
        request,
        _("%(action)s moved to “%(status)s”.")
        % {"action": action.identifier, "status": new_status},
    )
    return redirect(_back_to_board(request, f"card-{action.pk}"))
