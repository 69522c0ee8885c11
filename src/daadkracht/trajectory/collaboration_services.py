"""Writes of the administrative collaboration model: who coordinates and how decisions reach
the executive board, the bodies that meet, and each department's climate contact."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.concurrency import ConcurrentEditError, save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.meetings.models import ClimateTeam
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.roles import Role
from daadkracht.trajectory.defaults import (
    SUGGESTED_BODIES,
    SUGGESTED_MANDATE,
    SUGGESTED_RHYTHM,
    SUGGESTED_ROUTE,
)
from daadkracht.trajectory.models import ClimateContactName, CollaborationBody, CollaborationModel
from daadkracht.trajectory.policies import can_manage_trajectory
from daadkracht.trajectory.selectors import climate_contacts_basis

MODEL_FIELDS = allowlist(
    "coordinator",
    "coordinating_department",
    "mandate",
    "decision_route",
    "reporting_rhythm",
    "reporting_note",
    "notes",
)
BODY_FIELDS = allowlist(
    "name",
    "kind",
    "climate_team",
    "chair",
    "frequency",
    "frequency_note",
    "participants",
    "decides",
)

ALREADY_DESCRIBED = gettext_lazy("This municipality's collaboration model is already described.")


def _is_member(municipality_id: int, user: Any) -> bool:
    return Membership.objects.filter(municipality_id=municipality_id, user=user).exists()


def _check_model_values(municipality_id: int, values: Mapping[str, Any]) -> None:
    coordinator = values.get("coordinator")
    if coordinator is not None and not _is_member(municipality_id, coordinator):
        raise ValidationError(
            {"coordinator": _("The coordinator must be a member of the municipality.")}
        )
    department = values.get("coordinating_department")
    if department is not None and department.municipality_id != municipality_id:
        raise ValidationError(
            {"coordinating_department": _("Choose a department of the municipality.")}
        )


def _clean_text(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: v.strip() if isinstance(v, str) else v for name, v in values.items()}


def collaboration_model_update(
    *,
    actor: Any,
    collaboration_model: CollaborationModel,
    expected_version: int,
    **values: Any,
) -> CollaborationModel:
    """Who coordinates, with which mandate, the route of a decision to the executive board and
    the rhythm of reporting. A model not stored yet is created (expected version 0); refused
    with ConcurrentEditError when someone else saved or created it in between."""
    values = _clean_text(only_fields(values, MODEL_FIELDS, service="collaboration_model_update"))
    enforce(can_manage_trajectory)
    instance = collaboration_model
    _check_model_values(instance.municipality_id, values)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean(exclude=["municipality"])
    with transaction.atomic():
        if instance.pk is None:
            if expected_version:
                raise ConcurrentEditError()
            try:
                with transaction.atomic():
                    instance.save()
            except IntegrityError:
                # Described by someone else at the same moment.
                instance.pk = None
                raise ConcurrentEditError() from None
            audit_record(
                actor=actor, instance=instance, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
            return instance
        before = snapshot(CollaborationModel.objects.get(pk=instance.pk))
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


def _model_for_change(
    actor: Any, municipality: Municipality, expected_version: int
) -> CollaborationModel:
    """The municipality's model, its version raised as the mark of this change; created when
    the editor started from none. ConcurrentEditError when someone else saved in between."""
    stored = CollaborationModel.objects.filter(municipality_id=municipality.pk).first()
    if stored is None:
        if expected_version:
            raise ConcurrentEditError()
        created = CollaborationModel(municipality_id=municipality.pk)
        try:
            with transaction.atomic():
                created.save()
        except IntegrityError:
            raise ConcurrentEditError() from None
        audit_record(
            actor=actor, instance=created, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
        return created
    stored.updated_at = timezone.now()
    save_if_version(stored, expected_version=expected_version, fields=["updated_at"])
    return stored


@dataclass(frozen=True)
class BodyChange:
    """One row of the bodies form: a stored body (None for a new one) and its values, or
    the stored body to remove."""

    body: CollaborationBody | None
    values: dict[str, Any] = field(default_factory=dict)
    remove: bool = False


def _check_body_values(municipality_id: int, values: Mapping[str, Any]) -> None:
    if not str(values.get("name") or "").strip():
        raise ValidationError({"name": _("Give the body a name.")})
    team = values.get("climate_team")
    if team is not None and (
        not isinstance(team, ClimateTeam) or team.municipality_id != municipality_id
    ):
        raise ValidationError({"climate_team": _("Choose a climate team of the municipality.")})


def collaboration_bodies_save(
    *,
    actor: Any,
    municipality: Municipality,
    expected_version: int,
    changes: Sequence[BodyChange],
) -> CollaborationModel:
    """The bodies that meet, in the order given: stored ones changed or removed, new ones
    added. Checked against the collaboration model's version, which the change raises."""
    enforce(can_manage_trajectory)
    checked = []
    for change in changes:
        values = _clean_text(
            only_fields(change.values, BODY_FIELDS, service="collaboration_bodies_save")
        )
        if not change.remove:
            _check_body_values(municipality.pk, values)
        checked.append((change, values))
    with transaction.atomic():
        model = _model_for_change(actor, municipality, expected_version)
        position = 0
        for change, values in checked:
            body = change.body
            if body is not None and body.collaboration_model_id != model.pk:
                raise ValidationError(_("The body belongs to another collaboration model."))
            if change.remove:
                if body is not None:
                    audit_record(
                        actor=actor,
                        instance=body,
                        action=AuditAction.REMOVED,
                        source=ChangeSource.FORM,
                    )
                    body.delete()
                continue
            if body is None:
                body = CollaborationBody(
                    municipality_id=municipality.pk, collaboration_model=model, position=position
                )
                before = None
            else:
                before = snapshot(CollaborationBody.objects.get(pk=body.pk))
            for name, value in values.items():
                setattr(body, name, value)
            body.position = position
            body.full_clean(exclude=["municipality", "collaboration_model"])
            body.save()
            audit_record(
                actor=actor,
                instance=body,
                action=AuditAction.CREATED if before is None else AuditAction.UPDATED,
                source=ChangeSource.FORM,
                before=before,
            )
            position += 1
    return model


