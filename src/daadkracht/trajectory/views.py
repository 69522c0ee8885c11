"""Pages of the trajectory: its overview, the intake agreements, a phase and its checklist."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.navigation import tenant_url
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.policies import can_read_internal
from daadkracht.trajectory import services
from daadkracht.trajectory.defaults import EXPLANATION
from daadkracht.trajectory.forms import AgreementsForm, ChecklistItemForm, PhaseForm, StartForm
from daadkracht.trajectory.models import ChecklistItem, Phase, Trajectory
from daadkracht.trajectory.policies import can_manage_trajectory
from daadkracht.trajectory.selectors import (
    PhaseRow,
    phase_items,
    trajectory_current,
    trajectory_overview,
)

ITEM_PREFIX = "item"


def _trajectory() -> Trajectory:
    trajectory = trajectory_current()
    if trajectory is None:
        raise Http404
    return trajectory


def _phase(pk: int) -> Phase:
    return get_object_or_404(Phase.objects.select_related("trajectory"), pk=pk)


def _item(pk: int) -> ChecklistItem:
    return get_object_or_404(ChecklistItem.objects.select_related("phase"), pk=pk)


def _item_url(request: TenantRequest, item: ChecklistItem) -> str:
    if item.phase_id is None:
        return tenant_url(request, "trajectory:overview") + f"#item-{item.pk}"
    return tenant_url(request, "trajectory:phase", pk=item.phase_id) + f"#item-{item.pk}"


def _overview_context(request: TenantRequest, **extra: Any) -> dict[str, Any]:
    trajectory = trajectory_current()
    context: dict[str, Any] = {
        "can_manage": can_manage_trajectory(request.tenant.membership),
        "today": timezone.localdate(),
        "explanation": EXPLANATION,
    }
    if trajectory is None:
        context["start_form"] = extra.pop("start_form", None) or StartForm()
    else:
        context["overview"] = trajectory_overview(trajectory)
        context["item_form"] = extra.pop("item_form", None) or ChecklistItemForm(prefix=ITEM_PREFIX)
    context.update(extra)
    return context


@tenant_view(can_read_internal)
def overview(request: TenantRequest) -> HttpResponse:
    return render(request, "trajectory/overview.html", _overview_context(request))


@tenant_view(can_manage_trajectory)
@require_POST
def start(request: TenantRequest) -> HttpResponse:
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            services.trajectory_start(
                actor=request.user,
                municipality=request.tenant.municipality,
                started_on=form.cleaned_data["started_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The trajectory has started. Record the agreements of the intake first."),
            )
            return redirect(tenant_url(request, "trajectory:overview"))
    if trajectory_current() is not None:
        # Started by someone else in the meantime: their trajectory stays.
        messages.info(request, str(services.ALREADY_STARTED))
        return redirect(tenant_url(request, "trajectory:overview"))
    return render(request, "trajectory/overview.html", _overview_context(request, start_form=form))


@tenant_view(can_manage_trajectory)
def agreements_edit(request: TenantRequest) -> HttpResponse:
    trajectory = _trajectory()
    edit = edit_versioned(
        request,
        instance=trajectory,
        build=lambda data, obj: AgreementsForm(data, instance=obj),
        reload=_trajectory,
        save=lambda form, version: services.trajectory_update_agreements(
            actor=request.user,
            trajectory=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("The agreements of the intake are saved."))
        return redirect(tenant_url(request, "trajectory:overview") + "#agreements")
    return render(request, "trajectory/agreements_edit.html", {"form": edit.form})


def _phase_context(request: TenantRequest, phase: Phase, **extra: Any) -> dict[str, Any]:
    return {
        "phase": phase,
        "row": PhaseRow(phase, phase_items(phase)),
        "can_manage": can_manage_trajectory(request.tenant.membership),
        "today": timezone.localdate(),
        "item_form": extra.get("item_form") or ChecklistItemForm(prefix=ITEM_PREFIX),
    }


@tenant_view(can_read_internal)
def phase_detail(request: TenantRequest, pk: int) -> HttpResponse:
    phase = _phase(pk)
    return render(request, "trajectory/phase.html", _phase_context(request, phase))


@tenant_view(can_manage_trajectory)
def phase_edit(request: TenantRequest, pk: int) -> HttpResponse:
    phase = _phase(pk)
    edit = edit_versioned(
        request,
        instance=phase,
        build=lambda data, obj: PhaseForm(data, instance=obj),
        reload=lambda: _phase(pk),
        save=lambda form, version: services.phase_update(
            actor=request.user,
            phase=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Phase %(phase)s saved.") % {"phase": edit.saved})
        return redirect(tenant_url(request, "trajectory:phase", pk=phase.pk))
    return render(request, "trajectory/phase_edit.html", {"phase": phase, "form": edit.form})


def _item_create(request: TenantRequest, phase: Phase | None) -> HttpResponse:
    trajectory = _trajectory()
    form = ChecklistItemForm(request.POST, prefix=ITEM_PREFIX)
    if form.is_valid():
        try:
            item = services.checklist_item_create(
                actor=request.user, trajectory=trajectory, phase=phase, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added to the checklist: %(item)s") % {"item": item})
            return redirect(_item_url(request, item))
    if phase is None:
        context = _overview_context(request, item_form=form)
        return render(request, "trajectory/overview.html", context)
    context = _phase_context(request, phase, item_form=form)
    return render(request, "trajectory/phase.html", context)


@tenant_view(can_manage_trajectory)
@require_POST
def phase_item_create(request: TenantRequest, pk: int) -> HttpResponse:
    return _item_create(request, _phase(pk))


@tenant_view(can_manage_trajectory)
@require_POST
def responsibility_create(request: TenantRequest) -> HttpResponse:
    return _item_create(request, None)


@tenant_view(can_manage_trajectory)
@require_POST
def item_toggle(request: TenantRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    done = request.POST.get("done") == "1"
    services.checklist_item_set_done(actor=request.user, item=item, done=done)
    return redirect(_item_url(request, item))


@tenant_view(can_manage_trajectory)
def item_edit(request: TenantRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    edit = edit_versioned(
        request,
        instance=item,
        build=lambda data, obj: ChecklistItemForm(data, instance=obj),
        reload=lambda: _item(pk),
        save=lambda form, version: services.checklist_item_update(
            actor=request.user,
            item=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Checklist item saved."))
        return redirect(_item_url(request, item))
    return render(
        request,
        "trajectory/item_edit.html",
        {"item": item, "form": edit.form, "back_url": _item_url(request, item)},
    )


@tenant_view(can_manage_trajectory)
def item_delete(request: TenantRequest, pk: int) -> HttpResponse:
    item = _item(pk)
    back_url = _item_url(request, item)
    if request.method == "POST":
        services.checklist_item_delete(actor=request.user, item=item)
        messages.success(request, _("Removed from the checklist: %(item)s") % {"item": item})
        return redirect(back_url.split("#")[0])
    return render(request, "trajectory/item_delete.html", {"item": item, "back_url": back_url})
