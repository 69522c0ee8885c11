"""What every spreadsheet column is: its header, and how a value is written and read back."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from daadkracht.common.sheets import RawCell
from daadkracht.plans.spreadsheets.cells import CellError, suggestion
from daadkracht.plans.spreadsheets.records import ActionRecord, Lookups


def _unknown(kind: str, value: str, known: Iterable[str]) -> CellError:
    """An unknown department, status, theme… with the closest known value, if any."""
    close = suggestion(value, known)
    messages = UNKNOWN_MESSAGES[kind]
    if close:
        return CellError(str(messages[1]), value=value, suggestion=close)
    return CellError(str(messages[0]), value=value)


UNKNOWN_MESSAGES: dict[str, tuple[Promise, Promise]] = {
    "department": (
        gettext_lazy("Row %(row)s: unknown department “%(value)s”."),
        gettext_lazy(
            "Row %(row)s: unknown department “%(value)s” — did you mean “%(suggestion)s”?"
        ),
    ),
    "status": (
        gettext_lazy("Row %(row)s: unknown status “%(value)s”."),
        gettext_lazy("Row %(row)s: unknown status “%(value)s” — did you mean “%(suggestion)s”?"),
    ),
    "theme": (
        gettext_lazy("Row %(row)s: unknown theme “%(value)s”."),
        gettext_lazy("Row %(row)s: unknown theme “%(value)s” — did you mean “%(suggestion)s”?"),
    ),
    "person": (
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not the e-mail address of a member of the municipality."
        ),
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not the e-mail address of a member of the municipality"
            " — did you mean “%(suggestion)s”?"
        ),
    ),
    "value": (
        gettext_lazy("Row %(row)s: “%(value)s” is not a valid value for “%(column)s”."),
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not a valid value for “%(column)s”"
            " — did you mean “%(suggestion)s”?"
        ),
    ),
}


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column: its Dutch header, what it means, how it is written and read back."""

    key: str
    header: str
    label: Promise
    help: Promise
    example: str = ""
    width: int = 16
    required: bool = False
    importable: bool = True
    number_format: str | None = None
    is_text: ClassVar[bool] = False
    dropdown: ClassVar[bool] = False

    def current(self, record: ActionRecord) -> Any:
        """The stored value, in the form `parse` returns, for comparing."""
        return getattr(record.action, self.key)

    def cell(self, record: ActionRecord) -> Any:
        """The value written to a spreadsheet cell (text, number, date or None)."""
        value = self.current(record)
        return None if value in (None, "") else value

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        return raw.text

    def display(self, value: Any, lookups: Lookups) -> str:
        """The value as shown in the import preview."""
        if value is None or value == "" or value == ():
            return "—"
        if isinstance(value, date | Decimal | int):
            return str(formats.localize(value))
        return str(value)

    def allowed(self, lookups: Lookups) -> list[str]:
        """The allowed values, for the template's explanation and its dropdowns."""
        return []

    def error(self, kind: str, value: str, known: Iterable[str]) -> CellError:
        error = _unknown(kind, value, known)
        error.params["column"] = self.header
        return error
