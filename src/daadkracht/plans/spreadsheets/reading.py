"""Matching the columns of an uploaded sheet to the fields of an action."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.utils import get_column_letter

from daadkracht.common.sheets import RawCell, Sheet, SheetError, read_sheet
from daadkracht.plans.spreadsheets.cells import normalise, suggestion
from daadkracht.plans.spreadsheets.columns import (
    COLUMNS,
    COLUMNS_BY_KEY,
    REQUIRED_COLUMNS,
    Column,
    header_lookup,
)
from daadkracht.plans.spreadsheets.export import SHEET_TITLE
from daadkracht.plans.spreadsheets.mapping import below_header


@dataclass
class Table:
    """The file's rows, with the column each file column stands for (None: ignored)."""

    columns: list[Column | None]
    rows: list[tuple[int, list[RawCell]]]

    @property
    def present(self) -> list[Column]:
        return [c for c in self.columns if c is not None and c.importable]


def read_actions_sheet(data: bytes, filename: str) -> Sheet:
    """The actions sheet of an upload (the template's, else the first); raises SheetError."""
    return read_sheet(data, filename, preferred_title=SHEET_TITLE)


def table_of(sheet: Sheet) -> Table:
    """The sheet's columns matched to action fields; raises SheetError with every problem."""
    headers = sheet.headers
    width = len(headers)
    for number, cells in sheet.rows:
        extra = [i for i, cell in enumerate(cells) if i >= width and cell.text]
        if extra:
            raise SheetError(
                _("Row %(row)s has a value in column %(letter)s, which has no name in row 1.")
                % {"row": number, "letter": get_column_letter(extra[0] + 1)}
            )
    rows = [(number, _pad(cells[:width], width)) for number, cells in sheet.rows]
    return _table(headers, rows)


def _pad(cells: list[RawCell], width: int) -> list[RawCell]:
    return cells + [RawCell(None)] * (width - len(cells))


def _table(headers: list[str], rows: list[tuple[int, list[RawCell]]]) -> Table:
    if not headers:
        raise SheetError(_("The first row of the file should hold the column names."))
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
        raise SheetError(*problems)
    data_rows = [(n, cells) for n, cells in rows if any(cell.text for cell in cells)]
    if not data_rows:
        raise SheetError(_("The file has no actions below the row of column names."))
    return Table(columns, data_rows)


def mapped_table(sheet: Sheet, header_row: int, keys: Sequence[str | None]) -> Table:
    """The sheet below `header_row`, its columns taken as the fields the user chose (`keys`).

    Columns without a field are ignored, values and all; raises SheetError when a field is
    chosen twice or the title has no column."""
    headers, rows = below_header(sheet, header_row)
    width = max([len(headers), *(len(cells) for _n, cells in rows)], default=0)
    chosen = list(keys)[:width] + [None] * (width - len(keys))
    problems = []
    seen: dict[str, int] = {}
    for index, key in enumerate(chosen):
        if key is None:
            continue
        if key not in COLUMNS_BY_KEY or not COLUMNS_BY_KEY[key].importable:
            raise SheetError(_("Choose a field of an action for every column, or ignore it."))
        if key in seen:
            problems.append(
                _("The columns %(first)s and %(second)s are both matched to “%(field)s”.")
                % {
                    "first": get_column_letter(seen[key] + 1),
                    "second": get_column_letter(index + 1),
                    "field": COLUMNS_BY_KEY[key].label,
                }
            )
        seen.setdefault(key, index)
    if "title" not in seen:
        problems.append(_("Choose the column that holds the titles of the actions."))
    if problems:
        raise SheetError(*problems)
    columns = [COLUMNS_BY_KEY[key] if key else None for key in chosen]
    data_rows = [
        (number, _pad(cells[:width], width))
        for number, cells in rows
        if any(cells[i].text for i in range(min(len(cells), width)) if chosen[i] is not None)
    ]
    if not data_rows:
        raise SheetError(_("The file has no actions below the row of column names."))
    return Table(columns, data_rows)
