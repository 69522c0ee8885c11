"""An event as an iCalendar file (RFC 5545), at its local time in Brussels."""

from datetime import date
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from daadkracht.events.models import NetworkEvent

PUBLISH = "PUBLISH"
PRODUCT_ID = "-//Daadkracht//Events//NL"


def event_uid(event: NetworkEvent) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "daadkracht"
    return f"network-event-{event.pk}@{domain}"


def event_ics(event: NetworkEvent, *, url: str) -> bytes:
    """The event as a calendar file to add to one's own calendar."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", PUBLISH)
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=date(event.starts_at.year - 1, 1, 1),
            last_date=date(event.ends_at.year + 1, 12, 31),
        )
    )
    item = Event()
    item.add("uid", event_uid(event))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", timezone.localtime(event.starts_at, zone))
    item.add("dtend", timezone.localtime(event.ends_at, zone))
    item.add("summary", event.title)
    if event.place:
        item.add("location", event.place)
    description = "\n\n".join(part for part in [event.description, url] if part)
    if description:
        item.add("description", description)
    if url:
        item.add("url", url)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    calendar.add_component(item)
    return calendar.to_ical()
