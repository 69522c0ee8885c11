"""What the portal pages show; every query runs in the stakeholder's scope, so it returns only
the rows of their grant whatever it asks (see `access.reach.portal`).

What of an action's timeline a stakeholder sees: every entry's date and the status or progress
it moved (the course of an action they work on), and the text of an entry only where the action
is public anyway or the entry is their own accepted proposal. Internal notes of the departments
stay internal.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from daadkracht.bodies.models import BodyMembership
from daadkracht.meetings.models import Meeting
from daadkracht.partners.models import ActionPartner
from daadkracht.plans.models import Action, StatusUpdate
from daadkracht.plans.models.action import Visibility
from daadkracht.portal.models import UpdateProposal

RECENT_ENTRIES = 5
PAST_MEETINGS = 5


@dataclass
class PartnerAction:
    action: Action
    roles: list[str] = field(default_factory=list)


def portal_seats() -> list[BodyMembership]:
    return list(BodyMembership.objects.select_related("body").order_by("body__name", "starts_on"))


def portal_meetings() -> tuple[list[Meeting], list[Meeting]]:
    """The upcoming meetings of their bodies (soonest first) and the last few past ones."""
    now = timezone.now()
    meetings = Meeting.objects.select_related("body_link__body")
    upcoming = list(meetings.filter(ends_at__gte=now).order_by("starts_at", "id"))
    past = list(meetings.filter(ends_at__lt=now).order_by("-starts_at", "-id")[:PAST_MEETINGS])
    return upcoming, past


def portal_actions() -> list[PartnerAction]:
    """The actions their organisation partners in, with the roles it has on each."""
    found: dict[int, PartnerAction] = {}
    links = ActionPartner.objects.select_related("action__status").order_by(
        "action__identifier", "action_id", "id"
    )
    for link in links:
        if link.action.deleted_at is not None:
            continue
        entry = found.setdefault(link.action_id, PartnerAction(link.action))
        entry.roles.append(str(link.get_role_display()))
    return list(found.values())


def portal_action(pk: int) -> PartnerAction | None:
    action = Action.objects.select_related("status").filter(pk=pk).first()
    if action is None:
        return None
    roles = [
        str(link.get_role_display()) for link in ActionPartner.objects.filter(action_id=action.pk)
    ]
    return PartnerAction(action, roles)


@dataclass(frozen=True)
class PortalEntry:
    update: StatusUpdate
    text: str  # empty where the text stays internal


def portal_timeline(action: Action, *, limit: int = RECENT_ENTRIES) -> list[PortalEntry]:
    updates = list(
        action.updates.select_related("previous_status", "new_status").order_by(
            "-date", "-created_at", "-id"
        )[:limit]
    )
    own = set(
        UpdateProposal.objects.filter(update_id__in=[u.pk for u in updates]).values_list(
            "update_id", flat=True
        )
    )
    public = action.visibility == Visibility.PUBLIC
    return [
        PortalEntry(u, u.text if (u.is_written and (public or u.pk in own)) else "")
        for u in updates
    ]


def portal_proposals(action: Action | None = None) -> list[UpdateProposal]:
    """The stakeholder's own proposals, newest first (of one action, or of all)."""
    proposals = UpdateProposal.objects.select_related("action")
    if action is not None:
        proposals = proposals.filter(action=action)
    return list(proposals.order_by("-created_at", "-id")[:50])


def pending_proposals(**filters: Any) -> list[UpdateProposal]:
    """For members: proposals waiting for a decision, oldest first."""
    return list(
        UpdateProposal.objects.select_related(
            "action", "organisation", "suggested_status", "decided_by"
        )
        .filter(decided_at=None, action__deleted_at=None, **filters)
        .order_by("created_at", "id")
    )


def recent_decided(**filters: Any) -> list[UpdateProposal]:
    since = timezone.now() - timedelta(days=90)
    return list(
        UpdateProposal.objects.select_related("action", "organisation", "decided_by")
        .filter(decided_at__gte=since, **filters)
        .order_by("-decided_at", "-id")[:50]
    )
