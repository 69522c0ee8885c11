"""The result pages keep the same number of queries whatever the number of departments."""

from http import HTTPStatus

import pytest

from daadkracht.testing.factories import DepartmentFactory, SurveyRoundFactory, survey_answers_give
from tests.diagnosis.conftest import THEMES

# The session, the membership and the round, then the round's answers in three queries.
RESULTS_QUERIES = 9
DETAIL_QUERIES = 7


def _round(world, size: int, name: str, year: int):
    departments = [
        DepartmentFactory(municipality=world.a, name=f"Dienst {year} {i:02d}") for i in range(size)
    ]
    survey_round = SurveyRoundFactory(
        municipality=world.a,
        name=name,
        opens_on=f"{year}-03-01",
        closes_on=f"{year}-03-15",
        departments=departments,
    )
    for i, department in enumerate(departments[:-1]):  # the last one does not answer
        levels = {other: (i + j) % 6 for j, other in enumerate(departments) if other != department}
        survey_answers_give(survey_round, department, levels, THEMES)
    return survey_round


@pytest.mark.parametrize("size", [5, 15])
def test_the_result_pages_query_the_same_at_any_size(world, size, django_assert_max_num_queries):
    before = _round(world, size, "Nulmeting", 2025)
    after = _round(world, size, "Meting", 2026)
    client = world.client_for("coordinator")
    base = f"/alfa/samenwerking/rondes/{after.pk}/"
    with django_assert_max_num_queries(RESULTS_QUERIES):
        page = client.get(base + "resultaten/")
    assert page.status_code == HTTPStatus.OK
    with django_assert_max_num_queries(RESULTS_QUERIES + 3):
        compared = client.get(base + f"resultaten/?vergelijk={before.pk}")
    assert compared.status_code == HTTPStatus.OK
    with django_assert_max_num_queries(RESULTS_QUERIES):
        exported = client.get(base + "resultaten/?export=xlsx")
    assert exported.status_code == HTTPStatus.OK
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get(base).status_code == HTTPStatus.OK
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get("/alfa/samenwerking/").status_code == HTTPStatus.OK
