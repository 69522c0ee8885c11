"""A person's privacy: withdrawing a consent on their request, everything held about them (a
readable page and a JSON file), erasing them; and the municipality's retention periods and
consent texts."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.common.forms import add_service_errors
from daadkracht.stakeholders.forms.privacy import ConsentTextForm, RetentionForm
from daadkracht.stakeholders.models import (
    Consent,
    ConsentText,
    Contact,
    Purpose,
    RetentionRule,
    WithdrawalChannel,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.selectors.contacts import person_data
from daadkracht.stakeholders.services.consents import consent_text_publish, consent_withdraw
from daadkracht.stakeholders.services.privacy import contact_erase
from daadkracht.stakeholders.services.retention import retention_rule_set
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


@tenant_view(can_manage_stakeholders)
def consent_withdraw_confirm(request: TenantRequest, pk: int, consent: int) -> HttpResponse:
    contact = get_object_or_404(Contact.objects, pk=pk)
    found = get_object_or_404(
        Consent.objects.select_related("consent_text"), pk=consent, contact=contact
    )
    if request.method == "POST":
        consent_withdraw(actor=request.user, consent=found, how=WithdrawalChannel.CONTACT_PAGE)
        messages.success(
            request,
            _("Consent for %(purpose)s withdrawn.") % {"purpose": found.get_purpose_display()},
        )
        return redirect(
            "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
        )
    return render(
        request,
        "stakeholders/consent_withdraw.html",
        {"contact": contact, "consent": found},
    )


@tenant_view(can_manage_stakeholders)
def contact_export(request: TenantRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)
    return render(
        request,
        "stakeholders/contact_export.html",
        {"contact": contact, "data": person_data(contact)},
    )


@tenant_view(can_manage_stakeholders)
def contact_export_json(request: TenantRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)
    data = {"municipality": request.tenant.municipality.name, **person_data(contact)}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="contactpersoon-{contact.pk}.json"'
    return response


@tenant_view(can_manage_stakeholders)
def contact_erase_confirm(request: TenantRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)
    if request.method == "POST":
        contact_erase(actor=request.user, contact=contact)
        messages.success(
            request,
            _("The person is erased: their name and contact data are gone, the history too."),
        )
        return redirect(
            "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
        )
    return render(request, "stakeholders/contact_erase.html", {"contact": contact})


def _privacy_page(
    request: TenantRequest,
    *,
    retention_form: RetentionForm | None = None,
    text_form: ConsentTextForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rules = dict(RetentionRule.objects.values_list("purpose", "months"))
    return render(
        request,
        "stakeholders/privacy.html",
        {
            "rules": [(value, label, rules.get(value)) for value, label in Purpose.choices],
            "texts": list(ConsentText.objects.order_by("purpose", "-version")),
            "retention_form": retention_form or RetentionForm(prefix="retention"),
            "text_form": text_form or ConsentTextForm(prefix="text"),
        },
        status=status,
    )


@tenant_view(can_manage_stakeholders)
def privacy(request: TenantRequest) -> HttpResponse:
    return _privacy_page(request)


@tenant_view(can_manage_stakeholders)
@require_POST
def retention_save(request: TenantRequest) -> HttpResponse:
    form = RetentionForm(request.POST, prefix="retention")
    if form.is_valid():
        try:
            retention_rule_set(
                actor=request.user,
                purpose=form.cleaned_data["purpose"],
                months=form.cleaned_data["months"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Retention period saved."))
            return redirect("stakeholders:privacy", municipality=request.tenant.municipality.slug)
    return _privacy_page(request, retention_form=form, status=400)


@tenant_view(can_manage_stakeholders)
@require_POST
def consent_text_add(request: TenantRequest) -> HttpResponse:
    form = ConsentTextForm(request.POST, prefix="text")
    if form.is_valid():
        try:
            text = consent_text_publish(
                actor=request.user,
                purpose=form.cleaned_data["purpose"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Consent text version %(version)s published.") % {"version": text.version},
            )
            return redirect("stakeholders:privacy", municipality=request.tenant.municipality.slug)
    return _privacy_page(request, text_form=form, status=400)
