"""Erasing a person: their name and contact data disappear everywhere, the history included.

The `Contact` row stays, with every personal field blank and `erased_at` set, so that counts
(contacts per organisation, consents per purpose) and the records that are not personal (which
purpose, which lawful basis, which text version, when) stay. The history entries are found by
the person's id — the entries about the person and every entry that mentions them as an old or
new value of a relation — never by name; in those entries the person's values are replaced by
ERASED, and any of their personal values that still appears in a text of such an entry too.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from daadkracht.history.models import (
    AuditAction,
    AuditEntry,
    AuditReference,
    ChangeSource,
    MentionRole,
)
from daadkracht.history.services import Snapshot, audit_record
from daadkracht.stakeholders.models import Contact, ProcessingBasis
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.policies import enforce

# What the history shows where an erased person's value was.
ERASED = "—"


def _scrub_text(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, ERASED)
    return text


def _scrub_entry(
    entry: AuditEntry, *, own: bool, mentioned_fields: dict[str, set[int]], secrets: list[str]
) -> None:
    changes: dict[str, Any] = dict(entry.changes or {})
    for name, pair in changes.items():
        values = list(pair) if isinstance(pair, list | tuple) else [pair]
        erase_sides = set(mentioned_fields.get(name, set()))
        if own and name in Contact.PERSONAL_FIELDS:
            erase_sides = set(range(len(values)))
        for side in erase_sides:
            if side < len(values) and values[side] not in ("", None):
                values[side] = ERASED
        changes[name] = [
            _scrub_text(value, secrets) if isinstance(value, str) else value for value in values
        ]
    entry.changes = changes
    entry.object_repr = _scrub_text(entry.object_repr, secrets)[:200]


def history_scrub(contact: Contact, secrets: list[str]) -> int:
    """Scrub the person's values from every history entry that mentions them by id; the
    number of entries scrubbed."""
    content_type = ContentType.objects.get_for_model(Contact)
    references = AuditReference.objects.filter(content_type=content_type, object_id=str(contact.pk))
    entries = list(
        AuditEntry.objects.filter(Exists(references.filter(entry=OuterRef("pk")))).order_by("pk")
    )
    sides: dict[int, dict[str, set[int]]] = {}
    for entry_id, field_name, role in references.values_list("entry_id", "field_name", "role"):
        if field_name and role in (MentionRole.OLD, MentionRole.NEW):
            side = 0 if role == MentionRole.OLD else 1
            sides.setdefault(entry_id, {}).setdefault(field_name, set()).add(side)
    erased_name = str(contact)
    for entry in entries:
        own = entry.content_type_id == content_type.pk and entry.object_id == str(contact.pk)
        _scrub_entry(entry, own=own, mentioned_fields=sides.get(entry.pk, {}), secrets=secrets)
        if own:
            entry.object_repr = erased_name
    AuditEntry.objects.bulk_update(entries, ["changes", "object_repr"])
    return len(entries)


def contact_erase(*, actor: Any, contact: Contact) -> Contact:
    """Erase the person: blank their personal data here and in the history (see the module)."""
    enforce(can_manage_stakeholders)
    if contact.is_erased:
        return contact
    secrets = sorted(
        {
            str(getattr(contact, field)).strip()
            for field in Contact.PERSONAL_FIELDS
            # Very short values ("Jo", an empty phone) would blank unrelated text.
            if len(str(getattr(contact, field)).strip()) >= 4
        },
        key=len,
        reverse=True,
    )
    now = timezone.now()
    with transaction.atomic():
        for field in Contact.PERSONAL_FIELDS:
            setattr(contact, field, "")
        contact.erased_at = now
        contact.version += 1
        contact.save(update_fields=[*Contact.PERSONAL_FIELDS, "erased_at", "version", "updated_at"])
        ProcessingBasis.objects.filter(contact=contact, until__isnull=True).update(
            until=timezone.localdate(now)
        )
        history_scrub(contact, secrets)
        # Their portal access ends and its traces are blanked with the rest.
        from daadkracht.portal.services.access import portal_erase

        portal_erase(contact)
        audit_record(
            actor=actor,
            instance=contact,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=Snapshot({"erased_at": ""}),
            after=Snapshot({"erased_at": timezone.localtime(now).strftime("%d/%m/%Y %H:%M")}),
        )
    return contact
