"""What the action list, board and timeline share: filter choices, start links, editable actions."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from daadkracht.common.navigation import tenant_url
from daadkracht.plans.models import Action, ActionStatus, Phase, Plan, Priority, Tag
from daadkracht.plans.permissions import can_edit_action
from daadkracht.plans.selectors.actions import ActionFilter, with_list_data
from daadkracht.plans.selectors.themes import theme_options
from daadkracht.tenancy.decorators import TenantRequest
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.roles import Permission


def filter_context(request: TenantRequest, plan: Plan) -> dict[str, Any]:
    """The filters read from the query string and the choices the filter form offers."""
    filters = ActionFilter.from_query(request.GET)
    statuses = list(ActionStatus.objects.filter(plan=plan))
    return {
        "plan": plan,
        "filters": filters,
        "statuses": statuses,
        "theme_options": theme_options(plan),
        "departments": list(Department.objects.all()),
        "tags": list(Tag.objects.all()),
        "phases": Phase.choices,
        "priorities": Priority.choices,
    }


def start_links(request: TenantRequest) -> dict[str, str | None]:
    """Where a municipality without actions can start, as far as the role allows."""
    tenant = request.tenant
    can_create = tenant.has(Permission.EDIT_OWN_DEPARTMENT)
    can_import = tenant.has(Permission.EDIT_ALL)
    return {
        "create_url": tenant_url(request, "plans:action_create") if can_create else None,
        "import_url": tenant_url(request, "plans:actions_import") if can_import else None,
        "template_url": (
            tenant_url(request, "plans:actions_import_template") if can_import else None
        ),
    }


def editable_action(request: TenantRequest, pk: int) -> Action:
    action = get_object_or_404(with_list_data(Action.objects.all()), pk=pk)
    if not can_edit_action(request.tenant, action):
        raise PermissionDenied
    return action
