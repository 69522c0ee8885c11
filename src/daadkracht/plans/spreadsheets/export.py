"""The actions as a sheet in the columns of `columns`, for an XLSX or CSV download."""

from collections.abc import Iterable
from typing import Any

from django.utils import timezone, translation

from daadkracht.common.exporting import Column as SheetColumn
from daadkracht.common.exporting import Sheet
from daadkracht.plans.spreadsheets.columns import COLUMNS, Column
from daadkracht.plans.spreadsheets.records import ActionRecord

SHEET_TITLE = "Acties"


def spreadsheet_action_rows(
    records: Iterable[ActionRecord], columns: list[Column] = COLUMNS
) -> list[list[Any]]:
    """One list of cell values per action; list values are written in Dutch, as the headers."""
    with translation.override("nl"):
        return [[column.cell(record) for column in columns] for record in records]


def actions_sheet(rows: Iterable[list[Any]], columns: list[Column] = COLUMNS) -> Sheet:
    """The sheet an import reads back: Dutch headers, and in CSV the Belgian way of writing
    dates and amounts."""
    return Sheet(
        title=SHEET_TITLE,
        columns=[
            SheetColumn(column.header, width=column.width, number_format=column.number_format)
            for column in columns
        ],
        rows=rows,
        belgian_formats=True,
    )


def export_filename(slug: str) -> str:
    return f"acties-{slug}-{timezone.localdate():%Y-%m-%d}"
