"""Invitation links: signed, expiring, single-use; resending makes the earlier link stop working."""

from django.conf import settings

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.accounts.models import Invitation

INVITATION_LINK = LinkPurpose(
    name="invitation",
    model_label="accounts.Invitation",
    max_age=lambda: int(settings.INVITATION_MAX_AGE.total_seconds()),
    single_use=True,
)


def invitation_version(invitation: Invitation) -> str:
    # The send time is the version, so that resending invalidates the earlier link.
    return f"{invitation.sent_at.timestamp():.6f}"


def invitation_token(invitation: Invitation) -> str:
    return link_token(
        INVITATION_LINK,
        municipality_id=invitation.municipality_id,
        object_id=invitation.pk,
        version=invitation_version(invitation),
    )
