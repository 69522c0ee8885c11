"""Writing audit entries; called by every service that changes tenant data."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import formats, timezone

from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.tenancy.scoping import TenantModel

IGNORED_FIELDS = {"id", "municipality", "version", "created_at", "updated_at", "password"}


def _display(instance: models.Model, field: models.Field[Any, Any]) -> str:
    value = getattr(instance, field.attname)
    if value is None or value == "":
        return ""
    if field.is_relation:
        related = getattr(instance, field.name)
        return str(related) if related is not None else ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return formats.number_format(value, use_l10n=True)
    return str(value)


def snapshot(instance: models.Model) -> dict[str, str]:
    """The displayable value of every concrete, audited field."""
    return {
        field.name: _display(instance, field)
        for field in instance._meta.concrete_fields
        if field.name not in IGNORED_FIELDS
    }


def diff(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {
        name: [before.get(name, ""), value]
        for name, value in after.items()
        if before.get(name, "") != value
    }


def audit_record(
    *,
    actor: Any,
    instance: TenantModel,
    action: AuditAction,
    before: dict[str, str] | None = None,
) -> AuditEntry | None:
    """Record a change. For updates, pass the snapshot taken before; no-op updates are skipped."""
    after = snapshot(instance)
    if action == AuditAction.CREATED:
        changes = diff({}, after)
    elif action == AuditAction.UPDATED:
        changes = diff(before or {}, after)
        if not changes:
            return None
    else:
        changes = {}
    entry = audit_entry(actor=actor, instance=instance, action=action, changes=changes)
    entry.save(force_insert=True)
    return entry


def audit_entry(
    *, actor: Any, instance: TenantModel, action: AuditAction, changes: dict[str, Any]
) -> AuditEntry:
    """An unsaved entry for a change of `instance`; a bulk write saves many at once."""
    return AuditEntry(
        municipality_id=instance.municipality_id,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        action=action,
        changes=changes,
    )
