"""Who may prioritise: coordinators and coaches set the criteria and run scoring rounds (the
workshop); they, and whoever may change an action, give it its scores.

Plain functions of "who" (the actor's `Membership`) and the object concerned, like those of
`plans.policies`, on whose rules they build. Views and templates ask them what to offer; the
services ask them again through `tenancy.policies.enforce()`.
"""

from daadkracht.plans.models import Action
from daadkracht.plans.policies import can_edit_action, can_edit_actions
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_manage_prioritisation(who: Membership) -> bool:
    """The criteria and their weights, scoring rounds, and filling in scores from the figures:
    coordinators, and the coaches who guide the municipality through its workshops."""
    return who.has(Permission.MANAGE_PRIORITISATION)


def can_score(who: Membership, action: Action) -> bool:
    """The agreed scores of an action: whoever may change the action, and whoever manages the
    prioritisation (a coach scores every action without changing any)."""
    return can_manage_prioritisation(who) or can_edit_action(who, action)


def can_score_actions(who: Membership) -> bool:
    """Pages that change scores at all: each action then asks `can_score`."""
    return can_manage_prioritisation(who) or can_edit_actions(who)
