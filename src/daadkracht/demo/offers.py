"""The demo's support offers: Ecolife's offer "Klimaatplan: van woord naar daad" in the words of
its offer page, and seven offers of four invented providers. Coach Tina Baert manages Ecolife's
offers and answers its requests; she is also the coach Ecolife sends."""

from dataclasses import dataclass, field
from decimal import Decimal

from daadkracht.accounts.models import User
from daadkracht.offers.models import Offer, OfferStep, OfferType, Provider, TargetGroup
from daadkracht.practices.models import PracticeTheme

ECOLIFE_MANAGER = "coach@ecolife.demo"


@dataclass(frozen=True)
class DemoOffer:
    title: str
    theme: str
    kind: str
    introduction: str
    steps: list[tuple[str, list[str]]]
    responsibilities: list[str]
    price: Decimal | None
    contact: tuple[str, str, str]
    target_group: str = TargetGroup.LOCAL_GOVERNMENT
    course_note: str = ""
    price_note: str = ""
    counts_for_lekp: bool = False


@dataclass(frozen=True)
class DemoProvider:
    name: str
    slug: str
    description: str
    website: str
    email: str
    phone: str
    offers: list[DemoOffer] = field(default_factory=list)


WORD_TO_DEED = DemoOffer(
    title="Klimaatplan: van woord naar daad",
    theme=PracticeTheme.ENERGY,
    kind=OfferType.GUIDANCE,
    introduction=(
        "Vrijwel alle gemeentelijke diensten zijn betrokken bij de uitvoering van het "
        "klimaatbeleid. Dat vraagt een horizontale manier van werken. Ecolife faciliteert de "
        "dienstoverschrijdende samenwerking die noodzakelijk is om de woorden van het "
        "klimaatactieplan om te zetten in daden. Vertrekkende van de huidige cultuur en "
        "structuur binnen de gemeente werken we samen een haalbaar samenwerkingsmodel uit en "
        "slaan we de brug met het politieke niveau."
    ),
    steps=[
        (
            "De eerste stap is het intakegesprek met de duurzaamheids- en/of milieudienst en de "
            "bevoegde schepenen kennis te maken en afspraken te maken over het verloop van de "
            "ondersteuning, de timing en de taakverdeling.",
            [],
        ),
        ("We starten met een diagnose van de huidige samenwerking tussen de diensten.", []),
        (
            "In een of meerdere workshops met vertegenwoordigers van de betrokken diensten komen "
            "volgende thema\u2019s aan bod: de samenwerkingscultuur en structuur, de "
            "concretisering van het administratief samenwerkingsmodel, het politieke draagvlak, "
            "het dashboard voor klimaatacties (monitoring tijdens uitvoering, prioritering, "
            "bijsturen), …",
            [],
        ),
        (
            "Vervolgens werkt Ecolife het plan van aanpak op maat van de gemeente uit. Ecolife "
            "inventariseert geschikte methodieken en samen met de duurzaamheids-/milieudienst "
            "wordt de keuze gemaakt voor één of meerdere begeleidingsmethodieken. De inhoudelijke "
            "en methodische voorbereiding gebeurt gezamenlijk. Mogelijke voorbeelden: de "
            "doorstartdag, de lunchgesprekken en het klimaatteam.",
            [
                "Aan de plenaire doorstartdag neemt één vertegenwoordiger per dienst deel waarbij "
                "collega\u2019s op een aangename manier samen werken rond specifieke klimaatacties "
                "gerelateerd aan de verschillende beleidsdomein.",
                "Tijdens de one-to-one (lunch)gesprekken tussen de dienst duurzaamheid/milieu en "
                "de collega\u2019s van andere stadsdiensten wordt op zoek gegaan naar win-win "
                "situaties. Samen worden acties en werkafspraken gemaakt die gekristalliseerd "
                "worden in de gepaste format.",
                "Een derde voorbeeld is de opstart van een klimaatteam dat je per thema kunt "
                "organiseren met de diensthoofden en experts van de betrokken diensten. Vaak zijn "
                "gebouwen en mobiliteit het belangrijkste vanwege hun invloed op de CO2-uitstoot.",
            ],
        ),
    ],
    course_note=(
        "Bij elke methodiek hanteert Ecolife het train-the-trainer principe. We bereiden mee "
        "voor en reiken tips aan zodat elke methodiek tot zijn recht komt en het gewenste effect "
        "heeft. We zijn ter plaatse aanwezig bij uitvoering zodat we mee kunnen evalueren en "
        "bijsturen waar nodig.\n\n"
        "De gepaste mix van methodieken gebundeld in het plan van aanpak kaderen in een lange "
        "termijn traject met (nagenoeg) alle gemeentediensten. Zo wordt het nodige interne "
        "draagvlak voor het klimaatbeleid opgebouwd én onderhouden."
    ),
    responsibilities=[
        "Politiek draagvlak voor het Burgemeestersconvenant en het SECAP.",
        "Interne communicatie naar het administratieve en politieke niveau.",
        "Eigenaarschap over het traject, de communicatie en de resultaten. Ecolife blijft "
        "achter de schermen tijdens de participatiemomenten.",
        "Uitvoering van concrete taken voor voorbereiding en tijdens het traject.",
        "Logistieke ondersteuning incl. het nodige educatieve materiaal (b.v. post its, flap "
        "overs, grafisch materiaal ter ondersteuning van de werksessies).",
        "Eén aanspreekpunt voor Ecolife.",
    ],
    price=Decimal(5000),
    contact=("Tina Baert", "016 22 21 03", ""),
)

