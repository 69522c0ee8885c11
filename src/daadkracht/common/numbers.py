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
