"""The engagement block of an organisation's page: its levels, recent contacts and commitments."""

from typing import Any

from django import template
from django.utils import timezone

from daadkracht.engagement.models import CommitmentStatus
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.selectors.engagements import organisation_engagements
from daadkracht.engagement.selectors.interactions import commitment_list, interaction_list

register = template.Library()

RECENT = 5


@register.inclusion_tag(
    "engagement/_organisation_block.html", takes_context=True, name="organisation_engagement"
)
def organisation_engagement(context: template.Context, organisation: Any) -> dict[str, Any]:
    request = context.get("request")
    membership = getattr(getattr(request, "tenant", None), "membership", None)
    interactions = interaction_list(organisation=organisation.pk)
    return {
        "organisation": organisation,
        "engagements": organisation_engagements(organisation),
        "interactions": list(interactions[:RECENT]),
        "interaction_count": interactions.count(),
        "commitments": list(
            commitment_list(organisation=organisation.pk).exclude(status=CommitmentStatus.CLOSED)
        ),
        "can_manage": membership is not None and can_manage_engagement(membership),
        "today": timezone.localdate(),
        "request": request,
    }
