"""The portal invitation link: signed, expiring, single use; a new invitation voids the old."""

from django.conf import settings

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.portal.models import PortalAccess

PORTAL_INVITATION_LINK = LinkPurpose(
    name="portal_invitation",
    model_label="portal.PortalAccess",
    max_age=lambda: int(settings.INVITATION_MAX_AGE.total_seconds()),
    single_use=True,
)


def portal_invitation_version(access: PortalAccess) -> str:
    # The moment it was (re)sent: resending makes the earlier link stop working.
    return f"{access.invited_at.timestamp():.6f}"


def portal_invitation_token(access: PortalAccess) -> str:
    return link_token(
        PORTAL_INVITATION_LINK,
        municipality_id=access.municipality_id,
        object_id=access.pk,
        version=portal_invitation_version(access),
    )
