"""Who may give portal access and who decides on a proposed update.

Coordinators (who manage the network's people) invite a body's member to the portal and revoke
the access. A proposed update is decided by whoever may change the action: the members of its
lead department who edit, and the coordinator.
"""

from daadkracht.plans.models import Action
from daadkracht.plans.policies import can_edit_action, can_edit_actions
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.models import Membership


def can_manage_portal(who: Membership) -> bool:
    """Inviting a member of a body to the portal, and revoking the access."""
    return can_manage_stakeholders(who)


def can_see_proposals(who: Membership) -> bool:
    """The list of proposed updates: anyone who may change some action."""
    return can_edit_actions(who)


def can_decide_proposal(who: Membership, action: Action) -> bool:
    """Accepting or declining an update proposed for this action."""
    return can_edit_action(who, action)
