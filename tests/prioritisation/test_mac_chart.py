"""The cost curve's chart: every label inside it, narrow bars visible, bars that link to actions."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from daadkracht.plans.models import Action
from daadkracht.testing.factories import ActionFactory, as_platform
from tests.svg_bounds import SVG, chart_svg, labels_outside

CURVE_URL = "/alfa/plan/prioriteiten/kostencurve/"


def figures(action: Action, *, co2: int, budget: int) -> None:
    Action.unscoped.filter(pk=action.pk).update(
        co2_reduction=Decimal(co2), budget_planned=Decimal(budget)
    )


def curve_page(world, who: str = "viewer", language: str | None = None):
    if language:
        world.users[who].language = language
        world.users[who].save(update_fields=["language"])
    response = world.client_for(who).get(CURVE_URL)
    html = response.content.decode()
    return response, chart_svg(html, "mac-chart__svg")


@pytest.fixture
@as_platform
def extreme(world):
    """A cheap action that avoids a lot, two that avoid a tonne each, and a very costly one."""
    figures(world.action_a, co2=250_000, budget=1_250_000)  # € 5 per tonne
    figures(world.other_action_a, co2=1, budget=15_000)
    ActionFactory.create(
        plan=world.plan_a,
        identifier="B7.12-LANG",
        title="Klimaatbudget zichtbaar in het meerjarenplan",
        co2_reduction=Decimal(1),
        budget_planned=Decimal(20_000),
    )
    ActionFactory.create(
        plan=world.plan_a,
        identifier="B2.99",
        title="Warmtenet voor de binnenstad",
        co2_reduction=Decimal(40),
        budget_planned=Decimal(987_654_321),  # € 24.691.358 per tonne
    )
    return world


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_label_of_the_curve_lies_inside_the_chart(extreme, language):
    _response, svg = curve_page(extreme, language=language)

    assert labels_outside(svg) == []


def test_narrow_bars_stay_visible_and_cheaper_bars_stay_left(extreme):
    response, _svg = curve_page(extreme)

    shapes = {bar.action.identifier: shape for bar, shape in response.context["chart"].bars}
    assert shapes["B6.01"].width >= 3
    assert shapes["B7.12-LANG"].width >= 3
    assert shapes["B2.99"].height >= 3
    assert shapes["B6.01"].height >= 3
    xs = [shape.x for _bar, shape in response.context["chart"].bars]
    assert xs == sorted(xs)
    # The wide, cheap action still takes most of the width.
    assert shapes["B3.01"].width > 500


def test_every_bar_links_to_its_action_with_a_name_for_screen_readers(extreme):
    _response, svg = curve_page(extreme)

    links = ElementTree.fromstring(svg).findall(f".//{SVG}a")
    hrefs = {link.attrib["href"] for link in links}
    assert f"/alfa/plan/acties/{extreme.action_a.pk}/" in hrefs
    assert len(links) == 4
    names = [link.attrib["aria-label"] for link in links]
    assert "B3.01 Fietsstraten in het centrum: 250.000 t CO2/jaar, €\u00a05 per t CO2/jaar" in names
    # Not a single image, so that the links inside are reached by keyboard and screen reader.
    assert 'role="img"' not in svg.split(">", 1)[0]


@as_platform
def test_an_action_that_saves_money_goes_below_zero_inside_the_chart(world):
    figures(world.action_a, co2=100, budget=20_000)
    Action.unscoped.filter(pk=world.other_action_a.pk).update(
        co2_reduction=Decimal(300), budget_planned=Decimal(-90_000)
    )

    response, svg = curve_page(world, language="fr")

    chart = response.context["chart"]
    saving, costly = (shape for _bar, shape in chart.bars)
    assert saving.y == chart.zero_y
    assert saving.height > 3
    assert costly.y + costly.height == chart.zero_y
    assert labels_outside(svg) == []
    assert "-300\u00a0€" in svg


@as_platform
def test_one_action_fills_the_chart_with_a_readable_axis(world):
    figures(world.action_a, co2=12, budget=3_000)

    response, svg = curve_page(world, language="en")

    ((_bar, shape),) = response.context["chart"].bars
    assert shape.height > 150
    assert labels_outside(svg) == []
    assert "€250" in svg
