"""The short list of work agreements that ask for attention, for the dashboards."""

from typing import Any

from django import template
from django.utils import timezone

from daadkracht.meetings.selectors.agreements import agreements_needing_attention

register = template.Library()


@register.inclusion_tag("meetings/_agreements_attention_list.html", takes_context=True)
def agreements_attention(context: template.Context, department: Any = None) -> dict[str, Any]:
    """Overdue agreements and those due for review, of one department or of all."""
    department_id = getattr(department, "pk", None)
    items, total = agreements_needing_attention(department=department_id)
    return {
        "items": items,
        "total": total,
        "department": department,
        "today": timezone.localdate(),
        "tenant": context.get("tenant"),
        "request": context.get("request"),
    }
