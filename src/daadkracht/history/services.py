"""Writing audit entries and the references they make; called by every service that changes
data."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import formats, timezone

from daadkracht.history.models import (
    AuditAction,
    AuditEntry,
    AuditReference,
    ChangeSource,
    MentionRole,
)

IGNORED_FIELDS = {"id", "municipality", "version", "created_at", "updated_at", "password"}


@dataclass(frozen=True)
class RelatedIds:
    """The ids of the objects a relation field points to (none, one, or several)."""

    model: type[models.Model]
    ids: tuple[str, ...]


class Snapshot(dict[str, str]):
    """The displayable value of every audited field, and the raw ids behind its relations.

    It compares and diffs as the displayed values do, so the history shows what it showed;
    `related` only decides which ids an entry refers to.
    """

    def __init__(
        self,
        values: Mapping[str, str] | None = None,
        related: Mapping[str, RelatedIds] | None = None,
    ) -> None:
        super().__init__(values or {})
        self.related: dict[str, RelatedIds] = dict(related or {})

    def merged(self, other: "Snapshot") -> "Snapshot":
        """This snapshot with the fields of `other` added, e.g. an object's many-to-many text."""
        return Snapshot({**self, **other}, {**self.related, **other.related})


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


def snapshot(instance: models.Model) -> Snapshot:
    """The displayable value of every concrete, audited field; relations keep their id too."""
    fields = [f for f in instance._meta.concrete_fields if f.name not in IGNORED_FIELDS]
    related = {}
    for field in fields:
        if field.is_relation and field.related_model is not None:
            raw = getattr(instance, field.attname)
            ids = () if raw is None else (str(raw),)
            related[field.name] = RelatedIds(field.related_model, ids)
    return Snapshot({f.name: _display(instance, f) for f in fields}, related)


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, list[str]]:
    return {
        name: [before.get(name, ""), value]
        for name, value in after.items()
        if before.get(name, "") != value
    }


@dataclass
class AuditDraft:
    """An entry and the references it makes, unsaved, so that a bulk write saves many at once."""

    entry: AuditEntry
    references: list[AuditReference] = dataclass_field(default_factory=list)


def _content_type(model: type[models.Model]) -> ContentType:
    # Cached by Django after the first lookup per model: no query per reference.
    return ContentType.objects.get_for_model(model)


def _references(
    *,
    entry: AuditEntry,
    instance: models.Model,
    before: Mapping[str, str] | None,
    after: Mapping[str, str] | None,
) -> list[AuditReference]:
    """The changed object, the actor, and the old and new objects of every changed relation."""

    def mention(
        model: type[models.Model], object_id: Any, role: MentionRole, field_name: str = ""
    ) -> AuditReference:
        return AuditReference(
            municipality_id=entry.municipality_id,
            entry=entry,
            content_type=_content_type(model),
            object_id=str(object_id),
            field_name=field_name,
            role=role,
        )

    mentions = [mention(type(instance), instance.pk, MentionRole.OBJECT)]
    if entry.actor_id is not None:
        mentions.append(mention(get_user_model(), entry.actor_id, MentionRole.ACTOR))
    for side, values in ((MentionRole.OLD, before), (MentionRole.NEW, after)):
        related = values.related if isinstance(values, Snapshot) else {}
        for name in entry.changes:
            if name in related:
                ids = related[name]
                mentions.extend(mention(ids.model, pk, side, name) for pk in ids.ids)
    return mentions


def audit_draft(
    *,
    actor: Any,
    instance: models.Model,
    action: AuditAction,
    source: ChangeSource,
    changes: dict[str, Any],
    before: Mapping[str, str] | None = None,
    after: Mapping[str, str] | None = None,
) -> AuditDraft:
    """An unsaved entry for a change of `instance` made through `source`, with its references.

    `before` and `after` are the snapshots `changes` was made from; the ids they keep become
    the references of the changed relations. Data of no municipality gets an entry of none.
    """
    entry = AuditEntry(
        municipality_id=getattr(instance, "municipality_id", None),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        content_type=_content_type(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        action=action,
        changes=changes,
        source=source,
    )
    return AuditDraft(
        entry, _references(entry=entry, instance=instance, before=before, after=after)
    )


def audit_save(*, drafts: Sequence[AuditDraft], batch_size: int | None = None) -> list[AuditEntry]:
    """Save entries and their references with one bulk statement each (per batch)."""
    entries = AuditEntry.unscoped.bulk_create(
        [draft.entry for draft in drafts], batch_size=batch_size
    )
    references = []
    for draft in drafts:
        for reference in draft.references:
            # The entry got its id (and its municipality, from the guard) only just now.
            reference.entry = draft.entry
            reference.municipality_id = draft.entry.municipality_id
            references.append(reference)
    AuditReference.unscoped.bulk_create(references, batch_size=batch_size)
    return entries


def audit_record(
    *,
    actor: Any,
    instance: models.Model,
    action: AuditAction,
    source: ChangeSource,
    before: Mapping[str, str] | None = None,
    after: Mapping[str, str] | None = None,
) -> AuditEntry | None:
    """Record a change made through `source` (a form, an import, …). For updates, pass the
    snapshot taken before; no-op updates are skipped.

    `after` defaults to the snapshot of `instance` now; pass a larger one (see
    `Snapshot.merged`) to record more than the object's own fields.
    """
    if after is None:
        after = snapshot(instance)
    if action == AuditAction.CREATED:
        before = {}
        changes = diff({}, after)
    elif action == AuditAction.UPDATED:
        changes = diff(before or {}, after)
        if not changes:
            return None
    else:
        changes = {}
    draft = audit_draft(
        actor=actor,
        instance=instance,
        action=action,
        source=source,
        changes=changes,
        before=before,
        after=after,
    )
    (entry,) = audit_save(drafts=[draft])
    return entry
