"""The partners block of the action page and the actions block of an organisation's page."""

from typing import Any

from django import template

from daadkracht.partners.policies import can_edit_action_partners
from daadkracht.partners.selectors import action_partners, organisation_actions
from daadkracht.stakeholders.models import Organisation

register = template.Library()


@register.inclusion_tag(
    "partners/_action_partners_block.html", takes_context=True, name="action_partners"
)
def action_partner_list(context: template.Context, action: Any) -> dict[str, Any]:
    """The action's partners, with add and remove for who may edit the action."""
    request = context.get("request")
    tenant = getattr(request, "tenant", None)
    membership = getattr(tenant, "membership", None)
    return {
        "action": action,
        "partners": action_partners(action),
        "can_edit": membership is not None and can_edit_action_partners(membership, action),
        "request": request,
    }


@register.inclusion_tag(
    "partners/_organisation_actions_block.html", takes_context=True, name="organisation_actions"
)
def organisation_actions_list(context: template.Context, organisation: Any) -> dict[str, Any]:
    """The actions the organisation partners in, with its role."""
    return {
        "organisation": organisation,
        "links": organisation_actions(organisation),
        "request": context.get("request"),
    }


@register.inclusion_tag("partners/_partner_filter_notice.html", takes_context=True)
def partner_filter(context: template.Context, organisation_id: int) -> dict[str, Any]:
    """Above the action list filtered by partner: which organisation, and the way back."""
    return {
        "organisation": Organisation.objects.filter(pk=organisation_id).first(),
        "request": context.get("request"),
    }
