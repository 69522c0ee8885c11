"""The round results' box plots: each spread of scores drawn on a fixed-width axis."""

from dataclasses import dataclass
from typing import Any

from daadkracht.common.charts import scale
from daadkracht.prioritisation.selectors.rounds import RoundResults, Spread
from daadkracht.prioritisation.selectors.scores import MAX_SCORE


@dataclass(frozen=True)
class Box:
    """A box plot drawn on a 0-`BOX_WIDTH` axis."""

    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float

    @property
    def box_width(self) -> float:
        return round(max(self.q3 - self.q1, 2.0), 1)

    @property
    def box_x(self) -> float:
        """Where the box starts: a box narrower than 2 units is centred, so it stays visible."""
        return round(self.q1 - (self.box_width - (self.q3 - self.q1)) / 2, 1)


BOX_WIDTH = 300


def position(value: float, scale_max: float) -> float:
    """Where `value` stands on an axis from 0 to `scale_max` that is BOX_WIDTH long."""
    return round(scale(value, scale_max, BOX_WIDTH), 1)


def box(values: Spread | None, scale_max: float) -> Box | None:
    if values is None:
        return None
    return Box(
        *(
            position(value, scale_max)
            for value in (values.minimum, values.q1, values.median, values.q3, values.maximum)
        )
    )


def axis(ticks: range, scale_max: float) -> list[tuple[int, float]]:
    """The axis labels: each tick with its position."""
    return [(tick, position(tick, scale_max)) for tick in ticks]


ROW_HEIGHT = 26


def result_rows(results: RoundResults) -> list[dict[str, Any]]:
    return [
        {
            "result": result,
            "box": box(result.overall, 100),
            "criteria": [
                (c, box(c.spread, MAX_SCORE), 8 + n * ROW_HEIGHT)
                for n, c in enumerate(result.criteria)
            ],
            "criteria_height": 8 + len(result.criteria) * ROW_HEIGHT + 24,
        }
        for result in results.actions
    ]
