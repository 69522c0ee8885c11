"""Planning and changing network events, and recording who attended."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.events.models import (
    EventKind,
    EventTheme,
    NetworkEvent,
    Registration,
    RegistrationState,
)
from daadkracht.events.policies import can_manage_events
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Theme
from daadkracht.tenancy.policies import enforce

FIELDS = [
    "title",
    "kind",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "registration_until",
    "organiser",
]
MAX_CAPACITY = 100_000


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    title = str(values.get("title", "")).strip()
    if not title:
        errors["title"] = _("Give the event a title.")
    if values.get("kind") not in EventKind.values:
        errors["kind"] = _("Choose the type of event.")
    if not str(values.get("place", "")).strip():
        errors["place"] = _("Say where the event takes place.")
    capacity = values.get("capacity")
    if not isinstance(capacity, int) or not 1 <= capacity <= MAX_CAPACITY:
        errors["capacity"] = _("The number of places is a whole number from 1.")
    starts_at: datetime | None = values.get("starts_at")
    ends_at: datetime | None = values.get("ends_at")
    until: datetime | None = values.get("registration_until")
    for field, moment in (("starts_at", starts_at), ("registration_until", until)):
        if moment is not None and not is_plausible(moment.date()):
            errors[field] = OUT_OF_RANGE
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        errors["ends_at"] = _("The event must end after it starts.")
    if until is not None and ends_at is not None and until > ends_at:
        errors["registration_until"] = _("Registration closes before the event ends.")
    if errors:
        raise ValidationError(errors)
    return {**values, "title": title, "place": str(values["place"]).strip()}


def _set_themes(event: NetworkEvent, themes: Sequence[Theme]) -> None:
    wanted = {theme.pk for theme in themes}
    EventTheme.objects.filter(event=event).exclude(theme_id__in=wanted).delete()
    have = set(EventTheme.objects.filter(event=event).values_list("theme_id", flat=True))
    for theme_id in sorted(wanted - have):
        EventTheme.objects.create(event=event, theme_id=theme_id)


def event_create(*, actor: Any, themes: Sequence[Theme] = (), **values: Any) -> NetworkEvent:
    enforce(can_manage_events)
    values = _check({field: values.get(field) for field in FIELDS})
    event = NetworkEvent(**values)
    with transaction.atomic():
        event.save()
        _set_themes(event, themes)
        audit_record(
            actor=actor, instance=event, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return event


def event_update(
    *,
    actor: Any,
    event: NetworkEvent,
    expected_version: int,
    themes: Sequence[Theme] = (),
    **values: Any,
) -> NetworkEvent:
    """Save the edit unless someone saved in between (ConcurrentEditError). More places move
    people up from the waiting list."""
    enforce(can_manage_events)
    if event.is_cancelled:
        raise ValidationError(_("A cancelled event can no longer be changed."))
    values = _check({field: values.get(field) for field in FIELDS})
    from daadkracht.events.services.registrations import fill_free_places

    with transaction.atomic():
        before = snapshot(NetworkEvent.objects.get(pk=event.pk))
        for field, value in values.items():
            setattr(event, field, value)
        save_if_version(event, expected_version=expected_version, fields=FIELDS)
        _set_themes(event, themes)
        audit_record(
            actor=actor,
            instance=event,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        fill_free_places(event)
    return event


def attendance_record(*, actor: Any, event: NetworkEvent, present: Iterable[int]) -> int:
    """Mark the registered people whose registration ids are in `present` as attended and the
    others as absent; returns how many attended."""
    enforce(can_manage_events)
    chosen = set(present)
    count = 0
    with transaction.atomic():
        registrations = Registration.objects.filter(event=event, state=RegistrationState.REGISTERED)
        for registration in registrations:
            attended = registration.pk in chosen
            count += attended
            if registration.attended is not attended:
                before = snapshot(registration)
                registration.attended = attended
                registration.save(update_fields=["attended", "updated_at"])
                audit_record(
                    actor=actor,
                    instance=registration,
                    action=AuditAction.UPDATED,
                    source=ChangeSource.FORM,
                    before=before,
                )
    return count
