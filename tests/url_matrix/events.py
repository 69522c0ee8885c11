"""URL matrix rows: network events, their public registration page and the cancel link."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import EventKind, NetworkEvent, Registration
from daadkracht.stakeholders.models import ConsentText, Contact, Purpose
from tests.url_matrix.rows import COORDINATOR_ONLY, GONE, NOT_ALLOWED, OK, everyone, tenant


def _event(world) -> dict:
    """An open network moment of municipality A next week (made once per world)."""
    event = NetworkEvent.unscoped.filter(municipality=world.a).first()
    if event is None:
        start = timezone.now() + timedelta(days=7)
        with tenant_scope(world.a):
            event = NetworkEvent.objects.create(
                municipality=world.a,
                title="Open netwerkmoment energie",
                kind=EventKind.OPEN_NETWORK,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                place="Stadshallen",
                capacity=20,
                registration_until=start - timedelta(days=1),
            )
    return {"pk": event.pk}


def _registration(world) -> dict:
    pk = _event(world)["pk"]
    registration = Registration.unscoped.filter(event_id=pk).first()
    if registration is None:
        with tenant_scope(world.a):
            contact = Contact.objects.create(full_name="Els Vandamme", email="els@example.org")
            registration = Registration.objects.create(event_id=pk, contact=contact)
    return {"pk": pk, "registration": registration.pk}


def with_consent_text(world) -> None:
    """The consent text for events of municipality A: the public page shows its form."""
    if not ConsentText.unscoped.filter(municipality=world.a, purpose=Purpose.EVENTS).exists():
        with tenant_scope(world.a):
            ConsentText.objects.create(
                purpose=Purpose.EVENTS,
                version=1,
                text="Ik geef mijn naam en e-mailadres om mij in te schrijven.",
                published_at=timezone.now() - timedelta(days=1),
            )


POST_ONLY = tenant(NOT_ALLOWED, 403, 403, 403)

EXPECTED = {
    "events:list": tenant(OK, OK, OK, OK),
    "events:create": COORDINATOR_ONLY,
    "events:detail": tenant(OK, OK, OK, OK),
    "events:edit": COORDINATOR_ONLY,
    "events:cancel": COORDINATOR_ONLY,
    "events:register": POST_ONLY,
    "events:registration_cancel": POST_ONLY,
    "events:attendance": POST_ONLY,
    "events:report": COORDINATOR_ONLY,
    "events:calendar": tenant(OK, OK, OK, OK),
    # Public: anyone registers on an event's page; a cancel link that is not genuine is gone.
    "event_public:register": everyone(OK),
    "event_public:cancel": everyone(GONE),
}
SAMPLE_KWARGS = {
    "events:detail": _event,
    "events:edit": _event,
    "events:cancel": _event,
    "events:register": _event,
    "events:registration_cancel": _registration,
    "events:attendance": _event,
    "events:report": _event,
    "events:calendar": _event,
    "event_public:register": lambda w: {"town": w.a.slug, **_event(w)},
    "event_public:cancel": lambda w: {"token": "not-a-valid-token"},
}
