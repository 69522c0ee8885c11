"""Consents: recording one with the text shown, when and how, and withdrawing it as easily.

A consent is withdrawn with one click from the person's page (by the municipality, on the
person's request) or by the person through the signed link in every mail sent on that consent.
The lawful basis "consent" for a purpose holds while one of the person's consents for it does:
its end, from which the retention period runs, is the last withdrawal.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import Audience, require
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    ProcessingBasis,
    Purpose,
    WithdrawalChannel,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.policies import enforce


def consent_text_publish(*, actor: Any, purpose: str, text: str) -> ConsentText:
    """A new version of the consent text for `purpose`; consents given before keep theirs."""
    enforce(can_manage_stakeholders)
    errors: dict[str, Any] = {}
    if purpose not in Purpose.values:
        errors["purpose"] = _("Choose a purpose.")
    if not text.strip():
        errors["text"] = _("Write the text people agree to.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        latest = ConsentText.objects.filter(purpose=purpose).aggregate(v=Max("version"))["v"]
        row = ConsentText(
            purpose=purpose,
            version=(latest or 0) + 1,
            text=text.strip(),
            published_at=timezone.now(),
        )
        row.save()
        audit_record(
            actor=actor, instance=row, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return row


def consent_give(
    *,
    actor: Any,
    contact: Contact,
    consent_text: ConsentText,
    given_at: datetime,
    given_how: str,
    source: ChangeSource = ChangeSource.FORM,
) -> Consent:
    """Record the consent a person gave to the text `consent_text`; the person's lawful basis
    for its purpose becomes consent (from that day) unless another basis is recorded."""
    enforce(can_manage_stakeholders)
    errors: dict[str, Any] = {}
    if contact.is_erased:
        raise ValidationError(_("This person was erased."))
    if not ConsentText.objects.filter(pk=consent_text.pk).exists():
        errors["consent_text"] = _("Choose a consent text of this municipality.")
    if given_how not in ConsentChannel.values:
        errors["given_how"] = _("Choose how the consent was given.")
    if given_at > timezone.now():
        errors["given_at"] = _("A consent cannot be given in the future.")
    if errors:
        raise ValidationError(errors)
    consent = Consent(
        contact=contact,
        purpose=consent_text.purpose,
        consent_text=consent_text,
        given_at=given_at,
        given_how=given_how,
    )
    with transaction.atomic():
        consent.save()
        audit_record(actor=actor, instance=consent, action=AuditAction.CREATED, source=source)
        basis = ProcessingBasis.objects.filter(contact=contact, purpose=consent.purpose).first()
        if basis is None:
            basis = ProcessingBasis(
                contact=contact,
                purpose=consent.purpose,
                basis=LawfulBasis.CONSENT,
                since=timezone.localdate(given_at),
            )
            basis.save()
            audit_record(actor=actor, instance=basis, action=AuditAction.CREATED, source=source)
        elif basis.basis == LawfulBasis.CONSENT and basis.until is not None:
            before = snapshot(basis)
            basis.until = None
            basis.save(update_fields=["until", "updated_at"])
            audit_record(
                actor=actor,
                instance=basis,
                action=AuditAction.UPDATED,
                source=source,
                before=before,
            )
    return consent


def consent_withdraw(*, actor: Any, consent: Consent, how: str) -> Consent:
    """Withdraw a consent (a second withdrawal changes nothing).

    With `how=WithdrawalChannel.SIGNED_LINK` the person withdraws it themselves: the signed link
    they opened must be this consent's, or a background worker finishes what the person did with
    another signed link (unsubscribing from a message sent on the consent). Any other way is
    recorded by a member who manages stakeholders, on the person's request.
    """
    if how not in WithdrawalChannel.values:
        raise ValidationError(_("Choose how the consent was withdrawn."))
    if how == WithdrawalChannel.SIGNED_LINK:
        context = require()
        grant = context.grant
        if context.audience == Audience.WORKER:
            pass
        elif (
            context.audience != Audience.SIGNED_LINK
            or grant is None
            or grant.model_label != Consent._meta.label
            or grant.object_id != consent.pk
        ):
            raise PermissionDenied
    else:
        enforce(can_manage_stakeholders)
    if consent.withdrawn_at is not None:
        return consent
    with transaction.atomic():
        before = snapshot(consent)
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_how = how
        consent.save(update_fields=["withdrawn_at", "withdrawn_how", "updated_at"])
        audit_record(
            actor=actor,
            instance=consent,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return consent
