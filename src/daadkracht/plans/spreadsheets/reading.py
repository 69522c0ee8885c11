"""Reading an uploaded XLSX or CSV file into rows of cells under known column headers."""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from daadkracht.plans.spreadsheets.cells import RawCell, normalise, suggestion
from daadkracht.plans.spreadsheets.columns import COLUMNS, REQUIRED_COLUMNS, Column, header_lookup
from daadkracht.plans.spreadsheets.export import SHEET_TITLE

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 5000
FIRST_DATA_ROW = 2  # row 1 holds the headers, as Excel numbers them


class ImportFileError(Exception):
    """The file as a whole cannot be used; `messages` say why, in plain language."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = list(messages)


@dataclass
class Table:
    """The file's rows, with the column each file column stands for (None: ignored)."""

    columns: list[Column | None]
    rows: list[tuple[int, list[RawCell]]]

    @property
    def present(self) -> list[Column]:
        return [c for c in self.columns if c is not None and c.importable]


def read_file(data: bytes, filename: str) -> Table:
    """The table in an uploaded file; raises ImportFileError with what is wrong with it."""
    name = filename.lower()
    if not data:
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_FILE_SIZE:
        raise ImportFileError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    if data.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise ImportFileError(
            _(
                "This is an Excel file in the old .xls format. Open it in Excel and save it as"
                " an Excel workbook (.xlsx) or as CSV first."
            )
        )
    if data.startswith(b"PK\x03\x04"):
        if name.endswith(".ods"):
            raise ImportFileError(
                _("Save an OpenDocument spreadsheet as an Excel workbook (.xlsx) or as CSV first.")
            )
        headers, rows = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        headers, rows = _read_csv(data)
    else:
        raise ImportFileError(
            _("Upload an Excel workbook (.xlsx) or a CSV file (.csv); this file is neither.")
        )
    return _table(headers, rows)


def _read_xlsx(data: bytes) -> tuple[list[str], list[tuple[int, list[RawCell]]]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ImportFileError(
            _("The file could not be read as an Excel workbook. Is it damaged?")
        ) from error
    try:
        sheet = (
            workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
        )
        rows_iter = sheet.iter_rows()
        header_cells = next(rows_iter, ())
        headers = [RawCell(cell.value).text for cell in header_cells]
        while headers and not headers[-1]:
            headers.pop()
        width = len(headers)
        rows: list[tuple[int, list[RawCell]]] = []
        for number, cells in enumerate(rows_iter, start=FIRST_DATA_ROW):
            raw = [
                RawCell(getattr(cell, "value", None), getattr(cell, "number_format", None) or "")
                for cell in cells
            ]
            rows.append((number, raw))
            if len(rows) > MAX_ROWS:
                break
        _check_overflow(headers, rows, width)
        return headers, [(number, _pad(raw, width)) for number, raw in rows]
    finally:
        workbook.close()


def _read_csv(data: bytes) -> tuple[list[str], list[tuple[int, list[RawCell]]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    if "\x00" in text:
        raise ImportFileError(
            _("Upload an Excel workbook (.xlsx) or a CSV file (.csv); this file is neither.")
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [h.strip() for h in next(reader, [])]
        while headers and not headers[-1]:
            headers.pop()
        width = len(headers)
        rows: list[tuple[int, list[RawCell]]] = []
        for number, values in enumerate(reader, start=FIRST_DATA_ROW):
            rows.append((number, [RawCell(v) for v in values]))
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file could not be read: %(problem)s") % {"problem": error}
        ) from error
    _check_overflow(headers, rows, width)
    return headers, [(number, _pad(raw, width)) for number, raw in rows]


def _pad(cells: list[RawCell], width: int) -> list[RawCell]:
    return (cells + [RawCell(None)] * width)[:width]


def _check_overflow(headers: list[str], rows: list[tuple[int, list[RawCell]]], width: int) -> None:
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    for number, cells in rows:
        extra = [i for i, cell in enumerate(cells) if i >= width and cell.text]
        if extra:
            raise ImportFileError(
                _("Row %(row)s has a value in column %(letter)s, which has no name in row 1.")
                % {"row": number, "letter": get_column_letter(extra[0] + 1)}
            )


def _table(headers: list[str], rows: list[tuple[int, list[RawCell]]]) -> Table:
    if not headers:
        raise ImportFileError(_("The first row of the file should hold the column names."))
    known = header_lookup()
    columns: list[Column | None] = []
    problems: list[str] = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        column = known.get(normalise(header)) if header else None
        if not header:
            if any(cells[index].text for _n, cells in rows):
                problems.append(
                    _("Column %(letter)s has values but no name in row 1.")
                    % {"letter": get_column_letter(index + 1)}
                )
        elif column is None:
            close = suggestion(header, [c.header for c in COLUMNS])
            problems.append(
                _("Unknown column “%(header)s” — did you mean “%(suggestion)s”?")
                % {"header": header, "suggestion": close}
                if close
                else _("Unknown column “%(header)s”.") % {"header": header}
            )
        elif column.key in seen:
            problems.append(_("The column “%(header)s” appears twice.") % {"header": header})
        else:
            seen.add(column.key)
        columns.append(column if column is not None and column.key in seen else None)
    missing = [c.header for c in REQUIRED_COLUMNS if c.key not in seen]
    if missing:
        problems.append(
            ngettext(
                "The required column %(columns)s is missing.",
                "The required columns %(columns)s are missing.",
                len(missing),
            )
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    if problems:
        problems.append(
            _("Use the column names of the template; its “Uitleg” sheet explains each one.")
        )
        raise ImportFileError(*problems)
    data_rows = [(n, cells) for n, cells in rows if any(cell.text for cell in cells)]
    if not data_rows:
        raise ImportFileError(_("The file has no actions below the row of column names."))
    return Table(columns, data_rows)
