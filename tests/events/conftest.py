"""Network events of municipality A: contact persons of the alliance, the consent text for
events, an open network moment next week, and helpers for the public form and the mails."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from daadkracht.access import form_guard
from daadkracht.access.context import tenant_scope
from daadkracht.events.models import EventKind, NetworkEvent, Registration
from daadkracht.stakeholders.models import (
    ConsentText,
    Contact,
    Organisation,
    OrganisationKind,
    Purpose,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


def public_url(event: NetworkEvent) -> str:
    return reverse("event_public:register", kwargs={"town": "alfa", "pk": event.pk})


def next_week() -> date:
    return timezone.localdate() + timedelta(days=7)


@dataclass
class Alliance:
    fluvius: Organisation
    ivbo: Organisation
    els: Contact
    jan: Contact
    sofie: Contact
    consent_text: ConsentText


@pytest.fixture
def alliance(world) -> Alliance:
    with tenant_scope(world.a):
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        els = Contact.objects.create(
            full_name="Els Vandamme", organisation=fluvius, email="els.vandamme@fluvius.example"
        )
        jan = Contact.objects.create(
            full_name="Jan Declercq", organisation=ivbo, email="jan.declercq@ivbo.example"
        )
        sofie = Contact.objects.create(
            full_name="Sofie Maertens", email="sofie@welzijnsschakels.example", language="fr"
        )
        consent_text = ConsentText.objects.create(
            purpose=Purpose.EVENTS,
            version=1,
            text="Ik geef de stad mijn naam en e-mailadres om mij in te schrijven voor dit "
            "evenement en mij erover te mailen.",
            published_at=timezone.now() - timedelta(days=30),
        )
    return Alliance(fluvius, ivbo, els, jan, sofie, consent_text)


@pytest.fixture
def make_event(world):
    """An open network moment next week from 19:00 to 21:30 in Brussels time."""

    def make(capacity: int = 30, title: str = "Open netwerkmoment: warmte in de wijk", **extra):
        day = next_week()
        values = {
            "title": title,
            "kind": EventKind.OPEN_NETWORK,
            "description": "We bespreken het warmteplan met buurtbewoners en partners.",
            "starts_at": datetime.combine(day, time(19, 0), tzinfo=BRUSSELS),
            "ends_at": datetime.combine(day, time(21, 30), tzinfo=BRUSSELS),
            "place": "Stadshallen, Markt 7",
            "capacity": capacity,
            "registration_until": datetime.combine(day, time(12, 0), tzinfo=BRUSSELS),
            "organiser": world.users["coordinator"],
            **extra,
        }
        with tenant_scope(world.a):
            return NetworkEvent.objects.create(**values)

    return make


@pytest.fixture
def slow_clock(monkeypatch):
    """The public form was shown a minute ago: a person, not a bot."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(form_guard, "clock", lambda: now[0])

    def shown_ago(seconds: float) -> str:
        now[0] -= seconds
        token = form_guard.shown_stamp()
        now[0] += seconds
        return token

    return shown_ago


def form_data(shown: str, **values) -> dict:
    data = {
        "full_name": "Lotte Peeters",
        "email": "lotte.peeters@example.org",
        "organisation": "Buurtwerk Sint-Pieters",
        "consent": "on",
        "website": "",
        "shown": shown,
    }
    data.update(values)
    return data


def registrations_of(world, event) -> list[Registration]:
    with tenant_scope(world.a):
        return list(
            Registration.objects.filter(event=event)
            .select_related("contact")
            .order_by("registered_at", "pk")
        )


def calendar_of(message) -> Calendar:
    (attachment,) = message.attachments
    assert attachment.mimetype.startswith("text/calendar")
    return Calendar.from_ical(attachment.content)


def link_in(message, marker: str = "/evenement/annuleren/") -> str:
    for word in message.body.split():
        if marker in word:
            return word[word.index("/evenement/") :]
    raise AssertionError(f"no link with {marker} in the mail")
