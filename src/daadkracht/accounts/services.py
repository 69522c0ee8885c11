"""Writes for accounts: invitations, profiles and password-reset requests."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.access.context import LinkGrant
from daadkracht.access.links import LinkAlreadyUsed, link_use_up
from daadkracht.accounts.models import Invitation, User
from daadkracht.accounts.tasks import password_reset_send
from daadkracht.accounts.throttle import password_reset_allowed
from daadkracht.accounts.tokens import invitation_token
from daadkracht.common.email import send_templated_email
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.policies import can_manage_members, enforce
from daadkracht.tenancy.roles import EDITOR_NEEDS_DEPARTMENT, Role, needs_department


def _send_invitation(invitation: Invitation, *, language: str | None = None) -> None:
    """Mail the invitation link, in `language` or else the sender's."""
    link = reverse("accounts:invitation", kwargs={"token": invitation_token(invitation)})
    send_templated_email(
        template="accounts/email/invitation",
        context={
            "invitation": invitation,
            "municipality": invitation.municipality,
            "inviter": invitation.invited_by,
            "path": link,
            "expires_at": invitation.expires_at,
        },
        to=[invitation.email],
        language=language,
    )


def invitation_create(
    *,
    actor: User,
    municipality: Municipality,
    email: str,
    role: Role | str,
    department: Department | None,
    language: str | None = None,
) -> Invitation:
    enforce(can_manage_members)
    if needs_department(role, department):
        raise ValidationError({"department": EDITOR_NEEDS_DEPARTMENT})
    email = email.strip().lower()
    if Membership.unscoped.filter(municipality=municipality, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member of %(municipality)s.")
                % {"email": email, "municipality": municipality}
            }
        )
    with transaction.atomic():
        # A new invitation replaces any open one for the same address.
        Invitation.unscoped.filter(
            municipality=municipality, email=email, accepted_at=None, cancelled_at=None
        ).update(cancelled_at=timezone.now())
        invitation = Invitation.unscoped.create(
            municipality=municipality,
            email=email,
            role=role,
            department=department,
            invited_by=actor,
        )
        audit_record(
            actor=actor, instance=invitation, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
        _send_invitation(invitation, language=language)
    return invitation


def invitation_resend(*, actor: User, invitation: Invitation) -> Invitation:
    enforce(can_manage_members)
    with transaction.atomic():
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
        _send_invitation(invitation)
    return invitation


def invitation_cancel(*, actor: User, invitation: Invitation) -> None:
    enforce(can_manage_members)
    with transaction.atomic():
        before = snapshot(invitation)
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=invitation,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )


def invitation_accept(
    *,
    invitation: Invitation,
    grant: LinkGrant,
    user: User | None,
    full_name: str = "",
    password: str = "",
) -> tuple[User, Membership]:
    """Create the account if needed and the membership the invitation promised."""
    used = ValidationError(_("This invitation has already been used or has expired."))
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_open:
            raise used
        if user is None:
            existing = User.objects.filter(email__iexact=locked.email).first()
            if existing is not None:
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
        membership = memberships_of(user).filter(municipality=locked.municipality).first()
        if membership is None:
            membership = Membership(user=user, role=locked.role, department=locked.department)
            membership.save()
            audit_record(
                actor=user,
                instance=membership,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at", "updated_at"])
    return user, membership


def profile_update(*, user: User, full_name: str, language: str) -> User:
    user.full_name = full_name.strip()
    user.language = language
    user.save(update_fields=["full_name", "language"])
    return user


def user_language_set(*, user: Any, language: str) -> None:
    if getattr(user, "is_authenticated", False) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def password_reset_request(*, email: str, address: str | None) -> None:
    """Have a link to choose a new password mailed, within the limits per address and account.

    Only the background task looks the account up, so a request does the same work whether
    an account has this address or not, and its answer tells nothing.
    """
    email = email.strip().lower()
    if password_reset_allowed(address=address, email=email):
        password_reset_send.enqueue(email=email)
