"""Retention periods per purpose, and erasing the people whose every lawful basis expired.

A basis ends on its `until` day (a mandate that ended), or, for consent, on the day the last of
the person's consents for the purpose was withdrawn (while one holds, the basis holds). It has
expired once the purpose's retention period has passed since. A person is erased when they have
a basis and every one of them has expired; a purpose without a retention period never expires,
so nothing is erased before the municipality has decided how long to keep it.
"""

import calendar
from collections import defaultdict
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.stakeholders.models import (
    Consent,
    Contact,
    LawfulBasis,
    ProcessingBasis,
    Purpose,
    RetentionRule,
)
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.services.privacy import contact_erase
from daadkracht.tenancy.policies import enforce

MAX_MONTHS = 240


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_rule_set(
    *, actor: Any, purpose: str, months: int, expected_version: int | None = None
) -> RetentionRule:
    """Set how many months a person's data is kept for `purpose` after its basis ended."""
    enforce(can_manage_stakeholders)
    errors: dict[str, Any] = {}
    if purpose not in Purpose.values:
        errors["purpose"] = _("Choose a purpose.")
    if not 1 <= months <= MAX_MONTHS:
        errors["months"] = _("Give a number of months between 1 and 240.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        rule = RetentionRule.objects.filter(purpose=purpose).first()
        if rule is None:
            rule = RetentionRule(purpose=purpose, months=months)
            rule.save()
            audit_record(
                actor=actor, instance=rule, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
            return rule
        before = snapshot(rule)
        rule.months = months
        save_if_version(
            rule,
            expected_version=rule.version if expected_version is None else expected_version,
            fields=["months"],
        )
        audit_record(
            actor=actor,
            instance=rule,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return rule


def basis_ends(today: date) -> dict[int, list[tuple[str, date | None]]]:
    """Per person who is not erased: each basis's purpose and the day it ended (None while it
    holds). Three queries, whatever the number of people."""
    active: set[tuple[int, str]] = set()
    withdrawn: dict[tuple[int, str], date] = {}
    consents = Consent.objects.filter(contact__erased_at__isnull=True).values_list(
        "contact_id", "purpose", "withdrawn_at"
    )
    for contact_id, purpose, withdrawn_at in consents:
        key = (contact_id, purpose)
        if withdrawn_at is None:
            active.add(key)
        else:
            day = timezone.localdate(withdrawn_at)
            withdrawn[key] = max(day, withdrawn.get(key, day))
    ends: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    bases = ProcessingBasis.objects.filter(contact__erased_at__isnull=True).values_list(
        "contact_id", "purpose", "basis", "until"
    )
    for contact_id, purpose, basis, until in bases:
        key = (contact_id, purpose)
        end = until
        if basis == LawfulBasis.CONSENT and key in active:
            end = None
        elif basis == LawfulBasis.CONSENT and key in withdrawn:
            end = withdrawn[key] if until is None else min(until, withdrawn[key])
        if end is not None and end > today:
            end = None
        ends[contact_id].append((purpose, end))
    return ends


def expired_contact_ids(today: date | None = None) -> list[int]:
    """The people of the active municipality whose every basis has expired."""
    today = today or timezone.localdate()
    months = dict(RetentionRule.objects.values_list("purpose", "months"))
    expired = []
    for contact_id, ends in basis_ends(today).items():
        if all(
            end is not None and purpose in months and add_months(end, months[purpose]) <= today
            for purpose, end in ends
        ):
            expired.append(contact_id)
    return sorted(expired)


def retention_apply(*, actor: Any = None, today: date | None = None) -> int:
    """Erase the people whose every basis has expired; the number erased."""
    enforce(can_manage_stakeholders)
    ids = expired_contact_ids(today)
    for contact in Contact.objects.filter(pk__in=ids):
        contact_erase(actor=actor, contact=contact)
    return len(ids)
