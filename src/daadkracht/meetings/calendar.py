"""A meeting as an iCalendar invitation (RFC 5545 with iTIP's REQUEST and CANCEL)."""

from datetime import date
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from daadkracht.meetings.models import Meeting

REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"  # a download, not an invitation
PRODUCT_ID = "-//Daadkracht//Meetings//NL"


def meeting_uid(meeting: Meeting) -> str:
    """The same for every version of the invitation, so that calendars update the one event."""
    domain = urlsplit(settings.SITE_URL).hostname or "daadkracht"
    return f"meeting-{meeting.pk}@{domain}"


def _address(email: str, name: str = "") -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


def meeting_ics(
    meeting: Meeting,
    *,
    method: str,
    url: str,
    attendees: list[Any],
    organiser: Any | None = None,
) -> bytes:
    """The invitation to `meeting` as an .ics file: an update (`REQUEST`) or its cancellation
    (`CANCEL`), at the meeting's local time in Brussels with the time zone described."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=date(meeting.starts_at.year - 1, 1, 1),
            last_date=date(meeting.ends_at.year + 1, 12, 31),
        )
    )
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
    event.add("dtend", timezone.localtime(meeting.ends_at, zone))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    description = "\n\n".join(part for part in [meeting.agenda, url] if part)
    if description:
        event.add("description", description)
    event.add("url", url)
    cancelled = method == CANCEL or meeting.is_cancelled
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if organiser is not None and organiser.email:
        event.add("organizer", _address(organiser.email, str(organiser)))
    for person in attendees:
        address = _address(person.email, str(person))
        address.params["ROLE"] = vText("REQ-PARTICIPANT")
        event.add("attendee", address, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()
