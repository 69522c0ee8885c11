"""The dates the product accepts: from 1900 to 2100, so that every date can be shown and exported.

A start date in the year 1 is a typing error, not a plan; and such dates break the round trip
through a spreadsheet, which cannot hold dates before 1900.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

OUT_OF_RANGE = _("Give a date between 1900 and 2100.")


def is_plausible(value: date) -> bool:
    return EARLIEST <= value <= LATEST


def validate_plausible_date(value: date | None) -> None:
    """A model and form field validator."""
    if value is not None and not is_plausible(value):
        raise ValidationError(OUT_OF_RANGE, code="date_out_of_range")
