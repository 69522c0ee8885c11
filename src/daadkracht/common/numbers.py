"""Numbers as people type them: the Belgian way (1.250,5), the English way (1250.5), with €."""

import re
from decimal import Decimal

_NOISE = re.compile(r"[\s\u00a0\u202f€%]")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_BELGIAN_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")


def parse_amount(text: str) -> Decimal | None:
    """The number in `text`, None for empty text; raises ValueError for anything else."""
    text = _NOISE.sub("", text)
    if not text:
        return None
    negative = text.startswith("-")
    text = text.lstrip("-+")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    elif _BELGIAN_THOUSANDS.match(text):
        text = text.replace(".", "")
    if not _PLAIN.match(text):
        raise ValueError(text)
    number = Decimal(text)
    return -number if negative else number
