"""Who may read the network and who may handle contact persons' personal data.

Every member reads the organisations of the network (name, type, website, themes, notes) and
how many contact persons each has. Names, functions, e-mail addresses, phone numbers, lawful
bases and consents of contact persons are personal data: only members who manage stakeholders
(coordinators) read and change them, export everything held about a person and erase a person.
The coach who follows a municipality reads the organisations but not the people: they work for
several municipalities and do not need the contact data to guide one.
"""

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission


def can_manage_stakeholders(who: Membership) -> bool:
    """Creating, changing and deleting organisations and contact persons, reading personal
    data, recording lawful bases and consents, the retention periods and consent texts, and
    exporting and erasing a person."""
    return who.has(Permission.MANAGE_STAKEHOLDERS)
