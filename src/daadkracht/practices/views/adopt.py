"""Adopting another municipality's practice into the own plan as a new action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from daadkracht.common.forms import add_service_errors
from daadkracht.common.navigation import tenant_url
from daadkracht.plans.policies import can_edit_actions, lead_department_choices
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.practices.forms import AdoptForm
from daadkracht.practices.models import Practice, PracticeStatus
from daadkracht.practices.services.adoption import adoption_of, practice_adopt
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _description(request: TenantRequest, practice: Practice) -> str:
    link = request.build_absolute_uri(
        reverse("practices:public_detail", kwargs={"pk": practice.pk})
    )
    source = _("Adopted from the practice “%(title)s” of %(municipality)s: %(link)s") % {
        "title": practice.title,
        "municipality": practice.municipality.name,
        "link": link,
    }
    return f"{practice.summary}\n\n{source}"


@tenant_view(can_edit_actions)
def adopt(request: TenantRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(
        Practice.objects.select_related("municipality").filter(
            status=PracticeStatus.PUBLISHED, revision_of=None
        ),
        pk=pk,
    )
    public_page = reverse("practices:public_detail", kwargs={"pk": practice.pk})
    if practice.municipality_id == request.tenant.municipality.pk:
        messages.info(request, _("This is a practice of your own municipality."))
        return redirect(public_page)
    existing = adoption_of(practice)
    plan = current_plan()
    membership = request.tenant.membership
    form = AdoptForm(
        request.POST or None,
        departments=lead_department_choices(membership),
        initial={
            "title": practice.title,
            "description": _description(request, practice),
            "lead_department": membership.own_department_id,
        },
    )
    if request.method == "POST" and plan is not None and existing is None and form.is_valid():
        data = form.cleaned_data
        try:
            action = practice_adopt(
                actor=request.user,
                practice=practice,
                plan=plan,
                identifier=data["identifier"],
                title=data["title"],
                description=data["description"],
                lead_department=data["lead_department"],
                themes=list(data["themes"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Action %(identifier)s is in your plan, linked to the practice.")
                % {"identifier": action.identifier},
            )
            return redirect(tenant_url(request, "plans:action_detail", pk=action.pk))
    return render(
        request,
        "practices/adopt.html",
        {
            "practice": practice,
            "form": form,
            "plan": plan,
            "existing": existing,
            "public_page": public_page,
        },
    )
