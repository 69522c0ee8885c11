"""The timeline of an action: the updates and decisions people post, and the entries recorded
whenever the status, progress or deadline changes some other way (the edit form, the board, an
import), so that every change of course can be traced to where it came from."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, ActionStatus, StatusUpdate, UpdateKind, UpdateSource
from daadkracht.plans.policies import can_edit_action, can_post_update
from daadkracht.tenancy.policies import enforce

# The sources of entries recorded with a change (not written by a person).
RECORDED_SOURCES = (UpdateSource.FORM, UpdateSource.BOARD, UpdateSource.IMPORT, UpdateSource.API)


@dataclass(frozen=True)
class Course:
    """An action's status, progress and deadline at one moment: what a timeline entry moves."""

    status_id: int | None
    progress: int
    deadline: date | None

    @classmethod
    def of(cls, action: Action) -> "Course":
        return cls(action.status_id, action.progress, action.deadline)


def timeline_changes_record(
    *,
    actor: Any,
    source: UpdateSource,
    changes: Sequence[tuple[Action, Course]],
) -> list[StatusUpdate]:
    """Record on each action's timeline how its status, progress or deadline changed since
    `Course` was taken, and where (`source`): one entry per changed action, dated today.

    Called by the service that made the change, inside its transaction and after its own
    permission check. The entries do not count as news about the action: `last_update_at`
    (what "stale" and "no update yet" go by) moves only for what a person writes.
    """
    if source not in RECORDED_SOURCES:
        raise ValueError(f"{source} is written by a person, not recorded with a change")
    author = actor if getattr(actor, "is_authenticated", False) else None
    today = timezone.localdate()
    entries = []
    for action, before in changes:
        after = Course.of(action)
        if after == before:
            continue
        entries.append(
            StatusUpdate(
                municipality_id=action.municipality_id,
                action=action,
                author=author,
                date=today,
                kind=UpdateKind.UPDATE,
                source=source,
                text="",
                previous_status_id=before.status_id,
                new_status_id=after.status_id if after.status_id != before.status_id else None,
                previous_progress=before.progress,
                new_progress=after.progress if after.progress != before.progress else None,
                previous_deadline=before.deadline,
                new_deadline=after.deadline if after.deadline != before.deadline else None,
                deadline_removed=before.deadline is not None and after.deadline is None,
            )
        )
    return StatusUpdate.objects.bulk_create(entries, batch_size=500)


def action_status_move(*, actor: Any, action: Action, status: ActionStatus) -> Action:
    """Give the action another status from the board; its timeline records where it came from."""
    if status.plan_id != action.plan_id:
        raise ValidationError({"status": _("This status does not belong to the plan.")})
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        enforce(can_edit_action, locked)
        if locked.status_id == status.pk:
            return locked
        before, course = snapshot(locked), Course.of(locked)
        locked.status = status
        locked.updated_at = timezone.now()
        # A new version, so that an edit form opened before the move reports a conflict instead
        # of silently undoing it.
        locked.version += 1
        locked.save(update_fields=["status", "updated_at", "version"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.BOARD,
            before=before,
        )
        timeline_changes_record(actor=actor, source=UpdateSource.BOARD, changes=[(locked, course)])
    return locked


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
    """Add a dated entry, written by a person, to the action's timeline and apply the changes it
    announces. Departments that contribute to the action may post too (`can_post_update`).

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
        enforce(can_post_update, locked)
        if expected_version is not None and locked.version != expected_version:
            raise ConcurrentEditError()
        before = snapshot(locked)
        update = StatusUpdate.objects.create(
            municipality_id=locked.municipality_id,
            action=locked,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            date=on_date or timezone.localdate(),
            kind=kind,
            source=UpdateSource.DECISION if kind == UpdateKind.DECISION else UpdateSource.UPDATE,
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
        audit_record(
            actor=actor,
            instance=action,
            action=AuditAction.UPDATED,
            source=ChangeSource.UPDATE,
            before=before,
        )
    return update
