"""Pages for exporting the actions to a spreadsheet and importing them from one."""

import hashlib
import json
import secrets
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from daadkracht.common.exporting import download, workbook_download
from daadkracht.common.listing import apply_sort
from daadkracht.common.navigation import tenant_url
from daadkracht.common.sheets import MAX_FILE_SIZE, Sheet, SheetError
from daadkracht.plans.forms.filters import ImportPreviewQuery, SpreadsheetQuery
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.spreadsheets import importing
from daadkracht.plans.spreadsheets.export import (
    actions_sheet,
    export_filename,
    spreadsheet_action_rows,
)
from daadkracht.plans.spreadsheets.importing import (
    ImportOutdatedError,
    ImportPreview,
    RowKind,
    check,
)
from daadkracht.plans.spreadsheets.reading import read_actions_sheet, table_of
from daadkracht.plans.spreadsheets.records import action_records
from daadkracht.plans.spreadsheets.template import template_workbook
from daadkracht.plans.views.action_list import ACTION_SORTS
from daadkracht.tenancy.decorators import TenantRequest, tenant_view
from daadkracht.tenancy.roles import Permission

UPLOAD_DIRECTORY = "imports"
UPLOAD_MAX_AGE = timedelta(days=1)
# The preview lists this many rows of each kind; the counts always cover the whole file.
PREVIEW_ROWS = 200


@tenant_view()
def actions_export(request: TenantRequest) -> HttpResponseBase:
    """All actions that match the list's filters, as XLSX (default) or CSV."""
    plan = current_plan()
    records = []
    if plan is not None:
        # The same selection and order as the action list the user exported from.
        actions = filtered_actions(ActionFilter.from_query(request.GET), plan)
        records = action_records(apply_sort(request, actions, ACTION_SORTS)[0])
    rows = spreadsheet_action_rows(records)
    fmt = SpreadsheetQuery(request.GET).value("format") or "xlsx"
    return download(
        actions_sheet(rows), fmt=fmt, filename=export_filename(request.tenant.municipality.slug)
    )


@tenant_view()
def actions_import_template(request: TenantRequest) -> HttpResponseBase:
    plan = current_plan()
    if plan is None:
        messages.info(
            request, _("Set up the climate plan first; then the template lists its values.")
        )
        return redirect(tenant_url(request, "plans:settings"))
    return workbook_download(
        template_workbook(plan), f"sjabloon-acties-{request.tenant.municipality.slug}"
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet with actions"),
        help_text=gettext_lazy("An Excel workbook (.xlsx) or a CSV file (.csv), at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet,text/csv"
            }
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_FILE_SIZE // (1024 * 1024)}
            )
        return upload


# The sheet as read for the preview waits in the storage until it is confirmed; the session
# keeps its name and digest, so that the confirmation imports exactly what was previewed, and the
# file is read (with every limit) only once.


def _session_key(request: TenantRequest) -> str:
    return f"plans_import:{request.tenant.municipality.pk}"


def _pending(request: TenantRequest) -> dict[str, Any] | None:
    pending = request.session.get(_session_key(request))
    return pending if isinstance(pending, dict) else None


def _discard(request: TenantRequest) -> None:
    pending = request.session.pop(_session_key(request), None)
    if isinstance(pending, dict) and pending.get("path"):
        default_storage.delete(pending["path"])


def _remove_old_uploads() -> None:
    """Uploads nobody confirmed or cancelled are removed after a day."""
    if not default_storage.exists(UPLOAD_DIRECTORY):
        return
    limit = timezone.now() - UPLOAD_MAX_AGE
    for name in default_storage.listdir(UPLOAD_DIRECTORY)[1]:
        path = f"{UPLOAD_DIRECTORY}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)


def _keep(request: TenantRequest, sheet: Sheet, filename: str, preview: ImportPreview) -> None:
    _discard(request)
    _remove_old_uploads()
    token = secrets.token_urlsafe(24)
    data = json.dumps(sheet.to_data(), ensure_ascii=False).encode()
    path = default_storage.save(f"{UPLOAD_DIRECTORY}/{token}.json", ContentFile(data))
    request.session[_session_key(request)] = {
        "token": token,
        "path": path,
        "filename": filename,
        "sha256": hashlib.sha256(data).hexdigest(),
        "fingerprint": preview.fingerprint,
        "rows": len(preview.rows),
    }


