"""Contact persons: the list, a person's page with their lawful bases and consents, adding,
editing and deleting a person. Only for members who manage stakeholders: it is personal data."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.stakeholders.forms.contacts import BasisForm, ConsentForm, ContactForm
from daadkracht.stakeholders.forms.filters import ContactListQuery, ContactNewQuery
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind, Purpose
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.selectors.contacts import (
    contact_bases,
    contact_consents,
    contact_export_rows,
    contact_list,
    organisation_choices,
)
from daadkracht.stakeholders.services import consents as consent_services
from daadkracht.stakeholders.services import contacts as services
from daadkracht.stakeholders.views.organisations import themes_for_filter
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50
CONTACT_SORTS = [
    SortOption("name", gettext_lazy("Name"), ("full_name", "id")),
    SortOption(
        "organisation", gettext_lazy("Organisation"), ("organisation__name", "full_name", "id")
    ),
    SortOption("function", gettext_lazy("Function"), ("function", "full_name", "id")),
    SortOption("updated", gettext_lazy("Last changed"), ("updated_at", "id")),
]


@tenant_view(can_manage_stakeholders)
def contacts(request: TenantRequest) -> HttpResponseBase:
    query = ContactListQuery(request.GET)
    filters = query.values()
    queryset = contact_list(
        search=filters["q"],
        kind=filters["kind"],
        theme=filters["theme"],
        organisation=filters["organisation"],
        purpose=filters["purpose"],
    )
    queryset, sort = apply_sort(request, queryset, CONTACT_SORTS, default="name")
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Contact persons"),
            fmt=fmt,
            headers=[
                _("Name"),
                _("Organisation"),
                _("Function"),
                _("E-mail address"),
                _("Phone"),
                _("Preferred language"),
                _("Purposes and lawful bases"),
            ],
            rows=contact_export_rows(queryset),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    chosen_organisation = (
        Organisation.objects.filter(pk=filters["organisation"]).first()
        if filters["organisation"]
        else None
    )
    return render(
        request,
        "stakeholders/contact_list.html",
        {
            "page": page,
            "contacts": page.object_list,
            "filters": filters,
            "filtered": any(filters.values()),
            "sort": sort,
            "kinds": OrganisationKind.choices,
            "themes": themes_for_filter(),
            "purposes": Purpose.choices,
            "organisations": organisation_choices(),
            "chosen_organisation": chosen_organisation,
        },
    )


@tenant_view(can_manage_stakeholders)
def contact_create(request: TenantRequest) -> HttpResponse:
    initial: dict[str, Any] = {}
    organisation_id = ContactNewQuery(request.GET).value("organisation")
    if organisation_id is not None:
        initial["organisation"] = Organisation.objects.filter(pk=organisation_id).first()
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Contact person %(name)s added.") % {"name": contact.full_name}
            )
            return redirect(
                "stakeholders:contact",
                municipality=request.tenant.municipality.slug,
                pk=contact.pk,
            )
    return render(request, "stakeholders/contact_form.html", {"form": form})


def _contact_page(
    request: TenantRequest,
    contact: Contact,
    *,
    basis_form: BasisForm | None = None,
    consent_form: ConsentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "stakeholders/contact_detail.html",
        {
            "contact": contact,
            "bases": contact_bases(contact),
            "consents": contact_consents(contact),
            "basis_form": basis_form or BasisForm(),
            "consent_form": consent_form or ConsentForm(),
        },
        status=status,
    )


def _get_contact(pk: int) -> Contact:
    return get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)


@tenant_view(can_manage_stakeholders)
def contact_detail(request: TenantRequest, pk: int) -> HttpResponse:
    return _contact_page(request, _get_contact(pk))


@tenant_view(can_manage_stakeholders)
def contact_edit(request: TenantRequest, pk: int) -> HttpResponse:
    contact = _get_contact(pk)
    if contact.is_erased:
        messages.error(request, _("This person was erased; add them anew if they come back."))
        return redirect(
            "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
        )
    edit = edit_versioned(
        request,
        instance=contact,
        build=lambda data, obj: ContactForm(data, instance=obj),
        reload=lambda: _get_contact(pk),
        save=lambda form, version: services.contact_update(
            actor=request.user,
            contact=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(
            request, _("Contact person %(name)s saved.") % {"name": edit.saved.full_name}
        )
        return redirect(
            "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
        )
    return render(
        request, "stakeholders/contact_form.html", {"form": edit.form, "contact": contact}
    )


@tenant_view(can_manage_stakeholders)
def contact_delete(request: TenantRequest, pk: int) -> HttpResponse:
    contact = _get_contact(pk)
    if request.method == "POST":
        name = str(contact)
        services.contact_delete(actor=request.user, contact=contact)
        messages.success(request, _("Contact person %(name)s deleted.") % {"name": name})
        return redirect("stakeholders:contacts", municipality=request.tenant.municipality.slug)
    return render(request, "stakeholders/contact_delete.html", {"contact": contact})


@tenant_view(can_manage_stakeholders)
@require_POST
def basis_add(request: TenantRequest, pk: int) -> HttpResponse:
    contact = _get_contact(pk)
    form = BasisForm(request.POST)
    if form.is_valid():
        try:
            services.basis_set(
                actor=request.user,
                contact=contact,
                purpose=form.cleaned_data["purpose"],
                basis=form.cleaned_data["basis"],
                since=form.cleaned_data["since"],
                until=form.cleaned_data["until"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Lawful basis saved."))
            return redirect(
                "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
            )
    return _contact_page(request, contact, basis_form=form, status=400)


@tenant_view(can_manage_stakeholders)
@require_POST
def consent_add(request: TenantRequest, pk: int) -> HttpResponse:
    contact = _get_contact(pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            consent_services.consent_give(
                actor=request.user,
                contact=contact,
                consent_text=form.cleaned_data["consent_text"],
                given_at=form.cleaned_data["given_at"],
                given_how=form.cleaned_data["given_how"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Consent recorded."))
            return redirect(
                "stakeholders:contact", municipality=request.tenant.municipality.slug, pk=pk
            )
    return _contact_page(request, contact, consent_form=form, status=400)
