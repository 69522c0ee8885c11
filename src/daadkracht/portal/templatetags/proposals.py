"""The block of updates proposed in the portal on an action's page, for who decides on them."""

from typing import Any

from django import template

from daadkracht.portal.policies import can_decide_proposal
from daadkracht.portal.selectors import pending_proposals

register = template.Library()


@register.inclusion_tag("portal/_action_proposals.html", takes_context=True)
def action_proposals(context: template.Context, action: Any) -> dict[str, Any]:
    """Pending proposals for the action, shown to the members who may decide on them."""
    request = context.get("request")
    membership = getattr(getattr(request, "tenant", None), "membership", None)
    may_decide = membership is not None and can_decide_proposal(membership, action)
    return {
        "proposals": pending_proposals(action=action) if may_decide else [],
        "request": request,
    }
