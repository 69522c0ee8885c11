"""Filtering, sorting and exporting lists: the parts every list page shares."""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook


@dataclass(frozen=True)
class SortOption:
    key: str
    label: Any
    ordering: tuple[str, ...]


def apply_sort(
    request: HttpRequest, queryset: QuerySet[Any], options: Sequence[SortOption]
) -> tuple[QuerySet[Any], str]:
    """Sort by `?sort=key` (or `-key` for descending); unknown keys fall back to the first.

    Empty values come last in both directions, as in a spreadsheet; SQLite and PostgreSQL
    would otherwise put them at opposite ends.
    """
    requested = request.GET.get("sort", "")
    descending = requested.startswith("-")
    key = requested.lstrip("-")
    chosen = next((o for o in options if o.key == key), options[0])
    ordering = []
    for field in chosen.ordering:
        field_descending = field.startswith("-") != descending
        expression = F(field.lstrip("-"))
        ordering.append(
            expression.desc(nulls_last=True)
            if field_descending
            else expression.asc(nulls_last=True)
        )
    return queryset.order_by(*ordering), ("-" if descending else "") + chosen.key


def export_format(request: HttpRequest) -> str | None:
    value = request.GET.get("export")
    return value if value in {"csv", "xlsx"} else None


# A spreadsheet runs a cell that starts with one of these as a formula: typed text must not.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def export_response(
    *, name: str, fmt: str, headers: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A download of the rows as CSV (semicolon-separated, as Excel in Belgium expects) or XLSX."""
    filename = slugify(name) or "export"
    header_row = [str(h) for h in headers]
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = str(name)[:31]
        sheet.append(header_row)
        for row in rows:
            sheet.append(["" if value is None else value for value in row])
            for cell in sheet[sheet.max_row]:
                if _is_formula_like(cell.value):
                    cell.data_type = "s"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        text = io.StringIO()
        writer = csv.writer(text, delimiter=";")
        writer.writerow(header_row)
        for row in rows:
            writer.writerow(
                [
                    "" if value is None else f"'{value}" if _is_formula_like(value) else value
                    for value in row
                ]
            )
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
