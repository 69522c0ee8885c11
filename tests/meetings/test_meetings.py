"""Meetings: planning one, its page, the list, editing with version checks, cancelling,
attendance, and who may do what."""

from datetime import datetime, time, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.meetings.models import Meeting, MeetingAttendee, MeetingDepartment
from tests.meetings.conftest import next_week, url

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_a_coordinator_plans_a_lunch_talk_with_its_agenda(world, plan_meeting):
    meeting = plan_meeting()

    assert meeting.municipality == world.a
    assert meeting.starts_at == datetime.combine(next_week(), time(12, 0), tzinfo=BRUSSELS)
    assert meeting.method.key == "lunch-talk"
    # Left empty, the agenda comes from the method's template.
    assert "Win-win" in meeting.agenda or "win-win" in meeting.agenda
    assert set(MeetingDepartment.unscoped.values_list("department", flat=True)) == {
        world.department_a.pk,
        world.other_department_a.pk,
    }
    assert MeetingAttendee.unscoped.filter(meeting=meeting).count() == 2
    assert AuditEntry.unscoped.filter(object_id=meeting.pk).exists()


def test_the_meeting_page_shows_when_where_and_who(world, plan_meeting):
    meeting = plan_meeting()

    page = world.client_for("viewer").get(url("meetings:detail", world, pk=meeting.pk))
    text = page.content.decode()

    assert "Vergaderzaal 2" in text
    assert "12:00\u201313:30" in text
    assert "Editor Alfa" in text
    assert "Mobiliteit" in text
    # Viewers read, but find no buttons to change the meeting.
    assert url("meetings:edit", world, pk=meeting.pk) not in text