ECOLIFE = DemoProvider(
    name="Ecolife",
    slug="ecolife",
    description=(
        "Ecolife begeleidt gemeenten, organisaties en burgers naar een duurzame levensstijl en "
        "een klimaatbeleid dat ook echt uitgevoerd wordt."
    ),
    website="https://www.ecolife.be",
    email="info@ecolife.demo",
    phone="016 22 21 03",
    offers=[WORD_TO_DEED],
)

OTHERS = [
    DemoProvider(
        name="Klimaatwerkplaats vzw (demo)",
        slug="klimaatwerkplaats-demo",
        description="Vormingen en netwerken voor ambtenaren die aan het klimaatplan werken.",
        website="https://klimaatwerkplaats.example.org",
        email="hallo@klimaatwerkplaats.example.org",
        phone="09 245 18 70",
        offers=[
            DemoOffer(
                title="Lerend netwerk klimaatambtenaren",
                theme=PracticeTheme.ORGANISATION,
                kind=OfferType.NETWORK,
                introduction=(
                    "Vier keer per jaar komen klimaatambtenaren van kleine en middelgrote "
                    "gemeenten samen. Ze leggen elkaar een concrete vraag voor en nemen "
                    "werkwijzen mee die elders al werken."
                ),
                steps=[
                    ("Een kennismaking met je vragen en die van je gemeente.", []),
                    (
                        "Vier intervisiedagen per jaar, telkens in een andere gemeente.",
                        ["Een bezoek ter plaatse", "Intervisie in kleine groepen"],
                    ),
                    ("Een digitale groep om tussendoor vragen te stellen.", []),
                ],
                responsibilities=[
                    "Tijd vrijmaken voor de ambtenaar om deel te nemen.",
                    "Eén keer gastgemeente zijn.",
                ],
                price=Decimal(750),
                price_note="per gemeente per jaar",
                contact=("Sofie Claeys", "09 245 18 70", "sofie@klimaatwerkplaats.example.org"),
            ),
            DemoOffer(
                title="Vorming: klimaat in elk beleidsdomein",
                theme=PracticeTheme.ORGANISATION,
                kind=OfferType.TRAINING,
                introduction=(
                    "Een halve dag vorming voor diensthoofden: wat betekent het klimaatplan "
                    "voor hun dienst, en welke acties kunnen ze zelf opnemen?"
                ),
                steps=[
                    ("Een voorbereidend gesprek met de klimaatambtenaar.", []),
                    ("De vorming, met oefeningen op de eigen acties van de gemeente.", []),
                    ("Een korte terugkoppeling met tips voor het vervolg.", []),
                ],
                responsibilities=[
                    "Een zaal en de uitnodiging aan de diensthoofden.",
                    "De lijst met acties van het klimaatplan.",
                ],
                price=Decimal(1200),
                contact=("Sofie Claeys", "09 245 18 70", "sofie@klimaatwerkplaats.example.org"),
            ),
        ],
    ),
    DemoProvider(
        name="Energiehuis Regio West (demo)",
        slug="energiehuis-regio-west-demo",
        description="Het energiehuis van de regio: advies, renovatiebegeleiding en leningen.",
        website="https://energiehuis-west.example.org",
        email="info@energiehuis-west.example.org",
        phone="050 44 12 90",
        offers=[
            DemoOffer(
                title="Renovatiebegeleiding voor inwoners",
                theme=PracticeTheme.BUILDINGS,
                kind=OfferType.GUIDANCE,
                target_group=TargetGroup.CITIZENS,
                introduction=(
                    "Inwoners krijgen een renovatiecoach die hun woning bezoekt, een "
                    "stappenplan opmaakt en helpt bij offertes en premies."
                ),
                steps=[
                    ("Een infomoment in de gemeente.", []),
                    ("Een huisbezoek met een renovatieadvies.", ["Stappenplan", "Premiecheck"]),
                    ("Begeleiding bij offertes en werken.", []),
                ],
                responsibilities=[
                    "De communicatie naar de inwoners.",
                    "Een lokaal voor het infomoment.",
                ],
                price=None,
                price_note="Gratis voor gemeenten die aangesloten zijn bij het energiehuis.",
                counts_for_lekp=True,
                contact=("Pieter Vermeulen", "050 44 12 90", ""),
            ),
            DemoOffer(
                title="Renovatiepremie van de gemeente opzetten",
                theme=PracticeTheme.BUILDINGS,
                kind=OfferType.SUBSIDY,
                introduction=(
                    "We helpen de gemeente een eigen renovatiepremie uit te werken die de "
                    "Vlaamse premies aanvult, met een reglement en een eenvoudige aanvraag."
                ),
                steps=[
                    ("Een analyse van de bestaande premies.", []),
                    ("Een voorstel van reglement.", []),
                    ("Een opleiding voor de dienst die de aanvragen behandelt.", []),
                ],
                responsibilities=[
                    "Het budget voor de premie.",
                    "De goedkeuring van het reglement door de gemeenteraad.",
                ],
                price=Decimal(2500),
                counts_for_lekp=True,
                contact=("Pieter Vermeulen", "050 44 12 90", ""),
            ),
        ],
    ),
    DemoProvider(
        name="Groenkracht (demo)",
        slug="groenkracht-demo",
        description="Ontwerpers en begeleiders van ontharding, groen en water in de gemeente.",
        website="https://groenkracht.example.org",
        email="contact@groenkracht.example.org",
        phone="03 288 61 15",
        offers=[
            DemoOffer(
                title="Schoolpleinen ontharden met de school",
                theme=PracticeTheme.ADAPTATION,
                kind=OfferType.GUIDANCE,
                target_group=TargetGroup.SCHOOLS,
                introduction=(
                    "Leerlingen, leerkrachten en ouders ontwerpen samen een groen speelplein "
                    "dat regenwater vasthoudt en koelte geeft."
                ),
                steps=[
                    ("Een workshop met de leerlingenraad.", []),
                    ("Een ontwerp met een raming.", []),
                    ("Een plantdag met de school en de buurt.", []),
                ],
                responsibilities=[
                    "De vergunningen en de uitvoering van de werken.",
                    "Het onderhoud na de aanleg.",
                ],
                price=Decimal(4000),
                price_note="per schoolplein",
                counts_for_lekp=True,
                contact=("Lotte Peeters", "03 288 61 15", ""),
            ),
            DemoOffer(
                title="Boomplantplan voor de gemeente",
                theme=PracticeTheme.GREENERY,
                kind=OfferType.TOOL,
                introduction=(
                    "Een kaart met de plekken waar bomen en hagen het meeste opleveren voor "
                    "schaduw, biodiversiteit en waterbeheer, klaar voor het LEKP."
                ),
                steps=[
                    ("Een analyse van de bestaande groenkaart.", []),
                    ("Een terreinbezoek met de groendienst.", []),
                    ("Het plantplan met prioriteiten en een raming.", []),
                ],
                responsibilities=["De gegevens van de groendienst.", "Eén aanspreekpunt."],
                price=Decimal(3000),
                counts_for_lekp=True,
                contact=("Lotte Peeters", "03 288 61 15", ""),
            ),
        ],
    ),
    DemoProvider(
        name="MobiLab (demo)",
        slug="mobilab-demo",
        description="Advies over deelmobiliteit, fietsbeleid en mobiliteit voor bedrijven.",
        website="https://mobilab.example.org",
        email="info@mobilab.example.org",
        phone="02 310 47 22",
        offers=[
            DemoOffer(
                title="Deelmobiliteit voor bedrijventerreinen",
                theme=PracticeTheme.MOBILITY,
                kind=OfferType.GUIDANCE,
                target_group=TargetGroup.BUSINESSES,
                introduction=(
                    "Samen met de bedrijven van een bedrijventerrein zetten we deelfietsen, "
                    "carpool en een pendelbus op, op maat van hun werknemers."
                ),
                steps=[
                    ("Een bevraging van de werknemers.", []),
                    ("Een overleg met de bedrijven.", ["Keuze van de oplossingen", "Kostendeling"]),
                    ("Een proefperiode van zes maanden.", []),
                ],
                responsibilities=[
                    "De contacten met de bedrijven.",
                    "Plaats voor een mobipunt op het openbaar domein.",
                ],
                price=Decimal(6500),
                counts_for_lekp=True,
                contact=("Ahmed El Amrani", "02 310 47 22", ""),
            ),
        ],
    ),
]


