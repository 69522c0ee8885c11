"""Reads of network events: the list, an event's registrations and its closing report."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from daadkracht.events.models import EventTheme, NetworkEvent, Registration, RegistrationState


def event_list(
    *, period: str = "upcoming", kind: str = "", theme: int | None = None, search: str = ""
) -> QuerySet[NetworkEvent]:
    """Events with their number of registrations and people waiting, and their themes
    (prefetched: a fixed number of queries however many there are)."""
    now = timezone.now()
    queryset = NetworkEvent.objects.select_related("organiser").annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.REGISTERED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.WAITING)
        ),
    )
    queryset = queryset.prefetch_related(
        Prefetch("theme_links", queryset=EventTheme.objects.select_related("theme"))
    )
    if period == "upcoming":
        queryset = queryset.filter(ends_at__gte=now, cancelled_at__isnull=True)
    elif period == "past":
        queryset = queryset.filter(ends_at__lt=now, cancelled_at__isnull=True)
    elif period == "cancelled":
        queryset = queryset.filter(cancelled_at__isnull=False)
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme is not None:
        queryset = queryset.filter(theme_links__theme_id=theme)
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(place__icontains=search))
    return queryset


def event_registrations(event: NetworkEvent) -> list[Registration]:
    """All registrations of the event with their person and the person's organisation."""
    return list(
        Registration.objects.filter(event=event)
        .select_related("contact", "contact__organisation")
        .order_by("registered_at", "pk")
    )


@dataclass(frozen=True)
class OrganisationPresent:
    name: str
    people: int


@dataclass(frozen=True)
class ClosingReport:
    registered: int
    attended: int
    absent: int
    unknown: int
    waiting: int
    cancelled: int
    organisations: list[OrganisationPresent]

    @property
    def rate(self) -> int | None:
        """The share of the registered people who attended, in percent."""
        if not self.registered:
            return None
        return round(100 * self.attended / self.registered)


def organisation_name(registration: Registration) -> str:
    if registration.organisation:
        return registration.organisation
    organisation = registration.contact.organisation
    return organisation.name if organisation is not None else ""


def closing_report(registrations: list[Registration]) -> ClosingReport:
    registered = [r for r in registrations if r.state == RegistrationState.REGISTERED]
    attended = [r for r in registered if r.attended is True]
    present: dict[str, int] = {}
    for registration in attended:
        name = organisation_name(registration)
        if name:
            present[name] = present.get(name, 0) + 1
    return ClosingReport(
        registered=len(registered),
        attended=len(attended),
        absent=sum(1 for r in registered if r.attended is False),
        unknown=sum(1 for r in registered if r.attended is None),
        waiting=sum(1 for r in registrations if r.state == RegistrationState.WAITING),
        cancelled=sum(1 for r in registrations if r.state == RegistrationState.CANCELLED),
        organisations=[
            OrganisationPresent(name, count)
            for name, count in sorted(present.items(), key=lambda item: (-item[1], item[0]))
        ],
    )
