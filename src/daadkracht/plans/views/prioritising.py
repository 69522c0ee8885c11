"""What the prioritising pages share: their empty state and the choices of their filter form."""

from typing import Any

from daadkracht.plans.selectors.actions import ActionFilter
from daadkracht.plans.selectors.plan import statuses, themes
from daadkracht.tenancy.models import Department

NO_PLAN_TEMPLATE = "plans/priorities/no_plan.html"


def filter_context(filters: ActionFilter) -> dict[str, Any]:
    theme_options = []
    for theme in themes():
        label = str(theme)
        theme_options.append((theme.pk, f"— {label}" if theme.parent_id else label))
    return {
        "filters": filters,
        "theme_options": theme_options,
        "departments": list(Department.objects.all()),
        "statuses": list(statuses()),
    }
