"""Who may change the plan and its actions: coordinators everything, editors their department's.

Plain functions of "who" (the actor's `Membership`) and the object concerned. Views, the action
form and templates (through the view's context) ask them what to offer; the services ask them
again through `tenancy.policies.enforce()`, which also holds the rule for code that runs without
a membership (tasks, commands and the platform are trusted; other visitors are refused).
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from daadkracht.plans.models import Action, ActionDepartment, DepartmentRole
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import Permission


def can_manage_plan(who: Membership) -> bool:
    """The plan's settings, themes, statuses, imports and the trash."""
    return who.has(Permission.EDIT_ALL)


def can_edit_for_department(who: Membership, department_id: int | None) -> bool:
    """The editor's own-department rule: coordinators edit for every department (and for none),
    editors only for the department they belong to, and not while it is in the trash."""
    if who.has(Permission.EDIT_ALL):
        return True
    return (
        who.has(Permission.EDIT_OWN_DEPARTMENT)
        and department_id is not None
        and department_id == who.own_department_id
    )


def can_edit_actions(who: Membership) -> bool:
    """Pages that change actions at all: each action then asks `can_edit_action`."""
    return who.has(Permission.EDIT_OWN_DEPARTMENT)


def can_add_actions(who: Membership) -> bool:
    """Whether there is any action `who` may add: an editor without a department has none."""
    return who.has(Permission.EDIT_ALL) or (
        who.has(Permission.EDIT_OWN_DEPARTMENT) and who.own_department_id is not None
    )


def can_create_action(who: Membership, lead_department_id: int | None) -> bool:
    return can_edit_for_department(who, lead_department_id)


def can_edit_action(who: Membership, action: Action) -> bool:
    """Changing the action, its tasks and its timeline."""
    return can_edit_for_department(who, action.lead_department_id)


# The roles in which an involved department works on the action, and so reports on it.
CONTRIBUTING_ROLES = (DepartmentRole.RESPONSIBLE, DepartmentRole.CONTRIBUTES)


def can_post_updates(who: Membership) -> bool:
    """Pages that post status updates at all: each action then asks `can_post_update`."""
    return who.has(Permission.EDIT_OWN_DEPARTMENT)


def contributed_action_ids(who: Membership, action_ids: Iterable[int]) -> set[int]:
    """Of these actions, those that `who`'s department contributes to (one query)."""
    if not who.has(Permission.EDIT_OWN_DEPARTMENT) or who.own_department_id is None:
        return set()
    return set(
        ActionDepartment.objects.filter(
            action_id__in=list(action_ids),
            department_id=who.own_department_id,
            role__in=CONTRIBUTING_ROLES,
        ).values_list("action_id", flat=True)
    )


def can_post_update(who: Membership, action: Action) -> bool:
    """Posting a status update or decision on the action's timeline: who may edit the action,
    and the departments that contribute to it, which may not edit the action itself."""
    return can_edit_action(who, action) or action.pk in contributed_action_ids(who, [action.pk])


def can_update_action(who: Membership, action: Action, lead_department_id: int | None) -> bool:
    """Saving the action as stored (`action`) with this lead: editors cannot hand it over."""
    return can_edit_action(who, action) and can_edit_for_department(who, lead_department_id)


def can_trash_actions(who: Membership) -> bool:
    """Moving actions to the trash and restoring them."""
    return who.has(Permission.EDIT_ALL)


def chooses_any_lead(who: Membership) -> bool:
    """Whether `who` picks the lead department freely, rather than being given their own."""
    return who.has(Permission.EDIT_ALL)


def lead_department_choices(who: Membership) -> QuerySet[Department]:
    """The departments `who` may make lead of an action."""
    if chooses_any_lead(who):
        return Department.objects.all()
    if can_add_actions(who):
        return Department.objects.filter(pk=who.own_department_id)
    return Department.objects.none()
