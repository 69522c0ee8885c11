"""The timeline: bars over the plan period, the table beside it, filters and query counts."""

import re
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.plans.charts.timeline import CHART_WIDTH, timeline_chart
from daadkracht.plans.models import Action, ActionStatus, ActionTheme, Plan
from daadkracht.plans.selectors.rows import ActionListRow
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    as_platform,
)
from tests.plans.at_scale import coordinator_client_with_actions
from tests.svg_bounds import chart_svg, labels_outside, svg_labels

TIMELINE_URL = "/alfa/plan/tijdlijn/"


@pytest.fixture
@as_platform
def dated(world):
    """Action A runs from 2023 to 2026, the other action is late; a third has no dates at all."""
    status = list(ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position"))
    Action.unscoped.filter(pk=world.action_a.pk).update(
        status=status[2], start_date=date(2023, 1, 1), deadline=date(2026, 12, 31)
    )
    Action.unscoped.filter(pk=world.other_action_a.pk).update(
        status=status[3],
        start_date=date(2022, 3, 1),
        deadline=timezone.localdate() - timedelta(days=20),
    )
    ActionFactory.create(plan=world.plan_a, identifier="B7.01", title="Klimaatteam opstarten")
    world.status = status
    return world


def items_by_identifier(response) -> dict[str, object]:
    assert response.status_code == HTTPStatus.OK
    return {item.row.action.identifier: item for item in response.context["chart"].items}


class TestTimelinePage:
    def test_bars_for_actions_with_dates(self, dated):
        response = dated.client_for("viewer").get(TIMELINE_URL)

        items = items_by_identifier(response)
        assert set(items) == {"B3.01", "B6.01", "B7.01"}
        assert items["B3.01"].bar_x is not None
        assert items["B6.01"].bar_x is not None
        assert items["B7.01"].bar_x is None
        assert items["B7.01"].marker_x is None
        html = response.content.decode()
        assert html.count('class="timeline__bar') == 2
        assert 'fill="#1d7a46"' in html  # coloured by the status "on track"
        assert "style=" not in html

    def test_the_chart_has_a_text_alternative_and_a_table(self, dated):
        html = dated.client_for("viewer").get(TIMELINE_URL).content.decode()

        assert 'role="img"' in html
        assert '<title id="timeline-title">' in html
        assert '<desc id="timeline-desc">' in html
        assert "<details" in html
        assert html.count("<tr>") >= 4  # header and a row per action
        assert "Klimaatteam opstarten" in html

    def test_coordinates_are_written_with_a_decimal_point_in_every_language(self, dated):
        # Users read Dutch, where numbers get a decimal comma; SVG needs a point.
        html = dated.client_for("viewer").get(TIMELINE_URL).content.decode()

        assert re.search(r'="\d+\.\d"', html)
        assert not re.search(r'(x|x1|x2|width)="\d+,\d', html)
        assert not re.search(r"translate\(\d+,\d", html)

    @as_platform
    def test_years_of_the_plan_period_and_today(self, dated):
        # The plan runs from 2021 up to this year at least, so that today lies in its period.
        end_year = max(2030, timezone.localdate().year)
        Plan.unscoped.filter(pk=dated.plan_a.pk).update(end_year=end_year)

        chart = dated.client_for("viewer").get(TIMELINE_URL).context["chart"]

        assert [year.year for year in chart.years] == list(range(2021, end_year + 1))
        assert chart.today_x is not None

    @as_platform
    def test_today_is_not_marked_outside_the_plan_period(self, dated):
        Plan.unscoped.filter(pk=dated.plan_a.pk).update(start_year=2001, end_year=2010)

        chart = dated.client_for("viewer").get(TIMELINE_URL).context["chart"]

        assert chart.today_x is None

    def test_overdue_actions_are_marked(self, dated):
        response = dated.client_for("viewer").get(TIMELINE_URL)

        items = items_by_identifier(response)
        assert items["B6.01"].row.overdue
        assert not items["B3.01"].row.overdue
        html = response.content.decode()
        assert html.count('<g class="timeline__overdue"') == 1
        assert "timeline__bar--overdue" in html

    def test_ordered_by_start_date_with_undated_last(self, dated):
        response = dated.client_for("viewer").get(TIMELINE_URL)

        assert list(items_by_identifier(response)) == ["B6.01", "B3.01", "B7.01"]

    def test_the_same_filters_as_the_list(self, dated):
        url = f"{TIMELINE_URL}?overdue=1"

        assert list(items_by_identifier(dated.client_for("viewer").get(url))) == ["B6.01"]
        url = f"{TIMELINE_URL}?department={dated.department_a.pk}"
        assert list(items_by_identifier(dated.client_for("viewer").get(url))) == ["B3.01"]

    @as_platform
    def test_other_municipalitys_actions_never_appear(self, dated):
        Action.unscoped.filter(pk=dated.action_b.pk).update(
            start_date=date(2022, 1, 1), deadline=date(2024, 1, 1)
        )

        response = dated.client_for("coordinator").get(TIMELINE_URL)

        assert "B1.01" not in items_by_identifier(response)
        assert "Geheime actie" not in response.content.decode()

    def test_fifty_actions_per_page(self, world):
        bulk_plan(municipality=world.a, actions=60, departments=2, themes=1)

        response = world.client_for("viewer").get(TIMELINE_URL)
        second = world.client_for("viewer").get(f"{TIMELINE_URL}?page=2")

        assert len(response.context["chart"].items) == 50
        assert len(second.context["chart"].items) == 12

    def test_no_plan_explains_how_to_start(self, world):
        gamma = MunicipalityFactory.create(name="Gemeente Gamma", slug="gamma")
        MembershipFactory.create(user=world.users["editor"], municipality=gamma, role=Role.EDITOR)

        response = world.client_for("editor").get("/gamma/plan/tijdlijn/")

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan"] is None

    @as_platform
    def test_a_plan_without_actions_explains_how_to_start(self, world):
        Action.unscoped.filter(plan=world.plan_a).delete()

        response = world.client_for("coordinator").get(TIMELINE_URL)

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan_has_actions"] is False


def row(start: date | None, deadline: date | None, *, overdue: bool = False) -> ActionListRow:
    action = Action(identifier="X1", title="Proef", start_date=start, deadline=deadline)
    return ActionListRow(action=action, overdue=overdue, stale=False, can_edit=False)


class TestTimelineGeometry:
    def chart(self, *rows: ActionListRow, today: date = date(2025, 7, 2)):
        return timeline_chart(list(rows), start_year=2021, end_year=2030, today=today)

    def test_a_bar_runs_from_start_to_deadline(self):
        chart = self.chart(row(date(2021, 1, 1), date(2030, 12, 31)), row(date(2026, 1, 1), None))

        full, half = chart.items
        assert full.bar_x == chart.chart_x
        assert full.bar_width == pytest.approx(CHART_WIDTH * 3651 / 3652, abs=0.2)
        assert half.bar_x is None
        # Five of the ten years have passed on 1 January 2026.
        assert half.marker_x == pytest.approx(chart.chart_x + CHART_WIDTH * 1826 / 3652, abs=0.2)

    def test_dates_outside_the_period_are_drawn_at_its_edge(self):
        chart = self.chart(row(date(2015, 5, 1), date(2040, 1, 1)))

        (item,) = chart.items
        assert item.bar_x == chart.chart_x
        assert item.bar_x + item.bar_width == pytest.approx(chart.chart_x + CHART_WIDTH)

    def test_rows_are_stacked_and_years_evenly_spaced(self):
        chart = self.chart(row(None, None), row(None, None), row(None, None))

        assert [item.y for item in chart.items] == [30, 56, 82]
        assert chart.height == 30 + 3 * 26 + 4
        assert len(chart.years) == 10
        assert chart.years[0].x == chart.chart_x
        widths = {round(b.x - a.x) for a, b in zip(chart.years, chart.years[1:], strict=False)}
        assert widths <= {70, 71}

    def test_today_line_only_inside_the_period(self):
        chart = self.chart(today=date(2026, 1, 1))
        assert chart.today_x == pytest.approx(chart.chart_x + CHART_WIDTH * 1826 / 3652, abs=0.2)
        assert self.chart(today=date(2035, 1, 1)).today_x is None

    def test_a_very_short_action_still_shows(self):
        (item,) = self.chart(row(date(2024, 5, 1), date(2024, 5, 1))).items

        assert item.bar_width >= 3


def first_action_filters(slug: str) -> str:
    """Filters that the first generated action (the same in every generated plan) matches."""
    action = Action.unscoped.filter(municipality__slug=slug).order_by("identifier").first()
    assert action is not None
    theme_id = ActionTheme.unscoped.get(action=action).theme_id
    return f"theme={theme_id}&phase={action.phase}&status={action.status_id}"


@pytest.mark.parametrize("query", ["", "q=actie&page=1", "first-action-filters"])
def test_the_timeline_uses_as_many_queries_for_1000_actions_as_for_10(db, query):
    counts = []
    for size in (10, 1000):
        client, slug = coordinator_client_with_actions(size)
        filters = first_action_filters(slug) if query == "first-action-filters" else query
        url = f"/{slug}/plan/tijdlijn/?{filters}"
        client.get(url)  # warm the caches of the session and the content types
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert response.context["chart"].items
        counts.append(len(context.captured_queries))

    assert counts[0] == counts[1]


class TestTimelineLabels:
    @as_platform
    def test_long_titles_are_shortened_inside_the_chart_with_the_whole_title_as_tooltip(
        self, world
    ):
        long_title = (
            "Masterplan energiezuinig patrimonium: WKK, warmtepompen en PV op alle "
            "stadsgebouwen, sporthallen en zwembaden van Brugge en de deelgemeenten"
        )
        Action.unscoped.filter(pk=world.action_a.pk).update(
            identifier="B1.06-WWW",
            title=long_title,
            start_date=date(2021, 1, 1),
            deadline=date(2030, 12, 31),
        )
        # Overdue at the end of the period: its mark sits right of the longest bar.
        Action.unscoped.filter(pk=world.other_action_a.pk).update(
            title="MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM",
            start_date=date(2021, 1, 1),
            deadline=timezone.localdate() - timedelta(days=1),
        )

        html = world.client_for("coordinator").get(TIMELINE_URL).content.decode()

        svg = chart_svg(html, "timeline__chart")
        assert labels_outside(svg) == []
        _box, labels = svg_labels(svg)
        shortened = next(label for label in labels if label.text.startswith("B1.06-WWW"))
        assert shortened.text.endswith("…")
        assert f"<title>B1.06-WWW {long_title}</title>" in svg

    @as_platform
    def test_short_titles_get_a_narrow_label_column_and_no_tooltip(self, world):
        Action.unscoped.filter(plan=world.plan_a).update(
            title="Fietsstraten", start_date=date(2022, 1, 1), deadline=date(2024, 1, 1)
        )

        response = world.client_for("coordinator").get(TIMELINE_URL)

        chart = response.context["chart"]
        assert chart.chart_x < 200
        assert not any(item.shortened for item in chart.items)
        assert labels_outside(chart_svg(response.content.decode(), "timeline__chart")) == []

    def test_a_plan_of_many_years_labels_every_other_year(self):
        chart = timeline_chart([], start_year=2011, end_year=2050, today=date(2026, 1, 1))

        labelled = [year.year for year in chart.years if year.labelled]
        assert labelled[:3] == [2011, 2013, 2015]
