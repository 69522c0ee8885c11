"""Columns of the action import that another app reads and writes (e.g. an action's partners).

`plans` does not know those apps: an app registers, for a column key of `columns`, a `check`
and an `apply` (see `register_import_extra`). The import recognises the column like any other;
`check` gets the column's cells with the row numbers, the user's choices and which existing
action each row updates, and answers with row errors, questions for the step where unknown
values are decided, the changes the preview shows, and what the fingerprint covers. `apply`
runs in the import's transaction after the actions are written, so that an error anywhere
writes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from daadkracht.plans.spreadsheets.cells import CellError
from daadkracht.plans.spreadsheets.reading import Table


@dataclass
class ExtraQuestion:
    """A decision the user takes once for a value the file names (for all its rows).

    The answer is kept in the import's resolutions as `[choice, name]`: `choice` is one of
    `choices`' values, followed by `:` and the chosen `detail` option when that choice has one
    (`detail_for`)."""

    key: str
    heading: str
    name: str
    rows: list[int] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)
    initial: str = ""
    help: str = ""
    detail_for: str = ""
    detail_label: str = ""
    detail_choices: list[tuple[str, str]] = field(default_factory=list)
    detail_initial: str = ""


@dataclass
class ExtraOutcome:
    """What `check` found: errors per row, open questions, changes per row (the preview's
    "now" and "after" texts), lines for the preview's summary, and the fingerprint's part."""

    errors: list[tuple[int, CellError]] = field(default_factory=list)
    questions: list[ExtraQuestion] = field(default_factory=list)
    changes: dict[int, tuple[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    fingerprint: Any = None
    # The questions whose answer among the resolutions is a valid one.
    answered: set[str] = field(default_factory=set)
    # Whatever `apply` needs, by the app that registered the column.
    state: Any = None

    def unresolved(self) -> list[ExtraQuestion]:
        return [q for q in self.questions if q.key not in self.answered]


# (cells [(row number, text)], resolutions, {row number: id of the action it updates}) → outcome
ExtraCheck = Callable[[list[tuple[int, str]], dict[str, list[str]], dict[int, int]], ExtraOutcome]
# (actor, the outcome of `check`, {row number: the action written}) → None
ExtraApply = Callable[[Any, ExtraOutcome, dict[int, Any]], None]


@dataclass(frozen=True)
class ImportExtra:
    check: ExtraCheck
    apply: ExtraApply


IMPORT_EXTRAS: dict[str, ImportExtra] = {}


def register_import_extra(key: str, check: ExtraCheck, apply: ExtraApply) -> None:
    IMPORT_EXTRAS[key] = ImportExtra(check, apply)


def extra_cells(table: Table, key: str) -> list[tuple[int, str]] | None:
    """The column's cells with their row numbers, or None when the file has no such column."""
    indexes = [i for i, column in enumerate(table.columns) if column and column.key == key]
    if not indexes:
        return None
    index = indexes[0]
    return [(number, cells[index].text) for number, cells in table.rows]


def extra_outcomes(
    table: Table, resolutions: dict[str, list[str]], existing: dict[int, int] | None = None
) -> dict[str, ExtraOutcome]:
    """Every registered column the file has, checked."""
    outcomes = {}
    for key, extra in IMPORT_EXTRAS.items():
        cells = extra_cells(table, key)
        if cells is not None:
            outcomes[key] = extra.check(cells, resolutions, existing or {})
    return outcomes


def extra_questions(
    table: Table, resolutions: dict[str, list[str]], *, open_only: bool = True
) -> list[ExtraQuestion]:
    """The questions of every registered column the file has (only the open ones by default)."""
    questions = []
    for outcome in extra_outcomes(table, resolutions).values():
        questions += outcome.unresolved() if open_only else outcome.questions
    return questions
