"""What the engagement services share: records belong to the municipality, and so do the
organisation, theme, action, contact and people they point to."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.concurrency import VersionedModel, save_if_version
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Theme
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Membership

REFERENCES: dict[str, type[models.Model]] = {
    "organisation": Organisation,
    "theme": Theme,
    "action": Action,
    "contact": Contact,
}
MESSAGES = {
    "organisation": gettext_lazy("Choose an organisation of this municipality's network."),
    "theme": gettext_lazy("Choose a theme of this municipality's plan."),
    "action": gettext_lazy("Choose an action of this municipality's plan."),
    "contact": gettext_lazy("Choose a contact person of this municipality's network."),
    "people": gettext_lazy("Choose a member of this municipality."),
}


def check_references(values: dict[str, Any], people: tuple[str, ...] = ()) -> None:
    """Every object a record points to is one of the active municipality's (as read now)."""
    errors: dict[str, str] = {}
    for name, model in REFERENCES.items():
        value = values.get(name)
        if value is None:
            continue
        found = model._default_manager.filter(pk=getattr(value, "pk", value))
        if name == "contact":
            found = found.filter(erased_at__isnull=True)
        if not found.exists():
            errors[name] = str(MESSAGES[name])
    for name in people:
        user = values.get(name)
        if user is not None and not Membership.objects.filter(user=user).exists():
            errors[name] = str(MESSAGES["people"])
    if errors:
        raise ValidationError(errors)


def validate(record: models.Model, *, exclude: tuple[str, ...] = ("municipality",)) -> None:
    """The model's own field checks (lengths, choices, plausible dates)."""
    record.full_clean(exclude=list(exclude), validate_constraints=False)


def create(*, actor: Any, record: models.Model) -> None:
    record.save()
    audit_record(actor=actor, instance=record, action=AuditAction.CREATED, source=ChangeSource.FORM)


def update(
    *,
    actor: Any,
    record: VersionedModel,
    expected_version: int,
    values: dict[str, Any],
) -> None:
    """Save the changed `values` unless someone saved in between (ConcurrentEditError)."""
    before = snapshot(type(record)._default_manager.get(pk=record.pk))
    for name, value in values.items():
        setattr(record, name, value)
    validate(record)
    save_if_version(record, expected_version=expected_version, fields=list(values))
    audit_record(
        actor=actor,
        instance=record,
        action=AuditAction.UPDATED,
        source=ChangeSource.FORM,
        before=before,
        after=snapshot(record),
    )


def delete(*, actor: Any, record: models.Model) -> None:
    before = snapshot(record)
    audit_record(
        actor=actor,
        instance=record,
        action=AuditAction.DELETED,
        source=ChangeSource.FORM,
        before=before,
    )
    record.delete()


def required(values: dict[str, Any], *names: str) -> None:
    errors = {
        name: _("This field is required.")
        for name in names
        if values.get(name) in (None, "")
        or (isinstance(values[name], str) and not values[name].strip())
    }
    if errors:
        raise ValidationError(errors)
