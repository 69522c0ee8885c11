"""Tasks and milestones of an action: adding, changing, ticking off and removing them."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Task
from daadkracht.plans.policies import can_edit_action
from daadkracht.tenancy.policies import enforce

TASK_FIELDS = allowlist("title", "owner", "due_date", "is_milestone")


def _enforce_for(task: Task) -> None:
    # The task's action as stored: who may change the action may change its tasks.
    enforce(can_edit_action, Action.unscoped.get(pk=task.action_id))


def _validate(title: str) -> None:
    if not title.strip():
        raise ValidationError({"title": _("Give the task a title.")})


def task_create(
    *,
    actor: Any,
    action: Action,
    title: str,
    owner: Any = None,
    due_date: date | None = None,
    is_milestone: bool = False,
) -> Task:
    """A new task at the end of the action's list."""
    enforce(can_edit_action, action)
    _validate(title)
    with transaction.atomic():
        last = Task.objects.filter(action=action).aggregate(last=Max("position"))["last"]
        task = Task(
            municipality_id=action.municipality_id,
            action=action,
            title=title.strip(),
            owner=owner,
            due_date=due_date,
            is_milestone=is_milestone,
            position=0 if last is None else last + 1,
        )
        task.full_clean(exclude=["municipality", "action"])
        task.save()
        audit_record(
            actor=actor, instance=task, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return task


def task_update(*, actor: Any, task: Task, expected_version: int, **values: Any) -> Task:
    """Save the edit unless someone else saved in between (ConcurrentEditError)."""
    values = only_fields(values, TASK_FIELDS, service="task_update")
    _enforce_for(task)
    _validate(values.get("title", task.title))
    for field, value in values.items():
        setattr(task, field, value.strip() if field == "title" else value)
    task.full_clean(exclude=["municipality", "action"])
    with transaction.atomic():
        before = snapshot(Task.unscoped.get(pk=task.pk))
        task.updated_at = timezone.now()
        save_if_version(task, expected_version=expected_version, fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=task,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return task


def task_set_done(*, actor: Any, task: Task, done: bool) -> Task:
    """Tick the task off or open it again; asking for the state it has already changes nothing."""
    _enforce_for(task)
    with transaction.atomic():
        stored = Task.objects.select_for_update().get(pk=task.pk)
        if stored.is_done == done:
            task.done_at, task.version = stored.done_at, stored.version
            return task
        before = snapshot(stored)
        task.done_at = timezone.now() if done else None
        Task.objects.filter(pk=task.pk).update(
            done_at=task.done_at, updated_at=timezone.now(), version=F("version") + 1
        )
        task.version = stored.version + 1
        audit_record(
            actor=actor,
            instance=task,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return task


def task_delete(*, actor: Any, task: Task) -> None:
    _enforce_for(task)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=task, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        task.delete()
