"""The practices block of the action page: where the action came from, the own practices that
describe it, and related practices of other municipalities."""

from typing import Any

from django import template

from daadkracht.practices.models import Adoption, PracticeAction, PracticeStatus
from daadkracht.practices.policies import can_share_practice
from daadkracht.practices.search.related import related_practices

register = template.Library()


@register.inclusion_tag("practices/_action_practices.html", takes_context=True)
def action_practices(context: template.Context, action: Any) -> dict[str, Any]:
    request = context.get("request")
    membership = getattr(getattr(request, "tenant", None), "membership", None)
    adopted = (
        Adoption.objects.select_related("practice__municipality")
        .filter(action=action, practice__status=PracticeStatus.PUBLISHED)
        .first()
    )
    own = [
        link.practice
        for link in PracticeAction.objects.select_related("practice").filter(
            action=action, practice__revision_of=None
        )
    ]
    return {
        "action": action,
        "adopted": adopted,
        "own": own,
        "related": related_practices(action),
        "may_share": membership is not None and can_share_practice(membership),
        "request": request,
    }