def _stored_sheet(pending: dict[str, Any]) -> Sheet | None:
    """The kept sheet, if it is still there and unchanged."""
    try:
        with default_storage.open(pending["path"], "rb") as file:
            data: bytes = file.read()
    except (OSError, KeyError):
        return None
    if hashlib.sha256(data).hexdigest() != pending.get("sha256"):
        return None
    return Sheet.from_data(json.loads(data))


def _render_preview(request: TenantRequest, preview: ImportPreview, filename: str) -> HttpResponse:
    counts = preview.counts
    total = max(len(preview.rows), 1)
    chart = [
        {
            "kind": kind.value,
            "count": counts[kind.value],
            "width": round(100 * counts[kind.value] / total, 2),
        }
        for kind in RowKind
    ]
    offset = 0.0
    for bar in chart:
        bar["x"] = offset
        offset += float(bar["width"])
    return render(
        request,
        "plans/import_preview.html",
        {
            "preview": preview,
            "filename": filename,
            "pending": _pending(request),
            "counts": counts,
            "chart": chart,
            "new_rows": preview.of_kind(RowKind.NEW)[:PREVIEW_ROWS],
            "updated_rows": preview.of_kind(RowKind.UPDATED)[:PREVIEW_ROWS],
            "errors": preview.errors[:PREVIEW_ROWS],
            "more_errors": max(len(preview.errors) - PREVIEW_ROWS, 0),
            "more_new": max(counts[RowKind.NEW] - PREVIEW_ROWS, 0),
            "more_updated": max(counts[RowKind.UPDATED] - PREVIEW_ROWS, 0),
            "form": ImportForm(),
        },
    )


@tenant_view(Permission.EDIT_ALL)
def actions_import(request: TenantRequest) -> HttpResponse:
    """Upload a file and see what it would change; nothing is written here."""
    plan = current_plan()
    context: dict[str, Any] = {"plan": plan}
    if plan is None:
        return render(request, "plans/import.html", context)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_actions_sheet(upload.read(), upload.name)
            table = table_of(sheet)
        except SheetError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            preview, _lookups = check(table, plan)
            if preview.is_valid:
                _keep(request, sheet, upload.name, preview)
            else:
                _discard(request)
            return _render_preview(request, preview, upload.name)
    pending = _pending(request)
    if request.method == "GET" and pending and ImportPreviewQuery(request.GET).value("voorbeeld"):
        kept = _stored_sheet(pending)
        if kept is not None:
            preview, _lookups = check(table_of(kept), plan)
            if preview.is_valid:
                pending["fingerprint"] = preview.fingerprint
                request.session.modified = True
            return _render_preview(request, preview, pending["filename"])
        _discard(request)
        pending = None
    context.update({"form": form, "pending": pending})
    return render(request, "plans/import.html", context)


@tenant_view(Permission.EDIT_ALL)
@require_POST
def actions_import_confirm(request: TenantRequest) -> HttpResponse:
    """Apply the previewed file, or cancel it."""
    plan = current_plan()
    pending = _pending(request)
    import_url = tenant_url(request, "plans:actions_import")
    if plan is None or pending is None or request.POST.get("token") != pending.get("token"):
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(import_url)
    if "cancel" in request.POST:
        _discard(request)
        messages.info(request, _("Import cancelled; nothing was changed."))
        return redirect(import_url)
    sheet = _stored_sheet(pending)
    if sheet is None:
        _discard(request)
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(import_url)
    try:
        result = importing.actions_import(
            actor=request.user,
            plan=plan,
            sheet=sheet,
            expected_fingerprint=request.POST.get("fingerprint", ""),
        )
    except (
        ImportOutdatedError,
        SheetError,
        ValidationError,
        IntegrityError,
    ):
        _discard(request)
        messages.error(
            request,
            _(
                "The actions changed after you checked the file, so nothing was imported."
                " Upload the file again to see the differences as they are now."
            ),
        )
        return redirect(import_url)
    _discard(request)
    messages.success(
        request,
        ngettext(
            "Import done: %(rows)s row processed in %(seconds)s seconds — %(created)s new,"
            " %(updated)s changed, %(unchanged)s unchanged.",
            "Import done: %(rows)s rows processed in %(seconds)s seconds — %(created)s new,"
            " %(updated)s changed, %(unchanged)s unchanged.",
            result.created + result.updated + result.unchanged,
        )
        % {
            "rows": result.created + result.updated + result.unchanged,
            "seconds": formats.number_format(result.seconds, 1),
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return redirect(tenant_url(request, "plans:actions"))
