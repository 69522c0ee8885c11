"""Pages of the administrative collaboration model: reading it, its contacts as a file, and
editing its main facts, its bodies and the departments' climate contacts."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.accounts.models import User
from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.exporting import Column, Sheet, download, download_name, export_format
from daadkracht.common.forms import add_service_errors, edit_versioned
from daadkracht.common.navigation import tenant_url
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.policies import can_read_internal
from daadkracht.trajectory import collaboration_services as services
from daadkracht.trajectory.collaboration_forms import (
    ClimateContactsForm,
    CollaborationModelForm,
    VersionForm,
    bodies_formset,
    bodies_inputs,
    bodies_shown,
    read_shown,
    shown_json,
    take_theirs_where_untouched,
)
from daadkracht.trajectory.models import CollaborationModel
from daadkracht.trajectory.policies import can_manage_trajectory
from daadkracht.trajectory.selectors import (
    CollaborationModelSummary,
    climate_contact_rows,
    climate_contacts_basis,
    collaboration_model_current,
    collaboration_model_summary,
)


def _model_url(request: TenantRequest, anchor: str = "") -> str:
    return tenant_url(request, "trajectory:collaboration_model") + (f"#{anchor}" if anchor else "")


@tenant_view(can_read_internal)
def collaboration_model(request: TenantRequest) -> HttpResponseBase:
    summary = collaboration_model_summary(request.tenant.municipality)
    fmt = export_format(request)
    if fmt:
        return _contacts_download(summary, fmt)
    return render(
        request,
        "trajectory/collaboration_model.html",
        {
            "collaboration_summary": summary,
            "can_manage": can_manage_trajectory(request.tenant.membership),
        },
    )


def _contacts_download(summary: CollaborationModelSummary, fmt: str) -> HttpResponseBase:
    title = _("Climate contacts")
    rows = [
        (
            row.department.name,
            row.contact,
            row.email,
            _("member")
            if row.member is not None
            else (_("no account") if row.name else _("no contact yet")),
        )
        for row in summary.contacts
    ]
    sheet = Sheet(
        title=title,
        columns=[
            Column(_("Department"), width=32),
            Column(_("Climate contact"), width=28),
            Column(_("E-mail address"), width=32),
            Column(_("Status"), width=16),
        ],
        rows=rows,
    )
    return download(sheet, fmt=fmt, filename=download_name(title))


def _stored_or_new(request: TenantRequest) -> CollaborationModel:
    stored = collaboration_model_current()
    return stored or CollaborationModel(municipality_id=request.tenant.municipality.pk)


@tenant_view(can_manage_trajectory)
def collaboration_model_edit(request: TenantRequest) -> HttpResponse:
    edit = edit_versioned(
        request,
        instance=_stored_or_new(request),
        build=lambda data, obj: CollaborationModelForm(data, instance=obj),
        reload=lambda: _stored_or_new(request),
        save=lambda form, version: services.collaboration_model_update(
            actor=request.user,
            collaboration_model=form.instance,
            expected_version=version,
            **form.service_values(),
        ),
    )
    if edit.saved is not None:
        messages.success(request, _("The collaboration model is saved."))
        return redirect(_model_url(request, "collaboration-coordination"))
    return render(request, "trajectory/collaboration_model_edit.html", {"form": edit.form})


@tenant_view(can_manage_trajectory)
@require_POST
def collaboration_model_propose(request: TenantRequest) -> HttpResponse:
    try:
        services.collaboration_model_propose(
            actor=request.user, municipality=request.tenant.municipality
        )
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "A first collaboration model is filled in. Adapt it to how your administration "
                "works, and name a climate contact for every department."
            ),
        )
    return redirect(_model_url(request))


def _stored_version(model: CollaborationModel | None) -> int:
    return model.version if model is not None else 0


@tenant_view(can_manage_trajectory)
def collaboration_bodies_edit(request: TenantRequest) -> HttpResponse:
    model = collaboration_model_current()
    posted = request.POST if request.method == "POST" else None
    formset = bodies_formset(posted, model)
    version_form = VersionForm(
        posted,
        prefix="model",
        initial={
            "version": _stored_version(model),
            "shown": "" if posted is not None else shown_json(bodies_shown(formset)),
        },
    )
    conflict = False
    save_errors: list[str] = []
    if posted is not None and version_form.is_valid() and formset.is_valid():
        changes = [
            services.BodyChange(
                body=form.instance if form.instance.pk else None,
                values={} if form in formset.deleted_forms else form.values(),
                remove=form in formset.deleted_forms,
            )
            for form in formset.forms
            if form.instance.pk or (form.has_changed() and form not in formset.deleted_forms)
        ]
        try:
            services.collaboration_bodies_save(
                actor=request.user,
                municipality=request.tenant.municipality,
                expected_version=version_form.cleaned_data["version"] or 0,
                changes=changes,
            )
        except ConcurrentEditError:
            conflict = True
            # What was typed stays, the rest takes what is saved now; saving again is based
            # on what is stored now.
            stored_model = collaboration_model_current()
            now = bodies_shown(bodies_formset(None, stored_model))
            data = request.POST.copy()
            take_theirs_where_untouched(
                data,
                bodies_inputs(formset),
                shown=read_shown(version_form.cleaned_data["shown"]),
                now=now,
            )
            data[version_form.add_prefix("version")] = str(_stored_version(stored_model))
            data[version_form.add_prefix("shown")] = shown_json(now)
            version_form = VersionForm(data, prefix="model")
            formset = bodies_formset(data, stored_model)
        except ValidationError as error:
            save_errors = error.messages
        else:
            messages.success(request, _("The bodies of the collaboration model are saved."))
            return redirect(_model_url(request, "collaboration-bodies"))
    stored = collaboration_model_summary(request.tenant.municipality) if conflict else None
    return render(
        request,
        "trajectory/collaboration_bodies_edit.html",
        {
            "formset": formset,
            "version_form": version_form,
            "conflict": conflict,
            "save_errors": save_errors,
            "stored": stored,
        },
    )


@tenant_view(can_manage_trajectory)
def collaboration_contacts_edit(request: TenantRequest) -> HttpResponse:
    municipality = request.tenant.municipality
    rows = climate_contact_rows(municipality)
    basis = climate_contacts_basis(municipality)
    posted = request.POST if request.method == "POST" else None
    form = ClimateContactsForm(posted, rows=rows, basis=basis)
    conflict = False
    if posted is not None and form.is_valid():
        users = {user.pk: user for user in User.objects.filter(pk__in=form.chosen_ids())}
        try:
            services.climate_contacts_save(
                actor=request.user,
                municipality=municipality,
                expected_basis=form.cleaned_data["basis"] or "",
                contacts=form.choices(users),
            )
        except ConcurrentEditError:
            conflict = True
            # What was typed stays, the rest takes what is saved now.
            now = {key: str(value) for key, value in ClimateContactsForm.values_of(rows).items()}
            data = request.POST.copy()
            take_theirs_where_untouched(
                data,
                {key: key for key in now},
                shown=read_shown(form.cleaned_data["shown"]),
                now=now,
            )
            data["basis"] = basis
            data["shown"] = shown_json(now)
            form = ClimateContactsForm(data, rows=rows, basis=basis)
            form.is_valid()
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The climate contacts are saved."))
            return redirect(_model_url(request, "collaboration-contacts"))
    context: dict[str, Any] = {"form": form, "conflict": conflict}
    if conflict:
        context["stored"] = collaboration_model_summary(municipality)
    return render(request, "trajectory/collaboration_contacts_edit.html", context)
