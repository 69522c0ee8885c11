"""After a meeting, whoever manages meetings sends the participants a short evaluation by
e-mail, reminds those who have not answered, closes it, and reads the results beside the
meeting: counts, usefulness with its distribution, and the answers without names."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.meetings.models import EvaluationResponse, MeetingEvaluation
from tests.meetings.conftest import url
from tests.meetings.evaluating import held_meeting, links, lunch_answers, send_evaluation

pytestmark = pytest.mark.django_db

DASH = "\N{EN DASH}"


def _page(world, meeting, who: str = "coordinator") -> str:
    response = world.client_for(who).get(url("meetings:detail", world, pk=meeting.pk))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_sending_mails_a_working_link_to_who_attended_or_may_have(world):
    meeting = held_meeting(world)
    before = _page(world, meeting)
    assert "Evaluatie versturen" in before
    assert "nu 2 personen. Wie als afwezig genoteerd is, krijgt ze niet." in before

    response = send_evaluation(world, meeting)

    assert response.status_code == HTTPStatus.FOUND
    # The editor attended, the viewer's attendance is unknown; the absent coordinator is left out.
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@alfa.test", "viewer@alfa.test"]
    message = next(m for m in mail.outbox if m.to == ["editor@alfa.test"])
    assert message.subject == "Hoe was “Lunchgesprek met de dienst Mobiliteit”?"
    assert "Dag Editor" in message.body
    html = message.alternatives[0][0]
    assert "Evalueer het overleg" in html
    page = Client().get(links()["editor@alfa.test"])
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "Lunchgesprek met de dienst Mobiliteit" in text
    assert "Hebt u een win-win gevonden met de andere dienst?" in text


def test_the_manager_is_told_how_many_were_mailed(world):
    meeting = held_meeting(world)
    client = world.client_for("coordinator")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url("meetings:evaluation_send", world, pk=meeting.pk), follow=True)
    assert "De evaluatie is onderweg naar 2 deelnemers." in response.content.decode()
    assert "Herinner wie nog niet antwoordde" in response.content.decode()


def test_each_participant_gets_it_in_their_own_language(world):
    viewer = world.users["viewer"]
    viewer.language = "fr"
    viewer.save(update_fields=["language"])
    meeting = held_meeting(world)

    send_evaluation(world, meeting)

    french = next(m for m in mail.outbox if m.to == ["viewer@alfa.test"])
    dutch = next(m for m in mail.outbox if m.to == ["editor@alfa.test"])
    assert french.subject.startswith("Comment s\N{RIGHT SINGLE QUOTATION MARK}est passé")
    assert dutch.subject.startswith("Hoe was")


def test_sending_again_reminds_only_those_who_have_not_answered(world):
    meeting = held_meeting(world)
    send_evaluation(world, meeting)
    Client().post(links()["editor@alfa.test"], lunch_answers())
    mail.outbox.clear()

    send_evaluation(world, meeting)

    assert [m.to for m in mail.outbox] == [["viewer@alfa.test"]]
    assert mail.outbox[0].subject.startswith("Herinnering:")
    # The reminder carries a link that works as well.
    assert Client().get(links()["viewer@alfa.test"]).status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert EvaluationResponse.objects.count() == 2


def test_a_meeting_to_come_or_cancelled_is_not_evaluated(world):
    upcoming = held_meeting(world, days_ago=-7, title="Doorstartdag")
    cancelled = held_meeting(world, title="Afgelast lunchgesprek")
    with tenant_scope(world.a):
        cancelled.cancelled_at = timezone.now()
        cancelled.save(update_fields=["cancelled_at"])

    assert "Evaluatie versturen" not in _page(world, upcoming)
    assert "Evaluatie versturen" not in _page(world, cancelled)
    assert "Een geannuleerd overleg wordt niet geëvalueerd." in _page(world, cancelled)
    for meeting in (upcoming, cancelled):
        response = send_evaluation(world, meeting)
        assert response.status_code == HTTPStatus.FOUND
    assert mail.outbox == []
    with tenant_scope(world.a):
        assert not MeetingEvaluation.objects.exists()


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_editors_and_viewers_neither_send_nor_read_the_results(world, who):
    meeting = held_meeting(world)
    send_evaluation(world, meeting)
    Client().post(links()["editor@alfa.test"], lunch_answers())
    mail.outbox.clear()
    client = world.client_for(who)

    assert client.post(url("meetings:evaluation_send", world, pk=meeting.pk)).status_code == 403
    assert client.post(url("meetings:evaluation_close", world, pk=meeting.pk)).status_code == 403
    text = _page(world, meeting, who)
    assert "Evaluatie door de deelnemers" not in text
    assert "Eindelijk samen aan tafel" not in text
    assert mail.outbox == []
    with tenant_scope(world.a):
        assert MeetingEvaluation.objects.get().closed_at is None


def test_the_coach_of_the_municipality_sends_and_reads_the_results(world):
    meeting = held_meeting(world)

    send_evaluation(world, meeting, who="coach")
    Client().post(links()["viewer@alfa.test"], lunch_answers(worked="Goede sfeer."))

    text = _page(world, meeting, "coach")
    assert "Antwoorden: 1 van de 2 deelnemers." in text
    assert "Goede sfeer." in text


def test_the_results_show_counts_usefulness_and_answers_without_names(world):
    meeting = held_meeting(
        world, attendance={"editor": True, "viewer": True, "coach": None, "coordinator": True}
    )
    send_evaluation(world, meeting)
    sent = links()
    Client().post(sent["editor@alfa.test"], lunch_answers(usefulness="5"))
    Client().post(
        sent["viewer@alfa.test"],
        lunch_answers(usefulness="3", **{"win-win": "partly"}, worked="Korte agenda."),
    )
    Client().post(sent["coordinator@alfa.test"], lunch_answers(usefulness="4", change=""))

    text = _page(world, meeting)

    assert "Antwoorden: 3 van de 4 deelnemers." in text
    # Who has not answered is named; who wrote what is not.
    assert "Nog niet geantwoord: Coach Alfa" in text
    assert "Gemiddelde: 4,0 op 5." in text
    assert 'id="usefulness-chart-title"' in text  # the chart, with the table beside it
    for score, label in [(3, "enigszins nuttig"), (4, "nuttig"), (5, "heel nuttig")]:
        assert f'<th scope="row">{score} {DASH} {label}</th><td class="num">1</td>' in text
    assert f'<th scope="row">1 {DASH} niet nuttig</th><td class="num">0</td>' in text
    assert "Korte agenda." in text
    assert text.count("Eindelijk samen aan tafel met Mobiliteit.") == 2
    assert text.count("Meer tijd voor de werkafspraken op het einde.") == 2
    for tally in ("Ja: 2", "Gedeeltelijk: 1", "Nee: 0"):
        assert tally in text
    assert "Samen de schoolstraten plannen." in text
    results = text.split('id="evaluation"')[1].split("</section>")[0]
    assert "Editor Alfa" not in results
    assert "Viewer Alfa" not in results


def test_closing_stops_the_links_and_keeps_the_results(world):
    meeting = held_meeting(world)
    send_evaluation(world, meeting)
    link = links()["editor@alfa.test"]
    Client().post(link, lunch_answers())
    mail.outbox.clear()

    world.client_for("coordinator").post(url("meetings:evaluation_close", world, pk=meeting.pk))

    assert "Deze evaluatie is gesloten" in Client().get(link).content.decode()
    text = _page(world, meeting)
    assert "Gesloten: de antwoorden kunnen niet meer veranderen." in text
    assert "Eindelijk samen aan tafel met Mobiliteit." in text
    assert "Evaluatie versturen" not in text
    assert "Herinner wie" not in text
    send_evaluation(world, meeting)
    assert mail.outbox == []


def test_the_evaluation_closes_by_itself_thirty_days_after_the_meeting(world):
    meeting = held_meeting(world)
    late = held_meeting(world, days_ago=40, title="Doorstartdag")
    send_evaluation(world, meeting)
    send_evaluation(world, late)
    with tenant_scope(world.a):
        evaluation = MeetingEvaluation.objects.get(meeting=meeting)
        late_evaluation = MeetingEvaluation.objects.get(meeting=late)
    assert evaluation.closes_at == meeting.ends_at + timedelta(days=30)
    # Sent late, it stays open a week.
    assert late_evaluation.closes_at > timezone.now() + timedelta(days=6)
    link = links()["editor@alfa.test"]
    with tenant_scope(world.a):
        MeetingEvaluation.objects.update(closes_at=timezone.now() - timedelta(minutes=1))

    refused = Client().post(link, lunch_answers())

    assert refused.status_code == HTTPStatus.GONE
    assert "Gesloten" in _page(world, meeting)


def test_sending_reminding_and_closing_are_in_the_history(world):
    meeting = held_meeting(world)
    send_evaluation(world, meeting)
    send_evaluation(world, meeting)
    world.client_for("coordinator").post(url("meetings:evaluation_close", world, pk=meeting.pk))

    entries = AuditEntry.unscoped.filter(content_type__model="meetingevaluation").order_by("id")
    assert [e.action for e in entries] == ["created", "updated", "updated"]
    assert all(e.actor == world.users["coordinator"] for e in entries)
    assert set(entries[1].changes) == {"reminded_at"}
    assert set(entries[2].changes) == {"closed_at"}
    history = world.client_for("coordinator").get(url("history:recent", world))
    assert "Evaluatie: Lunchgesprek met de dienst Mobiliteit" in history.content.decode()


OWN_QUESTIONS = {
    "workshop": "Is het duidelijk wie wat verder doet, en tegen wanneer?",
    "kick-off-day": "Weet u nu welke concrete acties uw dienst opneemt?",
    "lunch-talk": "Hebt u een win-win gevonden met de andere dienst?",
    "climate-team": "Zitten de juiste diensten en mensen rond de tafel?",
}


@pytest.mark.parametrize("method", sorted(OWN_QUESTIONS))
def test_each_method_page_shows_its_evaluation_form(world, method):
    page = world.client_for("viewer").get(url("meetings:method", world, key=method))
    text = page.content.decode()
    assert "Evaluatieformulier" in text
    assert "Wat werkte goed?" in text
    assert "Wat moeten we de volgende keer anders doen?" in text
    assert "(score van 1 tot 5)" in text
    for key, question in OWN_QUESTIONS.items():
        assert (question in text) == (key == method)


@pytest.mark.parametrize("answers", [1, 4])
def test_the_meeting_page_queries_the_same_however_many_answered(
    world, answers, django_assert_num_queries
):
    people = ["editor", "viewer", "coach", "coordinator"]
    meeting = held_meeting(world, attendance=dict.fromkeys(people, True))
    send_evaluation(world, meeting)
    sent = links()
    for who in people[:answers]:
        Client().post(sent[f"{who}@alfa.test"], lunch_answers())
    client = world.client_for("coordinator")
    client.get(url("meetings:detail", world, pk=meeting.pk))  # warm the session

    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        page = client.get(url("meetings:detail", world, pk=meeting.pk))
    assert page.status_code == HTTPStatus.OK


# The session, the membership and the meeting with its people, departments, agreements, updates
# and the actions created there, then the evaluation and its responses in two queries.
MEETING_PAGE_QUERIES = 12
