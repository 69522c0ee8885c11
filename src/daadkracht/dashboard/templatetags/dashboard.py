"""Template helpers of the dashboard: links to pages that may not be installed yet."""

from datetime import date, datetime
from typing import Any

from django import template
from django.utils import timezone

from daadkracht.common.navigation import tenant_url

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_turl(context: template.Context, name: str, **kwargs: Any) -> str:
    """Like `turl`, but empty when the page does not exist, so that the link can be left out."""
    return tenant_url(context["request"], name, **kwargs) or ""


def _as_date(value: date | datetime) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


@register.filter
def days_ago(value: date | datetime | None) -> int | None:
    """How many days before today a date (or moment) lies; negative when it is still ahead."""
    if value is None:
        return None
    return (timezone.localdate() - _as_date(value)).days
