"""Who may prioritise: coordinators set the criteria and run scoring rounds; whoever may change an
action gives it its scores.

Plain functions of "who" (the actor's `Membership`) and the object concerned, like those of
`plans.policies`, on whose rules they build. Views and templates ask them what to offer; the
services ask them again through `tenancy.policies.enforce()`.
"""

from daadkracht.plans.models import Action
from daadkracht.plans.policies import can_edit_action, can_manage_plan
from daadkracht.tenancy.models import Membership


def can_manage_prioritisation(who: Membership) -> bool:
    """The criteria and their weights, scoring rounds, and filling in scores from the figures:
    whoever manages the plan."""
    return can_manage_plan(who)


def can_score(who: Membership, action: Action) -> bool:
    """The agreed scores of an action: whoever may change the action."""
    return can_edit_action(who, action)
