"""Adding and editing an action (merged with changes saved in the meantime), deleting it,
the trash."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.navigation import tenant_url
from daadkracht.plans.forms.action import ActionForm
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.policies import can_add_actions, can_edit_actions, can_manage_plan
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.services import actions as action_services
from daadkracht.plans.views.action_detail import detail_url
from daadkracht.plans.views.common import editable_action, live_action
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _save(request: TenantRequest, form: ActionForm, version: int | None) -> Action:
    """Create the action (without a version) or save the edit based on `version`."""
    if version is None:
        return action_services.action_create(
            actor=request.user, plan=form.plan, **form.service_arguments()
        )
    return action_services.action_update(
        actor=request.user,
        action=form.instance,
        expected_version=version,
        **form.service_arguments(),
    )


def _render(request: TenantRequest, form: ActionForm, action: Action | None) -> HttpResponse:
    return render(
        request,
        "plans/action_form.html",
        {"form": form, "formset": form.involvement_forms, "action": action, "plan": form.plan},
    )


def _create_form(request: TenantRequest, *, plan: Plan) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ActionForm(data, instance=Action(plan=plan), who=request.tenant.membership, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, None)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Action %(action)s saved.") % {"action": saved})
            return redirect(detail_url(request, saved))
    return _render(request, form, None)


def _edit_form(request: TenantRequest, *, action: Action) -> HttpResponse:
    who = request.tenant.membership
    edit = edit_versioned(
        request,
        instance=action,
        build=lambda data, obj: ActionForm(data, instance=obj, who=who, plan=obj.plan),
        reload=lambda: live_action(action.pk),
        save=lambda form, version: _save(request, form, version),
    )
    if edit.saved is not None:
        messages.success(request, _("Action %(action)s saved.") % {"action": edit.saved})
        return redirect(detail_url(request, edit.saved))
    return _render(request, edit.form, action)


@tenant_view(can_edit_actions)
def action_create(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        messages.info(request, _("Set up the climate plan first; then add its actions."))
        return redirect("plans:settings", municipality=request.tenant.municipality.slug)
    if not can_add_actions(request.tenant.membership):
        raise PermissionDenied
    return _create_form(request, plan=plan)


@tenant_view(can_edit_actions)
def action_edit(request: TenantRequest, pk: int) -> HttpResponse:
    return _edit_form(request, action=editable_action(request, pk))


@tenant_view(can_manage_plan)
def action_delete(request: TenantRequest, pk: int) -> HttpResponse:
    action = live_action(pk)
    if request.method == "POST":
        action_services.action_delete(actor=request.user, action=action)
        messages.success(
            request,
            _("Action %(action)s moved to the trash. You can restore it from there.")
            % {"action": action},
        )
        return redirect(tenant_url(request, "plans:actions"))
    counts = {
        "tasks": action.tasks.count(),
        "updates": action.updates.count(),
    }
    return render(request, "plans/action_delete.html", {"action": action, **counts})


@tenant_view(can_manage_plan)
def action_trash(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "plans/action_trash.html",
        {
            "actions": Action.trash.select_related("status", "lead_department").order_by(
                "-deleted_at"
            ),
            "list_url": tenant_url(request, "plans:actions"),
        },
    )


@tenant_view(can_manage_plan)
@require_POST
def action_restore(request: TenantRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(Action.trash, pk=pk)
    try:
        action_services.action_restore(actor=request.user, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:action_trash", municipality=request.tenant.municipality.slug)
    messages.success(request, _("Action %(action)s restored.") % {"action": action})
    return redirect(detail_url(request, action))
