"""A representative answers through their signed link, on a phone, without an account."""

from http import HTTPStatus

import pytest
from django.test import Client, override_settings

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.tokens import invitation_token
from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.tokens import respondent_token
from tests.diagnosis.conftest import THEMES


def _respondent(world, department) -> Respondent:
    with tenant_scope(world.a):
        return Respondent.objects.select_related("survey_round").get(department=department)


def _link(world, department) -> str:
    with tenant_scope(world.a):
        return f"/bevraging/{respondent_token(_respondent(world, department))}/"


def _answers(diagnosis, me: str, level: int = 2) -> dict[str, str]:
    data = {f"level_{d.pk}": str(level) for key, d in diagnosis.departments.items() if key != me}
    for theme, score in THEMES.items():
        data[f"score_{theme}"] = str(score)
        data[f"comment_{theme}"] = ""
    data["comment_culture"] = "Mobiliteit en groen werken goed samen."
    return data


def _stored(world, department) -> dict[int, int]:
    with tenant_scope(world.a):
        return dict(
            TieAnswer.objects.filter(respondent__department=department).values_list(
                "other_id", "level"
            )
        )


def test_the_link_shows_the_other_departments_and_nothing_else(world, diagnosis):
    page = Client().get(_link(world, diagnosis.departments["groen"]))
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    for key, department in diagnosis.departments.items():
        if key != "groen":
            assert f">{department.name}</legend>" in text
    assert "Groendienst</legend>" not in text
    assert "Coördinatie" in text  # the levels with their definitions
    # Nothing of the other respondents, and no way into the municipality.
    assert "Vertegenwoordiger Mobiliteit" not in text
    assert "/alfa/" not in text


def test_answers_are_saved_and_can_be_changed_until_the_round_closes(world, diagnosis):
    groen = diagnosis.departments["groen"]
    client, link = Client(), _link(world, groen)
    response = client.post(link, _answers(diagnosis, "groen", level=2))
    assert response.status_code == HTTPStatus.FOUND
    assert set(_stored(world, groen).values()) == {2}
    again = client.get(link)
    assert "uw antwoorden zijn bewaard" in again.content.decode()
    assert again.content.count(b" checked") == 4 + 5  # four departments, five statements

    client.post(link, _answers(diagnosis, "groen", level=4))
    assert set(_stored(world, groen).values()) == {4}
    with tenant_scope(world.a):
        assert MaturityAnswer.objects.filter(respondent__department=groen).count() == 5
        assert _respondent(world, groen).answered_at is not None


def test_an_incomplete_answer_keeps_what_was_typed_and_saves_nothing(world, diagnosis):
    groen = diagnosis.departments["groen"]
    data = _answers(diagnosis, "groen")
    del data[f"level_{diagnosis.departments['omgeving'].pk}"]
    page = Client().post(_link(world, groen), data)
    assert page.status_code == HTTPStatus.OK
    assert "Kies een niveau voor deze dienst." in page.content.decode()
    assert b"Mobiliteit en groen werken goed samen." in page.content
    assert _stored(world, groen) == {}


@pytest.mark.parametrize("hostile", ["9", "-1", "twee", "3' OR 1=1"])
def test_a_crafted_level_changes_nothing(world, diagnosis, hostile):
    groen = diagnosis.departments["groen"]
    data = _answers(diagnosis, "groen")
    data[f"level_{diagnosis.departments['omgeving'].pk}"] = hostile
    page = Client().post(_link(world, groen), data)
    assert page.status_code == HTTPStatus.OK
    assert _stored(world, groen) == {}


def test_a_department_of_another_municipality_cannot_be_rated(world, diagnosis):
    groen = diagnosis.departments["groen"]
    data = _answers(diagnosis, "groen")
    data[f"level_{world.department_b.pk}"] = "5"
    Client().post(_link(world, groen), data)
    assert world.department_b.pk not in _stored(world, groen)


@pytest.mark.parametrize("token", ["forged", "eyJtIjoxfQ:1abc:def", "../../alfa", "%00", "a" * 400])
def test_a_forged_link_gets_a_clear_page(world, diagnosis, token):
    page = Client().get(f"/bevraging/{token}/")
    assert page.status_code in (HTTPStatus.GONE, HTTPStatus.NOT_FOUND)
    if page.status_code == HTTPStatus.GONE:
        assert "Deze link werkt niet" in page.content.decode()


def test_a_link_of_another_purpose_does_not_open_the_survey(world, diagnosis):
    with tenant_scope(world.a):
        token = invitation_token(world.invitation_a)
    page = Client().get(f"/bevraging/{token}/")
    assert page.status_code == HTTPStatus.GONE


def test_a_replaced_link_stops_working(world, diagnosis):
    groen = diagnosis.departments["groen"]
    link = _link(world, groen)
    with tenant_scope(world.a):
        Respondent.objects.filter(department=groen).update(link_key="nieuw")
    page = Client().post(link, _answers(diagnosis, "groen"))
    assert page.status_code == HTTPStatus.GONE
    assert _stored(world, groen) == {}


def test_after_closing_the_link_says_so_and_changes_nothing(world, diagnosis):
    groen = diagnosis.departments["groen"]
    client, link = Client(), _link(world, groen)
    client.post(link, _answers(diagnosis, "groen", level=1))
    with tenant_scope(world.a):
        SurveyRound.objects.update(state=SurveyRound.State.CLOSED)
    page = client.get(link)
    assert "Deze bevraging is gesloten" in page.content.decode()
    late = client.post(link, _answers(diagnosis, "groen", level=5))
    assert late.status_code == HTTPStatus.GONE
    assert set(_stored(world, groen).values()) == {1}


@override_settings(PUBLIC_REQUESTS_PER_MINUTE=3)
def test_the_link_is_rate_limited(world, diagnosis):
    client, link = Client(), _link(world, diagnosis.departments["groen"])
    statuses = [client.get(link).status_code for _ in range(5)]
    assert statuses[:3] == [HTTPStatus.OK] * 3
    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS
