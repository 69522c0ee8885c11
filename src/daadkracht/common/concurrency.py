"""Optimistic locking: a save based on an outdated version is refused instead of overwriting."""

from typing import Any

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(Exception):
    """Someone else saved the object after the editor opened it."""

    message = _(
        "Someone else changed this in the meantime. Your input is kept below; "
        "check the current values and save again."
    )


class VersionedModel(models.Model):
    """A model whose rows carry a version number, raised by every save through a service."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def save_if_version(instance: VersionedModel, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` of `instance` only if the stored row still has `expected_version`."""
    model = type(instance)
    values: dict[str, Any] = {}
    for name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)
        values[field.attname] = getattr(instance, field.attname)
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        raise ConcurrentEditError()
    instance.version = expected_version + 1
