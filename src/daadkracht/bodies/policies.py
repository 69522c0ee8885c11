"""Who may read and change the governance bodies.

Every member reads the bodies: their mandate, themes, meetings, and which organisations sit in
them in which role. The bodies are managed by who manages stakeholders (the coordinator), as
the people in them are contact persons of the network; names of people who sit in a body are
personal data and follow the network's rule (see `stakeholders.policies`): only who manages
stakeholders sees them. The coach reads the bodies but not the people, as in the network.
"""

from daadkracht.stakeholders.policies import can_manage_stakeholders

can_manage_bodies = can_manage_stakeholders

__all__ = ["can_manage_bodies"]
