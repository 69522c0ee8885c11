"""Who may read the history of changes."""

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_read_history(who: Membership) -> bool:
    return who.has(Permission.VIEW_HISTORY)
