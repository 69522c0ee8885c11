"""Numbers as people type them (1.250,5 or 1250.5, with €) and as each language writes them."""

import re
from decimal import Decimal

from django.utils import formats
from django.utils.translation import pgettext

_NOISE = re.compile(r"[\s\u00a0\u202f€%]")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_BELGIAN_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(,\d{3})+$")


def parse_amount(text: str, *, decimal_mark: str = ",") -> Decimal | None:
    """The number in `text`, None for empty text; raises ValueError for anything else.

    `decimal_mark` settles the one ambiguous case, a single separator before three digits:
    "1.250" is 1250 and "1,250" is 1.25 where the decimal mark is a comma (Dutch, French), and
    the other way round where it is a point (English).
    """
    text = _NOISE.sub("", text)
    if not text:
        return None
    negative = text.startswith("-")
    text = text.lstrip("-+")
    if "," in text and "." in text:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if mark == "," else ","
        text = text.replace(thousands, "").replace(mark, ".")
    elif "," in text:
        if text.count(",") > 1 or (decimal_mark == "." and _COMMA_THOUSANDS.match(text)):
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    elif _BELGIAN_THOUSANDS.match(text) and (decimal_mark != "." or text.count(".") > 1):
        text = text.replace(".", "")
    if not _PLAIN.match(text):
        raise ValueError(text)
    number = Decimal(text)
    return -number if negative else number


# Words that scale a number, as budgets and estimates are written in Dutch, French, English and
# German lists ("€ 1,2 mio", "2 Millionen", "500k").
_SCALES: dict[str, int] = {
    "k": 1_000,
    "duizend": 1_000,
    "mille": 1_000,
    "tausend": 1_000,
    "thousand": 1_000,
    "mio": 1_000_000,
    "mln": 1_000_000,
    "miljoen": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "millionen": 1_000_000,
    "mrd": 1_000_000_000,
    "miljard": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
    "milliarden": 1_000_000_000,
    "billion": 1_000_000_000,
}
_NUMBER = r"(?P<number>[-+]?\d[\d.,\s\u00a0\u202f]*)"
_SCALE = r"(?:\s*(?P<scale>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\.?)?"
_EURO = r"(?:€|eur|euro|euros)"
_MONEY = re.compile(rf"^(?:{_EURO}\s*)?{_NUMBER}{_SCALE}(?:\s*{_EURO})?$", re.IGNORECASE)
_TONNES = re.compile(
    rf"^{_NUMBER}\s*(?P<unit>kt|t|ton|tons|tonnes|tonnen)?\.?"
    r"(?:\s*co[2₂](?:\s*-?\s*(?:eq|e|äq|equivalent|equivalents)\.?)?)?"
    r"(?:\s*(?:/|per|pro|par)\s*(?:y|yr|year|jaar|j|a|jahr|an|annum)\.?|\s*p\.\s*a\.)?$",
    re.IGNORECASE,
)


def _scaled(match: re.Match[str] | None, scale: int) -> Decimal:
    if match is None or (number := parse_amount(match["number"].strip())) is None:
        raise ValueError("not a single number")
    return number * scale


def read_money(text: str) -> Decimal | None:
    """An amount in euro as lists write it: "1.250.000", "€ 1,2 mio", "2 Millionen EUR".

    None for empty text; raises ValueError for anything else, ranges ("15-20 mio EUR") included:
    a range is no single amount."""
    text = text.strip()
    if not text:
        return None
    match = _MONEY.match(text)
    scale = _SCALES[match["scale"].casefold()] if match and match["scale"] else 1
    return _scaled(match, scale)


def read_tonnes(text: str) -> Decimal | None:
    """Tonnes of CO2 a year as lists write them: "1.150 t CO2-eq/y", "12,5 ton CO2 per jaar".

    None for empty text; raises ValueError for anything else ("A few 100 t", ranges)."""
    text = text.strip()
    if not text:
        return None
    match = _TONNES.match(text)
    scale = 1000 if match and (match["unit"] or "").casefold() == "kt" else 1
    return _scaled(match, scale)


def reads_as_number(text: str) -> bool:
    """Whether any of the readers above reads `text` as a number."""
    for reader in (parse_amount, read_money, read_tonnes):
        try:
            if reader(text) is not None:
                return True
        except (ValueError, ArithmeticError):
            continue
    return False


def format_number(value: Decimal | float | int, places: int = 0) -> str:
    """`value` with `places` decimals, thousands grouped as the reader's language writes them:
    1.250.000 in Dutch, 1 250 000 in French, 1,250,000 in English."""
    return formats.number_format(value, places, use_l10n=True, force_grouping=True)


def format_euro(value: Decimal | float | int, places: int = 0) -> str:
    """An amount in euro as the reader's language writes it: € 1.250, 1 250 €, €1,250."""
    amount = format_number(-value if value < 0 else value, places)
    text = pgettext("an amount in euro", "€%(amount)s") % {"amount": amount}
    return f"-{text}" if value < 0 else text


def format_percent(value: Decimal | float | int, places: int = 0) -> str:
    """A percentage as the reader's language writes it: 45% in Dutch and English, 45 % in French."""
    number = format_number(value, places)
    return pgettext("a percentage", "%(number)s%%") % {"number": number}
