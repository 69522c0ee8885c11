"""URL matrix rows: the stakeholders' portal, inviting to it, and the proposed updates.

The portal is for the stakeholder only (members of municipality A get a 403, outsiders a 404);
the stakeholder gets every other tenant URL refused (the rows' default: as without membership).
"""

from daadkracht.access.context import stakeholder_scope
from daadkracht.portal.access import portal_grant
from daadkracht.portal.models import UpdateProposal
from daadkracht.portal.services.proposals import proposal_submit
from tests.url_matrix.rows import (
    FORBIDDEN,
    GONE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    everyone,
    row,
    tenant,
)

PORTAL = row(REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK)
POST_ONLY_COORDINATOR = tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN)
DECIDERS = tenant(OK, OK, FORBIDDEN, FORBIDDEN)


def _meeting(world) -> dict:
    return {"pk": world.stakeholder().meeting.pk}


def _action(world) -> dict:
    return {"pk": world.action_a.pk}


def _contact(world) -> dict:
    return {"contact": world.stakeholder().contact.pk}


def _access(world) -> dict:
    return {"pk": world.stakeholder().access.pk}


def _proposal(world) -> dict:
    """A pending proposal of the stakeholder for the sample action (made once per world)."""
    jan = world.stakeholder()
    found = UpdateProposal.unscoped.filter(action=world.action_a).first()
    if found is None:
        with stakeholder_scope(world.a, portal_grant(jan.access), actor=jan.user):
            found = proposal_submit(
                actor=jan.user, access=jan.access, action=world.action_a, text="Stand van zaken"
            )
    return {"pk": found.pk}


EXPECTED = {
    "portal:home": PORTAL,
    "portal:meeting": PORTAL,
    "portal:meeting_agenda": PORTAL,
    "portal:action": PORTAL,
    "portal_invitation:accept": everyone(GONE),
    "portal_access:list": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "portal_access:invite": POST_ONLY_COORDINATOR,
    "portal_access:revoke": POST_ONLY_COORDINATOR,
    "proposals:list": DECIDERS,
    "proposals:decide": DECIDERS,
}

SAMPLE_KWARGS = {
    "portal:meeting": _meeting,
    "portal:meeting_agenda": _meeting,
    "portal:action": _action,
    "portal_invitation:accept": lambda world: {"token": "not-a-valid-token"},
    "portal_access:invite": _contact,
    "portal_access:revoke": _access,
    "proposals:decide": _proposal,
}
