"""The network of municipality A: a few organisations of the seed's alliance, their contact
persons, a consent text; and helpers for the pages."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    ProcessingBasis,
    Purpose,
)


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


@dataclass
class Network:
    fluvius: Organisation
    ivbo: Organisation
    welzijn: Organisation
    energy: Theme
    mobility: Theme
    els: Contact
    jan: Contact
    sofie: Contact
    newsletter: ConsentText
    consent: Consent


@pytest.fixture
def network(world) -> Network:
    with tenant_scope(world.a):
        energy = Theme.objects.create(plan=world.plan_a, code="E", name="Energie")
        mobility = Theme.objects.create(plan=world.plan_a, code="M", name="Mobiliteit")
        fluvius = Organisation.objects.create(
            name="Fluvius", kind=OrganisationKind.GRID_OPERATOR, website="https://fluvius.be"
        )
        fluvius.themes.add(energy)
        ivbo = Organisation.objects.create(
            name="IVBO", kind=OrganisationKind.INTERMUNICIPAL, notes="Afvalverwerking regio Brugge"
        )
        ivbo.themes.add(energy, mobility)
        welzijn = Organisation.objects.create(
            name="Welzijnsschakels Brugge", kind=OrganisationKind.POVERTY
        )
        els = Contact.objects.create(
            full_name="Els Vandamme",
            organisation=fluvius,
            function="Regiomanager West-Vlaanderen",
            email="els.vandamme@fluvius.example",
            phone="050 12 34 56",
        )
        jan = Contact.objects.create(
            full_name="Jan Declercq", organisation=ivbo, email="jan.declercq@ivbo.example"
        )
        sofie = Contact.objects.create(
            full_name="Sofie Maertens",
            organisation=welzijn,
            email="sofie@welzijnsschakels.example",
            language="fr",
        )
        ProcessingBasis.objects.create(
            contact=els,
            purpose=Purpose.GOVERNANCE,
            basis=LawfulBasis.PUBLIC_TASK,
            since=date(2024, 3, 1),
            note="Lid van de beleidsgroep",
        )
        newsletter = ConsentText.objects.create(
            purpose=Purpose.NEWSLETTER,
            version=1,
            text="Ik ontvang graag de nieuwsbrief van het klimaatplan, vier keer per jaar.",
            published_at=timezone.now() - timedelta(days=200),
        )
        ProcessingBasis.objects.create(
            contact=sofie,
            purpose=Purpose.NEWSLETTER,
            basis=LawfulBasis.CONSENT,
            since=date(2025, 6, 1),
        )
        consent = Consent.objects.create(
            contact=sofie,
            purpose=Purpose.NEWSLETTER,
            consent_text=newsletter,
            given_at=timezone.now() - timedelta(days=100),
            given_how=ConsentChannel.WEB_FORM,
        )
    return Network(fluvius, ivbo, welzijn, energy, mobility, els, jan, sofie, newsletter, consent)
