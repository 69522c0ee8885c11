"""The demo's alliance at work: partners on a third of Bruges' actions, chosen among the
organisations whose themes the action serves, and a year of network events — past ones with
their attendance, one coming up that is nearly full."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.events.models import (
    EventKind,
    EventTheme,
    NetworkEvent,
    Registration,
    RegistrationState,
)
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action, Theme
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Municipality

# The role an organisation of this kind usually plays on an action.
ROLE_BY_KIND = {
    "intermunicipal": PartnerRole.EXECUTOR,
    "grid_operator": PartnerRole.CO_FINANCER,
    "port": PartnerRole.LEAD_PARTNER,
    "business": PartnerRole.SUPPORTER,
    "knowledge": PartnerRole.SUPPORTER,
}

# (title, kind, days from today, hours, place, capacity, theme codes, share of places taken)
EVENTS = [
    (
        "Open netwerkmoment: één jaar klimaatplan",
        EventKind.OPEN_NETWORK,
        -330,
        (19, 21),
        "Concertgebouw, foyer",
        80,
        (),
        0.8,
    ),
    (
        "Klimaatwerkbank fossielvrij verwarmen: warmtenetten in de binnenstad",
        EventKind.WORKBENCH,
        -240,
        (14, 17),
        "Stadhuis, Gotische zaal",
        30,
        ("B1",),
        0.9,
    ),
    (
        "Klimaatwerkbank slim en gezond verplaatsen: schoolstraten",
        EventKind.WORKBENCH,
        -150,
        (14, 17),
        "Sint-Lodewijkscollege, refter",
        25,
        ("B3",),
        0.7,
    ),
    (
        "Klimaatwerkbank groen en water: ontharden in de wijk",
        EventKind.WORKBENCH,
        -60,
        (9, 12),
        "Natuurpunt Brugge, Beisbroek",
        20,
        ("B6",),
        1.0,
    ),
    (
        "Open netwerkmoment: wat brengt 2027?",
        EventKind.OPEN_NETWORK,
        24,
        (19, 21),
        "Concertgebouw, foyer",
        12,
        (),
        0.9,
    ),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def build_partners(municipality: Municipality) -> int:
    """Every third action gets a partner among the organisations of one of its themes."""
    organisations = list(
        Organisation.objects.filter(municipality=municipality).prefetch_related("themes")
    )
    by_theme: dict[int, list[Organisation]] = {}
    for organisation in organisations:
        for theme in organisation.themes.all():
            by_theme.setdefault(theme.pk, []).append(organisation)
    actions = (
        Action.objects.filter(municipality=municipality)
        .prefetch_related("themes")
        .order_by("identifier")
    )
    links = []
    for index, action in enumerate(actions):
        if index % 3:
            continue
        roots = {t.parent_id or t.pk for t in action.themes.all()}
        candidates = [o for pk in sorted(roots) for o in by_theme.get(pk, [])]
        if not candidates:
            continue
        organisation = candidates[index % len(candidates)]
        links.append(
            ActionPartner(
                municipality=municipality,
                action=action,
                organisation=organisation,
                role=ROLE_BY_KIND.get(organisation.kind, PartnerRole.SUPPORTER),
            )
        )
    ActionPartner.objects.bulk_create(links)
    return len(links)


def build_events(municipality: Municipality, organiser: object) -> None:
    """A year of network events with the people of the network registered; attendance is
    known for the events held, not for the one to come."""
    today = timezone.localdate()
    contacts = list(
        Contact.objects.filter(municipality=municipality, erased_at=None)
        .exclude(email="")
        .select_related("organisation")
        .order_by("full_name", "pk")
    )
    themes = {t.code: t for t in Theme.objects.filter(municipality=municipality)}
    for number, (title, kind, days, hours, place, capacity, codes, taken) in enumerate(EVENTS):
        day = today + timedelta(days=days)
        event = NetworkEvent.objects.create(
            municipality=municipality,
            title=title,
            kind=kind,
            starts_at=_at(day, hours[0]),
            ends_at=_at(day, hours[1]),
            place=place,
            capacity=capacity,
            registration_until=_at(day - timedelta(days=1), 12),
            organiser=organiser,
        )
        EventTheme.objects.bulk_create(
            EventTheme(municipality=municipality, event=event, theme=themes[code])
            for code in codes
            if code in themes
        )
        held = days < 0
        count = min(len(contacts), max(1, round(capacity * taken)))
        people = contacts[number % 3 :] + contacts[: number % 3]
        Registration.objects.bulk_create(
            Registration(
                municipality=municipality,
                event=event,
                contact=contact,
                organisation=contact.organisation.name if contact.organisation else "",
                state=RegistrationState.REGISTERED,
                registered_at=_at(day - timedelta(days=20 - index % 15), 10),
                # About one in six registered people did not come.
                attended=(index % 6 != 5) if held else None,
            )
            for index, contact in enumerate(people[:count])
        )
