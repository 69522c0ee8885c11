"""Actions of the plan created at a meeting."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.meetings.models import Meeting, MeetingAction
from daadkracht.plans.models import Action, Plan, Theme
from daadkracht.plans.services.actions import Involvement, action_create


def meeting_action_create(
    *,
    actor: Any,
    meeting: Meeting,
    plan: Plan,
    themes: Sequence[Theme] = (),
    tag_names: Sequence[str] = (),
    involvements: Sequence[Involvement] = (),
    **values: Any,
) -> Action:
    """A new action in the plan, made at the meeting: the plans service checks who may create it
    and records it; the meeting keeps the link, which the history records with the meeting."""
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting can no longer be changed."))
    with transaction.atomic():
        action = action_create(
            actor=actor,
            plan=plan,
            themes=themes,
            tag_names=tag_names,
            involvements=involvements,
            **values,
        )
        link = MeetingAction.objects.create(meeting=meeting, action=action)
        audit_record(
            actor=actor, instance=link, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return action
