"""The log of contacts with organisations, and ticking off their follow-up."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.engagement.models import Interaction, InteractionKind
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.services.common import (
    check_references,
    create,
    delete,
    required,
    update,
    validate,
)
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.tenancy.policies import enforce

FIELDS = (
    "organisation",
    "contact",
    "kind",
    "happened_on",
    "by",
    "theme",
    "summary",
    "follow_up",
    "follow_up_owner",
    "follow_up_due",
)


def _check(values: dict[str, Any]) -> dict[str, Any]:
    required(values, "organisation", "kind", "happened_on", "summary")
    if values["kind"] not in InteractionKind.values:
        raise ValidationError({"kind": _("Choose a kind of contact.")})
    check_references(values, people=("by", "follow_up_owner"))
    contact = values.get("contact")
    if contact is not None and contact.organisation_id != values["organisation"].pk:
        raise ValidationError(
            {"contact": _("Choose a contact person of this organisation, or nobody.")}
        )
    values["summary"] = values["summary"].strip()
    values["follow_up"] = str(values.get("follow_up") or "").strip()
    if not values["follow_up"] and (values.get("follow_up_owner") or values.get("follow_up_due")):
        raise ValidationError(
            {"follow_up": _("Say what has to be followed up, or leave owner and date empty.")}
        )
    return values


def interaction_create(*, actor: Any, **values: Any) -> Interaction:
    enforce(can_manage_engagement)
    interaction = Interaction(**_check({name: values.get(name) for name in FIELDS}))
    validate(interaction)
    with transaction.atomic():
        create(actor=actor, record=interaction)
    return interaction


def interaction_update(
    *, actor: Any, interaction: Interaction, expected_version: int, **values: Any
) -> Interaction:
    enforce(can_manage_engagement)
    checked = _check({name: values.get(name) for name in FIELDS})
    with transaction.atomic():
        update(actor=actor, record=interaction, expected_version=expected_version, values=checked)
    return interaction


def interaction_delete(*, actor: Any, interaction: Interaction) -> None:
    enforce(can_manage_engagement)
    with transaction.atomic():
        delete(actor=actor, record=interaction)


def follow_up_set_done(*, actor: Any, interaction: Interaction, done: bool) -> Interaction:
    """Tick the follow-up off, or open it again."""
    enforce(can_manage_engagement)
    if not interaction.follow_up:
        raise ValidationError(_("This contact has no follow-up."))
    with transaction.atomic():
        before = snapshot(interaction)
        interaction.follow_up_done_at = timezone.now() if done else None
        save_if_version(
            interaction,
            expected_version=interaction.version,
            fields=["follow_up_done_at"],
        )
        audit_record(
            actor=actor,
            instance=interaction,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return interaction
