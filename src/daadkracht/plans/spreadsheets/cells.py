"""Reading single cells (typed Excel values, or text typed the Belgian way) and lists in a cell."""

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

from django.conf import settings
from django.db import models
from django.utils import translation
from openpyxl.utils.datetime import from_excel

from daadkracht.common.numbers import parse_amount
from daadkracht.common.sheets import RawCell


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()
"""An empty cell of a field that cannot be empty: keep the stored value (or the default)."""

LIST_SEPARATOR = ";"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


class CellError(Exception):
    """A value that cannot be read; `message` is a translated text with %(row)s placeholders."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def format(self, row: int) -> str:
        return self.message % {"row": row, **self.params}


def normalise(text: str) -> str:
    """For matching: case and runs of spaces do not matter."""
    return " ".join(str(text).casefold().split())


def suggestion(value: str, candidates: Iterable[str]) -> str | None:
    """The closest known value to a misspelt one, or None when nothing comes close."""
    by_key = {normalise(c): c for c in candidates}
    close = difflib.get_close_matches(normalise(value), list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def join_list(parts: Iterable[str]) -> str:
    """Several values in one cell, as the export writes them and `split_list` reads them."""
    return f"{LIST_SEPARATOR} ".join(parts)


def choice_labels(choices: type[models.TextChoices]) -> Mapping[str, str]:
    """Code → label in the active language."""
    return _choice_labels(choices, translation.get_language())


# An export asks for the same labels in every row: translate them once per language.
@functools.cache
def _choice_labels(choices: type[models.TextChoices], language: str | None) -> Mapping[str, str]:
    with translation.override(language):
        return MappingProxyType({str(value): str(label) for value, label in choices.choices})


def choice_lookup(choices: type[models.TextChoices]) -> dict[str, str]:
    """Every accepted spelling → code: the code itself and the label in every language."""
    lookup: dict[str, str] = {}
    languages = [translation.get_language() or settings.LANGUAGE_CODE] + [
        code for code, _name in settings.LANGUAGES
    ]
    for language in languages:
        with translation.override(language):
            for value, label in choices.choices:
                lookup.setdefault(normalise(str(label)), str(value))
    for value in choices.values:
        lookup.setdefault(normalise(value), value)
        lookup.setdefault(normalise(value.replace("_", " ")), value)
    return lookup


DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T].*)?$")
DATE_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")

EXCEL_LAST_DAY = 2958466  # Excel's day number of 1 January 10000


def parse_date(raw: RawCell) -> date | None:
    """A date from Excel, or typed as dd/mm/yyyy (also with - or .) or yyyy-mm-dd.

    Raises ValueError for anything else, and for days that do not exist."""
    value = raw.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < EXCEL_LAST_DAY:
            raise ValueError
        return from_excel(value).date()
    text = raw.text
    if not text:
        return None
    if match := DATE_DMY.match(text):
        return date(int(match[3]), int(match[2]), int(match[1]))
    if match := DATE_YMD.match(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    raise ValueError


def parse_number(
    raw: RawCell, reader: Callable[[str], Decimal | None] = parse_amount
) -> Decimal | None:
    """A number from Excel, or typed the Belgian way (1.250,5) or the English way (1250.5).

    `reader` reads typed text: plain numbers by default, or with units ("€ 1,2 mio")."""
    value = raw.value
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    return reader(raw.text)
