"""Reads of the history, with field names made readable."""

from contextlib import suppress
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext

from daadkracht.common.numbers import parse_amount
from daadkracht.history.models import AuditEntry, AuditReference, Shown


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


def hidden_models(may_read: Any) -> list[type[Model]]:
    """The models whose history holds personal data the reader may not see: a model declares
    the permission its history needs as `history_readers`; `may_read(permission)` answers for
    the reader."""
    return [
        model
        for model in apps.get_models()
        if getattr(model, "history_readers", None) is not None
        and not may_read(model.history_readers)  # type: ignore[attr-defined]
    ]


def recent_entries(
    *, search: str = "", actor: int | None = None, hidden: list[type[Model]] | None = None
) -> QuerySet[AuditEntry]:
    queryset = AuditEntry.objects.select_related("actor", "content_type")
    if hidden:
        types = ContentType.objects.get_for_models(*hidden).values()
        queryset = queryset.exclude(content_type__in=[t.pk for t in types])
    if search:
        queryset = queryset.filter(object_repr__icontains=search)
    if actor is not None:
        queryset = queryset.filter(actor_id=actor)
    return queryset


def _number(text: str) -> Decimal | None:
    """The number a value was stored as, in whichever notation its writer used."""
    try:
        return parse_amount(text)
    except (ValueError, ArithmeticError):
        return None


def _upper_limit(field: Any) -> Any:
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return limits[0] if limits else None


def readable_value(field: Any, shown: Shown | None, text: str) -> str:
    """A stored value as the reader reads it: amounts as "€ 1.250.000", scores as "4 out of 5",
    in the reader's notation; other values (and values that do not parse) as stored."""
    number = _number(text) if shown is not None and text else None
    if number is None:
        return text
    if shown == Shown.MONEY:
        return f"€\u00a0{floatformat(number, '-2g')}"
    if shown == Shown.SCORE and field is not None and _upper_limit(field) is not None:
        return gettext("%(score)s out of %(max)s") % {
            "score": floatformat(number, "-2"),
            "max": _upper_limit(field),
        }
    number = number.normalize()
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return floatformat(number, f"{places}g")


def readable_changes(entry: AuditEntry) -> list[dict[str, Any]]:
    """The changed fields with their translated names, old and new value, the values of money
    and scores made readable."""
    model = entry.content_type.model_class()
    shown_as: dict[str, Shown] = getattr(model, "history_shown", {})
    rows = []
    for name, (old, new) in entry.changes.items():
        label: Any = name
        field: Any = None
        if model is not None:
            with suppress(FieldDoesNotExist):
                field = model._meta.get_field(name)
                label = getattr(field, "verbose_name", name)
        shown = shown_as.get(name)
        rows.append(
            {
                "field": label,
                "old": readable_value(field, shown, old),
                "new": readable_value(field, shown, new),
            }
        )
    return rows
