"""Who may run the collaboration diagnosis: coordinators and the coaches who guide it.

The answers are read by them only, never by respondents or other members; a respondent answers
through their signed link, which the answering service checks itself.
"""

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission, Role


def can_manage_diagnosis(who: Membership) -> bool:
    """Rounds, representatives, invitations, reminders, closing, results and exports."""
    return who.has(Permission.MANAGE_DIAGNOSIS)


def can_see_brokerage(who: Membership) -> bool:
    """Who brokers between departments is easily misread with answers missing: coaches only."""
    return who.role == Role.COACH
