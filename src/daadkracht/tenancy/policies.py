"""Who may manage a municipality's departments and members.

A policy is a plain function of "who" — the actor's `Membership` — and the object concerned,
answering True or False. The role matrix (`roles.py`) says what each role may do in general; the
policies are the only place that combines it with the object at hand.
"""

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_manage_departments(who: Membership) -> bool:
    return who.has(Permission.MANAGE_DEPARTMENTS)


def can_manage_members(who: Membership) -> bool:
    return who.has(Permission.MANAGE_MEMBERS)
