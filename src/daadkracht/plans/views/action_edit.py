"""Adding and editing an action (edit conflicts shown side by side), deleting it, the trash."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.forms import add_service_errors, conflict_form
from daadkracht.common.navigation import tenant_url
from daadkracht.history.services import snapshot
from daadkracht.plans.forms.action import ActionForm, BaseInvolvementFormSet, involvement_formset
from daadkracht.plans.models import Action, DepartmentRole, Plan
from daadkracht.plans.models.covenant import CoBenefit
from daadkracht.plans.policies import can_add_actions
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.services import actions as action_services
from daadkracht.plans.views.action_detail import detail_url
from daadkracht.plans.views.common import editable_action, live_action
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.roles import Permission


def _conflicts(form: ActionForm, formset: BaseInvolvementFormSet, current: Action) -> list[Any]:
    """The fields where the stored action differs from what the user typed."""
    mine, theirs = snapshot(form.instance), snapshot(current)
    rows = [
        {"label": form[name].label, "theirs": theirs[name], "mine": mine[name]}
        for name in ActionForm.Meta.fields
        if mine[name] != theirs[name]
    ]
    data = form.cleaned_data
    benefit_labels = dict(CoBenefit.choices)
    involvements = current.involvements.select_related("department").order_by("department__name")
    related = [
        (
            "themes",
            sorted(str(t) for t in current.themes.all()),
            sorted(str(t) for t in data["themes"]),
        ),
        ("tags", sorted(t.name for t in current.tags.all()), sorted(data["tags"])),
        (
            "co_benefits",
            [str(benefit_labels.get(v, v)) for v in current.co_benefits or []],
            [str(benefit_labels.get(v, v)) for v in data["co_benefits"]],
        ),
    ]
    for name, stored, typed in related:
        if sorted(stored) != sorted(typed):
            rows.append(
                {"label": form[name].label, "theirs": ", ".join(stored), "mine": ", ".join(typed)}
            )
    stored_departments = sorted(str(i) for i in involvements)
    typed_departments = sorted(
        f"{i.department} ({DepartmentRole(i.role).label})" for i in formset.involvements()
    )
    if stored_departments != typed_departments:
        rows.append(
            {
                "label": _("Involved departments"),
                "theirs": ", ".join(stored_departments),
                "mine": ", ".join(typed_departments),
            }
        )
    return rows


def _action_form(request: TenantRequest, *, plan: Plan, action: Action | None) -> HttpResponse:
    tenant = request.tenant
    data = request.POST if request.method == "POST" else None
    instance = action if action is not None else Action(plan=plan)
    form = ActionForm(data, instance=instance, who=tenant.membership, plan=plan)
    formset = involvement_formset(data, action=action)
    current, conflicts = None, []
    if request.method == "POST":
        form_valid = form.is_valid()
        if form_valid and formset.is_valid():
            values = {**form.service_values(), "co_benefits": form.cleaned_data["co_benefits"]}
            related = {
                "themes": list(form.cleaned_data["themes"]),
                "tag_names": form.cleaned_data["tags"],
                "involvements": formset.involvements(),
            }
            try:
                if action is None:
                    saved = action_services.action_create(
                        actor=request.user, plan=plan, **related, **values
                    )
                else:
                    saved = action_services.action_update(
                        actor=request.user,
                        action=action,
                        expected_version=form.cleaned_data["version"] or 0,
                        **related,
                        **values,
                    )
            except ConcurrentEditError as error:
                assert action is not None
                current = live_action(action.pk)
                conflicts = _conflicts(form, formset, current)
                form = conflict_form(
                    ActionForm,
                    request.POST,
                    error,
                    basis=current.version,
                    instance=live_action(action.pk),
                    who=tenant.membership,
                    plan=plan,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Action %(action)s saved.") % {"action": saved})
                return redirect(detail_url(request, saved))
        elif not formset.is_valid():
            form.add_error(None, _("Check the involved departments below."))
    return render(
        request,
        "plans/action_form.html",
        {
            "form": form,
            "formset": formset,
            "action": action,
            "plan": plan,
            "current": current,
            "conflicts": conflicts,
        },
    )


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_create(request: TenantRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        messages.info(request, _("Set up the climate plan first; then add its actions."))
        return redirect("plans:settings", municipality=request.tenant.municipality.slug)
    if not can_add_actions(request.tenant.membership):
        raise PermissionDenied
    return _action_form(request, plan=plan, action=None)


@tenant_view(Permission.EDIT_OWN_DEPARTMENT)
def action_edit(request: TenantRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    return _action_form(request, plan=action.plan, action=action)


@tenant_view(Permission.EDIT_ALL)
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


@tenant_view(Permission.EDIT_ALL)
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


@tenant_view(Permission.EDIT_ALL)
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
