"""Organisations: the list, an organisation's page, adding, editing and deleting one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.listing import SortOption, apply_sort, page_of
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.forms.filters import OrganisationListQuery
from daadkracht.stakeholders.forms.organisations import OrganisationForm
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.selectors.organisations import (
    organisation_contact_count,
    organisation_contacts,
    organisation_list,
)
from daadkracht.stakeholders.services import organisations as services
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

PAGE_SIZE = 50
ORGANISATION_SORTS = [
    SortOption("name", gettext_lazy("Name"), ("name", "id")),
    SortOption("kind", gettext_lazy("Type"), ("kind", "name", "id")),
    SortOption("contacts", gettext_lazy("Contact persons"), ("contact_count", "name", "id")),
]


def themes_for_filter() -> list[Theme]:
    return list(Theme.objects.order_by("position", "code", "name"))


@tenant_view()
def organisations(request: TenantRequest) -> HttpResponseBase:
    query = OrganisationListQuery(request.GET)
    filters = query.values()
    queryset = organisation_list(search=filters["q"], kind=filters["kind"], theme=filters["theme"])
    queryset, sort = apply_sort(request, queryset, ORGANISATION_SORTS, default="name")
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Organisations"),
            fmt=fmt,
            headers=[_("Name"), _("Type"), _("Website"), _("Themes"), _("Contact persons")],
            rows=(
                [
                    o.name,
                    str(o.get_kind_display()),
                    o.website,
                    ", ".join(str(theme) for theme in o.themes.all()),
                    o.contact_count,  # type: ignore[attr-defined]
                ]
                for o in queryset
            ),
        )
    page = page_of(request, queryset, PAGE_SIZE)
    return render(
        request,
        "stakeholders/organisation_list.html",
        {
            "page": page,
            "organisations": page.object_list,
            "filters": filters,
            "filtered": any(filters.values()),
            "sort": sort,
            "kinds": OrganisationKind.choices,
            "themes": themes_for_filter(),
            "can_manage": can_manage_stakeholders(request.tenant.membership),
        },
    )


@tenant_view(can_manage_stakeholders)
def organisation_create(request: TenantRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=request.user, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Organisation %(name)s added.") % {"name": organisation.name}
            )
            return redirect(
                "stakeholders:organisation",
                municipality=request.tenant.municipality.slug,
                pk=organisation.pk,
            )
    return render(request, "stakeholders/organisation_form.html", {"form": form})


@tenant_view()
def organisation_detail(request: TenantRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects, pk=pk)
    can_manage = can_manage_stakeholders(request.tenant.membership)
    return render(
        request,
        "stakeholders/organisation_detail.html",
        {
            "organisation": organisation,
            "themes": list(organisation.themes.order_by("position", "code", "name")),
            "can_manage": can_manage,
            # Personal data only for who manages stakeholders; the others see how many.
            "contacts": organisation_contacts(organisation) if can_manage else None,
            "contact_count": organisation_contact_count(organisation),
        },
    )


@tenant_view(can_manage_stakeholders)
def organisation_edit(request: TenantRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects, pk=pk)
    edit = edit_versioned(
        request,
        instance=organisation,
        build=lambda data, obj: OrganisationForm(data, instance=obj),
        reload=lambda: get_object_or_404(Organisation.objects, pk=pk),
        save=lambda form, version: services.organisation_update(
            actor=request.user,
            organisation=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("Organisation %(name)s saved.") % {"name": edit.saved.name})
        return redirect(
            "stakeholders:organisation", municipality=request.tenant.municipality.slug, pk=pk
        )
    return render(
        request,
        "stakeholders/organisation_form.html",
        {"form": edit.form, "organisation": organisation},
    )


@tenant_view(can_manage_stakeholders)
def organisation_delete(request: TenantRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects, pk=pk)
    if request.method == "POST":
        services.organisation_delete(actor=request.user, organisation=organisation)
        messages.success(request, _("Organisation %(name)s deleted.") % {"name": organisation.name})
        return redirect("stakeholders:organisations", municipality=request.tenant.municipality.slug)
    return render(
        request,
        "stakeholders/organisation_delete.html",
        {
            "organisation": organisation,
            "contact_count": organisation_contact_count(organisation),
        },
    )
