"""Contact persons: adding, changing and deleting them, and the lawful basis per purpose."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.stakeholders.models import (
    Contact,
    Language,
    LawfulBasis,
    Organisation,
    ProcessingBasis,
    Purpose,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.policies import enforce

FIELDS = ["full_name", "organisation", "function", "email", "phone", "language", "notes"]


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    full_name = str(values.get("full_name", "")).strip()
    if not full_name:
        errors["full_name"] = _("Give the person's name.")
    if values.get("language") not in Language.values:
        errors["language"] = _("Choose a language.")
    organisation = values.get("organisation")
    if organisation is not None and not Organisation.objects.filter(pk=organisation.pk).exists():
        errors["organisation"] = _("Choose an organisation of this municipality.")
    if errors:
        raise ValidationError(errors)
    return {**values, "full_name": full_name}


def contact_create(
    *,
    actor: Any,
    full_name: str,
    organisation: Organisation | None = None,
    function: str = "",
    email: str = "",
    phone: str = "",
    language: str = Language.NL,
    notes: str = "",
) -> Contact:
    enforce(can_manage_stakeholders)
    values = _check(
        {
            "full_name": full_name,
            "organisation": organisation,
            "function": function,
            "email": email,
            "phone": phone,
            "language": language,
            "notes": notes,
        }
    )
    contact = Contact(**values)
    with transaction.atomic():
        contact.save()
        audit_record(
            actor=actor, instance=contact, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return contact


def contact_update(
    *, actor: Any, contact: Contact, expected_version: int, **values: Any
) -> Contact:
    """Save the edit unless someone saved in between (ConcurrentEditError). An erased person
    cannot be filled in again."""
    enforce(can_manage_stakeholders)
    if contact.is_erased:
        raise ValidationError(_("This person was erased; add them anew if they come back."))
    values = _check({field: values[field] for field in FIELDS})
    with transaction.atomic():
        before = snapshot(Contact.objects.get(pk=contact.pk))
        for field, value in values.items():
            setattr(contact, field, value)
        save_if_version(contact, expected_version=expected_version, fields=FIELDS)
        audit_record(
            actor=actor,
            instance=contact,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return contact


def contact_delete(*, actor: Any, contact: Contact) -> None:
    """Delete a person added by mistake, with their bases and consents. The history of the
    deletion names them only by id: to take their name out of the history, erase them."""
    enforce(can_manage_stakeholders)
    from daadkracht.stakeholders.services.privacy import contact_erase

    with transaction.atomic():
        if not contact.is_erased:
            contact_erase(actor=actor, contact=contact)
        audit_record(
            actor=actor, instance=contact, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        contact.delete()


def basis_set(
    *,
    actor: Any,
    contact: Contact,
    purpose: str,
    basis: str,
    since: date,
    until: date | None = None,
    note: str = "",
) -> ProcessingBasis:
    """Record (or change) the lawful basis on which the person's data is processed for
    `purpose`; `until` is the day it ended (a mandate that ended), from which the retention
    period runs."""
    enforce(can_manage_stakeholders)
    errors: dict[str, Any] = {}
    if contact.is_erased:
        raise ValidationError(_("This person was erased."))
    if purpose not in Purpose.values:
        errors["purpose"] = _("Choose a purpose.")
    if basis not in LawfulBasis.values:
        errors["basis"] = _("Choose a lawful basis.")
    for field, day in (("since", since), ("until", until)):
        if day is not None and not is_plausible(day):
            errors[field] = OUT_OF_RANGE
    if not errors and until is not None and until < since:
        errors["until"] = _("The end comes after the start.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        existing = ProcessingBasis.objects.filter(contact=contact, purpose=purpose).first()
        if existing is None:
            row = ProcessingBasis(
                contact=contact, purpose=purpose, basis=basis, since=since, until=until, note=note
            )
            row.save()
            audit_record(
                actor=actor, instance=row, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
            return row
        before = snapshot(existing)
        existing.basis, existing.since, existing.until, existing.note = basis, since, until, note
        existing.save(update_fields=["basis", "since", "until", "note", "updated_at"])
        audit_record(
            actor=actor,
            instance=existing,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        return existing
