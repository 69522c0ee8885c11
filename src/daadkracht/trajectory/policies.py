"""Who may do what with the collaboration trajectory: every member reads it; coordinators and
the coaches who follow the municipality start and edit it (its agreements, phases and
checklists).

Plain functions of "who" (the actor's `Membership`), like those of the other apps. Views and
templates ask them what to offer; the services ask them again through
`tenancy.policies.enforce()`.
"""

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_manage_trajectory(who: Membership) -> bool:
    """Starting the trajectory, its intake agreements, phases and checklist items."""
    return who.has(Permission.EDIT_TRAJECTORY)
