"""A round's results as an Excel workbook (the matrix, every answer, maturity per theme and the
response) or its matrix as CSV."""

from datetime import datetime
from typing import Any

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from daadkracht.common.exporting import (
    Column,
    Sheet,
    download,
    download_name,
    workbook_download,
    write_xlsx_sheet,
)
from daadkracht.diagnosis.results import RoundAnswers, matrix, maturity, response_rate
from daadkracht.diagnosis.scales import Level


def _answered(moment: datetime | None) -> Any:
    """A local time without zone, as a spreadsheet holds it."""
    if moment is None:
        return _("not answered")
    return timezone.localtime(moment).replace(tzinfo=None)


def _matrix_sheet(answers: RoundAnswers) -> Sheet:
    grid = matrix(answers)
    return Sheet(
        _("Matrix"),
        [
            Column(_("Department (answers) → about"), 30),
            *[Column(d.name, 14) for d in grid.departments],
        ],
        [
            [
                row.department.name,
                *[None if cell.is_self else cell.level for cell in row.cells],
            ]
            for row in grid.rows
        ],
    )


def round_export(answers: RoundAnswers, fmt: str) -> FileResponse:
    """The matrix alone as CSV; in Excel the answers, maturity and response beside it. Every
    name goes through the exports' formula guard."""
    survey_round = answers.survey_round
    filename = download_name(f"{survey_round.name}-diagnosis")
    if fmt == "csv":
        return download(_matrix_sheet(answers), fmt="csv", filename=filename)
    grid = matrix(answers)
    rate = response_rate(answers)
    workbook = Workbook(write_only=True)
    write_xlsx_sheet(workbook, _matrix_sheet(answers))
    levels = dict(Level.choices)
    write_xlsx_sheet(
        workbook,
        Sheet(
            _("Answers"),
            [
                Column(_("Department"), 30),
                Column(_("About department"), 30),
                Column(_("Level"), 8),
                Column(_("Level name"), 16),
                Column(_("Answer of the other department"), 14),
                Column(_("Topic for discussion"), 12),
            ],
            [
                [
                    row.department.name,
                    cell.other.name,
                    cell.level,
                    str(levels[cell.level]),
                    answers.levels.get((cell.other.pk, row.department.pk)),
                    _("yes") if cell.discuss else "",
                ]
                for row in grid.rows
                for cell in row.cells
                if not cell.is_self and cell.level is not None
            ],
        ),
    )
    write_xlsx_sheet(
        workbook,
        Sheet(
            _("Maturity"),
            [
                Column(_("Theme"), 36),
                Column(_("Answers"), 10),
                Column(_("Average"), 10, "0.0"),
                *[Column(str(score), 6) for score in range(1, 6)],
                Column(_("Comments"), 60),
            ],
            [
                [
                    str(result.theme.name),
                    result.total,
                    result.mean,
                    *[result.counts[score] for score in range(1, 6)],
                    "\n".join(result.comments),
                ]
                for result in maturity(answers)
            ],
        ),
    )
    write_xlsx_sheet(
        workbook,
        Sheet(
            _("Response"),
            [
                Column(_("Department"), 30),
                Column(_("Representative"), 30),
                Column(_("Answered"), 20),
            ],
            [
                [
                    d.name,
                    answers.respondents[d.pk].name,
                    _answered(answers.respondents[d.pk].answered_at),
                ]
                for d in answers.departments
            ]
            + [[_("Response rate"), f"{rate.answered}/{rate.total}", f"{rate.percent}%"]],
        ),
    )
    return workbook_download(workbook, filename)
