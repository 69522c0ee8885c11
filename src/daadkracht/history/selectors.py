"""Reads of the history, with field names made readable."""

from contextlib import suppress
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, Model, OuterRef, QuerySet

from daadkracht.history.models import AuditEntry, AuditReference


def entries_for_object(*, model_label: str, object_id: str) -> QuerySet[AuditEntry]:
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return AuditEntry.objects.none()
    content_type = ContentType.objects.get_for_model(model)
    return AuditEntry.objects.filter(content_type=content_type, object_id=object_id).select_related(
        "actor"
    )


def entries_mentioning(*, obj: Model) -> QuerySet[AuditEntry]:
    """Every entry that mentions `obj` by id: as the changed object, as the one who changed
    something, or as an old or new value of a relation (a responsible person, a head of
    department), whatever the object was called at the time."""
    mentions = AuditReference.objects.filter(
        entry=OuterRef("pk"),
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
    )
    return AuditEntry.objects.filter(Exists(mentions)).select_related("actor", "content_type")


def recent_entries(*, search: str = "", actor: int | None = None) -> QuerySet[AuditEntry]:
    queryset = AuditEntry.objects.select_related("actor", "content_type")
    if search:
        queryset = queryset.filter(object_repr__icontains=search)
    if actor is not None:
        queryset = queryset.filter(actor_id=actor)
    return queryset


def readable_changes(entry: AuditEntry) -> list[dict[str, Any]]:
    """The changed fields with their translated names, old and new value."""
    model = entry.content_type.model_class()
    rows = []
    for name, (old, new) in entry.changes.items():
        label: Any = name
        if model is not None:
            with suppress(FieldDoesNotExist):
                label = getattr(model._meta.get_field(name), "verbose_name", name)
        rows.append({"field": label, "old": old, "new": new})
    return rows
