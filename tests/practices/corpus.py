"""About 25 realistic published practices of 14 municipalities, and two that are not public."""

from dataclasses import dataclass, field

from daadkracht.practices.models import LekpWerf, Practice, PracticeStatus, PracticeTheme
from daadkracht.tenancy.models import Municipality
from daadkracht.testing.factories import MunicipalityFactory, PracticeFactory

T = PracticeTheme
W = LekpWerf

# name: (province, inhabitants)
TOWNS = {
    "Gent": ("oost-vlaanderen", 265_000),
    "Leuven": ("vlaams-brabant", 104_000),
    "Mechelen": ("antwerpen", 88_000),
    "Kortrijk": ("west-vlaanderen", 78_000),
    "Hasselt": ("limburg", 80_000),
    "Herent": ("vlaams-brabant", 21_500),
    "Zottegem": ("oost-vlaanderen", 27_000),
    "Lommel": ("limburg", 35_000),
    "Boechout": ("antwerpen", 13_500),
    "Gistel": ("west-vlaanderen", 12_300),
    "Herzele": ("oost-vlaanderen", 18_000),
    "Oudenburg": ("west-vlaanderen", 9_300),
    "Hoeilaart": ("vlaams-brabant", 10_600),
    "Wijnegem": ("antwerpen", 9_800),
}


@dataclass(frozen=True)
class Sample:
    key: str
    town: str
    title: str
    summary: str
    what_happened: str = ""
    tips: str = ""
    themes: tuple[str, ...] = ()
    werf: str = ""
    year: int = 2022
    status: str = PracticeStatus.PUBLISHED
    extra: dict[str, str] = field(default_factory=dict)


