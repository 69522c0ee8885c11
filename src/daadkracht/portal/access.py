"""Who may enter the portal of a municipality, and what they may read there.

Used by the portal's entry point before any access context is active, so it reads across
municipalities with the unscoped managers, always naming the municipality.
"""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from daadkracht.access.context import PortalGrant
from daadkracht.bodies.models import BodyMeeting, BodyMembership
from daadkracht.partners.models import ActionPartner
from daadkracht.portal.models import PortalAccess
from daadkracht.stakeholders.models import Contact


def portal_accesses_of(user: Any) -> list[PortalAccess]:
    """The user's accepted, unrevoked portal accesses, with their municipality (for log-in)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return list(
        PortalAccess.unscoped.filter(user=user, accepted_at__isnull=False, revoked_at=None)
        .select_related("municipality")
        .order_by("municipality__name")
    )


def portal_access_in(user: Any, municipality_slug: str) -> PortalAccess | None:
    """The user's working portal access in this municipality, if any."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return (
        PortalAccess.unscoped.filter(
            user=user,
            municipality__slug=municipality_slug,
            accepted_at__isnull=False,
            revoked_at=None,
            contact__erased_at=None,
        )
        .select_related("municipality")
        .first()
    )


def current_seats(contact: Contact) -> Q:
    """The body memberships of a contact running today: their own, or their organisation's."""
    today = timezone.localdate()
    who = Q(contact_id=contact.pk)
    if contact.organisation_id is not None:
        who |= Q(organisation_id=contact.organisation_id)
    return (
        who
        & Q(municipality_id=contact.municipality_id, starts_on__lte=today)
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )


def portal_grant(access: PortalAccess) -> PortalGrant:
    """What the holder of `access` may read: computed from their seats and partnerships now,
    so that a seat that ends or a partnership that is removed closes the door at once."""
    contact = Contact.unscoped.get(pk=access.contact_id, municipality_id=access.municipality_id)
    seats = list(
        BodyMembership.unscoped.filter(current_seats(contact)).values_list("id", "body_id")
    )
    body_ids = frozenset(body for _seat, body in seats)
    meeting_ids = frozenset(
        BodyMeeting.unscoped.filter(
            municipality_id=access.municipality_id, body_id__in=body_ids
        ).values_list("meeting_id", flat=True)
    )
    partnerships: list[tuple[int, int]] = []
    if contact.organisation_id is not None:
        partnerships = list(
            ActionPartner.unscoped.filter(
                municipality_id=access.municipality_id,
                organisation_id=contact.organisation_id,
                action__deleted_at=None,
            ).values_list("id", "action_id")
        )
    organisations = frozenset([contact.organisation_id] if contact.organisation_id else [])
    return PortalGrant(
        contact_id=contact.pk,
        organisation_id=contact.organisation_id,
        readable={
            "portal.PortalAccess": frozenset([access.pk]),
            "stakeholders.Contact": frozenset([contact.pk]),
            "stakeholders.Organisation": organisations,
            "bodies.BodyMembership": frozenset(seat for seat, _body in seats),
            "bodies.GovernanceBody": body_ids,
            "meetings.Meeting": meeting_ids,
            "partners.ActionPartner": frozenset(link for link, _action in partnerships),
            "plans.Action": frozenset(action for _link, action in partnerships),
        },
    )
