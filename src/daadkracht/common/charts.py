"""What every SVG chart builds on: lengths on a linear scale, round axis steps, SVG coordinates."""

import math
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
