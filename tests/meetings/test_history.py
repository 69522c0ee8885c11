"""The history of a meeting and of a work agreement reads as what people did."""

import pytest
from django.urls import reverse

from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


def test_the_meeting_history_shows_planning_and_attendance(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("coordinator")
    client.post(
        url("meetings:attendance", world, pk=meeting.pk), {"present": [world.users["editor"].pk]}
    )
    client.post(url("meetings:cancel", world, pk=meeting.pk))

    history = reverse(
        "history:object",
        kwargs={"municipality": "alfa", "model_label": "meetings.meeting", "object_id": meeting.pk},
    )
    page = client.get(history)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Lunchgesprek met de dienst Mobiliteit" in text
    assert "geannuleerd" in text.lower()


def test_attendance_and_parties_are_recorded_per_person_and_department(world, plan_meeting):
    from daadkracht.history.models import AuditEntry
    from daadkracht.meetings.models import MeetingAttendee, WorkAgreementParty

    meeting = plan_meeting()
    client = world.client_for("coordinator")
    client.post(
        url("meetings:attendance", world, pk=meeting.pk), {"present": [world.users["editor"].pk]}
    )
    client.post(
        reverse("agreements:create", kwargs={"municipality": "alfa"}),
        {
            "title": "Samen fietsstraten plannen",
            "status": "agreed",
            "party_1_department": world.department_a.pk,
            "party_1_commitment": "Tekent de plannen",
            "party_2_department": world.other_department_a.pk,
        },
    )

    attended = AuditEntry.unscoped.filter(content_type__model="meetingattendee", action="updated")
    assert attended.count() == 2  # one attended, one did not
    assert {int(e.object_id) for e in attended} == set(
        MeetingAttendee.unscoped.values_list("pk", flat=True)
    )
    party_entries = AuditEntry.unscoped.filter(
        content_type__model="workagreementparty", action="created"
    )
    assert {int(e.object_id) for e in party_entries} == set(
        WorkAgreementParty.unscoped.values_list("pk", flat=True)
    )
