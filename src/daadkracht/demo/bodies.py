"""The demo's governance bodies: the light structure of Bruges' climate alliance.

A policy group (the responsible aldermen, IVBO, WVI, the port, Fluvius and a delegate of the
sounding board), a sounding board of local experts from civil society, poverty organisations
and business, climate workbenches for three Bridges (B1, B3, B6) and an Open Network, with a
meeting held and one planned. Organisations and people are made through the network's services
(an organisation or person already in the network is reused, never stored twice); the names of
people are invented.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import (
    BodyKind,
    BodyMeeting,
    GovernanceBody,
    MemberRole,
)
from daadkracht.bodies.services.bodies import body_create
from daadkracht.bodies.services.members import membership_add
from daadkracht.meetings.models import Meeting, MeetingKind
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind
from daadkracht.stakeholders.services.contacts import contact_create
from daadkracht.stakeholders.services.organisations import organisation_create
from daadkracht.tenancy.models import Municipality

CITY = "Stad Brugge"

# (name, kind, theme codes)
ORGANISATIONS = [
    (CITY, OrganisationKind.OTHER, ()),
    ("IVBO", OrganisationKind.INTERMUNICIPAL, ("B1", "B4")),
    ("WVI", OrganisationKind.INTERMUNICIPAL, ("B1", "B3", "B6")),
    ("Port of Antwerp-Bruges", OrganisationKind.PORT, ("B2", "B4")),
    ("Fluvius", OrganisationKind.GRID_OPERATOR, ("B1", "B2")),
    ("Natuurpunt Brugge", OrganisationKind.CIVIL_SOCIETY, ("B6",)),
    ("Welzijnsschakels Brugge", OrganisationKind.POVERTY, ("B1", "B7")),
    ("Voka West-Vlaanderen", OrganisationKind.BUSINESS, ("B4",)),
    ("Fietsersbond Brugge", OrganisationKind.CITIZEN_GROUP, ("B3",)),
    ("Hogeschool VIVES", OrganisationKind.KNOWLEDGE, ("B1", "B6")),
]


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str
    function: str
    email: str


PEOPLE = [
    Person("Hilde Goethals", CITY, "Schepen van Klimaat, Milieu en Duurzaamheid", "hilde.goethals"),
    Person("Frank Vanneste", CITY, "Schepen van Mobiliteit", "frank.vanneste"),
    Person("Griet Mortier", CITY, "Schepen van Wonen en Stadsvernieuwing", "griet.mortier"),
    Person("Koen Devriendt", "IVBO", "Directeur", "koen.devriendt"),
    Person("Leen Vandenbussche", "WVI", "Adviseur klimaat en energie", "leen.vandenbussche"),
    Person("Dirk Ameloot", "Port of Antwerp-Bruges", "Energietransitie Zeebrugge", "dirk.ameloot"),
    Person("Els Vandamme", "Fluvius", "Regiomanager West-Vlaanderen", "els.vandamme"),
    Person("Ruben Dewulf", "Natuurpunt Brugge", "Voorzitter afdeling Brugge", "ruben.dewulf"),
    Person("Saar Verhaeghe", "Welzijnsschakels Brugge", "Coördinator", "saar.verhaeghe"),
    Person("Tom Lievens", "Voka West-Vlaanderen", "Adviseur duurzaam ondernemen", "tom.lievens"),
    Person("Ine Callewaert", "Fietsersbond Brugge", "Woordvoerder", "ine.callewaert"),
    Person("Bram Coucke", "Hogeschool VIVES", "Onderzoeker hernieuwbare energie", "bram.coucke"),
]


def _organisations() -> dict[str, Organisation]:
    themes = {t.code: t for t in Theme.objects.filter(parent__isnull=True)}
    found: dict[str, Organisation] = {}
    for name, kind, codes in ORGANISATIONS:
        existing = Organisation.objects.filter(name=name).first()
        found[name] = existing or organisation_create(
            actor=None,
            name=name,
            kind=kind,
            themes=[themes[code] for code in codes if code in themes],
        )
    return found


def _people(organisations: dict[str, Organisation]) -> dict[str, Contact]:
    found: dict[str, Contact] = {}
    for person in PEOPLE:
        existing = Contact.objects.filter(full_name=person.name, erased_at__isnull=True).first()
        found[person.name] = existing or contact_create(
            actor=None,
            full_name=person.name,
            organisation=organisations[person.organisation],
            function=person.function,
            email=f"{person.email}@example.org",
        )
    return found


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


def build_bodies(municipality: Municipality) -> list[GovernanceBody]:
    """Bruges' governance bodies with their members and meetings (see the module)."""
    today = timezone.localdate()
    mandate_start = date(today.year - 2, 1, 1)
    with tenant_scope(municipality):
        organisations = _organisations()
        people = _people(organisations)
        themes = {t.code: t for t in Theme.objects.filter(parent__isnull=True)}

        policy_group = body_create(
            actor=None,
            name="Beleidsgroep klimaat",
            kind=BodyKind.POLICY_GROUP,
            mandate=(
                "Stuurt de uitvoering van het klimaatplan 2030 BruggeNaarMorgen bij met de "
                "partners die er het verschil maken: de bevoegde schepenen, IVBO, WVI, de haven "
                "en Fluvius, en een afgevaardigde van de klankbordgroep. Legt jaarlijks de "
                "prioriteiten en de agenda voor de volgende jaren vast."
            ),
            meets="twee keer per jaar",
            themes=list(themes.values()),
        )
        sounding_board = body_create(
            actor=None,
            name="Klankbordgroep klimaat",
            kind=BodyKind.SOUNDING_BOARD,
            mandate=(
                "Lokale experten uit het middenveld, de armoedebestrijding en de "
                "ondernemerswereld geven advies over de klimaatacties en hun effect op alle "
                "Bruggelingen. Vaardigt een lid af naar de beleidsgroep."
            ),
            meets="vier keer per jaar",
        )
        workbenches = [
            body_create(
                actor=None,
                name=f"Klimaatwerkbank {name}",
                kind=BodyKind.WORKBENCH,
                mandate=mandate,
                meets="om de twee maanden",
                themes=[themes[code]] if code in themes else [],
            )
            for code, name, mandate in (
                (
                    "B1",
                    "fossielvrij verwarmen",
                    "Renovatie, warmtenetten en warmtepompen: partners stemmen hun aanpak per "
                    "wijk af.",
                ),
                (
                    "B3",
                    "slim en gezond verplaatsen",
                    "Fietsroutes, schoolstraten en deelmobiliteit: wat loopt, wat hapert.",
                ),
                (
                    "B6",
                    "klimaatrobuust Brugge",
                    "Ontharden, vergroenen en water vasthouden, van schoolplein tot polder.",
                ),
            )
        ]
        open_network = body_create(
            actor=None,
            name="Open Netwerk BruggeNaarMorgen",
            kind=BodyKind.OPEN_NETWORK,
            mandate=(
                "Iedereen die het klimaatplan wil volgen of mee wil uitvoeren: stadsmakers, "
                "verenigingen, scholen en bedrijven. Wordt geïnformeerd en uitgenodigd."
            ),
            meets="een keer per jaar, op het klimaatforum",
        )

        def person(
            body: GovernanceBody,
            name: str,
            role: str,
            *,
            ends_on: date | None = None,
            delegated_to: GovernanceBody | None = None,
        ) -> None:
            membership_add(
                actor=None,
                body=body,
                contact=people[name],
                role=role,
                starts_on=mandate_start,
                ends_on=ends_on,
                delegated_to=delegated_to,
            )

        def organisation(body: GovernanceBody, name: str, role: str = MemberRole.MEMBER) -> None:
            membership_add(
                actor=None,
                body=body,
                organisation=organisations[name],
                role=role,
                starts_on=mandate_start,
            )

        person(policy_group, "Hilde Goethals", MemberRole.CHAIR)
        person(policy_group, "Frank Vanneste", MemberRole.MEMBER)
        # The alderman for housing sat in the group until the portfolios were redivided.
        person(
            policy_group,
            "Griet Mortier",
            MemberRole.MEMBER,
            ends_on=today - timedelta(days=120),
        )
        person(policy_group, "Koen Devriendt", MemberRole.MEMBER)
        person(policy_group, "Leen Vandenbussche", MemberRole.MEMBER)
        person(policy_group, "Dirk Ameloot", MemberRole.MEMBER)
        person(policy_group, "Els Vandamme", MemberRole.MEMBER)

        person(sounding_board, "Ruben Dewulf", MemberRole.CHAIR)
        # The sounding board's delegate in the policy group.
        person(sounding_board, "Saar Verhaeghe", MemberRole.DELEGATE, delegated_to=policy_group)
        person(sounding_board, "Tom Lievens", MemberRole.MEMBER)
        person(sounding_board, "Bram Coucke", MemberRole.MEMBER)
        person(sounding_board, "Ine Callewaert", MemberRole.OBSERVER)

        heating, mobility, robust = workbenches
        person(heating, "Els Vandamme", MemberRole.MEMBER)
        person(heating, "Bram Coucke", MemberRole.CHAIR)
        organisation(heating, "Welzijnsschakels Brugge")
        organisation(heating, "WVI")
        person(mobility, "Ine Callewaert", MemberRole.CHAIR)
        organisation(mobility, "WVI")
        organisation(mobility, "Voka West-Vlaanderen", MemberRole.OBSERVER)
        person(robust, "Ruben Dewulf", MemberRole.CHAIR)
        organisation(robust, "Hogeschool VIVES")
        organisation(robust, "WVI")

        for name in ("Natuurpunt Brugge", "Fietsersbond Brugge", "Welzijnsschakels Brugge"):
            organisation(open_network, name)

        _meetings(policy_group, today)
    return [policy_group, sounding_board, *workbenches, open_network]


def _meetings(policy_group: GovernanceBody, today: date) -> None:
    """A policy group held in spring, with its minutes, and the next one planned; made as the
    demo's other meetings are, so that nothing is sent."""
    held = today - timedelta(days=45)
    planned = today + timedelta(days=30)
    for day, title, notes, decisions in (
        (
            held,
            "Beleidsgroep klimaat: voorjaar",
            "Voortgang van de zeven Bruggen besproken; de klankbordgroep vraagt meer aandacht "
            "voor energiearmoede bij renovaties.",
            "Warmtezoneplan wordt in het najaar voorgelegd aan het college.\n"
            "Fluvius en WVI werken een wijkaanpak uit voor Sint-Pieters.",
        ),
        (planned, "Beleidsgroep klimaat: najaar", "", ""),
    ):
        meeting = Meeting.objects.create(
            title=title,
            kind=MeetingKind.OTHER,
            starts_at=_at(day, 14),
            ends_at=_at(day, 16),
            place="Stadhuis, Burg 12",
            agenda="1. Voortgang per Brug\n2. Advies van de klankbordgroep\n3. Agenda volgend jaar",
            notes=notes,
            decisions=decisions,
        )
        BodyMeeting.objects.create(body=policy_group, meeting=meeting)
