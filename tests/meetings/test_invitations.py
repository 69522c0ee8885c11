"""Invitations: an e-mail in the invitee's language with an iCalendar file that calendars read
at the right local time, updated when the meeting moves and withdrawn when it is cancelled."""

from datetime import datetime, time
from http import HTTPStatus
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from icalendar import Calendar

from daadkracht.accounts.models import User
from tests.meetings.conftest import next_week, url

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def calendar_of(message) -> Calendar:
    (attachment,) = message.attachments
    assert attachment.mimetype.startswith("text/calendar")
    return Calendar.from_ical(attachment.content)


def event_of(calendar: Calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def test_each_participant_gets_a_dutch_invitation_with_a_link(world, plan_meeting):
    meeting = plan_meeting()

    assert sorted(m.to[0] for m in mail.outbox) == ["editor@alfa.test", "viewer@alfa.test"]
    message = next(m for m in mail.outbox if m.to == ["editor@alfa.test"])
    assert message.subject.startswith("Uitnodiging: Lunchgesprek met de dienst Mobiliteit op ")
    assert "Dag Editor," in message.body
    assert "Je bent uitgenodigd" in message.body
    assert "Vergaderzaal 2, administratief centrum" in message.body
    assert f"/alfa/overleg/{meeting.pk}/" in message.body
    html, _type = message.alternatives[0]
    assert f"/alfa/overleg/{meeting.pk}/" in html


def test_the_invitation_parses_and_starts_at_noon_in_brussels(world, plan_meeting):
    meeting = plan_meeting()
    calendar = calendar_of(mail.outbox[0])
    event = event_of(calendar)

    assert str(calendar["METHOD"]) == "REQUEST"
    start = event.decoded("DTSTART")
    assert start == datetime.combine(next_week(), time(12, 0), tzinfo=BRUSSELS)
    assert start.astimezone(BRUSSELS).hour == 12
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(event["UID"]) == f"meeting-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname}"
    assert event.decoded("SEQUENCE") == 0
    assert str(event["LOCATION"]) == "Vergaderzaal 2, administratief centrum"
    attendees = sorted(str(a) for a in event.get("ATTENDEE"))
    assert attendees == ["mailto:editor@alfa.test", "mailto:viewer@alfa.test"]


def test_a_french_speaking_participant_reads_french(world, plan_meeting):
    User.objects.filter(pk=world.users["viewer"].pk).update(language="fr")

    plan_meeting()

    message = next(m for m in mail.outbox if m.to == ["viewer@alfa.test"])
    assert message.subject.startswith("Invitation")
    assert "Bonjour" in message.body


def test_moving_the_meeting_sends_an_update_with_the_same_uid_and_a_higher_sequence(
    world, plan_meeting, django_capture_on_commit_callbacks
):
    meeting = plan_meeting()
    first_uid = str(event_of(calendar_of(mail.outbox[0]))["UID"])
    mail.outbox.clear()
    client = world.client_for("coordinator")
    form = client.get(url("meetings:edit", world, pk=meeting.pk)).context["form"]
    data = {k: ("" if v is None else v) for k, v in ((n, form[n].value()) for n in form.fields)}
    data.update(
        departments=[d.pk for d in form.initial["departments"]],
        attendees=[p.pk for p in form.initial["attendees"]],
        place="Raadzaal",
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("meetings:edit", world, pk=meeting.pk), data)

    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject.startswith("Gewijzigd: Lunchgesprek met de dienst Mobiliteit")
    assert "Raadzaal" in message.body
    event = event_of(calendar_of(message))
    assert str(event["UID"]) == first_uid
    assert event.decoded("SEQUENCE") == 1


def test_changing_only_the_notes_sends_nothing(
    world, plan_meeting, django_capture_on_commit_callbacks
):
    meeting = plan_meeting()
    mail.outbox.clear()
    client = world.client_for("coordinator")
    form = client.get(url("meetings:edit", world, pk=meeting.pk)).context["form"]
    data = {k: ("" if v is None else v) for k, v in ((n, form[n].value()) for n in form.fields)}
    data.update(
        departments=[d.pk for d in form.initial["departments"]],
        attendees=[p.pk for p in form.initial["attendees"]],
        notes="Broodjes voorzien door de dienst Mobiliteit.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("meetings:edit", world, pk=meeting.pk), data)

    assert mail.outbox == []


def test_cancelling_sends_a_cancellation_that_calendars_understand(
    world, plan_meeting, django_capture_on_commit_callbacks
):
    meeting = plan_meeting()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        world.client_for("coordinator").post(url("meetings:cancel", world, pk=meeting.pk))

    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject.startswith("Geannuleerd: Lunchgesprek met de dienst Mobiliteit")
    assert "gaat niet door" in message.body
    calendar = calendar_of(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    event = event_of(calendar)
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("SEQUENCE") == 1


def test_the_meeting_page_offers_the_calendar_file(world, plan_meeting):
    meeting = plan_meeting()

    response = world.client_for("viewer").get(url("meetings:calendar", world, pk=meeting.pk))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    event = event_of(Calendar.from_ical(response.content))
    assert event.decoded("DTSTART").astimezone(BRUSSELS).time() == time(12, 0)
    assert event.decoded("DTEND").astimezone(BRUSSELS).time() == time(13, 30)


def test_a_summer_and_a_winter_meeting_keep_their_local_hour(world, plan_meeting):
    for day in ("2027-01-15", "2027-07-15"):
        meeting = plan_meeting(date=day, start_time="09:30", end_time="11:00")
        response = world.client_for("viewer").get(url("meetings:calendar", world, pk=meeting.pk))
        start = event_of(Calendar.from_ical(response.content)).decoded("DTSTART")
        assert start.astimezone(BRUSSELS).time() == time(9, 30)
    assert start.utcoffset().total_seconds() == 7200  # summer time, UTC+2
