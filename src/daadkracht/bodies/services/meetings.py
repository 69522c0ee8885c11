"""Meetings of a body: planned through the meetings app (agenda, invitations, notes, decisions
and attendance stay there) and linked to the body."""

from typing import Any

from django.db import transaction

from daadkracht.bodies.models import BodyMeeting, GovernanceBody
from daadkracht.bodies.policies import can_manage_bodies
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.meetings.models import Meeting, MeetingKind
from daadkracht.meetings.services.meetings import meeting_create
from daadkracht.tenancy.policies import enforce


def body_meeting_create(*, actor: Any, body: GovernanceBody, **values: Any) -> Meeting:
    """Plan a meeting of the body (see `meetings.services.meeting_create`) and link it."""
    enforce(can_manage_bodies)
    with transaction.atomic():
        meeting = meeting_create(actor=actor, kind=MeetingKind.OTHER, method=None, **values)
        link = BodyMeeting.objects.create(body=body, meeting=meeting)
        audit_record(
            actor=actor, instance=link, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return meeting
