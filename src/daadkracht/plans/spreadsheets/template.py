"""The import template: an empty sheet of actions, an explanation per column, and dropdowns."""

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from daadkracht.common.exporting import append_values, cell, header_cell, write_xlsx_sheet
from daadkracht.plans.models import Plan
from daadkracht.plans.spreadsheets.columns import COLUMNS, Column
from daadkracht.plans.spreadsheets.export import actions_sheet
from daadkracht.plans.spreadsheets.records import Lookups

EXPLANATION_TITLE = "Uitleg"
LISTS_TITLE = "Keuzelijsten"
TEMPLATE_COLUMNS = [column for column in COLUMNS if column.importable]
# Dropdowns and checks reach this far down the sheet.
VALIDATED_ROWS = 5000


def general_rules() -> list[str]:
    return [
        _("One row per action. Keep the column names of the first row as they are."),
        _(
            "A row whose identifier exists in the plan updates that action; other rows add new"
            " actions. Actions that are not in the file stay as they are: an import never deletes."
        ),
        _(
            "Columns you leave out are not changed. An empty cell empties the value, except for"
            " status, phase, progress, priority, visibility and mitigation or adaptation, which"
            " then stay as they are."
        ),
        _(
            "A new action without a status gets the status “unknown”, not “not started”: the"
            " dashboard counts it apart until its status is known. Whether a new action is"
            " mitigation or adaptation, when the file does not say, you choose once in the"
            " preview."
        ),
        _("Several values in one cell are separated by semicolons (;)."),
        _(
            "Dates as dd/mm/yyyy, for example 31/12/2030; amounts with a decimal comma, for"
            " example 1250,50."
        ),
        _(
            "Nothing is saved until the whole file is correct: you see a preview with every"
            " change and every error first."
        ),
    ]


def template_workbook(plan: Plan) -> Workbook:
    """The template for this plan, in Dutch, with its own departments, statuses and themes."""
    lookups = Lookups(plan)
    with translation.override("nl"):
        workbook = Workbook(write_only=True)
        actions = write_xlsx_sheet(workbook, actions_sheet([], columns=TEMPLATE_COLUMNS))
        explanation = workbook.create_sheet(EXPLANATION_TITLE)
        _write_explanation(explanation, plan, lookups)
        lists = workbook.create_sheet(LISTS_TITLE)
        lists.sheet_state = "hidden"
        _write_lists_and_dropdowns(lists, actions, lookups)
    return workbook


def _write_explanation(sheet: Any, plan: Plan, lookups: Lookups) -> None:
    widths = [30, 12, 60, 45, 24]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    title = _("Import template for actions — %(plan)s") % {"plan": plan}
    sheet.append([cell(sheet, title, font=Font(bold=True, size=14))])
    for rule in general_rules():
        append_values(sheet, [rule])
    sheet.append([])
    headers = [_("Column"), _("Required"), _("Explanation"), _("Allowed values"), _("Example")]
    sheet.append([header_cell(sheet, text) for text in headers])
    for column in TEMPLATE_COLUMNS:
        values = [
            column.header,
            _("yes") if column.required else _("no"),
            str(column.help),
            "\n".join(column.allowed(lookups)),
            column.example,
        ]
        name, *explained = values
        sheet.append(
            [
                cell(sheet, name, font=Font(bold=True), alignment=wrap),
                *(cell(sheet, value, alignment=wrap) for value in explained),
            ]
        )


def _write_lists_and_dropdowns(lists: Any, actions: Any, lookups: Lookups) -> None:
    """One column per list on a hidden sheet; the dropdowns of the action sheet point there."""
    columns: list[tuple[int, Column, list[str]]] = [
        (index, column, column.allowed(lookups))
        for index, column in enumerate(TEMPLATE_COLUMNS, start=1)
        if column.dropdown and column.allowed(lookups)
    ]
    longest = max((len(values) for _i, _c, values in columns), default=0)
    append_values(lists, [column.header for _i, column, _v in columns])
    for position in range(longest):
        append_values(
            lists,
            [values[position] if position < len(values) else None for _i, _c, values in columns],
        )
    for list_index, (index, column, values) in enumerate(columns, start=1):
        letter = get_column_letter(list_index)
        validation = DataValidation(
            type="list",
            formula1=f"{LISTS_TITLE}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=column.header,
            error=_("Choose a value from the list."),
        )
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}{VALIDATED_ROWS}")
        actions.data_validations.append(validation)
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        if column.key == "progress":
            target = get_column_letter(index)
            validation = DataValidation(
                type="whole",
                operator="between",
                formula1="0",
                formula2="100",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=column.header,
                error=_("A whole number from 0 to 100."),
            )
            validation.add(f"{target}2:{target}{VALIDATED_ROWS}")
            actions.data_validations.append(validation)
