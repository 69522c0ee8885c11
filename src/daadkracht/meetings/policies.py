"""Who may plan meetings and change work agreements.

Coordinators and the coach who guides the municipality plan meetings, send their invitations and
make work agreements for any department; editors and viewers read them. An editor of a department
that is a party to a work agreement updates its state. Plain functions of "who" (the actor's
`Membership`) and the object, enforced again by the services (`tenancy.policies.enforce`).
"""

from daadkracht.meetings.models import WorkAgreement
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_manage_meetings(who: Membership) -> bool:
    """Planning, changing and cancelling meetings, recording attendance, and making, editing and
    removing work agreements."""
    return who.has(Permission.MANAGE_MEETINGS)


def can_update_agreements(who: Membership) -> bool:
    """Pages that change the state of work agreements at all: each agreement then asks
    `can_update_agreement`."""
    return can_manage_meetings(who) or who.has(Permission.EDIT_OWN_DEPARTMENT)


def can_update_agreement(who: Membership, agreement: WorkAgreement) -> bool:
    """The state and review date of an agreement: who manages meetings, and the editors of a
    department that is party to it."""
    if can_manage_meetings(who):
        return True
    department_id = who.own_department_id
    if not who.has(Permission.EDIT_OWN_DEPARTMENT) or department_id is None:
        return False
    return agreement.parties.filter(department_id=department_id).exists()
