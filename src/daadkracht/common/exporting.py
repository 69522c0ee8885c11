"""Downloads of a sheet of rows as CSV or XLSX, and the one guard against spreadsheet formulas.

Every header and every cell that is written to a file goes through `neutralise`: a spreadsheet
runs text that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
formula, and names people type — a tag, a department, a criterion — must never run.
"""

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import IO, Any

from django.http import FileResponse, HttpRequest
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from daadkracht.common.query import requested_export

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5D3B")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Values a file holds as numbers or dates; anything else is written as text.
TYPED = (int, float, Decimal, date, time)
# Excel refuses these in a sheet's name, and allows 31 characters at most.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_LENGTH = 31


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, with an apostrophe in front (OWASP's
    advice); numbers, dates and any other text unchanged.

    Text that already starts with apostrophes before such a character gets one more as well, so
    that `restore` gives back exactly what was written, whatever it was.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text as it was before `neutralise`: the one apostrophe it added taken off."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header, and in XLSX its width and the format of its numbers."""

    header: str
    width: int | None = None
    number_format: str | None = None


@dataclass(frozen=True)
class Sheet:
    """A header row and the rows below it.

    `belgian_formats`: dates and decimals in a CSV file as Belgian Excel types them (31/12/2030,
    1250,50), for the files people edit and import again; otherwise as ISO dates and decimal
    points. XLSX cells hold typed values either way.
    """

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    belgian_formats: bool = False


def export_format(request: HttpRequest) -> str | None:
    """The format asked for with `?export=csv` or `?export=xlsx`, if any."""
    return requested_export(request.GET)


def download(sheet: Sheet, *, fmt: str, filename: str) -> FileResponse:
    """The sheet as a CSV (`fmt="csv"`) or XLSX file to download, named `filename` plus the
    extension.

    The file is written completely before the response leaves the view, while the
    municipality's scope is still active for the queries that produce the rows.
    """
    if fmt == "csv":
        file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it
        write_csv(file, sheet)
        return _file_response(file, f"{filename}.csv", CSV_TYPE)
    workbook = Workbook(write_only=True)
    write_xlsx_sheet(workbook, sheet)
    return workbook_download(workbook, filename)


def export_response(
    *, name: str, fmt: str, headers: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> FileResponse:
    """A list page's download: its title names the sheet and the file."""
    sheet = Sheet(title=name, columns=[Column(str(header)) for header in headers], rows=rows)
    return download(sheet, fmt=fmt, filename=download_name(name))


def workbook_download(workbook: Workbook, filename: str) -> FileResponse:
    """An XLSX workbook, saved to a temporary file and sent from there."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it once sent
    workbook.save(file)
    return _file_response(file, f"{filename}.xlsx", XLSX_TYPE)


def download_name(name: str) -> str:
    """A file name from a title in any language: plain letters, digits and hyphens."""
    return slugify(name) or "export"


def _file_response(file: IO[bytes], filename: str, content_type: str) -> FileResponse:
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)


# --- CSV ------------------------------------------------------------------------------------


def write_csv(file: IO[bytes], sheet: Sheet) -> None:
    """Semicolon-separated UTF-8 with a byte order mark: what Excel in Belgium opens cleanly."""
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(str(column.header)) for column in sheet.columns])
    for row in sheet.rows:
        writer.writerow([csv_cell(value, belgian=sheet.belgian_formats) for value in row])
    text.flush()
    text.detach()  # the response still needs the file


def csv_cell(value: Any, *, belgian: bool = False) -> str:
    """One value as CSV text, through the guard; empty for None."""
    if value is None:
        return ""
    if belgian:
        if isinstance(value, datetime):
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, Decimal):
            return format(value, "f").replace(".", ",")
    if isinstance(value, TYPED):
        return str(value)
    return str(neutralise(str(value)))


# --- XLSX -----------------------------------------------------------------------------------


def write_xlsx_sheet(workbook: Workbook, sheet: Sheet) -> Any:
    """The sheet in a write-only workbook, with a styled, frozen and filterable header row;
    returns the worksheet, for what a caller adds to it (dropdowns, say)."""
    worksheet = workbook.create_sheet(sheet_title(sheet.title))
    for index, column in enumerate(sheet.columns, start=1):
        if column.width:
            worksheet.column_dimensions[get_column_letter(index)].width = column.width
    worksheet.freeze_panes = "A2"
    worksheet.append([header_cell(worksheet, column.header) for column in sheet.columns])
    count = 0
    for row in sheet.rows:
        worksheet.append(
            [
                cell(worksheet, value, number_format=column.number_format)
                for column, value in zip(sheet.columns, row, strict=True)
            ]
        )
        count += 1
    if sheet.columns:
        worksheet.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{count + 1}"
    return worksheet


def sheet_title(title: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\, no apostrophe at either end, 31 long."""
    title = SHEET_TITLE_FORBIDDEN.sub(" ", str(title)).strip()[:SHEET_TITLE_LENGTH]
    return title.strip("' ") or "Sheet"


def cell(
    worksheet: Any,
    value: Any,
    *,
    number_format: str | None = None,
    font: Font | None = None,
    alignment: Alignment | None = None,
) -> Cell | None:
    """A cell of a write-only sheet, through the guard: text stays text, numbers and dates stay
    typed values (in `number_format` when given); None for an empty cell without style."""
    if value is None and font is None and alignment is None:
        return None
    typed = value is None or isinstance(value, TYPED)
    written = WriteOnlyCell(worksheet, value=value if typed else neutralise(str(value)))
    if number_format and typed and value is not None:
        written.number_format = number_format
    if font is not None:
        written.font = font
    if alignment is not None:
        written.alignment = alignment
    return written


def header_cell(worksheet: Any, text: Any) -> Cell:
    """A cell of a header row: white on the site's green, through the guard like any cell."""
    written = cell(worksheet, str(text), font=HEADER_FONT, alignment=HEADER_ALIGNMENT)
    assert written is not None
    written.fill = HEADER_FILL
    return written


def append_values(worksheet: Any, values: Iterable[Any]) -> None:
    """A row of plain values, each through the guard."""
    worksheet.append([cell(worksheet, value) for value in values])
