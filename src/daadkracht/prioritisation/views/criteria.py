"""The plan's prioritisation criteria: their weights, adding one and deleting one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from daadkracht.common.forms import add_service_errors
from daadkracht.plans.models import Plan
from daadkracht.plans.views.common import with_plan
from daadkracht.prioritisation.charts.weights import weight_shares
from daadkracht.prioritisation.forms.criteria import CriterionForm, criteria_formset
from daadkracht.prioritisation.models import Criterion
from daadkracht.prioritisation.policies import can_manage_prioritisation
from daadkracht.prioritisation.services import criteria as services
from daadkracht.prioritisation.views.common import NO_PLAN_TEMPLATE
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view(can_manage_prioritisation)
@with_plan(NO_PLAN_TEMPLATE)
def criteria(request: TenantRequest, plan: Plan) -> HttpResponse:
    stored = Criterion.objects.filter(plan=plan).order_by("position", "id")
    saving = request.method == "POST" and "save" in request.POST
    adding = request.method == "POST" and "add" in request.POST
    formset, outdated = criteria_formset(request.POST if saving else None, stored)
    new_form = CriterionForm(request.POST if adding else None, prefix="new")
    slug = request.tenant.municipality.slug
    save_errors: list[str] = []
    if outdated:
        save_errors = [
            _(
                "The criteria changed while this page was open: one was added or deleted. Your "
                "values for the others are kept; check them and save again."
            )
        ]
    elif saving and formset.is_valid():
        changes = [
            (form.instance, {name: form.cleaned_data[name] for name in CriterionForm.Meta.fields})
            for form in formset.forms
            if form.instance.pk
        ]
        try:
            changed = services.criteria_update(actor=request.user, plan=plan, changes=changes)
        except ValidationError as error:
            save_errors = error.messages
        else:
            if changed:
                messages.success(
                    request,
                    ngettext("%(count)d criterion saved.", "%(count)d criteria saved.", changed)
                    % {"count": changed},
                )
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("prioritisation:criteria", municipality=slug)
    if adding and new_form.is_valid():
        try:
            criterion = services.criterion_create(
                actor=request.user,
                plan=plan,
                name=new_form.cleaned_data["name"],
                weight=new_form.cleaned_data["weight"],
                description=new_form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(new_form, error)
        else:
            messages.success(request, _("Criterion %(name)s added.") % {"name": criterion.name})
            return redirect("prioritisation:criteria", municipality=slug)
    criteria_list = list(stored)
    return render(
        request,
        "prioritisation/criteria.html",
        {
            "plan": plan,
            "formset": formset,
            "new_form": new_form,
            "save_errors": save_errors,
            "shares": weight_shares(criteria_list),
        },
    )


@tenant_view(can_manage_prioritisation)
def criterion_delete(request: TenantRequest, pk: int) -> HttpResponse:
    criterion = get_object_or_404(Criterion.objects, pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.criterion_delete(actor=request.user, criterion=criterion)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Criterion %(name)s and its scores deleted.") % {"name": criterion}
            )
            return redirect(
                "prioritisation:criteria", municipality=request.tenant.municipality.slug
            )
    return render(
        request,
        "prioritisation/criterion_delete.html",
        {
            "criterion": criterion,
            "score_count": criterion.scores.count(),
            "error": error,
        },
    )
