"""Adding and removing an action's partners, recorded in the history."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.partners.models import NOTE_MAX_LENGTH, ActionPartner, PartnerRole
from daadkracht.partners.policies import can_edit_action_partners
from daadkracht.plans.models import Action
from daadkracht.stakeholders.models import Organisation
from daadkracht.tenancy.policies import enforce


def _same_municipality(action: Action, organisation: Organisation) -> None:
    """Both rows must be of the active municipality (the scoped managers know which)."""
    if not Action.objects.filter(pk=action.pk).exists():
        raise ValidationError(_("This action is not one of this municipality's plan."))
    if (
        organisation.municipality_id != action.municipality_id
        or not Organisation.objects.filter(pk=organisation.pk).exists()
    ):
        raise ValidationError(
            {"organisation": _("Choose an organisation of this municipality's network.")}
        )


def partner_add(
    *,
    actor: Any,
    action: Action,
    organisation: Organisation,
    role: str,
    note: str = "",
) -> ActionPartner:
    enforce(can_edit_action_partners, action)
    _same_municipality(action, organisation)
    errors: dict[str, str] = {}
    if role not in PartnerRole.values:
        errors["role"] = _("Choose a role.")
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        errors["note"] = _("Keep the note to %(count)s characters.") % {"count": NOTE_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if ActionPartner.objects.filter(
            action=action, organisation=organisation, role=role
        ).exists():
            raise ValidationError(
                {"organisation": _("This organisation is already a partner in this role.")}
            )
        link = ActionPartner.objects.create(
            action=action, organisation=organisation, role=role, note=note
        )
        audit_record(
            actor=actor, instance=link, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return link


def partner_remove(*, actor: Any, link: ActionPartner) -> None:
    enforce(can_edit_action_partners, link.action)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=link, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        link.delete()
