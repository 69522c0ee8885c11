"""Reading an uploaded XLSX or CSV file into a grid of cells, bounded before anything is built.

An upload is hostile until proven otherwise: a few kilobytes of XLSX can declare sixteen thousand
columns or expand to a gigabyte of shared strings. Every limit here is checked while streaming,
before the rows are built: the zip's declared sizes first, then a count of the rows, cells and
shared strings in one pass over the XML (constant memory), and only then the real read.
"""

import csv
import io
import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from xml.parsers import expat

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from daadkracht.common.exporting import restore

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200
MAX_CELLS = 500_000
"""Cells in the XML of a workbook, empty ones included: a bound on the work of reading it."""
MAX_ELEMENTS = 2_000_000
MAX_SHARED_STRINGS = 250_000
MAX_PART_SIZE = 16 * 1024 * 1024
"""Uncompressed size of any part of a workbook other than a worksheet."""
MAX_SHEET_SIZE = 128 * 1024 * 1024
MAX_PARTS = 1000
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384

_CSV_DELIMITERS = (";", ",", "\t")


class SheetError(Exception):
    """The file as a whole cannot be used; `messages` say why, in plain language."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = list(messages)


def _too_large() -> SheetError:
    return SheetError(
        _(
            "This file is too large or damaged: it holds more than %(rows)s rows, more than"
            " %(columns)s columns or far more data than its size suggests. Remove what is not"
            " needed, or split it into smaller files."
        )
        % {"rows": MAX_ROWS, "columns": MAX_COLUMNS}
    )


def _damaged() -> SheetError:
    return SheetError(_("The file could not be read as an Excel workbook. Is it damaged?"))


@dataclass(frozen=True)
class RawCell:
    """A cell as read from a file: a typed value from Excel, or text from a CSV file."""

    value: Any
    number_format: str = "General"

    @property
    def text(self) -> str:
        """The value as text, without the apostrophe an export puts before a formula-like text."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return restore(str(self.value)).strip()