SAMPLES = [
    Sample(
        "gent_warmtenet",
        "Gent",
        "Warmtenet voor sociale woningen in de Muide",
        "De stad legde een warmtenet aan dat restwarmte uit de haven naar 400 sociale woningen "
        "brengt.",
        "Samen met de huisvestingsmaatschappij en de netbeheerder maakten we een studie naar "
        "warmtenetten in de noordelijke wijken.",
        "Begin vroeg met de gesprekken over de tarieven.",
        (T.ENERGY, T.BUILDINGS),
        W.RENOVATION,
        2021,
    ),
    Sample(
        "leuven_warmtenet",
        "Leuven",
        "Collectieve warmtepompen en een klein warmtenet in een nieuwe wijk",
        "Een nieuwe woonwijk kreeg geen gasnet maar een klein warmtenet met collectieve "
        "warmtepompen.",
        "De projectontwikkelaar en de stad tekenden samen de voorwaarden uit.",
        themes=(T.ENERGY,),
        year=2023,
    ),
    Sample(
        "mechelen_fietsstraten",
        "Mechelen",
        "Fietsstraten rond de scholen",
        "Tien straten rond scholen werden fietsstraat: auto's zijn er te gast en mogen fietsers "
        "niet inhalen.",
        "De borden kwamen er na een proefperiode van drie maanden.",
        themes=(T.MOBILITY,),
        werf=W.MOBILITY,
        year=2020,
    ),
    Sample(
        "kortrijk_schoolstraat",
        "Kortrijk",
        "Schoolstraten bij het begin en einde van de schooldag",
        "Een autovrije schoolomgeving: bij het begin en het einde van de schooldag gaat de straat "
        "dicht voor auto's.",
        "Ouders en buren helpen als gemachtigde opzichter.",
        themes=(T.MOBILITY,),
        year=2022,
    ),
    Sample(
        "hasselt_deelwagens",
        "Hasselt",
        "Elektrische deelwagens op elk dorpsplein",
        "De stad plaatste twaalf elektrische deelwagens met laadpalen in de deelgemeenten.",
        "Een aanbesteding koos een aanbieder die de wagens onderhoudt.",
        themes=(T.MOBILITY,),
        werf=W.MOBILITY,
        year=2022,
    ),
    Sample(
        "herent_autodelen",
        "Herent",
        "Autodelen met de buren",
        "Inwoners delen hun eigen auto via een platform; de gemeente geeft een startpremie.",
        "Twintig groepen buren begonnen in het eerste jaar.",
        themes=(T.MOBILITY, T.PARTICIPATION),
        year=2019,
    ),
    Sample(
        "zottegem_ontharding",
        "Zottegem",
        "Ontharding van het marktplein",
        "We braken 3.000 m² asfalt uit en plantten bomen; regenwater infiltreert nu in de bodem.",
        "Het plein werd in twee fasen heraangelegd, met een tijdelijke markt elders.",
        themes=(T.ADAPTATION, T.GREENERY),
        werf=W.WATER,
        year=2023,
    ),
    Sample(
        "lommel_speelplaatsen",
        "Lommel",
        "Van beton naar groen op de speelplaats",
        "Vijf schoolspeelplaatsen werden onthard en kregen bomen, gras en een moestuin.",
        "Leerlingen tekenden mee aan het ontwerp van hun speelplaats.",
        themes=(T.ADAPTATION, T.GREENERY),
        werf=W.WATER,
        year=2021,
    ),
    Sample(
        "boechout_geveltuinen",
        "Boechout",
        "Geveltuinen aanleggen: de gemeente doet het gratis",
        "Bewoners vragen een geveltuin aan; de technische dienst haalt de stoeptegels weg.",
        "In drie jaar kwamen er 240 geveltuinen bij.",
        themes=(T.GREENERY,),
        werf=W.GREENING,
        year=2020,
    ),
    Sample(
        "gistel_hagen",
        "Gistel",
        "Haagplantactie langs akkers en wegen",
        "Landbouwers en inwoners plantten samen vijf kilometer hagen.",
        "Het plantgoed kwam van een lokale kwekerij.",
        themes=(T.GREENERY, T.FOOD),
        werf=W.GREENING,
        year=2022,
    ),
    Sample(
        "herzele_energiecoaching",
        "Herzele",
        "Energiecoaching voor kwetsbare gezinnen",
        "Een energiecoach komt aan huis, meet het verbruik en geeft tips om te besparen.",
        "Het OCMW selecteert de gezinnen en volgt de facturen op.",
        themes=(T.ENERGY, T.BUILDINGS),
        werf=W.RENOVATION,
        year=2022,
    ),
    Sample(
        "leuven_renovatie",
        "Leuven",
        "Renovatiebegeleiding via het energieloket",
        "Het energieloket begeleidt eigenaars bij de renovatie van hun woning: dakisolatie, "
        "nieuwe ramen en een warmtepomp.",
        "Een renovatiecoach maakt een stappenplan en vraagt de premies aan.",
        themes=(T.BUILDINGS,),
        werf=W.RENOVATION,
        year=2020,
    ),
    Sample(
        "oudenburg_zonnepanelen",
        "Oudenburg",
        "Zonnepanelen op de daken van alle scholen",
        "Op vier schoolgebouwen liggen nu 600 zonnepanelen; de leerlingen volgen de opbrengst "
        "in de klas.",
        "De gemeente financierde de panelen met een derdepartijfinanciering.",
        themes=(T.ENERGY,),
        werf=W.RENOVATION,
        year=2021,
    ),
    Sample(
        "hoeilaart_cooperatie",
        "Hoeilaart",
        "Zonnepanelen op de sporthal met de inwoners",
        "Inwoners kochten aandelen in de coöperatie die de zonnepanelen op de sporthal legde.",
        "De opbrengst gaat naar een fonds voor nieuwe projecten.",
        themes=(T.ENERGY, T.PARTICIPATION),
        year=2023,
    ),
    Sample(
        "kortrijk_klimaatteam",
        "Kortrijk",
        "Een intern klimaatteam over alle diensten heen",
        "Elke dienst heeft een klimaatambassadeur; het klimaatteam komt maandelijks samen.",
        "Het team volgt het klimaatplan op en bereidt de beslissingen voor het college voor.",
        themes=(T.ORGANISATION,),
        year=2021,
    ),
    Sample(
        "wijnegem_burgerbudget",
        "Wijnegem",
        "Burgerbudget voor klimaatacties in de buurt",
        "Inwoners dienden 34 voorstellen in; de buurt stemde over de klimaatactie die het "
        "budget krijgt.",
        "Het burgerbudget bedroeg 50.000 euro per jaar.",
        themes=(T.PARTICIPATION,),
        year=2022,
    ),
    Sample(
        "mechelen_regentonnen",
        "Mechelen",
        "Een premie voor regentonnen en infiltratie",
        "De stad geeft elke inwoner een premie om regenwater op te vangen in een regenton of "
        "te laten infiltreren.",
        "Het aanvraagformulier is kort en volledig digitaal.",
        themes=(T.ADAPTATION,),
        werf=W.WATER,
        year=2020,
    ),
    Sample(
        "gent_hitteplan",
        "Gent",
        "Hitteplan met koele plekken in de stad",
        "Tijdens hittegolven opent de stad koele plekken; een kaart toont waar de hittestress "
        "het grootst is.",
        "Bibliotheken en kerken dienen als koele plek.",
        themes=(T.ADAPTATION,),
        year=2023,
    ),
    Sample(
        "hasselt_voedselstrategie",
        "Hasselt",
        "Een lokale voedselstrategie voor de schoolmaaltijden",
        "De stad stelde een voedselstrategie op: de schoolmaaltijden gebruiken groenten uit de "
        "korte keten.",
        "Boeren uit de streek leveren elke week aan de centrale keuken.",
        themes=(T.FOOD,),
        year=2021,
    ),
    Sample(
        "leuven_meubilair",
        "Leuven",
        "Circulaire aanbesteding van kantoormeubilair",
        "De stad kocht gerecupereerd meubilair via een circulaire aanbesteding.",
        "Het bestek gaf punten voor hergebruik en herstelbaarheid.",
        themes=(T.CIRCULAR, T.ORGANISATION),
        year=2022,
    ),
    Sample(
        "gistel_repaircafe",
        "Gistel",
        "Repair café en een herstelpremie",
        "Vrijwilligers herstellen elke maand toestellen van inwoners.",
        "Wie een toestel laat herstellen bij een vakman krijgt een herstelpremie.",
        themes=(T.CIRCULAR, T.PARTICIPATION),
        year=2019,
    ),
    Sample(
        "zottegem_ledverlichting",
        "Zottegem",
        "Ledverlichting in de gemeentelijke gebouwen",
        "De energie-efficiëntie van de gemeentelijke gebouwen steeg: alle tl-lampen werden "
        "vervangen door led.",
        "De investering was op vijf jaar terugverdiend.",
        themes=(T.ENERGY, T.BUILDINGS),
        werf=W.RENOVATION,
        year=2020,
    ),
    Sample(
        "lommel_straatverlichting",
        "Lommel",
        "Slimme openbare verlichting die 's nachts dimt",
        "Met sensoren en dimprofielen steeg de Energie-Efficiëntie van de straatverlichting met "
        "60 procent.",
        "De netbeheerder plaatste de sensoren bij de vervanging van de armaturen.",
        themes=(T.ENERGY,),
        year=2024,
    ),
    Sample(
        "herent_trage_wegen",
        "Herent",
        "Trage wegen opnieuw open voor wandelaars en fietsers",
        "Twaalf verdwenen trage wegen werden opnieuw opengesteld als veilige route naar school.",
        "Een vrijwilligersgroep onderhoudt de paden.",
        themes=(T.MOBILITY, T.GREENERY),
        werf=W.MOBILITY,
        year=2021,
    ),
    Sample(
        "boechout_jeugd",
        "Boechout",
        "Klimaatactie in de jeugdbeweging",
        "Jeugdbewegingen kregen een budget voor een eigen klimaatactie, zoals een fietstocht "
        "zonder ouders met de auto.",
        "De jeugdraad koos de beste actie van het jaar.",
        themes=(T.PARTICIPATION,),
        year=2024,
    ),
    # Never found: a draft and a withdrawn practice.
    Sample(
        "gent_draft",
        "Gent",
        "Warmtenet in ontwerp voor de haven",
        "Een tweede warmtenet in de haven, nog niet gedeeld.",
        themes=(T.ENERGY,),
        status=PracticeStatus.DRAFT,
    ),
    Sample(
        "mechelen_withdrawn",
        "Mechelen",
        "Fietsstraten die we terugdraaiden",
        "Twee fietsstraten werden weer gewone straten.",
        themes=(T.MOBILITY,),
        status=PracticeStatus.WITHDRAWN,
    ),
]

PUBLISHED_KEYS = {s.key for s in SAMPLES if s.status == PracticeStatus.PUBLISHED}


def town(name: str) -> Municipality:
    province, population = TOWNS[name]
    municipality = MunicipalityFactory(name=name)
    if municipality.population != population:
        municipality.province = province
        municipality.population = population
        municipality.save(update_fields=["province", "population"])
    return municipality


def build() -> dict[str, Practice]:
    """The samples as practices, by key; published ones are indexed, as publishing does."""
    made = {}
    for number, sample in enumerate(SAMPLES):
        made[sample.key] = PracticeFactory(
            municipality=town(sample.town),
            title=sample.title,
            summary=sample.summary,
            what_happened=sample.what_happened,
            tips=sample.tips,
            lekp_werf=sample.werf,
            started_year=sample.year,
            status=sample.status,
            themes=list(sample.themes),
            # Published one after the other, so that "recent first" has one order.
            published_at=_day(number) if sample.status == PracticeStatus.PUBLISHED else None,
        )
    return made


def _day(number: int):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    return datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=number)
