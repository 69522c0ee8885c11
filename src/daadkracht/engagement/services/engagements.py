"""Engagement levels: how far the municipality means to engage an organisation in a theme or an
action, and how far it is engaged today. Without an intended level, the grid's suggestion for
its influence and interest is taken."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.engagement.models import Engagement, Level, Weight, suggested_level
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.services.common import check_references, create, delete, update
from daadkracht.tenancy.policies import enforce

FIELDS = ("organisation", "theme", "action", "influence", "interest", "intended", "actual", "note")


def _check(values: dict[str, Any], *, current: Engagement | None = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if values.get("organisation") is None:
        errors["organisation"] = _("Choose an organisation.")
    if (values.get("theme") is None) == (values.get("action") is None):
        errors["theme"] = _("Choose a theme or an action, not both.")
    for name in ("influence", "interest"):
        if values.get(name) not in Weight.values:
            errors[name] = _("Choose low, medium or high.")
    for name in ("intended", "actual"):
        if values.get(name) not in (None, *Level.values):
            errors[name] = _("Choose one of the levels.")
    if errors:
        raise ValidationError(errors)
    check_references(values)
    if values.get("intended") is None:
        values["intended"] = suggested_level(
            interest=values["interest"], influence=values["influence"]
        )
    target = {"theme": values["theme"]} if values.get("theme") else {"action": values["action"]}
    twin = Engagement.objects.filter(organisation=values["organisation"], **target)
    if current is not None:
        twin = twin.exclude(pk=current.pk)
    if twin.exists():
        raise ValidationError(
            {
                "theme" if values.get("theme") else "action": _(
                    "This organisation's engagement there is recorded already: change that one."
                )
            }
        )
    values["note"] = str(values.get("note") or "").strip()
    return values


def engagement_create(*, actor: Any, **values: Any) -> Engagement:
    enforce(can_manage_engagement)
    checked = _check({name: values.get(name) for name in FIELDS})
    engagement = Engagement(**checked)
    engagement.full_clean(exclude=["municipality"], validate_constraints=False)
    with transaction.atomic():
        create(actor=actor, record=engagement)
    return engagement


def engagement_update(
    *, actor: Any, engagement: Engagement, expected_version: int, **values: Any
) -> Engagement:
    enforce(can_manage_engagement)
    checked = _check({name: values.get(name) for name in FIELDS}, current=engagement)
    with transaction.atomic():
        update(actor=actor, record=engagement, expected_version=expected_version, values=checked)
    return engagement


def engagement_delete(*, actor: Any, engagement: Engagement) -> None:
    enforce(can_manage_engagement)
    with transaction.atomic():
        delete(actor=actor, record=engagement)
