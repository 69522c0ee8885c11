"""Who may share, change and adopt practices.

Any member of a municipality shares a practice of their municipality. A practice is changed,
submitted and withdrawn by its author and by the coordinator (who may change everything of the
municipality). Adopting another municipality's practice makes a new action in the own plan: it
is for who may add actions.
"""

from daadkracht.plans.policies import can_add_actions
from daadkracht.practices.models import Practice
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_share_practice(who: Membership) -> bool:
    return who.has(Permission.VIEW_INTERNAL)


def can_edit_practice(who: Membership, practice: Practice) -> bool:
    if practice.municipality_id != who.municipality_id:
        return False
    return who.has(Permission.EDIT_ALL) or (
        practice.author_id is not None and practice.author_id == who.user_id
    )


def can_adopt_practice(who: Membership) -> bool:
    return can_add_actions(who)