@dataclass
class Sheet:
    """The header row and the non-empty rows below it, each with its row number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[RawCell]]] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, so that a checked file need not be read twice."""
        return {
            "headers": self.headers,
            "rows": [[n, [_cell_data(c) for c in cells]] for n, cells in self.rows],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Sheet":
        return cls(
            headers=[str(h) for h in data["headers"]],
            rows=[(int(n), [_cell_from(c) for c in cells]) for n, cells in data["rows"]],
        )


def read_sheet(data: bytes, filename: str, *, preferred_title: str | None = None) -> Sheet:
    """The first (or the preferred) sheet of an XLSX file, or a CSV file; raises SheetError."""
    name = filename.lower()
    if not data:
        raise SheetError(_("The file is empty."))
    if len(data) > MAX_FILE_SIZE:
        raise SheetError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    if data.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise SheetError(
            _(
                "This is an Excel file in the old .xls format. Open it in Excel and save it as"
                " an Excel workbook (.xlsx) or as CSV first."
            )
        )
    if data.startswith(b"PK\x03\x04"):
        if name.endswith(".ods"):
            raise SheetError(
                _("Save an OpenDocument spreadsheet as an Excel workbook (.xlsx) or as CSV first.")
            )
        return _read_xlsx(data, preferred_title)
    if name.endswith((".csv", ".txt")):
        return _read_csv(data)
    raise SheetError(
        _("Upload an Excel workbook (.xlsx) or a CSV file (.csv); this file is neither.")
    )


# XLSX


def _read_xlsx(data: bytes, preferred_title: str | None) -> Sheet:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SheetError:
        raise
    except Exception as error:  # a damaged archive fails in many ways, all of them the same here
        raise _damaged() from error
    try:
        titles = workbook.sheetnames
        if not titles:
            raise _damaged()
        sheet = workbook[preferred_title if preferred_title in titles else titles[0]]
        if not isinstance(sheet, ReadOnlyWorksheet):
            raise _damaged()
        if (sheet.max_row or 0) > EXCEL_ROWS or (sheet.max_column or 0) > EXCEL_COLUMNS:
            raise _damaged()
        sheet.reset_dimensions()  # rows are as long as their cells, not the declared width
        return _collect(_xlsx_rows(sheet.iter_rows()))
    except SheetError:
        raise
    except Exception as error:  # an impossible date or broken XML shows up only while reading
        raise _damaged() from error
    finally:
        workbook.close()


def _check_archive(archive: zipfile.ZipFile) -> None:
    """The declared sizes (reading never goes past them), then every XML part counted.

    One streaming pass over each part counts elements, cells, cells per row and shared strings
    in constant memory, so that the real read starts only on a workbook of bounded size.
    """
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _too_large()
    total = 0
    for part in parts:
        limit = MAX_SHEET_SIZE if part.filename.startswith("xl/worksheets/") else MAX_PART_SIZE
        if part.file_size > limit:
            raise _too_large()
        total += part.file_size
    if total > 2 * MAX_SHEET_SIZE:
        raise _too_large()
    counter = _Counter()
    for part in parts:
        _scan(archive, part.filename, counter)


class _Counter:
    """Counts what a workbook's XML holds, and stops at the first bound it passes."""

    def __init__(self) -> None:
        self.elements = 0
        self.cells = 0
        self.cells_in_row = 0
        self.strings = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _too_large()
        local = name.rpartition(":")[2].rpartition("}")[2]
        if local == "c":
            self.cells += 1
            self.cells_in_row += 1
            if self.cells > MAX_CELLS or self.cells_in_row > EXCEL_COLUMNS:
                raise _too_large()
        elif local == "row":
            self.cells_in_row = 0
            number = attributes.get("r", "")
            if number.isdecimal() and int(number) > EXCEL_ROWS:
                raise _damaged()
        elif local == "si":
            self.strings += 1
            if self.strings > MAX_SHARED_STRINGS:
                raise _too_large()


def _scan(archive: zipfile.ZipFile, path: str, counter: _Counter) -> None:
    """Feed one XML part to a parser in small blocks; DTDs and entities are refused.

    Parts that are not XML (pictures) are left alone: nothing reads them as XML.
    """
    parser = expat.ParserCreate()
    parser.StartElementHandler = counter.start

    def refuse(*_args: Any) -> None:
        raise _damaged()

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        with archive.open(path) as source:
            block = source.read(64 * 1024)
            if not block.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                return
            while block:
                parser.Parse(block, False)
                block = source.read(64 * 1024)
            parser.Parse(b"", True)
    except SheetError:
        raise
    except Exception as error:
        raise _damaged() from error


def _xlsx_rows(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[RawCell]]:
    for cells in rows:
        yield [
            RawCell(
                _value(getattr(cell, "value", None)), getattr(cell, "number_format", None) or ""
            )
            for cell in cells
        ]


def _value(value: Any) -> Any:
    """Values a form could not hold either (infinite or not-a-number) make the file damaged."""
    if isinstance(value, float) and not math.isfinite(value):
        raise _damaged()
    return value


# CSV


def _read_csv(data: bytes) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    if "\x00" in text:
        raise SheetError(
            _("Upload an Excel workbook (.xlsx) or a CSV file (.csv); this file is neither.")
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max(_CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _collect(_csv_rows(reader))
    except csv.Error as error:
        raise SheetError(
            _("The CSV file could not be read: %(problem)s") % {"problem": error}
        ) from error


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[list[RawCell]]:
    for values in reader:
        if len(values) > EXCEL_COLUMNS:
            raise _too_large()
        yield [RawCell(v) for v in values]


# Both


def _collect(rows: Iterator[list[RawCell]]) -> Sheet:
    """Header row and non-empty rows, trimmed of trailing empty cells, within every limit."""
    header_cells = _trimmed(next(rows, []))
    if len(header_cells) > MAX_COLUMNS:
        raise _too_large()
    sheet = Sheet(headers=[cell.text for cell in header_cells])
    visited = 0
    for number, cells in enumerate(rows, start=2):
        visited += len(cells) or 1
        if visited > MAX_CELLS + EXCEL_ROWS:
            raise _too_large()
        trimmed = _trimmed(cells)
        if not trimmed:
            continue
        if len(trimmed) > MAX_COLUMNS or len(sheet.rows) >= MAX_ROWS:
            raise _too_large()
        sheet.rows.append((number, trimmed))
    return sheet


def _trimmed(cells: list[RawCell]) -> list[RawCell]:
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]


# Keeping a read sheet as JSON


_ENCODERS: dict[type, tuple[str, Callable[[Any], Any]]] = {
    datetime: ("dt", lambda v: v.isoformat()),
    date: ("d", lambda v: v.isoformat()),
    time: ("t", lambda v: v.isoformat()),
    timedelta: ("td", lambda v: v.total_seconds()),
    Decimal: ("dec", str),
}
_DECODERS: dict[str, Callable[[Any], Any]] = {
    "dt": datetime.fromisoformat,
    "d": date.fromisoformat,
    "t": time.fromisoformat,
    "td": lambda v: timedelta(seconds=v),
    "dec": Decimal,
}


def _cell_data(cell: RawCell) -> list[Any]:
    value = cell.value
    encoder = _ENCODERS.get(type(value))
    if encoder is not None:
        return [encoder[0], encoder[1](value), cell.number_format]
    if value is not None and not isinstance(value, bool | int | float | str):
        value = str(value)  # rich text and the like: what a user sees is its text
    return ["v", value, cell.number_format]


def _cell_from(data: list[Any]) -> RawCell:
    kind, value, number_format = data
    return RawCell(value if kind == "v" else _DECODERS[kind](value), str(number_format))
