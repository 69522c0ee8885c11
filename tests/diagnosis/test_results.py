"""The results of a round: response, matrix, network, maturity, comparison and the Excel file."""

import io
import re
from http import HTTPStatus

import pytest
from django.test import Client
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.diagnosis import results
from daadkracht.diagnosis.charts import network_svg
from daadkracht.diagnosis.models import SurveyRound
from daadkracht.testing.factories import DepartmentFactory, SurveyRoundFactory, survey_answers_give
from tests.diagnosis.conftest import THEMES


def _url(diagnosis, suffix: str = "resultaten/") -> str:
    return f"/alfa/samenwerking/rondes/{diagnosis.survey_round.pk}/{suffix}"


def _answer_most(diagnosis) -> None:
    """Mobiliteit, Groendienst, Omgeving and Patrimonium answer; Financiën does not."""
    d = diagnosis.departments
    given = {
        "mobiliteit": {"groen": 4, "omgeving": 3, "patrimonium": 0, "financien": 1},
        "groen": {"mobiliteit": 1, "omgeving": 2, "patrimonium": 0, "financien": 0},
        "omgeving": {"mobiliteit": 3, "groen": 2, "patrimonium": 0, "financien": 0},
        "patrimonium": {"mobiliteit": 0, "groen": 0, "omgeving": 0, "financien": 0},
    }
    for who, levels in given.items():
        survey_answers_give(
            diagnosis.survey_round,
            d[who],
            {d[other]: level for other, level in levels.items()},
            THEMES,
        )


def test_the_coordinator_sees_matrix_discussion_topics_and_response(world, diagnosis):
    _answer_most(diagnosis)
    page = world.client_for("coordinator").get(_url(diagnosis))
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "4 van 5 diensten antwoordden (80%)" in text
    assert "Niet geantwoord: Financiën" in text
    # Mobiliteit says 4 about the Groendienst, the Groendienst says 1: worth a conversation.
    assert "Groendienst zegt 1 over Mobiliteit, Mobiliteit zegt 4." in text
    assert 'class="level-4 discuss"' in text
    assert "voorlopig" not in text.split("In het kort")[0]
    # Patrimonium reports no tie and nobody reports one with it: it stands alone.
    assert "Patrimonium" in text.split("Staat alleen")[1].split("</li>")[0]


def test_under_two_thirds_answering_is_provisional(world, diagnosis):
    d = diagnosis.departments
    survey_answers_give(diagnosis.survey_round, d["groen"], {d["mobiliteit"]: 2}, THEMES)
    page = world.client_for("coordinator").get(_url(diagnosis))
    text = page.content.decode()
    assert "1 van 5 diensten antwoordden (20%)" in text
    assert "lees deze resultaten als voorlopig" in text


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("editor", HTTPStatus.FORBIDDEN),
        ("viewer", HTTPStatus.FORBIDDEN),
        ("other_municipality", HTTPStatus.NOT_FOUND),
        ("coach", HTTPStatus.OK),
    ],
)
def test_answers_are_for_coordinators_and_coaches_only(world, diagnosis, who, status):
    _answer_most(diagnosis)
    assert world.client_for(who).get(_url(diagnosis)).status_code == status
    assert world.client_for(who).get(_url(diagnosis, "")).status_code == status


def test_brokerage_is_shown_to_the_coach_only_with_its_caveat(world, diagnosis):
    _answer_most(diagnosis)
    coach = world.client_for("coach").get(_url(diagnosis)).content.decode()
    coordinator = world.client_for("coordinator").get(_url(diagnosis)).content.decode()
    assert "Tussenligging" in coach
    assert "maken dit cijfer onbetrouwbaar" in coach
    assert "Tussenligging" not in coordinator


def test_the_network_drawing_is_the_same_for_the_same_answers(world, diagnosis):
    _answer_most(diagnosis)
    with tenant_scope(world.a):
        first = network_svg(results.network(results.round_answers(diagnosis.survey_round)))
        second = network_svg(results.network(results.round_answers(diagnosis.survey_round)))
    assert first == second
    page = world.client_for("coordinator").get(_url(diagnosis)).content.decode()
    drawn = re.search(r'<svg[^>]*class="network-chart".*?</svg>', page, re.S)
    assert drawn is not None
    assert drawn.group(0) == str(first)
    # Ties one side reports (Mobiliteit-Financiën, Financiën did not answer) are dashed.
    assert drawn.group(0).count('stroke-dasharray="6 4"') >= 1
    assert drawn.group(0).count("<circle") == 5


def test_the_network_figures_are_those_of_the_answers(world, diagnosis):
    _answer_most(diagnosis)
    with tenant_scope(world.a):
        net = results.network(results.round_answers(diagnosis.survey_round))
    # Ties: Mob-Groen, Mob-Omg, Mob-Fin, Groen-Omg; 10 pairs in all.
    assert len(net.ties) == 4
    assert net.density == pytest.approx(0.4)
    # Between departments that both answered: Mob-Groen, Mob-Omg, Groen-Omg, all mutual.
    assert net.reciprocity == pytest.approx(1.0)
    assert [d.name for d in net.isolates] == ["Patrimonium"]
    assert net.strong_ties == 2  # Mob-Groen (4) and Mob-Omg (3)


