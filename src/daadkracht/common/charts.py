"""What every SVG chart builds on: lengths on a linear scale, round axis steps, SVG coordinates,
how wide a label is drawn."""

import math
import unicodedata
from decimal import Decimal

Number = int | float | Decimal


def svg_number(value: float) -> str:
    """A coordinate for an SVG attribute: at most one decimal, always a decimal point."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def scale(value: Number, maximum: Number, length: float) -> float:
    """How long a bar of `value` is when `maximum` fills `length`; never negative, never longer."""
    if maximum <= 0 or value <= 0:
        return 0.0
    return min(float(value) / float(maximum), 1.0) * length


def nice_step(span: float, steps: int = 5) -> float:
    """A round step (1, 2 or 5 x 10^n) that divides `span` into about `steps` parts."""
    if span <= 0:
        return 1.0
    raw = span / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


# Advance widths in thousandths of the font size, of DejaVu Sans (the widest of the sans-serif
# fonts the pages fall back to), so that a label measured here fits in any of them.
_WIDTHS = {
    **dict.fromkeys("iljI'|", 300),
    **dict.fromkeys(" .,:;!", 330),
    **dict.fromkeys("ftr()[]/-\\", 420),
    **dict.fromkeys('sz"', 530),
    **dict.fromkeys("acekvxy?LJ", 600),
    **dict.fromkeys("0123456789€$#bdghnopqu_+=<>FPTZ", 640),
    **dict.fromkeys("ABEKRSVXY", 700),
    **dict.fromkeys("CDGHNOQU&", 790),
    **dict.fromkeys("wM", 870),
    **dict.fromkeys("m%W—…", 1000),
}
_DEFAULT_WIDTH = 700  # letters of other scripts, symbols
BOLD_FACTOR = 1.1


def text_width(text: str, font_size: float, *, bold: bool = False) -> float:
    """An upper estimate of how wide `text` is drawn in SVG user units (pixels)."""
    total = 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        total += _WIDTHS.get(char, _DEFAULT_WIDTH)
    return total / 1000 * font_size * (BOLD_FACTOR if bold else 1.0)


def fit_text(text: str, width: float, font_size: float, *, bold: bool = False) -> str:
    """`text`, shortened with an ellipsis where it would be wider than `width`."""
    if text_width(text, font_size, bold=bold) <= width:
        return text
    shortened = text
    while shortened and text_width(f"{shortened}…", font_size, bold=bold) > width:
        shortened = shortened[:-1]
    return f"{shortened.rstrip()}…" if shortened else ""
