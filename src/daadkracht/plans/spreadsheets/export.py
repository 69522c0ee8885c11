"""Writing actions to XLSX and CSV files in the columns of `columns.py`."""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import FileResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from daadkracht.plans.spreadsheets.cells import csv_text
from daadkracht.plans.spreadsheets.columns import COLUMNS, Column
from daadkracht.plans.spreadsheets.records import ActionRecord

SHEET_TITLE = "Acties"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5D3B")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")


def spreadsheet_action_rows(
    records: Iterable[ActionRecord], columns: list[Column] = COLUMNS
) -> list[list[Any]]:
    """One list of cell values per action; list values are written in Dutch, as the headers."""
    with translation.override("nl"):
        return [[column.cell(record) for column in columns] for record in records]


def write_sheet(
    sheet: Any,
    rows: Iterable[list[Any]],
    *,
    columns: list[Column] = COLUMNS,
) -> int:
    """The header row (styled, frozen, filterable) and the rows; returns the number of rows."""
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append(
            [_cell(sheet, column, value) for column, value in zip(columns, row, strict=True)]
        )
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _cell(sheet: Any, column: Column, value: Any) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    elif column.number_format:
        cell.number_format = column.number_format
    return cell


def xlsx_response(rows: Iterable[list[Any]], *, filename: str) -> HttpResponseBase:
    """An Excel file written row by row to a temporary file, then sent from there."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    write_sheet(sheet, rows)
    file = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it once sent
    workbook.save(file)
    file.seek(0)
    return FileResponse(
        file, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def csv_lines(rows: Iterable[list[Any]], columns: list[Column] = COLUMNS) -> Iterator[str]:
    """Semicolon-separated UTF-8 with a byte order mark: what Excel in Belgium opens cleanly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in columns])
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(
            [csv_text(value, column.is_text) for column, value in zip(columns, row, strict=True)]
        )
        yield buffer.getvalue()


def csv_response(rows: Iterable[list[Any]], *, filename: str) -> HttpResponseBase:
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def export_filename(slug: str) -> str:
    return f"acties-{slug}-{timezone.localdate():%Y-%m-%d}"
