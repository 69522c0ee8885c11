"""Writes of the trajectory: starting it, its intake agreements, phases and checklist items."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.policies import enforce
from daadkracht.trajectory.defaults import PHASES, RESPONSIBILITIES
from daadkracht.trajectory.models import ChecklistItem, Phase, PhaseState, Trajectory
from daadkracht.trajectory.policies import can_manage_trajectory

AGREEMENT_FIELDS = allowlist("course", "timing", "task_division", "contact_person", "alderman")
PHASE_FIELDS = allowlist("planned_start", "planned_end", "owner", "state", "notes")
ITEM_FIELDS = allowlist("text", "owner", "due_date")

ALREADY_STARTED = gettext_lazy("This municipality's trajectory has already started.")


def trajectory_start(*, actor: Any, municipality: Municipality, started_on: date) -> Trajectory:
    """The municipality's trajectory with its six phases planned from `started_on` and the
    checklist of the municipality's own responsibilities. A municipality has one trajectory."""
    enforce(can_manage_trajectory)
    if Trajectory.objects.filter(municipality_id=municipality.pk).exists():
        raise ValidationError(ALREADY_STARTED)
    trajectory = Trajectory(
        municipality_id=municipality.pk,
        started_on=started_on,
        started_by=actor if getattr(actor, "pk", None) else None,
    )
    trajectory.full_clean(exclude=["municipality"])
    try:
        with transaction.atomic():
            trajectory.save()
            phases = {}
            for position, plan in enumerate(PHASES):
                phases[plan.kind] = Phase.objects.create(
                    municipality_id=municipality.pk,
                    trajectory=trajectory,
                    kind=plan.kind,
                    position=position,
                    owner=plan.owner,
                    planned_start=started_on + timedelta(weeks=plan.start_week),
                    planned_end=started_on + timedelta(weeks=plan.start_week + plan.weeks, days=-1),
                )
            for position, duty in enumerate(RESPONSIBILITIES):
                phase = phases[duty.phase]
                ChecklistItem.objects.create(
                    municipality_id=municipality.pk,
                    trajectory=trajectory,
                    key=duty.key,
                    text=str(duty.text),
                    due_date=phase.planned_start if duty.at_start else phase.planned_end,
                    position=position,
                )
            audit_record(
                actor=actor,
                instance=trajectory,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
    except IntegrityError:
        # Someone else started it at the same moment.
        raise ValidationError(ALREADY_STARTED) from None
    return trajectory


def _check_contact(trajectory: Trajectory, contact: Any) -> None:
    members = Membership.objects.filter(municipality_id=trajectory.municipality_id)
    if contact is not None and not members.filter(user=contact).exists():
        raise ValidationError(
            {"contact_person": _("The contact person must be a member of the municipality.")}
        )


def _update[M: (Trajectory, Phase, ChecklistItem)](
    *, actor: Any, instance: M, expected_version: int, values: dict[str, Any]
) -> M:
    """Set `values` on `instance` and save them, unless someone else saved in between."""
    for name, value in values.items():
        setattr(instance, name, value.strip() if isinstance(value, str) else value)
    instance.full_clean(exclude=["municipality", "trajectory", "phase"])
    with transaction.atomic():
        before = snapshot(type(instance).objects.get(pk=instance.pk))
        instance.updated_at = timezone.now()
        save_if_version(instance, expected_version=expected_version, fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=instance,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return instance


def trajectory_update_agreements(
    *, actor: Any, trajectory: Trajectory, expected_version: int, **values: Any
) -> Trajectory:
    """The agreements of the intake: course, timing, division of tasks, the contact person
    and the alderman responsible. Refused with ConcurrentEditError when someone else saved
    in between."""
    values = only_fields(values, AGREEMENT_FIELDS, service="trajectory_update_agreements")
    enforce(can_manage_trajectory)
    _check_contact(trajectory, values.get("contact_person"))
    return _update(
        actor=actor, instance=trajectory, expected_version=expected_version, values=values
    )


def phase_update(*, actor: Any, phase: Phase, expected_version: int, **values: Any) -> Phase:
    """A phase's dates, who carries it, its state and notes."""
    values = only_fields(values, PHASE_FIELDS, service="phase_update")
    enforce(can_manage_trajectory)
    start = values.get("planned_start", phase.planned_start)
    end = values.get("planned_end", phase.planned_end)
    if start is not None and end is not None and end < start:
        raise ValidationError({"planned_end": _("The end cannot lie before the start.")})
    if values.get("state", phase.state) not in PhaseState.values:
        raise ValidationError({"state": _("Choose one of the states.")})
    return _update(actor=actor, instance=phase, expected_version=expected_version, values=values)


def _validate_text(text: str) -> None:
    if not text.strip():
        raise ValidationError({"text": _("Say what is to be done.")})


def checklist_item_create(
    *,
    actor: Any,
    trajectory: Trajectory,
    phase: Phase | None,
    text: str,
    owner: str,
    due_date: date | None = None,
) -> ChecklistItem:
    """A new item at the end of a phase's checklist, or of the municipality's responsibilities
    when there is no phase."""
    enforce(can_manage_trajectory)
    _validate_text(text)
    if phase is not None and phase.trajectory_id != trajectory.pk:
        raise ValidationError(_("The phase belongs to another trajectory."))
    with transaction.atomic():
        last = ChecklistItem.objects.filter(trajectory=trajectory, phase=phase).aggregate(
            last=Max("position")
        )["last"]
        item = ChecklistItem(
            municipality_id=trajectory.municipality_id,
            trajectory=trajectory,
            phase=phase,
            text=text.strip(),
            owner=owner,
            due_date=due_date,
            position=0 if last is None else last + 1,
        )
        item.full_clean(exclude=["municipality", "trajectory", "phase"])
        item.save()
        audit_record(
            actor=actor, instance=item, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return item


def checklist_item_update(
    *, actor: Any, item: ChecklistItem, expected_version: int, **values: Any
) -> ChecklistItem:
    values = only_fields(values, ITEM_FIELDS, service="checklist_item_update")
    enforce(can_manage_trajectory)
    _validate_text(values.get("text", item.text))
    return _update(actor=actor, instance=item, expected_version=expected_version, values=values)


def checklist_item_set_done(*, actor: Any, item: ChecklistItem, done: bool) -> ChecklistItem:
    """Tick the item off or open it again; asking for the state it has changes nothing."""
    enforce(can_manage_trajectory)
    with transaction.atomic():
        stored = ChecklistItem.objects.select_for_update().get(pk=item.pk)
        if stored.is_done == done:
            item.done_at, item.version = stored.done_at, stored.version
            return item
        before = snapshot(stored)
        item.done_at = timezone.now() if done else None
        ChecklistItem.objects.filter(pk=item.pk).update(
            done_at=item.done_at, updated_at=timezone.now(), version=F("version") + 1
        )
        item.version = stored.version + 1
        audit_record(
            actor=actor,
            instance=item,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return item


def checklist_item_delete(*, actor: Any, item: ChecklistItem) -> None:
    enforce(can_manage_trajectory)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=item, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        item.delete()
