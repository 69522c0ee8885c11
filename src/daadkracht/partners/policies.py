"""Who may change an action's partners: whoever may edit the action (the plans rule)."""

from daadkracht.plans.policies import can_edit_action, can_edit_actions

# Pages that change partners at all: each action then asks `can_edit_action`.
can_edit_partners = can_edit_actions
can_edit_action_partners = can_edit_action

__all__ = ["can_edit_action_partners", "can_edit_partners"]
