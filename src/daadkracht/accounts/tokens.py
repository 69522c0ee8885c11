"""Signed, expiring invitation links."""

from django.conf import settings
from django.core import signing

from daadkracht.accounts.models import Invitation

SALT = "daadkracht.accounts.invitation"


def invitation_token(invitation: Invitation) -> str:
    # The send time is part of the token, so that resending invalidates the earlier link.
    return signing.dumps({"i": invitation.pk, "s": invitation.sent_at.timestamp()}, salt=SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The open invitation the token stands for, or None if it is forged, expired or used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.unscoped.select_related("municipality", "department")
        .filter(pk=data.get("i"))
        .first()
    )
    if invitation is None or invitation.sent_at.timestamp() != data.get("s"):
        return None
    return invitation if invitation.is_open else None
