"""From a meeting, a status update or decision goes onto an action's timeline, and the meeting
keeps a link to it."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest

from daadkracht.meetings.models import MeetingUpdate
from daadkracht.plans.models import StatusUpdate
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


def test_a_decision_at_a_meeting_lands_on_the_action_and_links_back(world, plan_meeting):
    held = date.today() - timedelta(days=2)
    meeting = plan_meeting(date=held.isoformat())
    client = world.client_for("coordinator")

    response = client.post(
        url("meetings:update_post", world, pk=meeting.pk),
        {
            "action": world.action_a.pk,
            "kind": "decision",
            "text": "Groendienst en Mobiliteit plannen de fietsstraten samen.",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    update = StatusUpdate.unscoped.get(action=world.action_a)
    assert update.kind == "decision"
    assert update.date == held
    assert MeetingUpdate.unscoped.get().meeting == meeting
    page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert "Groendienst en Mobiliteit plannen de fietsstraten samen." in page
    assert url("plans:action_detail", world, pk=world.action_a.pk) in page


def test_an_editor_posts_only_on_actions_of_their_department(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("editor")  # Mobiliteit leads action_a, not other_action_a

    page = client.get(url("meetings:update_post", world, pk=meeting.pk)).content.decode()
    assert "Fietsstraten in het centrum" in page
    assert "Ontharding van schoolpleinen" not in page
    response = client.post(
        url("meetings:update_post", world, pk=meeting.pk),
        {"action": world.other_action_a.pk, "kind": "update", "text": "Stiekem"},
    )

    assert response.status_code == HTTPStatus.OK
    assert not StatusUpdate.unscoped.filter(action=world.other_action_a).exists()


def test_an_action_of_another_municipality_is_refused(world, plan_meeting):
    meeting = plan_meeting()

    world.client_for("coordinator").post(
        url("meetings:update_post", world, pk=meeting.pk),
        {"action": world.action_b.pk, "kind": "update", "text": "Over de grens"},
    )

    assert not StatusUpdate.unscoped.exists()
    assert not MeetingUpdate.unscoped.exists()


def test_an_empty_text_keeps_the_form_and_posts_nothing(world, plan_meeting):
    meeting = plan_meeting()

    response = world.client_for("coordinator").post(
        url("meetings:update_post", world, pk=meeting.pk),
        {"action": world.action_a.pk, "kind": "update", "text": ""},
    )

    assert response.status_code == HTTPStatus.OK
    assert not StatusUpdate.unscoped.exists()