@dataclass(frozen=True)
class ContactChoice:
    """A department's climate contact: a member of the municipality or, for someone without
    an account, a name."""

    member: Any = None
    name: str = ""


def climate_contacts_save(
    *,
    actor: Any,
    municipality: Municipality,
    expected_basis: str,
    contacts: Mapping[int, ContactChoice],
) -> None:
    """Each department's climate contact (by department id). A member is named on the
    department itself; a name is kept for someone without an account. Refused with
    ConcurrentEditError when a contact changed after the editor opened the form."""
    enforce(can_manage_trajectory)
    departments = {
        d.pk: d for d in Department.objects.filter(municipality_id=municipality.pk, pk__in=contacts)
    }
    errors: dict[str, list[str]] = {}
    for department_id, choice in contacts.items():
        department = departments.get(department_id)
        if department is None:
            errors.setdefault("__all__", []).append(_("Choose departments of the municipality."))
        elif choice.member is not None and choice.name.strip():
            errors.setdefault("__all__", []).append(
                _("%(department)s: choose a member or type a name, not both.")
                % {"department": department}
            )
        elif choice.member is not None and not _is_member(municipality.pk, choice.member):
            errors.setdefault("__all__", []).append(
                _("%(department)s: the contact must be a member of the municipality.")
                % {"department": department}
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Department.objects.select_for_update().filter(pk__in=list(departments))
        stored = {d.pk: d for d in locked}
        if climate_contacts_basis(municipality) != expected_basis:
            raise ConcurrentEditError()
        names = {
            row.department_id: row
            for row in ClimateContactName.objects.filter(department_id__in=list(departments))
        }
        for department_id, choice in contacts.items():
            _set_member(actor, stored[department_id], choice.member)
            _set_name(actor, stored[department_id], names.get(department_id), choice.name.strip())


def _set_member(actor: Any, department: Department, member: Any) -> None:
    member_id = member.pk if member is not None else None
    if department.climate_contact_id == member_id:
        return
    before = snapshot(department)
    department.climate_contact = member
    department.updated_at = timezone.now()
    Department.objects.filter(pk=department.pk).update(
        climate_contact=member, updated_at=department.updated_at, version=F("version") + 1
    )
    department.version += 1
    audit_record(
        actor=actor,
        instance=department,
        action=AuditAction.UPDATED,
        source=ChangeSource.FORM,
        before=before,
    )


def _set_name(
    actor: Any, department: Department, row: ClimateContactName | None, name: str
) -> None:
    if row is None and name:
        row = ClimateContactName(
            municipality_id=department.municipality_id, department=department, name=name
        )
        row.full_clean(exclude=["municipality", "department"])
        row.save()
        audit_record(
            actor=actor, instance=row, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    elif row is not None and not name:
        audit_record(
            actor=actor, instance=row, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        row.delete()
    elif row is not None and row.name != name:
        before = snapshot(row)
        row.name = name
        row.full_clean(exclude=["municipality", "department"])
        row.save()
        audit_record(
            actor=actor,
            instance=row,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )


def collaboration_model_propose(*, actor: Any, municipality: Municipality) -> CollaborationModel:
    """A first collaboration model to adapt: the climate coordinator coordinates, climate
    teams for buildings and for mobility meet every month, a steering group every quarter."""
    enforce(can_manage_trajectory)
    if CollaborationModel.objects.filter(municipality_id=municipality.pk).exists():
        raise ValidationError(ALREADY_DESCRIBED)
    coordinators = Membership.objects.filter(
        municipality_id=municipality.pk, role=Role.COORDINATOR
    ).select_related("user", "department")
    chosen = (
        next((m for m in coordinators if m.user_id == getattr(actor, "pk", None)), None)
        or coordinators.order_by("created_at", "pk").first()
    )
    model = CollaborationModel(
        municipality_id=municipality.pk,
        coordinator=chosen.user if chosen else None,
        coordinating_department=chosen.department if chosen else None,
        mandate=str(SUGGESTED_MANDATE),
        decision_route="\n".join(str(step) for step in SUGGESTED_ROUTE),
        reporting_rhythm=SUGGESTED_RHYTHM,
    )
    try:
        with transaction.atomic():
            model.save()
            for position, plan in enumerate(SUGGESTED_BODIES):
                CollaborationBody.objects.create(
                    municipality_id=municipality.pk,
                    collaboration_model=model,
                    name=str(plan.name),
                    kind=plan.kind,
                    frequency=plan.frequency,
                    participants=str(plan.participants),
                    decides=str(plan.decides),
                    position=position,
                )
            audit_record(
                actor=actor, instance=model, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
    except IntegrityError:
        raise ValidationError(ALREADY_DESCRIBED) from None
    return model
