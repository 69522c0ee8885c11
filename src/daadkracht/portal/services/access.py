"""Inviting a member of a body to the portal, accepting the invitation, revoking the access."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import LinkGrant
from daadkracht.access.links import LinkAlreadyUsed, link_use_up
from daadkracht.accounts.models import User
from daadkracht.bodies.models import BodyMembership
from daadkracht.common.email import send_templated_email
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.portal.access import current_seats
from daadkracht.portal.models import PortalAccess
from daadkracht.portal.policies import can_manage_portal
from daadkracht.portal.tokens import portal_invitation_token
from daadkracht.stakeholders.models import Contact
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.policies import enforce


def _send_invitation(access: PortalAccess, contact: Contact) -> None:
    path = reverse("portal_invitation:accept", kwargs={"token": portal_invitation_token(access)})
    send_templated_email(
        template="portal/email/invitation",
        context={
            "contact": contact,
            "municipality": access.municipality,
            "inviter": access.invited_by,
            "path": path,
        },
        to=[access.email],
        language=contact.language or None,
    )


def portal_invite(*, actor: Any, contact: Contact) -> PortalAccess:
    """Invite a person who sits in a body now (or whose organisation does) to the portal: a
    mail in their language with a link to choose a password. An earlier open invitation of the
    same person stops working."""
    enforce(can_manage_portal)
    if contact.is_erased or not contact.email:
        raise ValidationError(_("This person has no e-mail address to send the invitation to."))
    if not BodyMembership.objects.filter(current_seats(contact)).exists():
        raise ValidationError(_("Only a current member of a body can be invited to the portal."))
    if Membership.objects.filter(user__email__iexact=contact.email).exists():
        raise ValidationError(
            _("%(email)s is a member of the municipality and sees more than the portal already.")
            % {"email": contact.email}
        )
    with transaction.atomic():
        existing = PortalAccess.objects.select_for_update().filter(contact=contact, revoked_at=None)
        found = existing.first()
        if found is not None and found.accepted_at is not None:
            raise ValidationError(_("This person has access to the portal already."))
        if found is not None:
            # Resent: a new moment, so the earlier link no longer works.
            found.invited_at = timezone.now()
            found.invited_by = actor
            found.email = contact.email
            found.save(update_fields=["invited_at", "invited_by", "email", "updated_at"])
            access = found
        else:
            access = PortalAccess.objects.create(
                contact=contact, email=contact.email.lower(), invited_by=actor
            )
            audit_record(
                actor=actor, instance=access, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
        _send_invitation(access, contact)
    return access


def portal_invitation_accept(
    *,
    access: PortalAccess,
    grant: LinkGrant,
    user: User | None,
    full_name: str = "",
    password: str = "",
) -> User:
    """Accept the invitation: a new account with this password (or the one logged in with the
    invited address), linked to the person; never a membership of the municipality."""
    used = ValidationError(_("This invitation has already been used or has expired."))
    with transaction.atomic():
        locked = PortalAccess.objects.select_for_update().get(pk=access.pk)
        if not locked.is_open:
            raise used
        if user is None:
            if User.objects.filter(email__iexact=locked.email).exists():
                raise ValidationError(
                    _("An account with this e-mail address exists already. Log in first.")
                )
            user = User.objects.create_user(
                email=locked.email, password=password, full_name=full_name.strip()
            )
        try:
            link_use_up(grant)
        except LinkAlreadyUsed as error:
            raise used from error
        before = snapshot(locked)
        locked.user = user
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["user", "accepted_at", "updated_at"])
        audit_record(
            actor=user,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return user


def portal_revoke(*, actor: Any, access: PortalAccess) -> PortalAccess:
    """End the access at once: the next page the person opens is refused."""
    enforce(can_manage_portal)
    with transaction.atomic():
        locked = PortalAccess.objects.select_for_update().get(pk=access.pk)
        if locked.revoked_at is not None:
            return locked
        before = snapshot(locked)
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return locked


def portal_erase(contact: Contact) -> None:
    """For erasing a person: revoke their portal access, blank its address, close the account
    made for the portal (kept as a row, without name or address, so authored entries stay
    consistent) and blank their name on their proposals. Called inside the erase transaction."""
    from daadkracht.portal.models import UpdateProposal

    now = timezone.now()
    for access in PortalAccess.objects.filter(contact=contact).select_related("user"):
        user = access.user
        access.revoked_at = access.revoked_at or now
        access.email = ""
        access.user = None
        access.save(update_fields=["revoked_at", "email", "user", "updated_at"])
        if user is not None and not memberships_of(user).exists():
            user.email = f"erased-{user.pk}@invalid.invalid"
            user.full_name = ""
            user.is_active = False
            user.set_unusable_password()
            user.save(update_fields=["email", "full_name", "is_active", "password"])
    erased = _("an erased person")
    for proposal in UpdateProposal.objects.filter(contact=contact).select_related("update"):
        entry = proposal.update
        if entry is not None and proposal.proposer_name:
            entry.text = entry.text.replace(proposal.proposer_name, erased)
            entry.save(update_fields=["text", "updated_at"])
    UpdateProposal.objects.filter(contact=contact).update(proposer_name="")
