"""Geometry for the dashboard's server-rendered SVG charts: numbers in, coordinates out.

Coordinates are returned as strings with a decimal point, so that templates can put them in
SVG attributes without the page's number localisation turning 12.5 into "12,5". The text
alternative of each chart (a table, or the numbers in words) lives in the template.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from daadkracht.common.charts import Number, scale, svg_number

# One viewBox width for every chart; the stylesheet scales the SVG to its column.
CHART_WIDTH = 480
LABEL_HEIGHT = 22  # room for a label line above each bar (or group of bars)
VALUE_SPACE = 100  # room right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number
    colour: str
    x: str
    y: str
    width: str
    height: str
    label_y: str
    value_x: str
    value_y: str


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, each with its label on the line above it and its value after it."""

    width: int
    height: int
    bars: list[Bar]


def bar_chart(
    items: Sequence[tuple[str, Number, str]],
    *,
    maximum: Number | None = None,
    bar_height: int = 14,
    gap: int = 10,
) -> BarChart:
    """Bars for (label, value, colour) items; `maximum` fills the width (default: the largest)."""
    top = max((value for _, value, _ in items), default=0)
    full = maximum if maximum is not None else top
    length = CHART_WIDTH - VALUE_SPACE
    bars = []
    y = 0
    for label, value, colour in items:
        bar_y = y + LABEL_HEIGHT
        width = scale(value, full, length)
        bars.append(
            Bar(
                label=label,
                value=value,
                colour=colour,
                x="0",
                y=svg_number(bar_y),
                width=svg_number(width),
                height=str(bar_height),
                label_y=svg_number(y + LABEL_HEIGHT - 5),
                value_x=svg_number(width + 6),
                value_y=svg_number(bar_y + bar_height - 3),
            )
        )
        y = bar_y + bar_height + gap
    return BarChart(width=CHART_WIDTH, height=max(y - gap, 1), bars=bars)


@dataclass(frozen=True)
class GroupedBar:
    series: int
    value: Number
    colour: str
    y: str
    width: str
    height: str
    value_x: str
    value_y: str


@dataclass(frozen=True)
class BarGroup:
    label: str
    label_y: str
    bars: list[GroupedBar]


@dataclass(frozen=True)
class GroupedBarChart:
    """Per group a label and one thin bar per series (e.g. planned, committed, spent)."""

    width: int
    height: int
    groups: list[BarGroup]


def grouped_bar_chart(
    groups: Sequence[tuple[str, Sequence[Number]]],
    *,
    colours: Sequence[str],
    bar_height: int = 11,
    bar_gap: int = 2,
    group_gap: int = 12,
) -> GroupedBarChart:
    """Bars for (label, values per series) groups, all on one scale (the largest value)."""
    top = max((value for _, values in groups for value in values), default=0)
    length = CHART_WIDTH - VALUE_SPACE
    result = []
    y = 0
    for label, values in groups:
        bars = []
        bar_y = y + LABEL_HEIGHT
        for series, value in enumerate(values):
            width = scale(value, top, length)
            bars.append(
                GroupedBar(
                    series=series,
                    value=value,
                    colour=colours[series % len(colours)],
                    y=svg_number(bar_y),
                    width=svg_number(width),
                    height=str(bar_height),
                    value_x=svg_number(width + 6),
                    value_y=svg_number(bar_y + bar_height - 1),
                )
            )
            bar_y += bar_height + bar_gap
        result.append(BarGroup(label=label, label_y=svg_number(y + LABEL_HEIGHT - 5), bars=bars))
        y = bar_y - bar_gap + group_gap
    return GroupedBarChart(width=CHART_WIDTH, height=max(y - group_gap, 1), groups=result)


@dataclass(frozen=True)
class Segment:
    key: str
    value: Number
    colour: str
    x: str
    width: str


@dataclass(frozen=True)
class StackedBar:
    """One bar split into segments, with an optional marker (e.g. the target) across it."""

    width: int
    height: int
    bar_y: str
    bar_height: str
    segments: list[Segment]
    marker_x: str | None
    scale_end: float


def stacked_bar(
    segments: Sequence[tuple[str, Number, str]],
    *,
    marker: Number | None = None,
    bar_height: int = 28,
    margin: int = 20,
) -> StackedBar:
    """Segments laid end to end; the scale fits both their sum and the marker."""
    total = sum(float(value) for _, value, _ in segments if value > 0)
    end = max(total, float(marker or 0))
    length = CHART_WIDTH - 2 * margin
    x = float(margin)
    result = []
    for key, value, colour in segments:
        width = scale(value, end, length)
        result.append(
            Segment(key=key, value=value, colour=colour, x=svg_number(x), width=svg_number(width))
        )
        x += width
    marker_x = None
    if marker is not None and end > 0:
        marker_x = svg_number(margin + scale(marker, end, length))
    return StackedBar(
        width=CHART_WIDTH,
        height=bar_height + 2 * margin,
        bar_y=str(margin),
        bar_height=str(bar_height),
        segments=result,
        marker_x=marker_x,
        scale_end=end,
    )
