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

    def can_edit_for_department(self, department_id: int | None) -> bool:
        """Whether the user may edit an item owned by the given department."""
        if self.has(Permission.EDIT_ALL):
            return True
        return (
            self.has(Permission.EDIT_OWN_DEPARTMENT)
            and department_id is not None
            and department_id == self.membership.department_id
        )
