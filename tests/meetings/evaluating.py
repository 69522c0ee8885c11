"""Helpers for the evaluation tests: a meeting held last week, sending its evaluation and the
participants' links from their e-mails."""

import re
from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.models import Meeting, MeetingAttendee, MeetingKind, Method
from tests.meetings.conftest import url

LINK = re.compile(r"https?://[^/\s]+(/evaluatie/[^/\s\"]+/)")


def held_meeting(
    world,
    *,
    municipality=None,
    method: str | None = "lunch-talk",
    title: str = "Lunchgesprek met de dienst Mobiliteit",
    attendance: dict[str, bool | None] | None = None,
    days_ago: int = 2,
) -> Meeting:
    """A meeting held `days_ago` days ago; by default the editor attended, the viewer's
    attendance is unknown and the coordinator was absent."""
    municipality = municipality or world.a
    attendance = (
        {"editor": True, "viewer": None, "coordinator": False} if attendance is None else attendance
    )
    start = timezone.now() - timedelta(days=days_ago)
    with tenant_scope(municipality):
        meeting = Meeting.objects.create(
            municipality=municipality,
            title=title,
            kind=MeetingKind.METHOD if method else MeetingKind.OTHER,
            method=Method.objects.get(key=method) if method else None,
            starts_at=start,
            ends_at=start + timedelta(hours=1, minutes=30),
            place="Vergaderzaal 2, administratief centrum",
        )
        for who, attended in attendance.items():
            MeetingAttendee.objects.create(
                meeting=meeting, user=world.users[who], attended=attended
            )
    return meeting


def send_evaluation(world, meeting: Meeting, who: str = "coordinator"):
    """Press "Send evaluation" on the meeting page as `who`, with the mails sent."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return world.client_for(who).post(url("meetings:evaluation_send", world, pk=meeting.pk))


def links() -> dict[str, str]:
    """The evaluation link in each mail sent, by recipient."""
    found = {}
    for message in mail.outbox:
        match = LINK.search(message.body)
        if match:
            found[message.to[0]] = match.group(1)
    return found


def lunch_answers(**changes: str) -> dict[str, str]:
    return {
        "worked": "Eindelijk samen aan tafel met Mobiliteit.",
        "change": "Meer tijd voor de werkafspraken op het einde.",
        "usefulness": "4",
        "win-win": "yes",
        "together": "Samen de schoolstraten plannen.",
        **changes,
    }
