"""The timeline's geometry: one bar per action from its start date to its deadline."""

from dataclasses import dataclass
from datetime import date

from daadkracht.common.charts import fit_text, scale, text_width
from daadkracht.plans.selectors.rows import ActionListRow

# Sizes in SVG user units; the chart scales to the width of the page.
CHART_WIDTH, ROW_HEIGHT, BAR_HEIGHT, AXIS_HEIGHT = 700, 26, 14, 30
# The labels' column is as wide as the longest label needs, within these bounds; a longer label
# is shortened and its whole text given as a tooltip. LABEL_GAP: between label and chart.
MIN_LABEL_WIDTH, MAX_LABEL_WIDTH, LABEL_GAP, LABEL_PADDING = 120, 300, 8, 6
# Right of the chart: room for an overdue mark after a bar and for half the "today" label.
RIGHT_MARGIN = 40
LABEL_FONT, YEAR_FONT = 12, 12


@dataclass(frozen=True)
class TimelineItem:
    """One action on the timeline, with its coordinates in the SVG.

    It has a bar when both dates are known, a diamond (`marker_x`) when only one is, and
    neither without dates.
    """

    row: ActionListRow
    y: int
    label: str
    full_label: str
    bar_x: float | None = None
    bar_width: float | None = None
    marker_x: float | None = None

    @property
    def shortened(self) -> bool:
        return self.label != self.full_label

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
    labelled: bool = True  # when years are too narrow for their number, every other one


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
    full_labels = [f"{row.action.identifier} {row.action.title}" for row in rows]
    widest = max((text_width(label, LABEL_FONT) for label in full_labels), default=0.0)
    label_width = round(
        min(max(widest + LABEL_GAP + LABEL_PADDING, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH)
    )
    first = date(start_year, 1, 1)
    after_last = date(max(end_year, start_year) + 1, 1, 1)
    span = (after_last - first).days

    def x(day: date) -> float:
        # Dates outside the plan period are drawn at its edge.
        return round(label_width + scale((day - first).days, span, CHART_WIDTH), 1)

    items = []
    for index, (row, full_label) in enumerate(zip(rows, full_labels, strict=True)):
        action = row.action
        y = AXIS_HEIGHT + index * ROW_HEIGHT
        label = fit_text(full_label, label_width - LABEL_GAP - LABEL_PADDING, LABEL_FONT)
        start, end = action.start_date, action.deadline
        if start and end:
            low, high = min(start, end), max(start, end)
            bar_x = x(low)
            width = max(round(x(high) - bar_x, 1), 3.0)
            items.append(TimelineItem(row, y, label, full_label, bar_x=bar_x, bar_width=width))
        elif start or end:
            day = start or end
            assert day is not None
            items.append(TimelineItem(row, y, label, full_label, marker_x=x(day)))
        else:
            items.append(TimelineItem(row, y, label, full_label))
    year_width = CHART_WIDTH / max(after_last.year - first.year, 1)
    every = 1 if year_width >= text_width("0000", YEAR_FONT, bold=True) + 6 else 2
    years = [
        TimelineYear(
            year=year,
            x=x(date(year, 1, 1)),
            label_x=round((x(date(year, 1, 1)) + x(date(year + 1, 1, 1))) / 2, 1),
            labelled=(year - first.year) % every == 0,
        )
        for year in range(first.year, after_last.year)
    ]
    return TimelineChart(
        width=label_width + CHART_WIDTH + RIGHT_MARGIN,
        height=AXIS_HEIGHT + max(len(rows), 1) * ROW_HEIGHT + 4,
        chart_x=label_width,
        chart_right=label_width + CHART_WIDTH,
        axis_y=AXIS_HEIGHT,
        row_height=ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
        years=years,
        today_x=x(today) if first <= today < after_last else None,
        items=items,
    )
