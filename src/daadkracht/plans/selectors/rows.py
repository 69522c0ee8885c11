"""Actions as the list, the board and the timeline show them, with their flags worked out once."""

from dataclasses import dataclass

from django.utils import timezone

from daadkracht.plans.models import Action, Plan
from daadkracht.plans.policies import can_edit_action
from daadkracht.plans.selectors.actions import is_overdue, is_stale
from daadkracht.tenancy.models import Membership


@dataclass(frozen=True)
class ActionListRow:
    """An action as a row or card shows it."""

    action: Action
    overdue: bool
    stale: bool
    can_edit: bool


def action_list_rows(actions: list[Action], plan: Plan, who: Membership) -> list[ActionListRow]:
    today, now = timezone.localdate(), timezone.now()
    return [
        ActionListRow(
            action=action,
            overdue=is_overdue(action, today),
            stale=is_stale(action, plan, now),
            can_edit=can_edit_action(who, action),
        )
        for action in actions
    ]
