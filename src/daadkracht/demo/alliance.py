"""The demo's alliance at work: partners on a third of Bruges' actions, chosen among the
organisations whose themes the action serves, and a year of network events — past ones with
their attendance, one coming up that is nearly full."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from daadkracht.demo.engagement import GAP_THEME
from daadkracht.events.models import (
    EventKind,
    EventTheme,
    NetworkEvent,
    Registration,
    RegistrationState,
)
from daadkracht.network.models import MemberTheme, NetworkMember
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action, Theme
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    Organisation,
    ProcessingBasis,
    Purpose,
)
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


# Residents who joined the Open Network (invented names): first names and family names combined.
FIRST_NAMES = [
    "Anke",
    "Bram",
    "Charlotte",
    "Dries",
    "Elke",
    "Fien",
    "Gert",
    "Hanne",
    "Ines",
    "Jens",
    "Karen",
    "Lukas",
    "Margot",
    "Nele",
    "Olivier",
    "Pauline",
    "Quinten",
    "Roos",
    "Stijn",
    "Tine",
    "Ward",
    "Yana",
    "Arne",
    "Bieke",
    "Cas",
]
FAMILY_NAMES = [
    "Vandenbroucke",
    "Maertens",
    "Debaene",
    "Vermeulen",
    "Coppens",
    "Verstraete",
    "Dewulf",
    "Vanneste",
    "Claeys",
    "Vanhoutte",
    "Desmedt",
    "Lefevere",
    "Bonte",
    "Vlaeminck",
    "Goossens",
    "Ryckaert",
    "Decock",
    "Dhondt",
    "Baert",
    "Mortier",
    "Willaert",
    "Hoste",
]
OPEN_NETWORK_SIZE = 55


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def build_partners(municipality: Municipality) -> int:
    """Every third action gets a partner among the organisations of one of its themes, except
    the actions of the theme nobody is engaged on yet."""
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
    # Nobody works on the gap theme yet (see demo.engagement).
    gap = set(
        Theme.objects.filter(municipality=municipality, code=GAP_THEME).values_list("pk", flat=True)
    )
    links = []
    for index, action in enumerate(actions):
        if index % 3:
            continue
        roots = {t.parent_id or t.pk for t in action.themes.all()}
        if roots & gap:
            continue
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


def build_open_network(municipality: Municipality) -> int:
    """About sixty residents in the Open Network, each on their own consent to the network's
    text and with one to three themes of interest; joined over the past year."""
    now = timezone.now()
    text = ConsentText.objects.filter(
        municipality=municipality, purpose=Purpose.OPEN_NETWORK
    ).latest("version")
    themes = list(Theme.objects.filter(municipality=municipality, parent=None).order_by("code"))
    for index in range(OPEN_NETWORK_SIZE):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        family = FAMILY_NAMES[(index * 7) % len(FAMILY_NAMES)]
        joined = now - timedelta(days=360 - index * 6, hours=index % 9)
        person = Contact.objects.create(
            municipality=municipality,
            full_name=f"{first} {family}",
            email=f"{first}.{family}.{index}@bewoner.demo".lower(),
            function="Bewoner",
        )
        ProcessingBasis.objects.create(
            municipality=municipality,
            contact=person,
            purpose=Purpose.OPEN_NETWORK,
            basis=LawfulBasis.CONSENT,
            since=timezone.localdate(joined),
        )
        Consent.objects.create(
            municipality=municipality,
            contact=person,
            purpose=Purpose.OPEN_NETWORK,
            consent_text=text,
            given_at=joined,
            given_how=ConsentChannel.EMAIL_CONFIRMATION,
        )
        member = NetworkMember.objects.create(
            municipality=municipality, contact=person, joined_at=joined
        )
        chosen = {themes[(index + step * 3) % len(themes)] for step in range(1 + index % 3)}
        MemberTheme.objects.bulk_create(
            MemberTheme(municipality=municipality, member=member, theme=theme)
            for theme in sorted(chosen, key=lambda t: t.code)
        )
    return OPEN_NETWORK_SIZE
