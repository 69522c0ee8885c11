"""Updates proposed in the portal, and the lead department's decision on them.

A proposal is written by a stakeholder in the portal, for an action their organisation partners
in; the action's lead department (its editors, and the coordinator) hear of it by mail and
accept it, which posts it on the action's timeline through the plans' own update service,
attributed to the person and their organisation, or decline it with a reason the person gets by
mail. A proposal is decided once: a second decision, also a concurrent one, is refused.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from daadkracht.access.context import AccessRefused, Audience, require
from daadkracht.access.tasks import tenant_task
from daadkracht.common.email import send_templated_email
from daadkracht.common.plain_text import plain_text
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, ActionStatus
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.portal.models import (
    PROPOSAL_MAX_LENGTH,
    REASON_MAX_LENGTH,
    Decision,
    PortalAccess,
    UpdateProposal,
)
from daadkracht.portal.policies import can_decide_proposal
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.roles import Permission


class ProposalAlreadyDecided(Exception):
    """Someone decided on the proposal in the meantime."""

    message = _("This proposal has been decided in the meantime; nothing was changed.")


def _plain(field: str, text: str, max_length: int) -> str:
    return plain_text(
        field,
        text,
        max_length=max_length,
        required_message=_("Write what happened or what should change."),
    )


def proposal_submit(
    *,
    actor: Any,
    access: PortalAccess,
    action: Action,
    text: str,
    suggested_status: ActionStatus | None = None,
    suggested_progress: int | None = None,
) -> UpdateProposal:
    """Propose an update in the portal, for an action the stakeholder's organisation partners
    in; the lead department hears of it by mail."""
    context = require()
    grant = context.portal
    if context.audience != Audience.STAKEHOLDER or grant is None:
        raise AccessRefused("Updates are proposed in the stakeholder portal only.")
    if action.pk not in grant.ids("plans.Action"):
        raise AccessRefused("The stakeholder's organisation does not partner in this action.")
    clean_text = _plain("text", text, PROPOSAL_MAX_LENGTH)
    if suggested_progress is not None and not 0 <= suggested_progress <= 100:
        raise ValidationError({"suggested_progress": _("Progress is a percentage from 0 to 100.")})
    if suggested_status is not None and suggested_status.plan_id != action.plan_id:
        raise ValidationError({"suggested_status": _("This status does not belong to the plan.")})
    organisation = (
        Organisation.objects.filter(pk=grant.organisation_id).first()
        if grant.organisation_id
        else None
    )
    with transaction.atomic():
        proposal = UpdateProposal.objects.create(
            action=action,
            contact_id=grant.contact_id,
            proposer_name=getattr(actor, "full_name", "") or str(actor),
            organisation=organisation,
            text=clean_text,
            suggested_status=suggested_status,
            suggested_progress=suggested_progress,
        )
        # The deciders are members, whom the stakeholder may not read: a worker mails them.
        job = {"municipality_id": proposal.municipality_id, "actor_id": None}
        transaction.on_commit(lambda: proposal_announce.enqueue(proposal_id=proposal.pk, **job))
    return proposal


def deciders_of(action: Action) -> list[Any]:
    """Who decides on proposals for the action: the lead department's editors, and the
    members who may edit every action (the coordinator)."""
    memberships = Membership.objects.select_related("user", "department").filter(
        user__is_active=True
    )
    found = []
    for membership in memberships:
        if membership.has(Permission.EDIT_ALL) or (
            action.lead_department_id is not None
            and membership.has(Permission.EDIT_OWN_DEPARTMENT)
            and membership.own_department_id == action.lead_department_id
        ):
            found.append(membership.user)
    return found


@tenant_task()
def proposal_announce(*, proposal_id: int) -> int:
    """Mail the action's deciders that an update was proposed (each in their own language)."""
    proposal = (
        UpdateProposal.objects.select_related("action", "organisation")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return 0
    municipality = require().municipality
    assert municipality is not None
    path = reverse(
        "plans:action_detail",
        kwargs={"municipality": municipality.slug, "pk": proposal.action_id},
    )
    recipients = deciders_of(proposal.action)
    for user in recipients:
        send_templated_email(
            template="portal/email/proposal_new",
            context={"proposal": proposal, "municipality": municipality, "path": path},
            to=[user.email],
            language=user.language or None,
        )
    return len(recipients)


def proposal_attribution(proposal: UpdateProposal, decider: Any) -> str:
    """The line on the timeline that says whose update it was, in the municipality's language."""
    values = {
        "name": proposal.proposer_name or _("an erased person"),
        "organisation": proposal.organisation.name if proposal.organisation else "",
        "decider": getattr(decider, "full_name", "") or str(decider),
    }
    if values["organisation"]:
        return _("Proposed by %(name)s (%(organisation)s), accepted by %(decider)s") % values
    return _("Proposed by %(name)s, accepted by %(decider)s") % values


def _locked_pending(proposal: UpdateProposal) -> UpdateProposal:
    locked = (
        UpdateProposal.objects.select_for_update(of=("self",))
        .select_related("action", "organisation", "suggested_status")
        .get(pk=proposal.pk)
    )
    if locked.decided_at is not None:
        raise ProposalAlreadyDecided()
    return locked


def _tell_proposer(proposal: UpdateProposal) -> None:
    contact = Contact.objects.filter(pk=proposal.contact_id, erased_at=None).first()
    if contact is None or not contact.email:
        return
    municipality = require().municipality
    assert municipality is not None
    send_templated_email(
        template="portal/email/proposal_decided",
        context={
            "proposal": proposal,
            "municipality": municipality,
            "contact": contact,
            "path": reverse("portal:home", kwargs={"municipality": municipality.slug}),
        },
        to=[contact.email],
        language=contact.language or None,
    )


def proposal_accept(*, actor: Any, proposal: UpdateProposal) -> UpdateProposal:
    """Accept: post the proposal on the action's timeline, attributed, with the status and
    progress it suggested, and tell the person."""
    with transaction.atomic():
        locked = _locked_pending(proposal)
        enforce(can_decide_proposal, locked.action)
        # The timeline is read in the municipality's own language.
        with translation.override(settings.LANGUAGE_CODE):
            attribution = proposal_attribution(locked, actor)
        before = snapshot(locked)
        entry = timeline_update_post(
            actor=actor,
            action=locked.action,
            text=f"{locked.text}\n\n— {attribution}",
            new_status=locked.suggested_status,
            new_progress=locked.suggested_progress,
        )
        locked.decision = Decision.ACCEPTED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.update = entry
        locked.save(update_fields=["decision", "decided_by", "decided_at", "update", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        _tell_proposer(locked)
    return locked


def proposal_decline(*, actor: Any, proposal: UpdateProposal, reason: str) -> UpdateProposal:
    """Decline, with a reason the person gets by mail; nothing reaches the timeline."""
    clean_reason = _plain("reason", reason, REASON_MAX_LENGTH)
    with transaction.atomic():
        locked = _locked_pending(proposal)
        enforce(can_decide_proposal, locked.action)
        before = snapshot(locked)
        locked.decision = Decision.DECLINED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.reason = clean_reason
        locked.save(update_fields=["decision", "decided_by", "decided_at", "reason", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        _tell_proposer(locked)
    return locked