def test_the_excel_file_holds_the_matrix_and_guards_formulas(world, diagnosis):
    with tenant_scope(world.a):
        diagnosis.departments["financien"].name = '=HYPERLINK("http://x")'
        diagnosis.departments["financien"].save()
    _answer_most(diagnosis)
    response = world.client_for("coordinator").get(_url(diagnosis) + "?export=xlsx")
    assert response.status_code == HTTPStatus.OK
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    matrix = workbook["Matrix"]
    rows = list(matrix.iter_rows(values_only=True))
    header = rows[0]
    assert '\'=HYPERLINK("http://x")' in header
    by_name = {row[0]: row[1:] for row in rows[1:]}
    mobiliteit = dict(zip(header[1:], by_name["Mobiliteit"], strict=True))
    assert mobiliteit["Groendienst"] == 4
    assert mobiliteit["Mobiliteit"] is None
    answers = list(workbook["Antwoorden"].iter_rows(values_only=True))
    assert len(answers) == 1 + 4 * 4  # four respondents, four others each


def test_two_rounds_are_compared_on_the_departments_they_share(world, diagnosis):
    d = diagnosis.departments
    survey_answers_give(diagnosis.survey_round, d["mobiliteit"], {d["groen"]: 1}, THEMES)
    survey_answers_give(diagnosis.survey_round, d["groen"], {d["mobiliteit"]: 1}, THEMES)
    newcomer = DepartmentFactory(municipality=world.a, name="Communicatie")
    later = SurveyRoundFactory(
        municipality=world.a,
        name="Meting 2027",
        opens_on=diagnosis.survey_round.opens_on.replace(year=2027),
        closes_on=diagnosis.survey_round.closes_on.replace(year=2027),
        state=SurveyRound.State.CLOSED,
        departments=[d["mobiliteit"], d["groen"], newcomer],
    )
    survey_answers_give(later, d["mobiliteit"], {d["groen"]: 4, newcomer: 3}, THEMES)
    survey_answers_give(later, d["groen"], {d["mobiliteit"]: 4, newcomer: 0}, THEMES)
    page = world.client_for("coordinator").get(
        f"/alfa/samenwerking/rondes/{later.pk}/resultaten/?vergelijk={diagnosis.survey_round.pk}"
    )
    text = page.content.decode()
    assert "Nulmeting 2026 (voor) en Meting 2027 (na), op de 2 diensten" in text
    assert "Communicatie" in text.split("Weggelaten")[1].split("</p>")[0]
    changed = text.split("Gewijzigde banden")[2]
    assert re.search(r"Groendienst</th><td>Mobiliteit</td><td>1</td><td>4</td>", changed)


def test_a_crafted_comparison_is_ignored(world, diagnosis):
    other_round = SurveyRoundFactory(municipality=world.b, departments=[world.department_b])
    for value in [str(other_round.pk), "9" * 30, "abc", str(diagnosis.survey_round.pk)]:
        page = world.client_for("coordinator").get(_url(diagnosis) + f"?vergelijk={value}")
        assert page.status_code == HTTPStatus.OK
        assert "(voor) en" not in page.content.decode()


def test_an_empty_round_says_how_to_start(world):
    page = world.client_for("coordinator").get("/alfa/samenwerking/")
    assert page.status_code == HTTPStatus.OK
    assert "Nog geen bevragingsronde" in page.content.decode()
    assert Client().get("/alfa/samenwerking/").status_code == HTTPStatus.FOUND


def test_the_comparison_leaves_the_drawing_and_the_brokers_to_the_round_pages(world, diagnosis):
    """The comparison shows figures and changed ties only: it lays out no network of either
    round, and its figures are those of each round's own network on the shared departments."""
    _answer_most(diagnosis)
    d = diagnosis.departments
    later = SurveyRoundFactory(
        municipality=world.a,
        name="Meting 2027",
        opens_on=diagnosis.survey_round.opens_on.replace(year=2027),
        closes_on=diagnosis.survey_round.closes_on.replace(year=2027),
        state=SurveyRound.State.CLOSED,
        departments=list(d.values()),
    )
    survey_answers_give(later, d["mobiliteit"], {d["groen"]: 5, d["financien"]: 3}, THEMES)
    survey_answers_give(later, d["financien"], {d["mobiliteit"]: 0}, THEMES)
    with tenant_scope(world.a):
        before = results.round_answers(diagnosis.survey_round)
        after = results.round_answers(later)
        comparison = results.comparison(before, after)
        own = results.network(after, brokerage=True)

    for net in (comparison.network_before, comparison.network_after):
        assert net.positions == {}
        assert net.brokers == []
    assert comparison.network_after.strong_ties == own.strong_ties == 2
    assert comparison.network_before.strong_ties == results.network(before).strong_ties == 2
    tie = next(t for t in own.ties if {t.first, t.second} == {d["mobiliteit"], d["financien"]})
    assert (tie.strength, tie.mutual) == (3, False)
    assert own.positions
