"""The meeting at which an action was created, for the action page."""

from typing import Any

from django import template

from daadkracht.meetings.selectors.meetings import meeting_of_action

register = template.Library()


@register.inclusion_tag("meetings/_action_origin_meeting.html", takes_context=True)
def action_origin(context: template.Context, action: Any) -> dict[str, Any]:
    """ "Created at meeting X (date)", linking to the meeting, when it was."""
    return {"meeting": meeting_of_action(action), "request": context.get("request")}
