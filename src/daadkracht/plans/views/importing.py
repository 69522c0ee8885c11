"""Importing actions: upload any spreadsheet, match its columns, check the preview, confirm.

The template and an export go straight from the upload to the preview; any other file first
shows its columns with sample values, the obvious ones matched already.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from daadkracht.common.navigation import tenant_url
from daadkracht.common.sheets import SheetError
from daadkracht.plans.forms.filters import ImportPreviewQuery
from daadkracht.plans.forms.imports import (
    ColumnMappingForm,
    ImportForm,
    ImportKindForm,
    MissingValuesForm,
)
from daadkracht.plans.models import Plan
from daadkracht.plans.policies import can_manage_plan
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.plans.spreadsheets import importing
from daadkracht.plans.spreadsheets.extras import extra_questions
from daadkracht.plans.spreadsheets.importing import ImportOutdatedError, ImportPreview, RowKind
from daadkracht.plans.spreadsheets.kinds import KIND_CHOICE_LABELS
from daadkracht.plans.spreadsheets.mapping import (
    auto_mapping,
    below_header,
    detect_header_row,
    header_candidates,
    samples,
)
from daadkracht.plans.spreadsheets.missing import missing_values, unresolved
from daadkracht.plans.spreadsheets.pending import (
    PendingImport,
    discard_pending,
    keep_sheet,
    pending_import,
    save_pending,
    table_or_error,
)
from daadkracht.plans.spreadsheets.reading import read_actions_sheet
from daadkracht.plans.spreadsheets.records import Lookups
from daadkracht.plans.spreadsheets.saved_mappings import mapping_for, mapping_save
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

# The preview lists this many rows of each kind; the counts always cover the whole file.
PREVIEW_ROWS = 200


def _municipality_id(request: TenantRequest) -> int:
    return int(request.tenant.municipality.pk)


def _render_preview(
    request: TenantRequest, preview: ImportPreview, pending: PendingImport
) -> HttpResponse:
    counts = preview.counts
    total = max(len(preview.rows), 1)
    chart: list[dict[str, Any]] = [
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
            "filename": pending.filename,
            "pending": pending if preview.is_valid else None,
            "mapped": pending.mapped,
            "counts": counts,
            "chart": chart,
            "new_rows": preview.of_kind(RowKind.NEW)[:PREVIEW_ROWS],
            "updated_rows": preview.of_kind(RowKind.UPDATED)[:PREVIEW_ROWS],
            "more_new": max(counts[RowKind.NEW] - PREVIEW_ROWS, 0),
            "more_updated": max(counts[RowKind.UPDATED] - PREVIEW_ROWS, 0),
            "form": ImportForm(),
            "kind_label": KIND_CHOICE_LABELS[preview.kind_choice],
            "kind_form": ImportKindForm(
                initial={"token": pending.token, "kind": preview.kind_choice.value}
            ),
        },
    )


def _preview(request: TenantRequest, plan: Plan, pending: PendingImport) -> HttpResponse:
    """Check the pending sheet under its columns and show what the import would do; first ask
    about themes and departments the plan does not have yet."""
    table, problems = table_or_error(pending)
    if table is None:
        return _mapping_page(request, plan, pending, errors=problems)
    if unresolved(missing_values(table, Lookups(plan)), pending.resolutions) or extra_questions(
        table, pending.resolutions
    ):
        save_pending(request, _municipality_id(request), pending)
        return redirect(tenant_url(request, "plans:actions_import_missing"))
    preview, _lookups = importing.check(
        table, plan, resolutions=pending.resolutions, kind=pending.kind_choice
    )
    pending.fingerprint = preview.fingerprint if preview.is_valid else ""
    pending.rows = len(preview.rows)
    save_pending(request, _municipality_id(request), pending)
    return _render_preview(request, preview, pending)


@tenant_view(can_manage_plan)
def actions_import(request: TenantRequest) -> HttpResponse:
    """Upload a file; the template goes on to its preview, any other file to its columns."""
    plan = current_plan()
    context: dict[str, Any] = {"plan": plan}
    if plan is None:
        return render(request, "plans/import.html", context)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_actions_sheet(upload.read(), upload.name)
        except SheetError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            kept = keep_sheet(request, _municipality_id(request), sheet, upload.name)
            if kept.mapped:
                return redirect(tenant_url(request, "plans:actions_import_columns"))
            table, problems = table_or_error(kept)
            if table is not None:
                return _preview(request, plan, kept)
            discard_pending(request, _municipality_id(request))
            for message in problems:
                form.add_error("file", message)
    pending = pending_import(request, _municipality_id(request))
    if request.method == "GET" and pending and ImportPreviewQuery(request.GET).value("voorbeeld"):
        if pending.sheet() is not None:
            if pending.keys == []:
                return redirect(tenant_url(request, "plans:actions_import_columns"))
            return _preview(request, plan, pending)
        discard_pending(request, _municipality_id(request))
        pending = None
    context.update({"form": form, "pending": pending})
    return render(request, "plans/import.html", context)


def _mapping_page(
    request: TenantRequest,
    plan: Plan,
    pending: PendingImport,
    *,
    form: ColumnMappingForm | None = None,
    errors: list[str] | None = None,
) -> HttpResponse:
    sheet = pending.sheet()
    if sheet is None:
        discard_pending(request, _municipality_id(request))
        messages.error(request, _("This file is no longer available; upload it again."))
        return redirect(tenant_url(request, "plans:actions_import"))
    candidates = header_candidates(sheet)
    header_row = pending.header_row
    if form is not None and form.is_bound and form.is_valid():
        header_row = form.cleaned_data["header_row"]
    headers, rows = below_header(sheet, header_row)
    if form is None:
        keys = pending.keys or []
        saved = mapping_for(headers)
        if saved is not None and saved.header_row == header_row:
            keys = list(saved.keys)
            pending.mapping_name = saved.name
        if len(keys) != len(headers):
            keys = auto_mapping(headers)
        form = ColumnMappingForm(
            candidates=candidates,
            headers=headers,
            keys=keys,
            initial={"header_row": header_row},
        )
    columns = [
        {"field": form[name], "samples": samples(rows, index)}
        for index, name in enumerate(form.column_names)
    ]
    return render(
        request,
        "plans/import_columns.html",
        {
            "plan": plan,
            "form": form,
            "columns": columns,
            "filename": pending.filename,
            "row_count": len(rows),
            "mapping_name": pending.mapping_name,
            "errors": errors or [],
        },
    )


@tenant_view(can_manage_plan)
def actions_import_columns(request: TenantRequest) -> HttpResponse:
    """Match the file's columns to the fields of an action, then check the preview."""
    plan = current_plan()
    pending = pending_import(request, _municipality_id(request))
    if plan is None or pending is None or pending.sheet() is None:
        messages.error(request, _("This file is no longer available; upload it again."))
        return redirect(tenant_url(request, "plans:actions_import"))
    sheet = pending.sheet()
    assert sheet is not None
    if request.method != "POST":
        if pending.keys == []:
            pending.header_row = detect_header_row(sheet)
            save_pending(request, _municipality_id(request), pending)
        elif pending.keys is None:
            pending.keys = []  # the template's own columns, matched by hand after all
        return _mapping_page(request, plan, pending)
    chosen_row = request.POST.get("header_row", "")
    header_row = int(chosen_row) if chosen_row.isdecimal() else pending.header_row
    candidates = header_candidates(sheet)
    if header_row not in {row.number for row in candidates}:
        header_row = pending.header_row
    headers, _rows = below_header(sheet, header_row)
    form = ColumnMappingForm(
        request.POST, candidates=candidates, headers=headers, keys=auto_mapping(headers)
    )
    if header_row != pending.header_row or "change_row" in request.POST:
        # Another row holds the names: show its columns, matched afresh.
        pending.header_row = header_row
        pending.keys = []
        save_pending(request, _municipality_id(request), pending)
        return _mapping_page(request, plan, pending)
    if not form.is_valid():
        return _mapping_page(request, plan, pending, form=form)
    pending.keys = form.keys()
    table, problems = table_or_error(pending)
    if table is None:
        return _mapping_page(request, plan, pending, form=form, errors=problems)
    if form.cleaned_data["save"]:
        mapping_save(
            actor=request.user,
            name=pending.filename,
            header_row=header_row,
            headers=headers,
            keys=pending.keys,
        )
    return _preview(request, plan, pending)