def _offer(provider: Provider, spec: DemoOffer) -> Offer:
    name, phone, email = spec.contact
    offer = Offer.objects.create(
        provider=provider,
        title=spec.title,
        target_group=spec.target_group,
        theme=spec.theme,
        kind=spec.kind,
        introduction=spec.introduction,
        course_note=spec.course_note,
        responsibilities="\n".join(spec.responsibilities),
        price=spec.price,
        price_note=spec.price_note,
        counts_for_lekp=spec.counts_for_lekp,
        contact_name=name,
        contact_phone=phone,
        contact_email=email,
        is_demo=True,
    )
    OfferStep.objects.bulk_create(
        OfferStep(offer=offer, position=position, text=text, sub_points="\n".join(points))
        for position, (text, points) in enumerate(spec.steps)
    )
    return offer


def build_offers() -> list[Provider]:
    """Remove the demo providers with their offers and requests, and build them anew."""
    Provider.objects.filter(is_demo=True).delete()
    built = []
    for spec in [ECOLIFE, *OTHERS]:
        provider = Provider.objects.create(
            name=spec.name,
            slug=spec.slug,
            description=spec.description,
            website=spec.website,
            email=spec.email,
            phone=spec.phone,
            is_demo=True,
        )
        for offer in spec.offers:
            _offer(provider, offer)
        built.append(provider)
    tina = User.objects.filter(email=ECOLIFE_MANAGER).first()
    if tina is not None:
        built[0].managers.add(tina)
        built[0].coaches.add(tina)
    return built
