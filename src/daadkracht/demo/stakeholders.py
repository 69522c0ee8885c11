"""The demo's network for Bruges: the partners of its climate alliance — the policy group's
intermunicipal companies, the port and the grid operator, the sounding board's civil society,
poverty and business organisations — with contact persons (invented), their lawful bases,
consent texts, consents and retention periods."""

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
    ProcessingBasis,
    Purpose,
    RetentionRule,
)
from daadkracht.tenancy.models import Municipality

# name, type, website, theme codes, notes
ORGANISATIONS = [
    (
        "IVBO",
        OrganisationKind.INTERMUNICIPAL,
        "https://www.ivbo.be",
        ["B1", "B4"],
        "Afvalverwerking en warmte; lid van de beleidsgroep.",
    ),
    (
        "WVI",
        OrganisationKind.INTERMUNICIPAL,
        "https://www.wvi.be",
        ["B1", "B6"],
        "Ruimtelijke ordening en wonen; lid van de beleidsgroep.",
    ),
    (
        "Port of Antwerp-Bruges",
        OrganisationKind.PORT,
        "https://www.portofantwerpbruges.com",
        ["B2", "B4"],
        "Zeebrugge: walstroom, waterstof; lid van de beleidsgroep.",
    ),
    (
        "Fluvius",
        OrganisationKind.GRID_OPERATOR,
        "https://www.fluvius.be",
        ["B1", "B2"],
        "Netbeheerder; lid van de beleidsgroep.",
    ),
    ("Natuurpunt Brugge", OrganisationKind.CIVIL_SOCIETY, "", ["B6"], "Klankbordgroep."),
    (
        "Welzijnsschakels Brugge",
        OrganisationKind.POVERTY,
        "",
        ["B1", "B7"],
        "Klankbordgroep: energiearmoede.",
    ),
    (
        "Voka West-Vlaanderen",
        OrganisationKind.BUSINESS,
        "https://www.voka.be",
        ["B4"],
        "Klankbordgroep: ondernemerswereld.",
    ),
    ("Hogeschool VIVES", OrganisationKind.KNOWLEDGE, "https://www.vives.be", ["B2", "B4"], ""),
    ("Energiecoöperatie Brugge", OrganisationKind.CITIZEN_GROUP, "", ["B2"], "Open Netwerk."),
    ("Sint-Lodewijkscollege", OrganisationKind.SCHOOL, "", ["B3", "B5"], "Open Netwerk."),
]

# name, organisation, function, e-mail, purpose and basis ("" for no basis yet)
PEOPLE = [
    ("Karel Verhulst", "IVBO", "Directeur", "karel.verhulst@ivbo.demo", Purpose.GOVERNANCE),
    ("Ann Desmet", "WVI", "Adviseur klimaat", "ann.desmet@wvi.demo", Purpose.GOVERNANCE),
    (
        "Pieter Vandewalle",
        "Port of Antwerp-Bruges",
        "Energietransitie",
        "pieter@poab.demo",
        Purpose.GOVERNANCE,
    ),
    ("Lies Goethals", "Fluvius", "Regiomanager", "lies.goethals@fluvius.demo", Purpose.GOVERNANCE),
    ("Marc Claeys", "Natuurpunt Brugge", "Voorzitter", "marc@natuurpunt.demo", Purpose.GOVERNANCE),
    (
        "Nathalie Dewulf",
        "Welzijnsschakels Brugge",
        "Coördinator",
        "nathalie@welzijn.demo",
        Purpose.GOVERNANCE,
    ),
    (
        "Bart Vermeersch",
        "Voka West-Vlaanderen",
        "Adviseur duurzaam ondernemen",
        "bart@voka.demo",
        Purpose.GOVERNANCE,
    ),
    ("Sofie Lambrecht", "Hogeschool VIVES", "Onderzoeker", "sofie@vives.demo", Purpose.NEWSLETTER),
    (
        "Jan Maertens",
        "Energiecoöperatie Brugge",
        "Vrijwilliger",
        "jan@coop.demo",
        Purpose.OPEN_NETWORK,
    ),
    (
        "Els Van Acker",
        "Sint-Lodewijkscollege",
        "Leerkracht",
        "els@school.demo",
        Purpose.OPEN_NETWORK,
    ),
]

TEXTS = {
    Purpose.NEWSLETTER: "Ik ontvang graag de nieuwsbrief van BruggeNaarMorgen, vier keer per "
    "jaar. Ik kan me altijd uitschrijven met de link onderaan elke nieuwsbrief.",
    Purpose.OPEN_NETWORK: "Ik word lid van het Open Netwerk van het klimaatplan: de stad mag me "
    "uitnodigen voor netwerkmomenten over de thema's die ik koos. Ik kan mijn toestemming "
    "altijd intrekken met één klik.",
}

RETENTION = {
    Purpose.GOVERNANCE: 24,
    Purpose.OPEN_NETWORK: 12,
    Purpose.NEWSLETTER: 12,
    Purpose.EVENTS: 12,
    Purpose.PARTNERSHIP: 24,
}


def build_network(municipality: Municipality) -> None:
    """Bruges's network; run by the demo command as the platform."""
    now = timezone.now()
    themes = {t.code: t for t in Theme.objects.filter(municipality=municipality)}
    organisations = {}
    for name, kind, website, codes, notes in ORGANISATIONS:
        organisation = organisations[name] = Organisation.objects.create(
            municipality=municipality, name=name, kind=kind, website=website, notes=notes
        )
        organisation.themes.set([themes[code] for code in codes if code in themes])
    texts = {
        purpose: ConsentText.objects.create(
            municipality=municipality,
            purpose=purpose,
            version=1,
            text=text,
            published_at=now - timedelta(days=400),
        )
        for purpose, text in TEXTS.items()
    }
    for purpose, months in RETENTION.items():
        RetentionRule.objects.create(municipality=municipality, purpose=purpose, months=months)
    for index, (name, organisation, function, email, purpose) in enumerate(PEOPLE):
        person = Contact.objects.create(
            municipality=municipality,
            full_name=name,
            organisation=organisations[organisation],
            function=function,
            email=email,
        )
        if purpose == Purpose.GOVERNANCE:
            ProcessingBasis.objects.create(
                municipality=municipality,
                contact=person,
                purpose=purpose,
                basis=LawfulBasis.PUBLIC_TASK,
                since=date(2023, 1, 1),
                note="Lid van de beleidsgroep of de klankbordgroep",
            )
            continue
        given = now - timedelta(days=60 + 20 * index)
        ProcessingBasis.objects.create(
            municipality=municipality,
            contact=person,
            purpose=purpose,
            basis=LawfulBasis.CONSENT,
            since=timezone.localdate(given),
        )
        Consent.objects.create(
            municipality=municipality,
            contact=person,
            purpose=purpose,
            consent_text=texts[purpose],
            given_at=given,
            given_how=ConsentChannel.WEB_FORM,
        )
