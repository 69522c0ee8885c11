"""Who may read and record engagement.

Every member reads how far each organisation is engaged, the contacts with organisations and the
commitments: they are about organisations, not people, and every department works with them.
Who manages stakeholders (the coordinator) records and changes them. A contact person's name on
an interaction is personal data and follows the network's rule: only who manages stakeholders
sees it.
"""

from daadkracht.stakeholders.policies import can_manage_stakeholders

can_manage_engagement = can_manage_stakeholders

__all__ = ["can_manage_engagement"]
