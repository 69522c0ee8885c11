"""Chart geometry: numbers in, SVG coordinates out."""

from decimal import Decimal

from daadkracht.dashboard.charts import (
    CHART_WIDTH,
    VALUE_SPACE,
    bar_chart,
    grouped_bar_chart,
    scale,
    stacked_bar,
    svg_number,
)

LENGTH = CHART_WIDTH - VALUE_SPACE


def test_svg_numbers_always_use_a_decimal_point():
    assert svg_number(12.25) == "12.2"
    assert svg_number(12.0) == "12"
    assert svg_number(0) == "0"
    assert svg_number(1234.56) == "1234.6"


def test_scale_never_overflows_or_goes_negative():
    assert scale(50, 100, 200) == 100
    assert scale(150, 100, 200) == 200
    assert scale(-5, 100, 200) == 0
    assert scale(5, 0, 200) == 0
    assert scale(Decimal("2.5"), Decimal(10), 100) == 25


def test_bar_chart_scales_to_the_largest_value():
    chart = bar_chart([("a", 10, "#000000"), ("b", 5, "#111111"), ("c", 0, "#222222")])

    widths = [float(bar.width) for bar in chart.bars]
    assert widths == [LENGTH, LENGTH / 2, 0]
    assert [bar.label for bar in chart.bars] == ["a", "b", "c"]
    # Bars stack downwards without overlapping.
    ys = [float(bar.y) for bar in chart.bars]
    assert ys == sorted(ys)
    assert ys[1] - ys[0] > float(chart.bars[0].height)
    assert chart.height >= ys[-1] + float(chart.bars[-1].height)


def test_bar_chart_with_a_fixed_maximum():
    chart = bar_chart([("half", 50, "#000000")], maximum=100)

    assert float(chart.bars[0].width) == LENGTH / 2
    assert float(chart.bars[0].value_x) > float(chart.bars[0].width)


def test_empty_bar_chart():
    chart = bar_chart([])

    assert chart.bars == []
    assert chart.height >= 1


def test_grouped_bars_share_one_scale():
    chart = grouped_bar_chart(
        [("all", (Decimal(100), Decimal(50), Decimal(25))), ("theme", (Decimal(10), 0, 0))],
        colours=("#1", "#2", "#3"),
    )

    first, second = chart.groups
    assert [float(b.width) for b in first.bars] == [LENGTH, LENGTH / 2, LENGTH / 4]
    assert float(second.bars[0].width) == LENGTH / 10
    assert [b.colour for b in first.bars] == ["#1", "#2", "#3"]
    assert float(second.label_y) > float(first.bars[-1].y)


def test_stacked_bar_with_the_target_beyond_the_segments():
    bar = stacked_bar(
        [("achieved", 300, "#a"), ("planned", 500, "#b"), ("gap", 200, "#c")],
        marker=1000,
        margin=24,
    )

    widths = [float(s.width) for s in bar.segments]
    xs = [float(s.x) for s in bar.segments]
    assert sum(widths) == CHART_WIDTH - 48
    assert xs[1] == xs[0] + widths[0]
    assert float(bar.marker_x) == 24 + CHART_WIDTH - 48


def test_stacked_bar_when_the_segments_exceed_the_target():
    bar = stacked_bar([("achieved", 600, "#a"), ("planned", 600, "#b")], marker=600, margin=24)

    assert bar.scale_end == 1200
    assert float(bar.marker_x) == 24 + (CHART_WIDTH - 48) / 2


def test_stacked_bar_without_anything():
    bar = stacked_bar([("achieved", 0, "#a")], marker=0)

    assert bar.marker_x is None
    assert float(bar.segments[0].width) == 0
