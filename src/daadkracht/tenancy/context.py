"""What a request knows about the municipality it is in and the user's place there."""

from dataclasses import dataclass

from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.roles import Permission, Role


@dataclass(frozen=True)
class TenantContext:
    municipality: Municipality
    membership: Membership

    @property
    def role(self) -> Role:
        return Role(self.membership.role)

    def has(self, permission: Permission) -> bool:
        return self.membership.has(permission)
