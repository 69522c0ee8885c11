"""What the prioritising pages share: their empty state and the choices of their filter form."""

from typing import Any

from daadkracht.plans.models import Plan
from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.selectors.plan import statuses
from daadkracht.plans.selectors.themes import theme_options
from daadkracht.tenancy.models import Department

NO_PLAN_TEMPLATE = "prioritisation/no_plan.html"


def filter_context(filters: ActionFilter, plan: Plan) -> dict[str, Any]:
    return {
        "filters": filters,
        "theme_options": theme_options(plan),
        "departments": list(Department.objects.all()),
        "statuses": list(statuses()),
    }
