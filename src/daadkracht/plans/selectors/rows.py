"""Actions as the list, the board and the timeline show them, with their flags worked out once."""

from dataclasses import dataclass

from django.utils import timezone

from daadkracht.plans.models import Action, Plan
from daadkracht.plans.policies import can_edit_action, contributed_action_ids
from daadkracht.plans.selectors.actions import is_overdue, is_stale
from daadkracht.tenancy.models import Membership


@dataclass(frozen=True)
class ActionListRow:
    """An action as a row or card shows it."""

    action: Action
    overdue: bool
    stale: bool
    can_edit: bool
    # Posting a status update: who may edit it, and the departments that contribute to it.
    can_update: bool = False


def action_list_rows(actions: list[Action], plan: Plan, who: Membership) -> list[ActionListRow]:
    today, now = timezone.localdate(), timezone.now()
    editable = {action.pk for action in actions if can_edit_action(who, action)}
    contributed = contributed_action_ids(who, [a.pk for a in actions if a.pk not in editable])
    return [
        ActionListRow(
            action=action,
            overdue=is_overdue(action, today),
            stale=is_stale(action, plan, now),
            can_edit=action.pk in editable,
            can_update=action.pk in editable or action.pk in contributed,
        )
        for action in actions
    ]
