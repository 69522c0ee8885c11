"""Pages of the plan of approach: the plan itself (also as a PDF), drawing it up, editing its text
and its chosen methods."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.navigation import tenant_url
from daadkracht.diagnosis.forms import LEVEL_GUIDE
from daadkracht.diagnosis.scales import MORE_IS_NOT_ALWAYS_BETTER
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.policies import can_read_internal
from daadkracht.trajectory import approach_services as services
from daadkracht.trajectory.approach import (
    methods_used_in_meetings,
    plan_current,
    plan_document,
)
from daadkracht.trajectory.forms import ChosenMethodForm, PlanForm
from daadkracht.trajectory.models import ChosenMethod, PlanOfApproach, Trajectory
from daadkracht.trajectory.pdf import render_pdf
from daadkracht.trajectory.policies import can_manage_trajectory
from daadkracht.trajectory.selectors import collaboration_model_summary, trajectory_current


def _trajectory() -> Trajectory:
    trajectory = trajectory_current()
    if trajectory is None:
        raise Http404
    return trajectory


def _plan() -> PlanOfApproach:
    plan = plan_current()
    if plan is None:
        raise Http404
    return plan


def _chosen(pk: int) -> ChosenMethod:
    return get_object_or_404(ChosenMethod.objects.select_related("method"), pk=pk)


def _plan_url(request: TenantRequest, anchor: str = "") -> str:
    return tenant_url(request, "trajectory:plan") + (f"#{anchor}" if anchor else "")


def _document_context(request: TenantRequest, trajectory: Trajectory) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "document": plan_document(trajectory, today),
        "municipality": request.tenant.municipality,
        "today": today,
        "collaboration_summary": collaboration_model_summary(request.tenant.municipality),
        "levels": LEVEL_GUIDE,
        "more_is_not_better": MORE_IS_NOT_ALWAYS_BETTER,
    }


@tenant_view(can_read_internal)
def plan(request: TenantRequest) -> HttpResponse:
    trajectory = trajectory_current()
    can_manage = can_manage_trajectory(request.tenant.membership)
    if trajectory is None:
        return render(request, "trajectory/plan.html", {"can_manage": can_manage})
    context = _document_context(request, trajectory)
    context["can_manage"] = can_manage
    if context["document"].plan is None:
        context["methods_used"] = methods_used_in_meetings(request.tenant.municipality.pk)
    return render(request, "trajectory/plan.html", context)


@tenant_view(can_read_internal)
def plan_pdf(request: TenantRequest) -> HttpResponse:
    trajectory = _trajectory()
    context = _document_context(request, trajectory)
    if context["document"].plan is None:
        raise Http404
    pdf = render_pdf(request, "trajectory/plan_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"{_('plan of approach')} {request.tenant.municipality.name}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@tenant_view(can_manage_trajectory)
@require_POST
def plan_start(request: TenantRequest) -> HttpResponse:
    trajectory = _trajectory()
    try:
        services.plan_of_approach_create(actor=request.user, trajectory=trajectory)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The plan of approach is drawn up. Write why each method was chosen."),
        )
    return redirect(_plan_url(request))


@tenant_view(can_manage_trajectory)
def plan_edit(request: TenantRequest) -> HttpResponse:
    current = _plan()
    edit = edit_versioned(
        request,
        instance=current,
        build=lambda data, obj: PlanForm(data, instance=obj),
        reload=_plan,
        save=lambda form, version: services.plan_of_approach_update(
            actor=request.user,
            plan=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("The plan of approach is saved."))
        return redirect(_plan_url(request))
    return render(request, "trajectory/plan_edit.html", {"form": edit.form})


@tenant_view(can_manage_trajectory)
def method_add(request: TenantRequest) -> HttpResponse:
    current = _plan()
    form = ChosenMethodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            chosen = services.chosen_method_add(
                actor=request.user, plan=current, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added to the plan: %(method)s") % {"method": chosen})
            return redirect(_plan_url(request, f"method-{chosen.pk}"))
    return render(request, "trajectory/method_form.html", {"form": form, "chosen": None})


@tenant_view(can_manage_trajectory)
def method_edit(request: TenantRequest, pk: int) -> HttpResponse:
    chosen = _chosen(pk)
    edit = edit_versioned(
        request,
        instance=chosen,
        build=lambda data, obj: ChosenMethodForm(data, instance=obj),
        reload=lambda: _chosen(pk),
        save=lambda form, version: services.chosen_method_update(
            actor=request.user,
            chosen=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("%(method)s saved.") % {"method": edit.saved})
        return redirect(_plan_url(request, f"method-{chosen.pk}"))
    return render(request, "trajectory/method_form.html", {"form": edit.form, "chosen": chosen})


@tenant_view(can_manage_trajectory)
def method_delete(request: TenantRequest, pk: int) -> HttpResponse:
    chosen = _chosen(pk)
    if request.method == "POST":
        services.chosen_method_remove(actor=request.user, chosen=chosen)
        messages.success(request, _("Taken out of the plan: %(method)s") % {"method": chosen})
        return redirect(_plan_url(request, "methods"))
    return render(request, "trajectory/method_delete.html", {"chosen": chosen})
