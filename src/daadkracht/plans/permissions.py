"""Who may change an action: coordinators all, editors those of their own department."""

from daadkracht.plans.models import Action
from daadkracht.tenancy.context import TenantContext


def can_edit_action(tenant: TenantContext, action: Action) -> bool:
    return tenant.can_edit_for_department(action.lead_department_id)
