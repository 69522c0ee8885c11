"""A municipality's network at scale: organisations of every type with themes, contact persons
with lawful bases and consents. Written in bulk, in the caller's access context (a test's
tenant scope, the benchmark's platform scope)."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    OrganisationTheme,
    ProcessingBasis,
    Purpose,
)
from daadkracht.tenancy.models import Municipality

# Names as a Flemish network has them; numbered beyond the first ones.
NAMES = {
    OrganisationKind.INTERMUNICIPAL: ["IVBO", "WVI", "Intercommunale Leiedal"],
    OrganisationKind.GRID_OPERATOR: ["Fluvius", "Elia"],
    OrganisationKind.PORT: ["Port of Antwerp-Bruges"],
    OrganisationKind.CIVIL_SOCIETY: ["Natuurpunt Brugge", "Bond Beter Leefmilieu"],
    OrganisationKind.POVERTY: ["Welzijnsschakels", "Samenlevingsopbouw"],
    OrganisationKind.BUSINESS: ["Voka West-Vlaanderen", "Unizo Brugge"],
    OrganisationKind.KNOWLEDGE: ["Hogeschool VIVES", "UGent Campus Brugge"],
    OrganisationKind.CITIZEN_GROUP: ["Buurtcomité Sint-Pieters", "Energiecoöperatie Ecopower"],
    OrganisationKind.SCHOOL: ["Sint-Lodewijkscollege", "Atheneum Brugge"],
    OrganisationKind.OTHER: ["Kerkfabriek Sint-Salvator"],
}
FIRST = ["An", "Bart", "Els", "Jan", "Kris", "Lies", "Marc", "Nathalie", "Pieter", "Sofie"]
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Wouters"]
FUNCTIONS = ["Regiomanager", "Projectleider energie", "Directeur", "Coördinator", "Vrijwilliger"]


@dataclass(frozen=True)
class Network:
    organisations: int
    contacts: int
    consents: int


def bulk_network(
    municipality: Municipality, *, organisations: int = 1000, contacts: int = 5000, seed: int = 4
) -> Network:
    """Write `organisations` organisations (with one or two themes each) and `contacts` people
    of `municipality`, each with a lawful basis, and a consent for the newsletter for half."""
    chance = random.Random(seed)
    themes = list(Theme.objects.filter(municipality=municipality))
    kinds = list(OrganisationKind)
    made = Organisation.objects.bulk_create(
        [
            Organisation(
                municipality=municipality,
                name=_organisation_name(kinds[n % len(kinds)], n),
                kind=kinds[n % len(kinds)],
                website=f"https://organisatie{n}.example.be",
            )
            for n in range(organisations)
        ],
        batch_size=1000,
    )
    links = []
    for organisation in made:
        for theme in chance.sample(themes, min(len(themes), chance.randint(1, 2))):
            links.append(
                OrganisationTheme(municipality=municipality, organisation=organisation, theme=theme)
            )
    OrganisationTheme.objects.bulk_create(links, batch_size=2000)
    people = Contact.objects.bulk_create(
        [
            Contact(
                municipality=municipality,
                full_name=f"{chance.choice(FIRST)} {chance.choice(LAST)} {n}",
                organisation=made[n % len(made)] if made else None,
                function=chance.choice(FUNCTIONS),
                email=f"persoon{n}@example.be",
                phone=f"050 {n:06d}",
            )
            for n in range(contacts)
        ],
        batch_size=1000,
    )
    since = date(2024, 1, 1)
    text = ConsentText.objects.filter(municipality=municipality, purpose=Purpose.NEWSLETTER).first()
    if text is None:
        text = ConsentText.objects.create(
            municipality=municipality,
            purpose=Purpose.NEWSLETTER,
            version=1,
            text="Ik ontvang graag de nieuwsbrief van het klimaatplan.",
            published_at=timezone.now() - timedelta(days=400),
        )
    bases, consents = [], []
    for n, person in enumerate(people):
        if n % 2:
            bases.append(
                ProcessingBasis(
                    municipality=municipality,
                    contact=person,
                    purpose=Purpose.GOVERNANCE,
                    basis=LawfulBasis.PUBLIC_TASK,
                    since=since,
                )
            )
        else:
            bases.append(
                ProcessingBasis(
                    municipality=municipality,
                    contact=person,
                    purpose=Purpose.NEWSLETTER,
                    basis=LawfulBasis.CONSENT,
                    since=since,
                )
            )
            consents.append(
                Consent(
                    municipality=municipality,
                    contact=person,
                    purpose=Purpose.NEWSLETTER,
                    consent_text=text,
                    given_at=timezone.now() - timedelta(days=300),
                    given_how=ConsentChannel.WEB_FORM,
                )
            )
    ProcessingBasis.objects.bulk_create(bases, batch_size=2000)
    Consent.objects.bulk_create(consents, batch_size=2000)
    return Network(len(made), len(people), len(consents))


def _organisation_name(kind: OrganisationKind, n: int) -> str:
    names = NAMES[kind]
    base = names[(n // len(NAMES)) % len(names)]
    return base if n < len(NAMES) else f"{base} {n}"
