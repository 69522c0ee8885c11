"""The marginal abatement cost curve's geometry: bars as wide as their CO2, as high as cost."""

import math
from dataclasses import dataclass
from typing import Any

from daadkracht.common.charts import nice_step, scale
from daadkracht.prioritisation.selectors.mac_curve import MacCurve


@dataclass(frozen=True)
class Tick:
    value: float
    position: float


@dataclass(frozen=True)
class BarShape:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    show_label: bool
    within_target: bool


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
    target_beyond: bool = False

    @property
    def bottom(self) -> int:
        return self.top + self.plot_height

    @property
    def right(self) -> int:
        return self.left + self.plot_width


TARGET_ZOOM_LIMIT = 3


def mac_chart(curve: MacCurve) -> MacChart:
    left, top, plot_width, plot_height = 80, 20, 660, 300
    # A target far beyond what the actions reach would squeeze every bar into a sliver:
    # then the chart keeps to the actions and points at the target beyond its edge.
    # Without baseline emissions there is no target: no line, and no bar lies beyond it.
    target = float(curve.target_reduction or 0)
    target_on_chart = 0 < target <= float(curve.total) * TARGET_ZOOM_LIMIT
    x_max_raw = max(float(curve.total), target) if target_on_chart else float(curve.total)
    x_max_raw = x_max_raw * 1.05 or 1.0
    x_step = nice_step(x_max_raw)
    x_max = math.ceil(x_max_raw / x_step) * x_step
    y_step = nice_step(float(curve.max_cost) or 1.0)
    y_max = max(math.ceil(float(curve.max_cost) / y_step), 1) * y_step

    def x_at(value: float) -> float:
        return round(left + scale(value, x_max, plot_width), 2)

    def y_at(value: float) -> float:
        return round(top + plot_height - scale(value, y_max, plot_height), 2)

    bars = []
    for bar in curve.bars:
        x, width = x_at(float(bar.start)), scale(bar.co2, x_max, plot_width)
        height = max(scale(bar.cost_per_tonne, y_max, plot_height), 1.5)
        bars.append(
            (
                bar,
                BarShape(
                    x=x,
                    y=round(top + plot_height - height, 2),
                    width=round(max(width, 0.5), 2),
                    height=round(height, 2),
                    label_x=round(x + width / 2, 2),
                    show_label=width >= 44,
                    within_target=curve.target_reduction is None
                    or bar.start < curve.target_reduction,
                ),
            )
        )
    x_ticks = [Tick(i * x_step, x_at(i * x_step)) for i in range(round(x_max / x_step) + 1)]
    y_ticks = [Tick(i * y_step, y_at(i * y_step)) for i in range(round(y_max / y_step) + 1)]
    return MacChart(
        width=left + plot_width + 20,
        height=top + plot_height + 60,
        left=left,
        top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        bars=bars,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        target_x=x_at(target) if target_on_chart else None,
        target_beyond=target > 0 and not target_on_chart,
    )
