"""What the action list, board and timeline share: filter choices and start links."""

from typing import Any

from daadkracht.common.navigation import tenant_url
from daadkracht.plans.models import ActionStatus, Phase, Plan, Priority, Tag
from daadkracht.plans.policies import can_add_actions, can_manage_plan
from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.selectors.themes import theme_options
from daadkracht.tenancy.decorators import TenantRequest
from daadkracht.tenancy.models import Department


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
    who = request.tenant.membership
    can_create = can_add_actions(who)
    can_import = can_manage_plan(who)
    return {
        "create_url": tenant_url(request, "plans:action_create") if can_create else None,
        "import_url": tenant_url(request, "plans:actions_import") if can_import else None,
        "template_url": (
            tenant_url(request, "plans:actions_import_template") if can_import else None
        ),
    }
