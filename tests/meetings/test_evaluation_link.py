"""A participant evaluates a meeting through their own signed link, on a phone, without an
account; the link opens that one evaluation and nothing else of the municipality."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client, TestCase, override_settings

from daadkracht.access.context import tenant_scope
from daadkracht.access.links import link_token
from daadkracht.diagnosis.tokens import SURVEY_LINK
from daadkracht.meetings.models import EvaluationResponse, MeetingEvaluation
from daadkracht.meetings.tokens import EVALUATION_LINK
from tests.meetings.conftest import url
from tests.meetings.evaluating import held_meeting, links, lunch_answers, send_evaluation

pytestmark = pytest.mark.django_db


def _sent(world, **kwargs) -> tuple[object, dict[str, str]]:
    meeting = held_meeting(world, **kwargs)
    send_evaluation(world, meeting)
    return meeting, links()


def _answers_of(world, who: str) -> dict:
    with tenant_scope(world.a):
        return EvaluationResponse.objects.get(user=world.users[who]).answers


def test_the_page_shows_the_meeting_and_its_questions_with_large_choices(world):
    _, sent = _sent(world)

    page = Client().get(sent["editor@alfa.test"])

    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert 'name="viewport"' in text
    assert "Lunchgesprek met de dienst Mobiliteit" in text
    assert "Wat werkte goed?" in text
    assert "Wat moeten we de volgende keer anders doen?" in text
    assert "Hebt u een win-win gevonden met de andere dienst?" in text
    # 1 to 5 as radio buttons, each with its label around it.
    assert text.count('class="evaluation-option"') == 5 + 3
    assert "5 \N{EN DASH} heel nuttig" in text
    assert "1 \N{EN DASH} niet nuttig" in text
    assert 'type="radio" name="usefulness" value="4"' in text
    # Nothing of the other participants, and no way into the municipality.
    assert "Viewer Alfa" not in text
    assert "Coordinator Alfa" not in text
    assert "/alfa/" not in text


def test_answering_saves_the_evaluation(world):
    _, sent = _sent(world)
    client = Client()

    response = client.post(sent["editor@alfa.test"], lunch_answers(), follow=True)

    assert "Bedankt, uw evaluatie is bewaard." in response.content.decode()
    assert _answers_of(world, "editor") == {
        "worked": "Eindelijk samen aan tafel met Mobiliteit.",
        "change": "Meer tijd voor de werkafspraken op het einde.",
        "usefulness": 4,
        "win-win": "yes",
        "together": "Samen de schoolstraten plannen.",
    }
    with tenant_scope(world.a):
        assert EvaluationResponse.objects.get(user=world.users["editor"]).answered_at
        assert EvaluationResponse.objects.get(user=world.users["viewer"]).answered_at is None


def test_an_answer_can_be_changed_while_open(world):
    _, sent = _sent(world)
    link = sent["editor@alfa.test"]
    client = Client()
    client.post(link, lunch_answers())

    again = client.get(link).content.decode()
    assert "Uw eerdere antwoorden zijn ingevuld." in again
    assert 'value="4" id="id_usefulness_3" required checked' in again
    client.post(link, lunch_answers(usefulness="2", **{"win-win": "no"}, change="Korter."))

    answers = _answers_of(world, "editor")
    assert answers["usefulness"] == 2
    assert answers["win-win"] == "no"
    assert answers["change"] == "Korter."


def test_an_incomplete_answer_keeps_what_was_typed_and_saves_nothing(world):
    _, sent = _sent(world)

    page = Client().post(sent["editor@alfa.test"], lunch_answers(usefulness="", **{"win-win": "7"}))

    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "Sommige vragen zijn nog niet beantwoord" in text
    assert "Eindelijk samen aan tafel met Mobiliteit." in text
    assert _answers_of(world, "editor") == {}


def test_an_answer_after_closing_is_refused_and_changes_nothing(world):
    meeting, sent = _sent(world)
    link = sent["editor@alfa.test"]
    client = Client()
    client.post(link, lunch_answers(usefulness="3"))
    world.client_for("coordinator").post(url("meetings:evaluation_close", world, pk=meeting.pk))

    page = client.get(link)
    assert page.status_code == HTTPStatus.OK
    assert "Deze evaluatie is gesloten" in page.content.decode()
    late = client.post(link, lunch_answers(usefulness="5", worked="Te laat."))

    assert late.status_code == HTTPStatus.GONE
    assert _answers_of(world, "editor")["usefulness"] == 3
    assert "Te laat." not in str(_answers_of(world, "editor"))


@pytest.mark.parametrize("token", ["forged", "eyJtIjoxfQ:1abc:def", "../../alfa", "a" * 400])
def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(world, token):
    _sent(world)

    page = Client().post(f"/evaluatie/{token}/", lunch_answers())

    assert page.status_code in (HTTPStatus.GONE, HTTPStatus.NOT_FOUND)
    if page.status_code == HTTPStatus.GONE:
        assert "Deze link werkt niet" in page.content.decode()
    assert _answers_of(world, "editor") == {}


def test_a_link_with_one_character_changed_does_not_work(world):
    _, sent = _sent(world)
    link = sent["editor@alfa.test"]
    token = link.split("/")[2]
    tampered = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]

    page = Client().post(f"/evaluatie/{tampered}/", lunch_answers())

    assert page.status_code == HTTPStatus.GONE
    assert _answers_of(world, "editor") == {}


def test_a_survey_link_does_not_open_an_evaluation_nor_the_reverse(world):
    _, sent = _sent(world)
    with tenant_scope(world.a):
        response = EvaluationResponse.objects.get(user=world.users["editor"])
    survey_token = link_token(
        SURVEY_LINK, municipality_id=world.a.pk, object_id=response.pk, version=response.link_key
    )
    evaluation_token = sent["editor@alfa.test"].split("/")[2]

    assert Client().get(f"/evaluatie/{survey_token}/").status_code == HTTPStatus.GONE
    assert Client().get(f"/bevraging/{evaluation_token}/").status_code == HTTPStatus.GONE


def test_a_link_of_another_meeting_or_municipality_shows_only_its_own(world):
    mine, _ = _sent(world)
    mail.outbox.clear()
    theirs = held_meeting(
        world,
        municipality=world.b,
        title="Doorstartdag Beta",
        method="kick-off-day",
        attendance={"other_municipality": True},
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        world.client_for("other_municipality").post(f"/beta/overleg/{theirs.pk}/evaluatie/")
    beta_link = links()["coordinator@beta.test"]

    page = Client().get(beta_link).content.decode()

    assert "Doorstartdag Beta" in page
    assert "Lunchgesprek met de dienst Mobiliteit" not in page
    for other in ("Gemeente Alfa", "/alfa/", "/beta/"):
        assert other not in page
    # A link naming municipality A with Beta's response opens nothing.
    with tenant_scope(world.b):
        response = EvaluationResponse.objects.get()
    crossed = link_token(
        EVALUATION_LINK,
        municipality_id=world.a.pk,
        object_id=response.pk,
        version=response.link_key,
    )
    assert Client().get(f"/evaluatie/{crossed}/").status_code == HTTPStatus.GONE
    # Alfa's answers are untouched by Beta's participant, and the reverse.
    Client().post(beta_link, {"usefulness": "5", "own-actions": "yes"})
    assert _answers_of(world, "editor") == {}
    with tenant_scope(world.a):
        assert MeetingEvaluation.objects.count() == 1
    assert mine.title not in page


@override_settings(PUBLIC_REQUESTS_PER_MINUTE=3)
def test_the_link_is_rate_limited(world):
    _, sent = _sent(world)
    client, link = Client(), sent["editor@alfa.test"]

    statuses = [client.get(link).status_code for _ in range(5)]

    assert statuses[:3] == [HTTPStatus.OK] * 3
    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS


def test_a_meeting_of_no_method_asks_the_common_questions_only(world):
    meeting = held_meeting(world, method=None, title="Intakegesprek met de milieudienst")
    send_evaluation(world, meeting)
    link = links()["editor@alfa.test"]

    text = Client().get(link).content.decode()
    assert "Intakegesprek met de milieudienst" in text
    assert "Hoe nuttig was dit overleg voor uw werk aan het klimaatplan?" in text
    assert "win-win" not in text
    Client().post(link, {"worked": "", "change": "", "usefulness": "5"})

    assert _answers_of(world, "editor") == {"worked": "", "change": "", "usefulness": 5}
    page = world.client_for("coordinator").get(url("meetings:detail", world, pk=meeting.pk))
    assert "Gemiddelde: 5,0 op 5." in page.content.decode()