@tenant_view(can_manage_plan)
def actions_import_missing(request: TenantRequest) -> HttpResponse:
    """Decide once per unknown theme or department: create it, use an existing one, or not."""
    plan = current_plan()
    pending = pending_import(request, _municipality_id(request))
    table, _problems = table_or_error(pending) if pending and pending.sheet() else (None, [])
    if plan is None or pending is None or table is None:
        messages.error(request, _("This file is no longer available; upload it again."))
        return redirect(tenant_url(request, "plans:actions_import"))
    lookups = Lookups(plan)
    missing = missing_values(table, lookups)
    questions = extra_questions(table, pending.resolutions, open_only=False)
    form = MissingValuesForm(
        request.POST or None,
        missing=missing,
        lookups=lookups,
        questions=questions,
        resolutions=pending.resolutions,
    )
    if request.method == "POST" and form.is_valid():
        pending.resolutions = form.resolutions()
        return _preview(request, plan, pending)
    return render(
        request,
        "plans/import_missing.html",
        {
            "plan": plan,
            "form": form,
            "items": [
                {"item": item, "choice": form[choice], "use": form[use]}
                for item, choice, use in form.items
            ],
            "questions": [
                {
                    "question": question,
                    "choice": form[choice],
                    "detail": form[detail] if question.detail_for else None,
                }
                for question, choice, detail in form.questions
            ],
            "filename": pending.filename,
            "mapped": pending.mapped,
        },
    )


