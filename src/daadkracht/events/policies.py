"""Who may organise network events and see who registered.

Every member reads the events of the network. Who registered — names, e-mail addresses and
organisations of people — is personal data: only members who manage stakeholders (the
coordinators) read it, plan and change events, register a known contact person, record
attendance and read the closing report.
"""

from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.models import Membership


def can_manage_events(who: Membership) -> bool:
    return can_manage_stakeholders(who)