def test_the_coach_plans_meetings_too(world, plan_meeting):
    assert plan_meeting("coach").organiser == world.users["coach"]


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_editors_and_viewers_cannot_plan(world, who):
    client = world.client_for(who)

    assert client.get(url("meetings:create", world)).status_code == HTTPStatus.FORBIDDEN
    response = client.post(url("meetings:create", world), {"title": "Stiekem"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Meeting.unscoped.exists()


def test_another_municipality_sees_nothing_of_the_meeting(world, plan_meeting):
    meeting = plan_meeting()
    outsider = world.client_for("other_municipality")

    response = outsider.get(url("meetings:detail", world, pk=meeting.pk))
    assert response.status_code == HTTPStatus.NOT_FOUND
    own_list = outsider.get(f"/{world.b.slug}/overleg/").content.decode()
    assert meeting.title not in own_list
    other_detail = outsider.get(f"/{world.b.slug}/overleg/{meeting.pk}/")
    assert other_detail.status_code == HTTPStatus.NOT_FOUND


def test_an_end_before_the_start_is_refused_and_what_was_typed_stays(world):
    response = world.client_for("coordinator").post(
        url("meetings:create", world),
        {
            "title": "Doorstartdag",
            "kind": "other",
            "date": next_week().isoformat(),
            "start_time": "14:00",
            "end_time": "09:00",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "moet eindigen na het begin" in response.content.decode()
    assert 'value="Doorstartdag"' in response.content.decode()
    assert not Meeting.unscoped.exists()


def test_a_method_meeting_needs_its_method(world):
    response = world.client_for("coordinator").post(
        url("meetings:create", world),
        {
            "title": "Workshop",
            "kind": "method",
            "date": next_week().isoformat(),
            "start_time": "09:00",
            "end_time": "12:00",
        },
    )

    assert "Kies de methodiek" in response.content.decode()


def test_the_list_filters_by_type_and_period_and_sorts(world, plan_meeting):
    plan_meeting(title="Lunchgesprek Groendienst")
    plan_meeting(title="Intake met de schepen", kind="intake", method="", date="2020-03-02")
    client = world.client_for("viewer")

    lunch = client.get(url("meetings:list", world) + "?type=lunch-talk").content.decode()
    assert "Lunchgesprek Groendienst" in lunch
    assert "Intake met de schepen" not in lunch
    held = client.get(url("meetings:list", world) + "?period=past").content.decode()
    assert "Intake met de schepen" in held
    assert "Lunchgesprek Groendienst" not in held
    by_date = client.get(url("meetings:list", world) + "?sort=date").content.decode()
    assert by_date.index("Intake met de schepen") < by_date.index("Lunchgesprek Groendienst")
    odd = client.get(url("meetings:list", world) + "?type=%00&period=ooit&from=31-31-31")
    assert odd.status_code == HTTPStatus.OK


def test_the_list_exports_to_a_spreadsheet(world, plan_meeting):
    plan_meeting()

    response = world.client_for("viewer").get(url("meetings:list", world) + "?export=csv")

    content = b"".join(response.streaming_content).decode()
    assert "Lunchgesprek met de dienst Mobiliteit" in content


def test_an_empty_list_says_how_to_start(world):
    page = world.client_for("coordinator").get(url("meetings:list", world)).content.decode()

    assert "Plan de eerste vergadering" in page


def test_editing_moves_the_meeting_and_a_stale_form_merges(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("coordinator")
    form = client.get(url("meetings:edit", world, pk=meeting.pk)).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["departments"] = [d.pk for d in form.initial["departments"]]
    data["attendees"] = [p.pk for p in form.initial["attendees"]]
    data = {k: ("" if v is None else v) for k, v in data.items()}

    # Someone else changes the notes in between.
    other = dict(data, notes="Verslag volgt.")
    assert client.post(url("meetings:edit", world, pk=meeting.pk), other).status_code == 302
    mine = dict(data, start_time="13:00", end_time="14:00")
    response = client.post(url("meetings:edit", world, pk=meeting.pk), mine)

    assert response.status_code == HTTPStatus.FOUND
    meeting.refresh_from_db()
    assert meeting.notes == "Verslag volgt."
    assert meeting.starts_at == datetime.combine(next_week(), time(13, 0), tzinfo=BRUSSELS)
    assert meeting.sequence == 1


def test_cancelling_asks_first_then_marks_the_meeting(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("coordinator")

    question = client.get(url("meetings:cancel", world, pk=meeting.pk))
    assert "2 deelnemers" in question.content.decode()
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None

    client.post(url("meetings:cancel", world, pk=meeting.pk))
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert "geannuleerd" in page
    assert client.get(url("meetings:edit", world, pk=meeting.pk)).status_code == 302


def test_attendance_is_recorded_after_the_meeting(world, plan_meeting):
    meeting = plan_meeting()
    editor = world.users["editor"]

    world.client_for("coordinator").post(
        url("meetings:attendance", world, pk=meeting.pk), {"present": [editor.pk]}
    )

    attendance = dict(
        MeetingAttendee.unscoped.filter(meeting=meeting).values_list("user", "attended")
    )
    assert attendance == {editor.pk: True, world.users["viewer"].pk: False}


def test_attendance_of_someone_not_invited_is_refused(world, plan_meeting):
    meeting = plan_meeting()

    world.client_for("coordinator").post(
        url("meetings:attendance", world, pk=meeting.pk),
        {"present": [world.users["other_municipality"].pk]},
    )

    assert not MeetingAttendee.unscoped.filter(attended=True).exists()


def test_only_members_can_be_invited(world):
    response = world.client_for("coordinator").post(
        url("meetings:create", world),
        {
            "title": "Doorstartdag",
            "kind": "other",
            "date": next_week().isoformat(),
            "start_time": "09:00",
            "end_time": "16:00",
            "attendees": [world.users["other_municipality"].pk],
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert not Meeting.unscoped.exists()
    assert mail.outbox == []


def test_a_meeting_that_took_place_cannot_be_cancelled(world, plan_meeting):
    meeting = plan_meeting()
    with tenant_scope(world.a):
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=meeting.starts_at - timedelta(days=14),
            ends_at=meeting.ends_at - timedelta(days=14),
        )
    client = world.client_for("coordinator")

    page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert url("meetings:cancel", world, pk=meeting.pk) not in page
    response = client.post(url("meetings:cancel", world, pk=meeting.pk), follow=True)

    assert "kan niet meer geannuleerd worden" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_cancelled
    assert meeting.sequence == 0