@tenant_view(can_manage_plan)
@require_POST
def actions_import_kind(request: TenantRequest) -> HttpResponse:
    """Choose, once for the whole file, mitigation or adaptation for the new actions whose row
    does not say it; the preview is checked again with that choice."""
    municipality_id = _municipality_id(request)
    pending = pending_import(request, municipality_id)
    import_url = tenant_url(request, "plans:actions_import")
    if pending is None or request.POST.get("token") != pending.token:
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(import_url)
    form = ImportKindForm(request.POST)
    if form.is_valid():
        pending.kind = form.cleaned_data["kind"]
        save_pending(request, municipality_id, pending)
    return redirect(f"{import_url}?voorbeeld=1#import-kind")


@tenant_view(can_manage_plan)
@require_POST
def actions_import_confirm(request: TenantRequest) -> HttpResponse:
    """Apply the previewed file, or cancel it."""
    plan = current_plan()
    municipality_id = _municipality_id(request)
    pending = pending_import(request, municipality_id)
    import_url = tenant_url(request, "plans:actions_import")
    if plan is None or pending is None or request.POST.get("token") != pending.token:
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(import_url)
    if "cancel" in request.POST:
        discard_pending(request, municipality_id)
        messages.info(request, _("Import cancelled; nothing was changed."))
        return redirect(import_url)
    table, _problems = table_or_error(pending) if pending.sheet() else (None, [])
    if table is None:
        discard_pending(request, municipality_id)
        messages.error(request, _("This preview is no longer available; upload the file again."))
        return redirect(import_url)
    try:
        result = importing.actions_import(
            actor=request.user,
            plan=plan,
            table=table,
            expected_fingerprint=request.POST.get("fingerprint", ""),
            resolutions=pending.resolutions,
            kind=pending.kind_choice,
        )
    except (ImportOutdatedError, ValidationError, IntegrityError):
        discard_pending(request, municipality_id)
        messages.error(
            request,
            _(
                "The actions changed after you checked the file, so nothing was imported."
                " Upload the file again to see the differences as they are now."
            ),
        )
        return redirect(import_url)
    discard_pending(request, municipality_id)
    processed = result.created + result.updated + result.unchanged
    messages.success(
        request,
        ngettext(
            "Import done: %(rows)s row processed in %(seconds)s seconds — %(created)s new,"
            " %(updated)s changed, %(unchanged)s unchanged.",
            "Import done: %(rows)s rows processed in %(seconds)s seconds — %(created)s new,"
            " %(updated)s changed, %(unchanged)s unchanged.",
            processed,
        )
        % {
            "rows": processed,
            "seconds": formats.number_format(result.seconds, 1),
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return redirect(tenant_url(request, "plans:actions"))
