"""The timeline's geometry: one bar per action from its start date to its deadline."""

from dataclasses import dataclass
from datetime import date

from django.utils.text import Truncator

from daadkracht.common.charts import scale
from daadkracht.plans.selectors.rows import ActionListRow

# Sizes in SVG user units; the chart scales to the width of the page.
LABEL_WIDTH, CHART_WIDTH, ROW_HEIGHT, BAR_HEIGHT, AXIS_HEIGHT = 250, 700, 26, 14, 30


@dataclass(frozen=True)
class TimelineItem:
    """One action on the timeline, with its coordinates in the SVG.

    It has a bar when both dates are known, a diamond (`marker_x`) when only one is, and
    neither without dates.
    """

    row: ActionListRow
    y: int
    label: str
    bar_x: float | None = None
    bar_width: float | None = None
    marker_x: float | None = None

    @property
    def middle_y(self) -> int:
        return self.y + ROW_HEIGHT // 2

    @property
    def bar_y(self) -> int:
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) // 2

    @property
    def text_y(self) -> int:
        return self.y + ROW_HEIGHT // 2 + 4

    @property
    def end_x(self) -> float:
        if self.bar_x is not None and self.bar_width is not None:
            return round(self.bar_x + self.bar_width + 9, 1)
        return round((self.marker_x or 0.0) + 15, 1)


@dataclass(frozen=True)
class TimelineYear:
    year: int
    x: float
    label_x: float


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    chart_x: int
    chart_right: int
    axis_y: int
    row_height: int
    bar_height: int
    years: list[TimelineYear]
    today_x: float | None
    items: list[TimelineItem]


def timeline_chart(
    rows: list[ActionListRow], *, start_year: int, end_year: int, today: date
) -> TimelineChart:
    """Coordinates of the timeline: one bar per action from its start date to its deadline.

    The plan period runs from 1 January of the first year to 31 December of the last; dates
    outside it are drawn at its edge (the table beside the chart gives the exact dates).
    """
    first = date(start_year, 1, 1)
    after_last = date(max(end_year, start_year) + 1, 1, 1)
    span = (after_last - first).days

    def x(day: date) -> float:
        # Dates outside the plan period are drawn at its edge.
        return round(LABEL_WIDTH + scale((day - first).days, span, CHART_WIDTH), 1)

    items = []
    for index, row in enumerate(rows):
        action = row.action
        y = AXIS_HEIGHT + index * ROW_HEIGHT
        label = Truncator(f"{action.identifier} {action.title}").chars(36)
        start, end = action.start_date, action.deadline
        if start and end:
            low, high = min(start, end), max(start, end)
            bar_x = x(low)
            width = max(round(x(high) - bar_x, 1), 3.0)
            items.append(TimelineItem(row, y, label, bar_x=bar_x, bar_width=width))
        elif start or end:
            day = start or end
            assert day is not None
            items.append(TimelineItem(row, y, label, marker_x=x(day)))
        else:
            items.append(TimelineItem(row, y, label))
    years = [
        TimelineYear(
            year=year,
            x=x(date(year, 1, 1)),
            label_x=round((x(date(year, 1, 1)) + x(date(year + 1, 1, 1))) / 2, 1),
        )
        for year in range(first.year, after_last.year)
    ]
    return TimelineChart(
        width=LABEL_WIDTH + CHART_WIDTH + 30,
        height=AXIS_HEIGHT + max(len(rows), 1) * ROW_HEIGHT + 4,
        chart_x=LABEL_WIDTH,
        chart_right=LABEL_WIDTH + CHART_WIDTH,
        axis_y=AXIS_HEIGHT,
        row_height=ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
        years=years,
        today_x=x(today) if first <= today < after_last else None,
        items=items,
    )
