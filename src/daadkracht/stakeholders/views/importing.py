"""Importing organisations and contact persons: upload, check the preview (errors, likely
duplicates, what will be created or changed), confirm; all rows are written, or none."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from daadkracht.common.exporting import workbook_download
from daadkracht.common.navigation import tenant_url
from daadkracht.common.sheets import SheetError, read_sheet
from daadkracht.stakeholders.forms.imports import DuplicateChoiceForm, NetworkImportForm
from daadkracht.stakeholders.models import Language, OrganisationKind
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.services.importing import (
    IMPORT_BASES,
    NetworkImportOutdatedError,
    network_import,
)
from daadkracht.stakeholders.spreadsheets.checking import NetworkPreview, Outcome, check
from daadkracht.stakeholders.spreadsheets.columns import SPECS, TEMPLATE_KEYS
from daadkracht.stakeholders.spreadsheets.pending import (
    PendingNetworkImport,
    discard_network_import,
    keep_network_sheet,
    pending_network_import,
)
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

# The preview lists this many rows of each kind; the counts always cover the whole file.
PREVIEW_ROWS = 200


def _municipality_id(request: TenantRequest) -> int:
    return int(request.tenant.municipality.pk)


@tenant_view(can_manage_stakeholders)
def import_upload(request: TenantRequest) -> HttpResponse:
    form = NetworkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_sheet(upload.read(), upload.name)
        except SheetError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            keep_network_sheet(
                request,
                _municipality_id(request),
                sheet,
                filename=upload.name,
                purpose=form.cleaned_data["purpose"],
                basis=IMPORT_BASES[form.cleaned_data["purpose"]][1].value,
            )
            return redirect(tenant_url(request, "stakeholders:import_preview"))
    return render(
        request,
        "stakeholders/import.html",
        {"form": form, "pending": pending_network_import(request, _municipality_id(request))},
    )


def _render_preview(
    request: TenantRequest,
    pending: PendingNetworkImport,
    preview: NetworkPreview,
    form: DuplicateChoiceForm,
) -> HttpResponse:
    counts = preview.counts
    sections = [
        (
            _("New organisations"),
            preview.organisations_of(Outcome.NEW)[:PREVIEW_ROWS],
            counts["organisations_new"],
        ),
        (
            _("Organisations that change"),
            preview.organisations_of(Outcome.UPDATED)[:PREVIEW_ROWS],
            counts["organisations_updated"],
        ),
    ]
    return render(
        request,
        "stakeholders/import_preview.html",
        {
            "preview": preview,
            "pending": pending,
            "filename": pending.filename,
            "form": form,
            "counts": counts,
            "errors": preview.errors[:PREVIEW_ROWS],
            "more_errors": max(len(preview.errors) - PREVIEW_ROWS, 0),
            "sections": sections,
            "new_contacts": preview.contacts_of(Outcome.NEW)[:PREVIEW_ROWS],
            "changed_contacts": preview.contacts_of(Outcome.UPDATED)[:PREVIEW_ROWS],
            "unknown_kinds": sorted(preview.unknown_kinds.items()),
            "basis_label": IMPORT_BASES[pending.purpose][2]
            if pending.purpose in IMPORT_BASES
            else "",
            "choices": [(draft, form[draft.field_name]) for draft in form.asked],
            "preview_rows": PREVIEW_ROWS,
        },
    )


@tenant_view(can_manage_stakeholders)
def import_preview(request: TenantRequest) -> HttpResponseBase:
    """The preview; posting it decides the similar names, and imports or cancels the file."""
    municipality_id = _municipality_id(request)
    pending = pending_network_import(request, municipality_id)
    upload_url = tenant_url(request, "stakeholders:import")
    sheet = pending.sheet() if pending else None
    if pending is None or sheet is None:
        discard_network_import(request, municipality_id)
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(upload_url)
    if request.method != "POST":
        preview = check(sheet, sheet_digest=pending.sha256)
        form = DuplicateChoiceForm(
            asked=preview.asked,
            initial={"token": pending.token, "fingerprint": preview.fingerprint},
        )
        return _render_preview(request, pending, preview, form)
    if request.POST.get("token") != pending.token:
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(upload_url)
    if "cancel" in request.POST:
        discard_network_import(request, municipality_id)
        messages.info(request, _("Import cancelled; nothing was changed."))
        return redirect(upload_url)
    choices = {k: str(v) for k, v in request.POST.items() if k.startswith("organisation_")}
    preview = check(sheet, sheet_digest=pending.sha256, choices=choices)
    data = request.POST.copy()
    data["fingerprint"] = preview.fingerprint
    form = DuplicateChoiceForm(data, asked=preview.asked)
    form.is_valid()
    if "confirm" in request.POST and preview.is_valid:
        if preview.undecided:
            for draft in preview.undecided:
                if draft.field_name in form.fields:
                    form.add_error(
                        draft.field_name,
                        _("Choose which organisation “%(name)s” is.") % {"name": draft.name},
                    )
        else:
            try:
                result = network_import(
                    actor=request.user,
                    sheet=sheet,
                    sheet_digest=pending.sha256,
                    choices=choices,
                    purpose=pending.purpose,
                    expected_fingerprint=request.POST.get("fingerprint", ""),
                    filename=pending.filename,
                )
            except NetworkImportOutdatedError:
                messages.error(
                    request,
                    _(
                        "The network changed after you checked the file, so nothing was"
                        " imported. Check the preview as it is now and confirm again."
                    ),
                )
            except ValidationError:
                messages.error(request, _("Nothing was imported: check the preview again."))
            else:
                discard_network_import(request, municipality_id)
                messages.success(
                    request,
                    _(
                        "Import done: %(organisations_created)s new organisations,"
                        " %(organisations_updated)s changed; %(contacts_created)s new contact"
                        " persons, %(contacts_updated)s changed."
                    )
                    % vars(result),
                )
                return redirect(tenant_url(request, "stakeholders:organisations"))
    return _render_preview(request, pending, preview, form)


@tenant_view(can_manage_stakeholders)
def import_template(request: TenantRequest) -> HttpResponseBase:
    """An empty workbook with the columns of the import, and a sheet that explains them."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Network")[:31]
    sheet.append([str(SPECS[key].label) for key in TEMPLATE_KEYS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index in range(len(TEMPLATE_KEYS)):
        sheet.column_dimensions[chr(ord("A") + index)].width = 24
    explanation = workbook.create_sheet(_("Explanation")[:31])
    explanation.append([_("Column"), _("What to write")])
    for cell in explanation[1]:
        cell.font = Font(bold=True)
    kinds = ", ".join(str(label) for _value, label in OrganisationKind.choices)
    languages = ", ".join(f"{value.upper()} ({label})" for value, label in Language.choices)
    texts: dict[str, Any] = {
        "organisation": _(
            "The organisation's name. Several rows may name the same organisation, each with"
            " another contact person."
        ),
        "kind": _("The type, in your own words or one of: %(kinds)s.") % {"kinds": kinds},
        "website": _("Its web address, such as www.fluvius.be."),
        "themes": _("Themes of the plan, by code or name, separated by semicolons."),
        "notes": _("What they do for the plan; no personal data about people here."),
        "contact": _("The person's name; leave empty for a row with only an organisation."),
        "function": _("Their function."),
        "email": _(
            "Their e-mail address: a person already in the network with this address is"
            " updated, not added twice."
        ),
        "phone": _("Their phone number, as you write it."),
        "language": _("Their language: %(languages)s.") % {"languages": languages},
    }
    for key in TEMPLATE_KEYS:
        explanation.append([str(SPECS[key].label), texts[key.value]])
    explanation.column_dimensions["A"].width = 24
    explanation.column_dimensions["B"].width = 100
    return workbook_download(workbook, f"sjabloon-netwerk-{request.tenant.municipality.slug}")
