"""Posting a status update or decision: the record of adjusting course."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, ActionStatus, StatusUpdate, UpdateKind
from daadkracht.plans.policies import can_edit_action
from daadkracht.tenancy.policies import enforce


def timeline_update_post(
    *,
    actor: Any,
    action: Action,
    text: str,
    kind: str = UpdateKind.UPDATE,
    on_date: date | None = None,
    new_status: ActionStatus | None = None,
    new_progress: int | None = None,
    new_deadline: date | None = None,
    expected_version: int | None = None,
) -> StatusUpdate:
    """Add a dated entry to the action's timeline and apply the changes it announces.

    With `expected_version` (from a form that shows the current status, progress and deadline),
    the update is refused with ConcurrentEditError when the action changed since the form was
    opened, so that re-sending the shown values does not undo someone else's change.
    """
    if not text.strip():
        raise ValidationError({"text": _("Write what happened or what was decided.")})
    if new_progress is not None and not 0 <= new_progress <= 100:
        raise ValidationError({"new_progress": _("Progress is a percentage from 0 to 100.")})
    if new_status is not None and new_status.plan_id != action.plan_id:
        raise ValidationError({"new_status": _("This status does not belong to the plan.")})
    for field, day in (("date", on_date), ("new_deadline", new_deadline)):
        if day is not None and not is_plausible(day):
            raise ValidationError({field: OUT_OF_RANGE})
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        enforce(can_edit_action, locked)
        if expected_version is not None and locked.version != expected_version:
            raise ConcurrentEditError()
        before = snapshot(locked)
        update = StatusUpdate.objects.create(
            municipality_id=locked.municipality_id,
            action=locked,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            date=on_date or timezone.localdate(),
            kind=kind,
            text=text.strip(),
            previous_status_id=locked.status_id,
            new_status=new_status if new_status and new_status.pk != locked.status_id else None,
            previous_progress=locked.progress,
            new_progress=new_progress if new_progress != locked.progress else None,
            previous_deadline=locked.deadline,
            new_deadline=new_deadline if new_deadline != locked.deadline else None,
        )
        changes: dict[str, Any] = {"last_update_at": timezone.now()}
        if update.new_status is not None:
            changes["status"] = update.new_status
        if update.new_progress is not None:
            changes["progress"] = update.new_progress
        if update.new_deadline is not None:
            changes["deadline"] = update.new_deadline
        if kind == UpdateKind.DECISION and locked.decision_needed:
            # The decision the action waited for is taken: off the executive board's list.
            changes["decision_needed"] = False
            changes["decision_question"] = ""
        # The update bumps the version, so an edit form opened before it reports a conflict
        # instead of silently undoing the new status, progress or deadline.
        Action.objects.filter(pk=locked.pk).update(version=F("version") + 1, **changes)
        for field, value in changes.items():
            setattr(action, field, value)
        action.version = locked.version + 1
        audit_record(actor=actor, instance=action, action=AuditAction.UPDATED, before=before)
    return update
