"""The marginal abatement cost curve's geometry: bars as wide as their CO2, as high as cost.

Every label is laid out here, measured with `text_width`, so that it stays inside the chart:
the left margin is as wide as the longest cost on the axis, the right one as half the last
number under it, and a label that does not fit where it belongs moves or is left out (the
table below the chart has every value).
"""

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from daadkracht.common.charts import fit_text, nice_step, text_width
from daadkracht.common.numbers import format_euro, format_number
from daadkracht.prioritisation.selectors.mac_curve import MacBar, MacCurve

WIDTH, PLOT_HEIGHT, TOP = 760, 300, 36
FONT, BAR_FONT = 12, 11
TICK_GAP = 8  # between an axis and its numbers
# A bar stays visible however little CO2 it avoids or however cheap it is.
MIN_BAR_WIDTH, MIN_BAR_HEIGHT = 3.0, 3.0
TARGET_ZOOM_LIMIT = 3


@dataclass(frozen=True)
class ChartText:
    """A label of the chart where it is drawn; `anchor` is SVG's text-anchor."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    size: int = FONT
    bold: bool = False
    kind: str = ""

    @property
    def weight(self) -> str:
        return "700" if self.bold else "400"


@dataclass(frozen=True)
class Tick:
    value: float
    position: float
    label: ChartText | None = None


@dataclass(frozen=True)
class BarShape:
    x: float
    y: float
    width: float
    height: float
    within_target: bool
    name: str  # what a screen reader announces for the bar's link
    label: ChartText | None = None

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def show_label(self) -> bool:
        return self.label is not None


@dataclass
class MacChart:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    bars: list[tuple[Any, BarShape]]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    target_x: float | None
    zero_y: float
    target_beyond: bool = False
    texts: list[ChartText] = field(default_factory=list)

    @property
    def bottom(self) -> int:
        return self.top + self.plot_height

    @property
    def right(self) -> int:
        return self.left + self.plot_width


def _display_widths(co2: list[float], rest: float, plot_width: float) -> tuple[float, list[float]]:
    """Units per t CO2/yr and each bar's width, so that narrow bars get MIN_BAR_WIDTH and the
    others share the rest of `plot_width` in proportion; `rest` (t CO2/yr) follows the bars."""
    minimum = min(MIN_BAR_WIDTH, plot_width / (2 * max(len(co2), 1)))
    unit = plot_width / ((sum(co2) + rest) or 1.0)
    for _round in range(len(co2) + 1):
        narrow = [value for value in co2 if value * unit < minimum]
        wide = sum(co2) - sum(narrow) + rest
        if wide <= 0:
            break
        new_unit = (plot_width - len(narrow) * minimum) / wide
        if math.isclose(new_unit, unit):
            break
        unit = new_unit
    return unit, [max(value * unit, minimum) for value in co2]


def _target_label(text: str, target_x: float, left: float, right: float, y: float) -> ChartText:
    """Left of the target line where there is room, else right of it, else against the edge."""
    width = text_width(text, FONT, bold=True)
    if target_x - 6 - width >= left:
        return ChartText(target_x - 6, y, text, "end", bold=True, kind="target")
    if target_x + 6 + width <= right:
        return ChartText(target_x + 6, y, text, "start", bold=True, kind="target")
    return ChartText(
        right, y, fit_text(text, right - left, FONT, bold=True), "end", bold=True, kind="target"
    )


def _bar_name(bar: MacBar) -> str:
    return _("%(action)s: %(co2)s t CO2/yr, %(cost)s per t CO2/yr") % {
        "action": f"{bar.action.identifier} {bar.action.title}",
        "co2": format_number(bar.co2, 0 if bar.co2 == bar.co2.to_integral_value() else 1),
        "cost": format_euro(bar.cost_per_tonne),
    }


def mac_chart(curve: MacCurve) -> MacChart:
    # A target far beyond what the actions reach would squeeze every bar into a sliver:
    # then the chart keeps to the actions and points at the target beyond its edge.
    # Without baseline emissions there is no target: no line, and no bar lies beyond it.
    total = float(curve.total)
    target = float(curve.target_reduction or 0)
    target_on_chart = 0 < target <= total * TARGET_ZOOM_LIMIT
    x_max_raw = (max(total, target) if target_on_chart else total) * 1.05 or 1.0
    x_step = nice_step(x_max_raw)
    x_max = math.ceil(x_max_raw / x_step) * x_step

    # Costs: from zero up, or below zero too for an action that saves money.
    costs = [float(bar.cost_per_tonne) for bar in curve.bars]
    low, high = min([0.0, *costs]), max([0.0, *costs])
    y_step = nice_step((high - low) or 1.0)
    y_min = math.floor(low / y_step) * y_step
    y_max = max(math.ceil(high / y_step) * y_step, y_min + y_step)
    y_values = [y_min + i * y_step for i in range(round((y_max - y_min) / y_step) + 1)]
    y_labels = [format_euro(value) for value in y_values]
    x_values = [i * x_step for i in range(round(x_max / x_step) + 1)]
    x_labels = [format_number(value) for value in x_values]

    left = math.ceil(max(text_width(label, FONT) for label in y_labels) + TICK_GAP + 4)
    right_margin = math.ceil(max(16.0, text_width(x_labels[-1], FONT) / 2 + 4))
    plot_width = WIDTH - left - right_margin
    top, plot_height = TOP, PLOT_HEIGHT
    bottom = top + plot_height

    unit, widths = _display_widths(
        [float(bar.co2) for bar in curve.bars], x_max - total, plot_width
    )
    # Bar edges in t CO2/yr and in chart units, to place any value between them.
    value_edges, x_edges = [0.0], [float(left)]
    for bar, width in zip(curve.bars, widths, strict=True):
        value_edges.append(float(bar.end))
        x_edges.append(x_edges[-1] + width)

    def x_at(value: float) -> float:
        if value >= value_edges[-1]:
            return round(x_edges[-1] + (value - value_edges[-1]) * unit, 2)
        i = max(bisect_right(value_edges, value) - 1, 0)
        span = value_edges[i + 1] - value_edges[i]
        share = (value - value_edges[i]) / span if span else 0.0
        return round(x_edges[i] + share * (x_edges[i + 1] - x_edges[i]), 2)

    def y_at(value: float) -> float:
        return round(top + plot_height * (y_max - value) / (y_max - y_min), 2)

    zero_y = y_at(0.0)
    bars = []
    for bar, x, width in zip(curve.bars, x_edges[:-1], widths, strict=True):
        cost = float(bar.cost_per_tonne)
        height = max(abs(zero_y - y_at(cost)), MIN_BAR_HEIGHT)
        y = zero_y - height if cost >= 0 else zero_y
        identifier = bar.action.identifier
        label = None
        label_y = y - 4 if cost >= 0 else y + height + BAR_FONT + 2
        if text_width(identifier, BAR_FONT, bold=True) + 4 <= width and label_y <= bottom - 2:
            label = ChartText(
                x + width / 2, round(label_y, 2), identifier, "middle", BAR_FONT, True, "bar"
            )
        bars.append(
            (
                bar,
                BarShape(
                    x=round(x, 2),
                    y=round(y, 2),
                    width=round(width, 2),
                    height=round(height, 2),
                    within_target=curve.target_reduction is None
                    or bar.start < curve.target_reduction,
                    name=_bar_name(bar),
                    label=label,
                ),
            )
        )

    y_ticks = [
        Tick(value, y_at(value), ChartText(left - TICK_GAP, y_at(value) + 4, text, "end", kind="y"))
        for value, text in zip(y_values, y_labels, strict=True)
    ]
    x_ticks = []
    last_end = -math.inf
    for value, text in zip(x_values, x_labels, strict=True):
        position = x_at(value)
        half = text_width(text, FONT) / 2
        shown = position - half >= last_end + 6
        if shown:
            last_end = position + half
        label = ChartText(position, bottom + 20, text, "middle", kind="x") if shown else None
        x_ticks.append(Tick(value, position, label))

    right = left + plot_width
    texts = [
        ChartText(4, 14, fit_text(_("€ per t CO2/yr"), WIDTH - 8, FONT), bold=True, kind="axis"),
        ChartText(
            left,
            bottom + 44,
            fit_text(_("Cumulative CO2 reduction (t CO2 per year)"), WIDTH - left - 4, FONT),
            kind="axis",
        ),
    ]
    target_x = x_at(target) if target_on_chart else None
    target_text = format_number(curve.target_reduction or 0)
    if target_x is not None:
        texts.append(
            _target_label(
                _("target: %(target)s t/yr") % {"target": target_text},
                target_x,
                left,
                right,
                top + 12,
            )
        )
    elif target > 0:
        beyond = _("target: %(target)s t/yr, far beyond this scale →") % {"target": target_text}
        texts.append(
            ChartText(
                right,
                top + 12,
                fit_text(beyond, plot_width, FONT, bold=True),
                "end",
                bold=True,
                kind="target",
            )
        )
    return MacChart(
        width=WIDTH,
        height=bottom + 56,
        left=left,
        top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        bars=bars,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        target_x=target_x,
        zero_y=zero_y,
        target_beyond=target > 0 and not target_on_chart,
        texts=texts,
    )
