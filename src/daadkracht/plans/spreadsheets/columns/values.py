"""Columns of one typed value: text, a date, an amount, a percentage, a timestamp."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.dates import is_plausible
from daadkracht.common.numbers import parse_amount
from daadkracht.common.sheets import RawCell
from daadkracht.plans.spreadsheets.cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    KEEP,
    CellError,
    parse_date,
    parse_number,
)
from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.records import ActionRecord, Lookups


@dataclass(frozen=True, kw_only=True)
class TextColumn(Column):
    max_length: int | None = None
    is_text: ClassVar[bool] = True

    def current(self, record: ActionRecord) -> Any:
        return getattr(record.action, self.key) or ""

    def parse(self, raw: RawCell, lookups: Lookups) -> str:
        text = raw.text
        if self.max_length and len(text) > self.max_length:
            raise CellError(
                _("Row %(row)s: “%(column)s” is %(length)s characters long; at most %(max)s fit."),
                column=self.header,
                length=len(text),
                max=self.max_length,
            )
        return text


# A year alone ("2027", as plans often give a deadline) is read as its first or last day.
YEARS_READ = range(1990, 2101)


@dataclass(frozen=True, kw_only=True)
class DateColumn(Column):
    number_format: str | None = DATE_FORMAT
    year_ends: bool = False  # a year alone means its last day (a deadline), else its first

    def _year(self, raw: RawCell) -> date | None:
        value = raw.value
        if isinstance(value, int) and not isinstance(value, bool):
            year = value
        elif raw.text.isdigit() and len(raw.text) == 4:
            year = int(raw.text)
        else:
            return None
        if year not in YEARS_READ:
            return None
        return date(year, 12, 31) if self.year_ends else date(year, 1, 1)

    def parse(self, raw: RawCell, lookups: Lookups) -> date | None:
        if (year := self._year(raw)) is not None:
            return year
        try:
            value = parse_date(raw)
        except ValueError:
            raise CellError(
                _(
                    "Row %(row)s: “%(value)s” in “%(column)s” is not a date;"
                    " write it as dd/mm/yyyy, for example 31/12/2030."
                ),
                value=raw.text,
                column=self.header,
            ) from None
        if value is not None and not is_plausible(value):
            raise CellError(
                _(
                    "Row %(row)s: the date “%(value)s” in “%(column)s” lies before 1900 or"
                    " after 2100."
                ),
                value=raw.text,
                column=self.header,
            )
        return value


NOTE_LENGTH = 200


@dataclass(frozen=True, kw_only=True)
class DecimalColumn(Column):
    """An amount or quantity, never negative.

    With a `note_field`, text that is no number ("15-20 mio EUR", "Keine Angabe") is kept there
    as the source says it; the value is then the pair (number, note)."""

    max_digits: int = 14
    decimal_places: int = 2
    note_field: str | None = None
    # How typed text is read: a plain number, or with the units the column's figure has.
    reader: Callable[[str], Decimal | None] = parse_amount

    def current(self, record: ActionRecord) -> Any:
        number = getattr(record.action, self.key)
        if self.note_field is None:
            return number
        # A cell holds the number or the text: the text counts only where there is no number.
        return (number, "" if number is not None else getattr(record.action, self.note_field))

    def cell(self, record: ActionRecord) -> Any:
        number = getattr(record.action, self.key)
        if number is None and self.note_field:
            return getattr(record.action, self.note_field) or None
        return number

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        try:
            number = self._number(raw)
        except CellError:
            if self.note_field is None or not raw.text:
                raise
            return (None, raw.text[:NOTE_LENGTH])
        return number if self.note_field is None else (number, "")

    def display(self, value: Any, lookups: Lookups) -> str:
        if self.note_field is not None and isinstance(value, tuple):
            number, note = value
            return f"“{note}”" if note else super().display(number, lookups)
        return super().display(value, lookups)

    def _number(self, raw: RawCell) -> Decimal | None:
        try:
            number = parse_number(raw, self.reader)
        except (ValueError, InvalidOperation):
            raise CellError(
                _(
                    "Row %(row)s: “%(value)s” in “%(column)s” is not a number;"
                    " write for example 1250,50."
                ),
                value=raw.text,
                column=self.header,
            ) from None
        if number is None:
            return None
        if number < 0:
            raise CellError(_("Row %(row)s: “%(column)s” cannot be negative."), column=self.header)
        number = number.quantize(Decimal(1).scaleb(-self.decimal_places), ROUND_HALF_UP)
        if len(number.as_tuple().digits) > self.max_digits:
            raise CellError(
                _("Row %(row)s: “%(value)s” in “%(column)s” is too large."),
                value=raw.text,
                column=self.header,
            )
        return number


@dataclass(frozen=True, kw_only=True)
class PercentColumn(Column):
    """Progress: a whole percentage; an empty cell keeps the stored progress."""

    number_format: str | None = "0"

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        try:
            number = parse_number(raw)
        except (ValueError, InvalidOperation):
            number = Decimal(-1)
        if number is None:
            return KEEP
        if "%" in raw.number_format:  # a cell formatted as a percentage holds 0.45 for 45 %
            number *= 100
        if not 0 <= number <= 100:
            raise CellError(
                _("Row %(row)s: progress “%(value)s” must be a percentage from 0 to 100."),
                value=raw.text,
            )
        return int(number.quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True, kw_only=True)
class LastUpdateColumn(Column):
    """Written by the export for information; ignored by the import."""

    importable: bool = False
    number_format: str | None = DATETIME_FORMAT

    def cell(self, record: ActionRecord) -> Any:
        value = record.action.last_update_at
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0) if value else None


@dataclass(frozen=True, kw_only=True)
class ExtraListColumn(Column):
    """Written by the export for information from what another app adds to the record
    (`register_record_extra`): a list of (name, label) pairs as "name (label); …".
    An import reads it only through the app that registers it (`extras`)."""

    importable: bool = False

    def cell(self, record: ActionRecord) -> Any:
        pairs = record.extra.get(self.key) or []
        return "; ".join(f"{name} ({label})" for name, label in pairs) or None
