"""Writes for departments and memberships; each records its change in the history."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import require
from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.policies import can_manage_departments, can_manage_members, enforce
from daadkracht.tenancy.roles import Role

DEPARTMENT_FIELDS = allowlist("name", "description", "head", "climate_contact")


def _duplicate_name() -> ValidationError:
    return ValidationError({"name": _("A department with this name exists already.")})


def department_create(
    *,
    actor: Any,
    municipality: Municipality,
    source: ChangeSource = ChangeSource.FORM,
    **values: Any,
) -> Department:
    """A new department; `source` says where it was made (a form, an import)."""
    enforce(can_manage_departments)
    values = only_fields(values, DEPARTMENT_FIELDS, service="department_create")
    if Department.unscoped.filter(
        municipality=municipality, name__iexact=values["name"], deleted_at=None
    ).exists():
        raise _duplicate_name()
    department = Department(municipality=municipality, **values)
    department.full_clean(exclude=["municipality"], validate_constraints=False)
    try:
        with transaction.atomic():
            department.save()
            audit_record(
                actor=actor, instance=department, action=AuditAction.CREATED, source=source
            )
    except IntegrityError as error:  # created at the same moment by someone else
        raise _duplicate_name() from error
    return department


def department_update(
    *, actor: Any, department: Department, expected_version: int, **values: Any
) -> Department:
    """Save the edit unless someone else saved in between (ConcurrentEditError)."""
    enforce(can_manage_departments)
    values = only_fields(values, DEPARTMENT_FIELDS, service="department_update")
    if (
        Department.objects.filter(name__iexact=values.get("name", department.name))
        .exclude(pk=department.pk)
        .exists()
    ):
        raise _duplicate_name()
    with transaction.atomic():
        before = snapshot(Department.unscoped.get(pk=department.pk))
        for field, value in values.items():
            setattr(department, field, value)
        try:
            save_if_version(department, expected_version=expected_version, fields=list(values))
        except IntegrityError as error:
            raise _duplicate_name() from error
        audit_record(
            actor=actor,
            instance=department,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return department


def department_delete(*, actor: Any, department: Department) -> Department:
    """Move to the trash; the department can be restored from there."""
    enforce(can_manage_departments)
    with transaction.atomic():
        department.mark_deleted()
        department.save(update_fields=["deleted_at", "updated_at"])
        audit_record(
            actor=actor, instance=department, action=AuditAction.DELETED, source=ChangeSource.FORM
        )
    return department


def department_restore(*, actor: Any, department: Department) -> Department:
    enforce(can_manage_departments)
    if Department.objects.filter(name__iexact=department.name).exists():
        raise ValidationError(
            _("A department named %(name)s exists already; rename it before restoring this one.")
            % {"name": department.name}
        )
    with transaction.atomic():
        department.mark_restored()
        department.save(update_fields=["deleted_at", "updated_at"])
        audit_record(
            actor=actor, instance=department, action=AuditAction.RESTORED, source=ChangeSource.FORM
        )
    return department


def _ensure_a_coordinator_remains(membership: Membership, new_role: str | None) -> None:
    """Call inside a transaction: the coordinators are locked so that two simultaneous
    demotions cannot both pass the check."""
    if membership.role != Role.COORDINATOR or new_role == Role.COORDINATOR:
        return
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(role=Role.COORDINATOR)
        .values_list("pk", flat=True)
    )
    if len(coordinators) <= 1:
        raise ValidationError(
            _("A municipality needs at least one coordinator. Appoint another coordinator first.")
        )


def membership_update(
    *,
    actor: Any,
    membership: Membership,
    expected_version: int,
    role: str,
    department: Department | None,
) -> Membership:
    enforce(can_manage_members)
    with transaction.atomic():
        # A bound model form has already put the new values on `membership`: compare with the row.
        stored = Membership.unscoped.get(pk=membership.pk)
        _ensure_a_coordinator_remains(stored, role)
        before = snapshot(stored)
        membership.role = role
        membership.department = department
        save_if_version(
            membership, expected_version=expected_version, fields=["role", "department"]
        )
        audit_record(
            actor=actor,
            instance=membership,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return membership


def membership_remove(*, actor: Any, membership: Membership) -> None:
    enforce(can_manage_members)
    with transaction.atomic():
        _ensure_a_coordinator_remains(Membership.unscoped.get(pk=membership.pk), None)
        audit_record(
            actor=actor, instance=membership, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        membership.delete()


def membership_checklist_hide(*, membership: Membership, hidden: bool) -> None:
    """Put the getting-started checklist on one's own home page aside, or bring it back.

    A preference of the member themselves, as the profile's language is: it is not recorded in
    the history and does not count as an edit of the membership (its version stays).
    """
    context = require()
    if context.membership is None or context.membership.pk != membership.pk:
        raise PermissionDenied
    Membership.objects.filter(pk=membership.pk).update(
        checklist_hidden_at=timezone.now() if hidden else None
    )
