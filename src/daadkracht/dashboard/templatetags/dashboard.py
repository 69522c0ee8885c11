"""Template helpers of the dashboard: how far dates lie from today."""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


def _as_date(value: date | datetime) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


@register.filter
def days_ago(value: date | datetime | None) -> int | None:
    """How many days before today a date (or moment) lies; negative when it is still ahead."""
    if value is None:
        return None
    return (timezone.localdate() - _as_date(value)).days
