"""The demo's practice texts: Bruges' seed practice in its real wording, and about twenty
invented practices of other Flemish municipalities, each marked as a demo."""

# The seed's wording is kept as written, typographic quotes included.
# ruff: noqa: RUF001

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from daadkracht.practices.models import LekpWerf, PracticeTheme
from daadkracht.tenancy.models import Province


@dataclass(frozen=True)
class DemoTown:
    name: str
    slug: str
    province: str
    population: int


@dataclass(frozen=True)
class PracticeText:
    """A practice in the structure of its public page: the six sections and the key figures."""

    key: str
    title: str
    summary: str
    themes: tuple[str, ...]
    started_year: int
    what_happened: str
    why: str
    intended_result: str
    challenges: str
    success_factors: str
    tips: str
    finished_year: int | None = None
    lekp_werf: str = ""
    street_address: str = ""
    postcode: str = ""
    place: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    # Key figures: total_cost, own_share, subsidies, subsidy_sources, trees_planted,
    # hedges_metres, unsealed_m2, water_buffered_m3, co2_avoided_tonnes, other_results.
    figures: dict[str, Any] = field(default_factory=dict)
    # (year, month) the editors published it; by default the year after it ended, or three
    # years into a running practice.
    published: tuple[int, int] | None = None


BRUGES = DemoTown("Stad Brugge (demo)", "brugge-demo", Province.WEST_FLANDERS, 119_000)
DAMME = DemoTown("Gemeente Damme (demo)", "damme-demo", Province.WEST_FLANDERS, 11_000)

# The municipalities that only share practices in the demo: every province, small and large.
TOWNS = {
    "zwalm": DemoTown("Gemeente Zwalm (demo)", "zwalm-demo", Province.EAST_FLANDERS, 8_300),
    "gent": DemoTown("Stad Gent (demo)", "gent-demo", Province.EAST_FLANDERS, 265_000),
    "lochristi": DemoTown(
        "Gemeente Lochristi (demo)", "lochristi-demo", Province.EAST_FLANDERS, 23_000
    ),
    "wichelen": DemoTown(
        "Gemeente Wichelen (demo)", "wichelen-demo", Province.EAST_FLANDERS, 12_000
    ),
    "leuven": DemoTown("Stad Leuven (demo)", "leuven-demo", Province.FLEMISH_BRABANT, 104_000),
    "herent": DemoTown("Gemeente Herent (demo)", "herent-demo", Province.FLEMISH_BRABANT, 22_000),
    "hoeilaart": DemoTown(
        "Gemeente Hoeilaart (demo)", "hoeilaart-demo", Province.FLEMISH_BRABANT, 10_900
    ),
    "hasselt": DemoTown("Stad Hasselt (demo)", "hasselt-demo", Province.LIMBURG, 80_000),
    "genk": DemoTown("Stad Genk (demo)", "genk-demo", Province.LIMBURG, 67_000),
    "pelt": DemoTown("Stad Pelt (demo)", "pelt-demo", Province.LIMBURG, 33_500),
    "heusden-zolder": DemoTown(
        "Gemeente Heusden-Zolder (demo)", "heusden-zolder-demo", Province.LIMBURG, 34_000
    ),
    "mechelen": DemoTown("Stad Mechelen (demo)", "mechelen-demo", Province.ANTWERP, 88_000),
    "turnhout": DemoTown("Stad Turnhout (demo)", "turnhout-demo", Province.ANTWERP, 46_000),
    "kasterlee": DemoTown("Gemeente Kasterlee (demo)", "kasterlee-demo", Province.ANTWERP, 19_000),
    "roeselare": DemoTown(
        "Stad Roeselare (demo)", "roeselare-demo", Province.WEST_FLANDERS, 64_000
    ),
    "kortrijk": DemoTown("Stad Kortrijk (demo)", "kortrijk-demo", Province.WEST_FLANDERS, 78_000),
    "poperinge": DemoTown(
        "Stad Poperinge (demo)", "poperinge-demo", Province.WEST_FLANDERS, 20_000
    ),
}

# --- Bruges: the seed practice, word for word -------------------------------------------------

SEED_PRACTICE = PracticeText(
    key="brugge-klimaatalliantie",
    title="Klimaatalliantie BruggeNaarMorgen",
    summary=(
        "Het klimaatplan 2030 BruggeNaarMorgen bevat 7 thematische Bruggen Naar Morgen die als "
        "kapstok gebruikt worden voor concrete acties. De 7de Brug groepeert alle acties rond "
        "lokale organisatie. Dit houdt o.a. in het creëren van een lokaal draagvlak en het "
        "verweven en verbinden van lokale stakeholders ifv. uitvoering van het klimaatplan 2030."
    ),
    themes=(PracticeTheme.PARTICIPATION,),
    started_year=2021,
    published=(2022, 11),
    street_address="Burg 12",
    postcode="8000",
    place="Brugge",
    contact_name="Lotte Vermeersch",
    contact_email="lotte.vermeersch@example.org",
    contact_phone="050 00 44 12",
    what_happened=(
        "Er werd bij de opmaak van het klimaatplan een participatietraject uitgewerkt met lokale "
        "stakeholders voor het bepalen van de inhoud van het klimaatplan. Dit heeft geleid tot "
        "een eerste reeks van stakeholders, die we betrokken hebben. Na de goedkeuring van het "
        "klimaatplan 2030 werd een structuur uitgewerkt om stakeholders op een georganiseerde "
        "manier te verbinden met het klimaatplan 2030."
    ),
    why=(
        "Er is gekozen voor een lichte structuur met een (1) beleidsgroep (verantwoordelijke "
        "schepenen, relevante intercommunales IVBO, WVI, en PoAB (haven), Fluvius, en een "
        "vertegenwoordiger van de klankbordgroep) (2) een klankbordgroep (lokale experten mbt. "
        "klimaatthema’s middenveld, armoede, ondernemerswereld), (3) een aantal thematische "
        "klimaatwerkbanken en een Open Netwerk."
    ),
    intended_result=(
        "Netwerk is groeiende en voortdurende zorg om stakeholders te informeren, mobiliseren, "
        "te betrekken ifv. verdere uitvoering van klimaatacties. In 2023 willen we andere lokale "
        "‘stadsmakers’ actiever betrekken bij de uitbouw van dit lokale netwerk."
    ),
    challenges=(
        "Een tijds- en arbeidsintensief proces om een constructieve en wervende structuur op te "
        "bouwen met stakeholders. Is een blijvend zoeken naar een gepast format, waarbij andere "
        "steden als inspiratie werden gebruikt, maar niet gekopieerd kunnen worden: vraagt dus "
        "maatwerk. Vraagt veel tijd om communicatie goed en gericht te organiseren en is een job "
        "apart."
    ),
    success_factors=(
        "Goesting, momentum, politieke ambitie/draagvlak, interne multidisciplinaire "
        "organisatie, tijd (om partners aan te spreken/betrekken), budget (om ‘verzorgde’ "
        "ontmoetingsmomenten te organiseren, partners te betrekken, experten te vergoeden)"
    ),
    tips=(
        "Bouw aan je eigen verhaal en durf groeitraject te benoemen als een samen zoeken, neem "
        "partners mee, maar vergeet niet beslissingen te nemen die leiden tot concrete "
        "ontmoeting, durf een agenda maken met blik op volgende jaren."
    ),
)

# --- Other municipalities: invented practices, in the words of a municipal officer -------------

OTHER_PRACTICES: list[tuple[str, PracticeText]] = [
    (
        "zwalm",
        PracticeText(
            key="zwalm-hagen",
            title="Haagplantactie samen met de landbouwers van de Vlaamse Ardennen",
            summary=(
                "In drie plantseizoenen legden we bijna vijf kilometer hagen en houtkanten aan "
                "op de randen van landbouwpercelen en langs trage wegen. De landbouwers kiezen "
                "zelf waar de haag komt, de gemeente zorgt voor plantgoed, advies en een "
                "plantploeg."
            ),
            themes=(PracticeTheme.GREENERY, PracticeTheme.FOOD),
            lekp_werf=LekpWerf.GREENING,
            started_year=2021,
            finished_year=2023,
            street_address="Zuidlaan 36",
            postcode="9630",
            place="Zwalm",
            contact_name="Griet Van Hulle",
            contact_email="griet.vanhulle@example.org",
            contact_phone="055 00 21 47",
            figures={
                "total_cost": Decimal("86500"),
                "own_share": Decimal("21600"),
                "subsidies": Decimal("64900"),
                "subsidy_sources": "LEKP (werf vergroening), provincie Oost-Vlaanderen",
                "trees_planted": 1150,
                "hedges_metres": 4800,
                "co2_avoided_tonnes": 12,
                "other_results": "27 landbouwers deden mee, 9 km trage weg kreeg een groene rand",
            },
            what_happened=(
                "We hebben alle landbouwers in de gemeente uitgenodigd op een infoavond in de "
                "feestzaal, samen met de Boerenbond en het regionaal landschap. Wie interesse "
                "had, kreeg een bezoek van onze groenconsulent om samen de plaats en de soorten "
                "te kiezen: meidoorn, sleedoorn, hazelaar, veldesdoorn en hier en daar een "
                "knotwilg. De gemeente bestelde het plantgoed in één groepsaankoop en de "
                "plantploeg van de technische dienst plantte samen met vrijwilligers en de "
                "leerlingen van de plaatselijke basisscholen. Het onderhoud van de eerste drie "
                "jaar is vastgelegd in een eenvoudige overeenkomst met elke landbouwer."
            ),
            why=(
                "Zwalm is een landelijke gemeente met veel open ruimte maar weinig kleine "
                "landschapselementen: veel hagen zijn de voorbije decennia verdwenen. Hagen "
                "remmen erosie op de hellingen, bieden schuilplaats aan bestuivers en "
                "natuurlijke vijanden van plagen en slaan koolstof op. Bovendien wilden we de "
                "LEKP-doelstelling voor hagen halen zonder dat we daarvoor zelf grond moesten "
                "aankopen."
            ),
            intended_result=(
                "We mikten op 4 000 meter haag tegen 2024, een halve meter per inwoner, zoals "
                "het Lokaal Energie- en Klimaatpact vraagt. Met 4 800 meter zitten we daar "
                "ruim boven. Daarnaast willen we dat de landbouwers de hagen als een deel van "
                "hun bedrijf gaan zien, en niet als een last."
            ),
            challenges=(
                "Het vertrouwen winnen van de landbouwers vroeg tijd: sommigen vreesden "
                "schaduw op hun gewassen of extra regels voor hun perceel. De droge lente van "
                "2022 kostte ons ongeveer 8 procent van de jonge planten, die we het jaar "
                "nadien hebben vervangen. Ook de administratie van de subsidie per meter haag "
                "bleek zwaarder dan gedacht."
            ),
            success_factors=(
                "Een vaste contactpersoon die de landbouwers persoonlijk kent en op het erf "
                "langsgaat. De samenwerking met het regionaal landschap, dat de "
                "soortenkeuze en het plantplan verzorgde. En de plantdagen met de scholen, die "
                "het project zichtbaar maakten in het dorp en de lokale pers haalden."
            ),
            tips=(
                "Begin bij twee of drie enthousiaste landbouwers en laat hen het verhaal "
                "vertellen aan hun collega's. Leg het onderhoud van bij het begin vast, want "
                "een haag die de eerste zomer verdroogt, overtuigt niemand. Combineer de "
                "bestelling met buurgemeenten: plantgoed in grote aantallen is merkbaar "
                "goedkoper."
            ),
        ),
    ),
    (
        "gent",
        PracticeText(
            key="gent-warmtenet",
            title="Warmtenet voor een sociale woonwijk in Wondelgem",
            summary=(
                "Een warmtenet levert sinds 2023 restwarmte en warmte uit een grote "
                "warmtepomp aan 420 sociale woningen, een school en een woonzorgcentrum. De "
                "stad bracht de partners samen, de huisvestingsmaatschappij en de "
                "netbeheerder legden het net aan."
            ),
            themes=(PracticeTheme.ENERGY, PracticeTheme.BUILDINGS),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2019,
            finished_year=2023,
            street_address="Botermarkt 1",
            postcode="9000",
            place="Gent",
            contact_name="Karim Benali",
            contact_email="karim.benali@example.org",
            contact_phone="09 000 31 58",
            figures={
                "total_cost": Decimal("7400000"),
                "own_share": Decimal("950000"),
                "subsidies": Decimal("2100000"),
                "subsidy_sources": "Vlaams Energie- en Klimaatagentschap (groene warmte), EFRO",
                "co2_avoided_tonnes": 680,
                "other_results": "420 woningen, 1 school en 1 woonzorgcentrum aangesloten",
            },
            what_happened=(
                "De stad liet in 2019 een warmtezoneringsstudie maken die deze wijk aanduidde "
                "als kansrijk voor een collectief warmtenet: veel woningen dicht bij elkaar, "
                "één eigenaar en een bedrijf met restwarmte op 600 meter. Daarna zaten de "
                "sociale huisvestingsmaatschappij, de netbeheerder, het bedrijf en de stad "
                "anderhalf jaar samen rond een haalbaarheidsstudie en een "
                "samenwerkingsovereenkomst. De leidingen werden in 2022 gelegd, gelijktijdig "
                "met de heraanleg van de straten, zodat de wegen maar één keer open moesten. "
                "Sinds de winter van 2023 draait het warmtenet volledig, met een warmtepomp van "
                "2 MW als aanvulling op de restwarmte."
            ),
            why=(
                "Verwarming is in onze stad goed voor bijna een derde van de uitstoot van de "
                "huishoudens, en gasketels één voor één vervangen gaat te traag. In een dichte "
                "wijk is een warmtenet de goedkoopste weg naar fossielvrije warmte. Voor de "
                "bewoners, vaak gezinnen met een laag inkomen, moest de warmte ook betaalbaar "
                "en voorspelbaar blijven."
            ),
            intended_result=(
                "Alle woningen van de wijk fossielvrij verwarmd, met een warmteprijs die niet "
                "hoger ligt dan die van aardgas. We rekenen op 680 ton CO2 minder per jaar. Het "
                "net is zo gedimensioneerd dat later nog een tweede woonblok en de sporthal "
                "kunnen aansluiten."
            ),
            challenges=(
                "De juridische afspraken tussen vier partners met elk hun eigen belangen "
                "vroegen veel meer tijd dan de techniek. De sterk stijgende energieprijzen in "
                "2022 zetten de warmteprijs onder druk en maakten de bewoners ongerust. En de "
                "werken in bewoonde straten vroegen een intense communicatie, met een "
                "werfcoördinator die elke week langs de deuren ging."
            ),
            success_factors=(
                "Een stad die de regierol opneemt, zonder zelf eigenaar van het net te "
                "worden. Een duidelijke warmteprijsformule, vooraf toegelicht op "
                "bewonersavonden in het buurtcentrum. En het slim combineren met geplande "
                "wegenwerken, wat ongeveer een kwart van de graafkosten uitspaarde."
            ),
            tips=(
                "Laat eerst een warmtekaart of zoneringsplan maken: dan weet je waar een "
                "warmtenet kansrijk is en waar individuele warmtepompen beter passen. Zoek een "
                "wijk met één grote eigenaar om te starten. Spreek met de netbeheerder af wie "
                "het net uitbaat vóór je de eerste leiding legt."
            ),
        ),
    ),
    (
        "gent",
        PracticeText(
            key="gent-schoolstraten",
            title="Schoolstraten als vaste waarde rond de basisscholen",
            summary=(
                "Voor en na de schooltijd is de straat voor de schoolpoort autovrij: een hek "
                "en een gemachtigde opzichter houden het verkeer tegen. Wat in 2018 begon met "
                "vier proefprojecten, loopt vandaag aan 46 scholen."
            ),
            themes=(PracticeTheme.MOBILITY, PracticeTheme.PARTICIPATION),
            lekp_werf=LekpWerf.MOBILITY,
            started_year=2018,
            street_address="Botermarkt 1",
            postcode="9000",
            place="Gent",
            contact_name="Hanne De Wilde",
            contact_email="hanne.dewilde@example.org",
            contact_phone="09 000 27 80",
            figures={
                "total_cost": Decimal("310000"),
                "own_share": Decimal("310000"),
                "other_results": "46 schoolstraten; 18 % meer kinderen te voet of met de fiets",
            },
            what_happened=(
                "In 2018 startten we met vier schoolstraten als proef, op vraag van ouders en "
                "directies. Na een evaluatie met tellingen en bevragingen kregen alle scholen "
                "de kans om in te stappen, met een vast stappenplan: een aanvraag van de school, "
                "een bewonersbrief, een proefperiode van drie maanden en een definitieve "
                "beslissing van het college. De stad levert de hekken, de borden en een "
                "opleiding voor de vrijwilligers die als gemachtigd opzichter optreden. Waar "
                "vrijwilligers ontbreken, werken we met een camera die de toegang regelt."
            ),
            why=(
                "Elke ochtend stonden er wagens dubbel geparkeerd voor de schoolpoort, en "
                "ouders lieten hun kinderen niet met de fiets komen omdat het te gevaarlijk "
                "leek. Schoolstraten maken de schoolomgeving veiliger, de lucht gezonder en "
                "nodigen gezinnen uit om de korte verplaatsingen anders te doen. Zo werken ze "
                "ook mee aan onze klimaatacties rond mobiliteit."
            ),
            intended_result=(
                "Elke basisschool die het wil en waar het verkeerstechnisch kan, krijgt een "
                "schoolstraat. We willen het aandeel kinderen dat te voet, met de step of met "
                "de fiets naar school komt optrekken naar 60 procent. De metingen aan de "
                "eerste scholen tonen al een stijging met 18 procentpunten."
            ),
            challenges=(
                "Genoeg vrijwilligers vinden om het hek elke schooldag te bemannen, ook na de "
                "eerste enthousiaste maanden. Sommige bewoners en handelaars vreesden voor "
                "hun bereikbaarheid, en het verkeer verschoof soms naar de straten errond. "
                "Ook de handhaving tegenover chauffeurs die het hek negeren, vraagt aandacht."
            ),
            success_factors=(
                "De vraag kwam van de scholen en de ouders zelf, niet van de stad. De "
                "proefperiode maakte het voor twijfelaars makkelijker om ja te zeggen. Een "
                "vaste contactpersoon bij de mobiliteitsdienst en een eenvoudige "
                "aanvraagprocedure zorgden voor de snelle groei."
            ),
            tips=(
                "Begin klein en meet vóór en na: cijfers over het aantal wagens en fietsers "
                "overtuigen meer dan principes. Betrek de buurtbewoners van bij de eerste "
                "brief. Denk ook aan de straten rond de schoolstraat, anders verplaats je het "
                "probleem."
            ),
        ),
    ),
    (
        "leuven",
        PracticeText(
            key="leuven-verhuurders",
            title="Renovatiebegeleiding voor verhuurders van studentenkamers en gezinswoningen",
            summary=(
                "Verhuurders krijgen gratis renovatiebegeleiding van het energiehuis: een "
                "renovatieadviseur komt ter plaatse, maakt een stappenplan en volgt de werken "
                "op. Zo verbetert de energie-efficiëntie van huurwoningen, waar de huurder de "
                "energiefactuur betaalt maar niet zelf kan renoveren."
            ),
            themes=(PracticeTheme.BUILDINGS, PracticeTheme.ENERGY),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2020,
            street_address="Professor Van Overstraetenplein 1",
            postcode="3000",
            place="Leuven",
            contact_name="Tom Peeters",
            contact_email="tom.peeters@example.org",
            contact_phone="016 00 25 61",
            figures={
                "total_cost": Decimal("640000"),
                "own_share": Decimal("260000"),
                "subsidies": Decimal("380000"),
                "subsidy_sources": "LEKP (werf renovatie), Vlaams Energie- en Klimaatagentschap",
                "co2_avoided_tonnes": 310,
                "other_results": "212 huurpanden gerenoveerd, samen 1 340 kamers en woningen",
            },
            what_happened=(
                "Sinds 2020 werkt het energiehuis met twee renovatieadviseurs die zich "
                "volledig op verhuurders richten. We bereikten hen via de kotlabels, de "
                "verhuurdersvereniging en een brief bij elke conformiteitsaanvraag. Een "
                "verhuurder krijgt een huisbezoek, een renovatieadvies met prioriteiten "
                "(dak, ramen, verwarming), hulp bij offertes en bij het aanvragen van premies. "
                "Voor grotere panden organiseren we collectieve renovaties, waarbij één "
                "aannemer meerdere panden in dezelfde straat aanpakt."
            ),
            why=(
                "Bijna de helft van de woningen in onze stad wordt verhuurd, en net die "
                "woningen zijn gemiddeld het slechtst geïsoleerd. Een huurder kan zelf niet "
                "renoveren en een verhuurder ziet weinig voordeel in een lagere "
                "energiefactuur die hij niet betaalt. Met begeleiding en een duidelijk "
                "stappenplan willen we die patstelling doorbreken."
            ),
            intended_result=(
                "Tegen 2026 willen we 400 huurpanden grondig gerenoveerd zien, met minstens "
                "dakisolatie en hoogrendementsbeglazing. De energie-efficiëntie van de "
                "begeleide panden moet gemiddeld met twee EPC-labels verbeteren. Tot nu toe "
                "zijn 212 panden klaar en zitten er 90 in de werf."
            ),
            challenges=(
                "Verhuurders zijn een zeer verscheiden groep: van de gepensioneerde met één "
                "kamer tot de vastgoedvennootschap met honderd. Aannemers zijn schaars en "
                "offertes liepen in 2022 fors op. Bovendien vrezen sommige verhuurders dat ze "
                "na een renovatie de huur niet mogen verhogen."
            ),
            success_factors=(
                "Eén aanspreekpunt dat de verhuurder van het eerste advies tot de oplevering "
                "begeleidt. De koppeling met de kwaliteitsnormen voor kamers, die verhuurders "
                "toch al in beweging zet. En een premie van de stad bovenop de Vlaamse "
                "premies voor wie binnen twee jaar renoveert."
            ),
            tips=(
                "Zoek de momenten waarop verhuurders toch al met hun pand bezig zijn: een "
                "conformiteitsattest, een verkoop, een nieuwe huurder. Werk met de "
                "verhuurdersorganisaties, niet om hen heen. Houd de begeleiding gratis: de "
                "drempel om een adviseur binnen te laten moet zo laag mogelijk zijn."
            ),
        ),
    ),
    (
        "leuven",
        PracticeText(
            key="leuven-burgerbudget",
            title="Burgerbudget voor klimaatacties in de wijk",
            summary=(
                "Elk jaar krijgen bewoners 250 000 euro om zelf klimaatacties in hun wijk te "
                "bedenken en uit te voeren. De inwoners stemmen zelf welke projecten het geld "
                "krijgen; de stad helpt met vergunningen en materiaal."
            ),
            themes=(PracticeTheme.PARTICIPATION, PracticeTheme.GREENERY),
            started_year=2022,
            finished_year=2024,
            street_address="Professor Van Overstraetenplein 1",
            postcode="3000",
            place="Leuven",
            contact_name="Sarah Janssens",
            contact_email="sarah.janssens@example.org",
            contact_phone="016 00 27 14",
            figures={
                "total_cost": Decimal("810000"),
                "own_share": Decimal("810000"),
                "trees_planted": 340,
                "unsealed_m2": 1250,
                "other_results": "58 projecten, 6 900 stemmen, 14 wijken",
            },
            what_happened=(
                "In drie rondes dienden bewoners, verenigingen en scholen samen 163 "
                "projectvoorstellen in. Een burgerpanel van twaalf gelote inwoners toetste de "
                "voorstellen aan eenvoudige criteria: minder uitstoot of meer klimaatrobuust, "
                "open voor iedereen, uitvoerbaar binnen één jaar. Daarna konden alle inwoners "
                "vanaf 14 jaar online of in de bibliotheek stemmen. De winnende projecten "
                "gaan van een deelfietsenpunt en een buurtcompost tot geveltuinen en het "
                "ontharden van een speelplein."
            ),
            why=(
                "Het klimaatplan kan niet alleen door de stad uitgevoerd worden; bewoners "
                "hebben ideeën en energie die wij niet hebben. Een burgerbudget geeft hen echte "
                "zeggenschap over publiek geld, en dat versterkt het draagvlak voor de grotere "
                "klimaatacties. We wilden ook mensen bereiken die nooit naar een "
                "inspraakavond komen."
            ),
            intended_result=(
                "Minstens vijftien uitgevoerde projecten per jaar, verspreid over alle wijken "
                "en deelgemeenten. We mikten op 5 000 stemmen over de drie jaren; dat werden er "
                "6 900. Het netwerk van indieners moet na afloop blijven bestaan als een "
                "lokale klimaatgemeenschap."
            ),
            challenges=(
                "Projecten van bewoners lopen soms vast in vergunningen, aankoopregels of "
                "verzekeringen die voor een stad vanzelfsprekend zijn maar niet voor een "
                "buurtcomité. Sommige wijken dienden veel meer voorstellen in dan andere, "
                "waardoor we een minimumbudget per wijk hebben ingevoerd. En het opvolgen van "
                "58 projecten tegelijk vroeg meer personeel dan gepland."
            ),
            success_factors=(
                "Een projectcoach per wijk die indieners helpt hun idee uitvoerbaar te maken. "
                "Het burgerpanel, dat de selectie geloofwaardig maakte. En het stemmen op "
                "papier in de bibliotheek en het dienstencentrum, waardoor ook oudere inwoners "
                "meededen."
            ),
            tips=(
                "Maak de spelregels kort en duidelijk vóór je de oproep lanceert, en pas ze "
                "niet onderweg aan. Voorzie budget voor begeleiding, niet alleen voor de "
                "projecten. Vier de gerealiseerde projecten zichtbaar: dat is de beste "
                "reclame voor de volgende ronde."
            ),
        ),
    ),
    (
        "hasselt",
        PracticeText(
            key="hasselt-deelwagens",
            title="Deelwagens en mobipunten in elke deelgemeente",
            summary=(
                "In vier jaar tijd kreeg elke deelgemeente minstens één mobipunt met "
                "elektrische deelwagens, deelfietsen en een bushalte. De stad koos voor een "
                "concessie met een erkende aanbieder en reserveerde de beste plaatsen."
            ),
            themes=(PracticeTheme.MOBILITY,),
            lekp_werf=LekpWerf.MOBILITY,
            started_year=2021,
            street_address="Limburgplein 1",
            postcode="3500",
            place="Hasselt",
            contact_name="Jelle Vanderhoydonck",
            contact_email="jelle.vanderhoydonck@example.org",
            contact_phone="011 00 93 22",
            figures={
                "total_cost": Decimal("540000"),
                "own_share": Decimal("190000"),
                "subsidies": Decimal("350000"),
                "subsidy_sources": "LEKP (werf mobiliteit), Vervoerregio Limburg",
                "co2_avoided_tonnes": 95,
                "other_results": "24 mobipunten, 62 deelwagens, 1 850 abonnees",
            },
            what_happened=(
                "We maakten eerst een kaart van de plekken waar deelwagens de meeste kans "
                "hebben: bij stations, bushaltes, appartementsblokken en dorpskernen. Via een "
                "concessie kreeg één aanbieder het recht om op die plaatsen elektrische "
                "deelwagens aan te bieden, in ruil voor een minimumaanbod in de "
                "deelgemeenten. De stad legde de laadpalen aan, plaatste de mobipuntzuil en "
                "schilderde de parkeervakken. Het stadspersoneel gebruikt de deelwagens "
                "overdag voor dienstverplaatsingen, wat de aanbieder een vaste basis geeft."
            ),
            why=(
                "Een gezin met een tweede wagen die weinig rijdt, kan die met een deelwagen "
                "missen. Deelwagens verminderen het aantal geparkeerde wagens en de uitstoot, "
                "en maken elektrisch rijden bereikbaar voor wie zelf geen elektrische wagen "
                "kan kopen. Het LEKP vraagt bovendien één laadpunt voor gedeelde mobiliteit "
                "per 100 inwoners."
            ),
            intended_result=(
                "Tegen 2025 een mobipunt op wandelafstand van 80 procent van de inwoners. We "
                "willen 800 deelwagenlaadpunten tegen 2030; vandaag staan er 124. Elke "
                "deelwagen vervangt volgens de bevraging van de gebruikers gemiddeld vijf "
                "privéwagens."
            ),
            challenges=(
                "In de kleinere deelgemeenten is het gebruik de eerste maanden laag, wat voor "
                "een commerciële aanbieder moeilijk is. Het net van de netbeheerder moest op "
                "een aantal plekken versterkt worden, wat vertraging gaf. En veel inwoners "
                "kennen deelwagens niet en denken dat het ingewikkeld is."
            ),
            success_factors=(
                "Het eigen personeel als vaste gebruiker, zodat er overdag inkomsten zijn. "
                "Kennismakingsritten op markten en dorpsfeesten, waarbij inwoners gratis "
                "een uur konden rijden. En een duidelijke huisstijl voor alle mobipunten, "
                "zodat ze herkenbaar zijn."
            ),
            tips=(
                "Begin op plekken waar autobezit al duur of lastig is, zoals "
                "appartementsblokken zonder garage. Neem een minimumaanbod in de "
                "deelgemeenten op in de concessie. Laat je eigen diensten meedoen: een stad "
                "die zelf deelt, overtuigt meer."
            ),
        ),
    ),
    (
        "roeselare",
        PracticeText(
            key="roeselare-speelplaatsen",
            title="Ontharde en vergroende schoolspeelplaatsen",
            summary=(
                "Samen met negen scholen haalden we asfalt en tegels weg en maakten we groene "
                "speelplaatsen met bomen, wadi's en een regenwatertuin. De speelplaatsen "
                "zijn na de schooluren open voor de buurt."
            ),
            themes=(PracticeTheme.ADAPTATION, PracticeTheme.GREENERY),
            lekp_werf=LekpWerf.WATER,
            started_year=2020,
            finished_year=2024,
            street_address="Botermarkt 2",
            postcode="8800",
            place="Roeselare",
            contact_name="Annelies Verstraete",
            contact_email="annelies.verstraete@example.org",
            contact_phone="051 00 62 18",
            figures={
                "total_cost": Decimal("1180000"),
                "own_share": Decimal("410000"),
                "subsidies": Decimal("770000"),
                "subsidy_sources": "LEKP (werf water), Vlaamse subsidie voor open "
                "speelplaatsen, provincie West-Vlaanderen",
                "trees_planted": 148,
                "unsealed_m2": 6400,
                "water_buffered_m3": 920,
                "other_results": "9 speelplaatsen, 4 000 leerlingen",
            },
            what_happened=(
                "Elke school stelde met leerlingen, leerkrachten en ouders een eigen ontwerp "
                "op, begeleid door een landschapsarchitect die de stad aanstelde. Daarna "
                "brak een aannemer de verharding uit, en plantten leerlingen en ouders op "
                "plantdagen zelf bomen en struiken. Het regenwater van de daken loopt nu naar "
                "wadi's en een regenwatertuin in plaats van naar de riolering. Met elke school "
                "sloten we een overeenkomst om de speelplaats na schooltijd open te stellen "
                "voor buurtkinderen."
            ),
            why=(
                "Op hete dagen werden de betonnen speelplaatsen echte hitte-eilanden, met "
                "temperaturen tot 50 graden aan het oppervlak. Bij hevige buien stroomde het "
                "water naar een riolering die het niet meer aankon. Bovendien is er in de "
                "dichtbebouwde wijken weinig speelruimte; een open speelplaats geeft de "
                "buurt er een groene plek bij."
            ),
            intended_result=(
                "6 000 vierkante meter ontharding en 900 kubieke meter extra buffering, samen "
                "een goed deel van onze LEKP-doelstelling voor de werf water. Op een warme dag "
                "ligt de temperatuur op de groene speelplaatsen nu 6 tot 8 graden lager dan "
                "voordien. De scholen gebruiken hun speelplaats ook als buitenklas."
            ),
            challenges=(
                "De scholen hebben elk een eigen inrichtende macht, met eigen regels en "
                "beslissingsrondes. Een vergroende speelplaats is in de winter modderig, wat "
                "bij sommige ouders en leerkrachten weerstand gaf. Het onderhoud na de "
                "aanleg moet duidelijk afgesproken zijn, anders valt het terug op de school."
            ),
            success_factors=(
                "Het participatietraject met de leerlingen: wie zelf heeft meegetekend, "
                "draagt zorg voor het resultaat. Een vaste landschapsarchitect voor alle "
                "scholen, die leerde uit elk vorig project. En de combinatie van "
                "verschillende subsidies, waardoor de eigen inbreng van de scholen beperkt "
                "bleef."
            ),
            tips=(
                "Voorzie verharde paden en een stuk kunstgras of houtsnippers tegen de modder. "
                "Plant grote bomen waar het kan: schaduw is het belangrijkste tegen "
                "hittestress. Leg het onderhoud voor de eerste vijf jaar vast in de "
                "overeenkomst met de school."
            ),
        ),
    ),
    (
        "mechelen",
        PracticeText(
            key="mechelen-geveltuinen",
            title="Geveltuinen op aanvraag, aangelegd door de stad",
            summary=(
                "Inwoners vragen online een geveltuin aan; de stad haalt de stoeptegels weg, "
                "vult de strook met goede grond en geeft een pakket planten mee. Sinds 2018 "
                "kwamen er meer dan 1 200 geveltuinen bij."
            ),
            themes=(PracticeTheme.GREENERY, PracticeTheme.ADAPTATION),
            lekp_werf=LekpWerf.GREENING,
            started_year=2018,
            street_address="Grote Markt 21",
            postcode="2800",
            place="Mechelen",
            contact_name="Wim Verlinden",
            contact_email="wim.verlinden@example.org",
            contact_phone="015 00 51 39",
            figures={
                "total_cost": Decimal("265000"),
                "own_share": Decimal("175000"),
                "subsidies": Decimal("90000"),
                "subsidy_sources": "LEKP (werf vergroening)",
                "hedges_metres": 3100,
                "unsealed_m2": 930,
                "water_buffered_m3": 140,
                "other_results": "1 240 geveltuinen aangelegd",
            },
            what_happened=(
                "Een inwoner vult een kort formulier in op de website, en binnen zes weken "
                "komt de ploeg openbaar domein langs om een strook van 30 centimeter breed "
                "uit te breken. Wie wil, kan kiezen uit drie plantenpakketten: klimplanten, "
                "een bloemenmix voor bijen of een zonnige kruidenstrook. De bewoner plant zelf "
                "en tekent een eenvoudig charter voor het onderhoud. Twee keer per jaar "
                "bundelen we de aanvragen per wijk, wat de uitvoering veel efficiënter maakt."
            ),
            why=(
                "In de dichte binnenstad is er nauwelijks plaats voor bomen of tuinen, maar "
                "bijna elke straat heeft een gevel. Geveltuinen koelen de straat op hete "
                "dagen, laten regenwater in de bodem lopen en brengen bewoners met elkaar in "
                "gesprek. Het LEKP telt geveltuinen mee voor de doelstelling van een halve "
                "meter haag of geveltuin per inwoner."
            ),
            intended_result=(
                "We willen 2 000 geveltuinen tegen 2027, of ongeveer 5 kilometer groene "
                "gevel. Straten met veel geveltuinen krijgen daarna voorrang bij het "
                "ontharden van parkeerstroken. De tevredenheid bij de aanvragers ligt boven "
                "de 90 procent."
            ),
            challenges=(
                "In straten met smalle stoepen moet er minstens 1,5 meter vrije doorgang "
                "blijven, waardoor we een deel van de aanvragen moesten weigeren. Bij "
                "huurwoningen moet de eigenaar akkoord gaan. En sommige geveltuinen "
                "verwilderen of verdrogen, zeker in de eerste zomer."
            ),
            success_factors=(
                "De stad doet het breekwerk zelf en gratis: dat haalt de grootste drempel weg. "
                "Het online formulier met foto's van voorbeelden maakt de aanvraag "
                "eenvoudig. En de bundeling per wijk zorgt voor een zichtbaar effect, wat "
                "de buren aanzet om ook een aanvraag te doen."
            ),
            tips=(
                "Houd de regels eenvoudig en zet ze op één pagina. Werk per straat of wijk "
                "in plaats van per adres. Geef een plantenpakket mee met soorten die droogte "
                "verdragen, en stuur in de eerste zomer een herinnering om water te geven."
            ),
        ),
    ),
    (
        "mechelen",
        PracticeText(
            key="mechelen-klimaatteam",
            title="Een klimaatteam over alle diensten heen",
            summary=(
                "Eén klimaatcoördinator en twaalf klimaatambassadeurs uit alle diensten "
                "sturen samen de uitvoering van het klimaatplan. Elke dienst heeft zijn eigen "
                "klimaatacties in het meerjarenplan, en het klimaatteam volgt ze maandelijks "
                "op."
            ),
            themes=(PracticeTheme.ORGANISATION,),
            started_year=2019,
            street_address="Grote Markt 21",
            postcode="2800",
            place="Mechelen",
            contact_name="Fatima El Amrani",
            contact_email="fatima.elamrani@example.org",
            contact_phone="015 00 51 02",
            figures={
                "total_cost": Decimal("95000"),
                "own_share": Decimal("95000"),
                "other_results": "12 diensten, 86 klimaatacties in het meerjarenplan",
            },
            what_happened=(
                "Na de goedkeuring van het klimaatplan vroeg de algemeen directeur elke "
                "dienst om een klimaatambassadeur aan te duiden, met vier uur per maand "
                "voor die taak. Samen met de klimaatcoördinator vormen zij het klimaatteam, "
                "dat elke maand samenkomt. Elke klimaatactie kreeg een trekkende dienst, een "
                "budget en een indicator in het meerjarenplan. Twee keer per jaar brengt het "
                "klimaatteam verslag uit aan het managementteam en het college."
            ),
            why=(
                "Het klimaatplan bleef in de eerste jaren vooral het werk van de milieudienst, "
                "terwijl het grootste deel van de acties bij andere diensten lag: gebouwen, "
                "mobiliteit, wonen, aankoop. Zonder vaste aanspreekpunten en afspraken "
                "bleven acties liggen. We wilden klimaat een vaste plek geven in de "
                "organisatie, niet in één dienst."
            ),
            intended_result=(
                "Elke klimaatactie heeft een eigenaar en wordt minstens twee keer per jaar "
                "opgevolgd. Klimaat is een vast agendapunt op het managementteam. Na drie jaar "
                "is het aandeel acties dat op schema zit gestegen van 45 naar 72 procent."
            ),
            challenges=(
                "Vier uur per maand blijkt in drukke periodes moeilijk vrij te maken, en "
                "sommige diensten duidden eerst iemand aan zonder veel affiniteit met het "
                "thema. De opvolging vroeg een eenvoudig en gedeeld overzicht, dat er in het "
                "begin niet was. Bij personeelswissels gaat kennis verloren."
            ),
            success_factors=(
                "De steun van de algemeen directeur, die het klimaatteam zelf opstartte. De "
                "koppeling aan het meerjarenplan, waardoor klimaatacties budget en een "
                "indicator kregen. En de informele sfeer in het team, met ruimte om "
                "problemen op tafel te leggen."
            ),
            tips=(
                "Leg de tijd van de klimaatambassadeurs vast in hun functiebeschrijving. "
                "Maak één gedeeld overzicht van alle klimaatacties met hun stand van zaken. "
                "Vier de resultaten ook intern, bijvoorbeeld met een jaarlijkse "
                "klimaatlunch voor het hele personeel."
            ),
        ),
    ),
    (
        "herent",
        PracticeText(
            key="herent-energiecoach",
            title="Energiecoach aan huis voor kwetsbare gezinnen",
            summary=(
                "Een energiecoach bezoekt gezinnen met een hoge energiefactuur, geeft "
                "besparingstips, plaatst kleine maatregelen en begeleidt hen naar premies "
                "en renovatie. Het OCMW, de thuiszorg en de scholen verwijzen door."
            ),
            themes=(PracticeTheme.BUILDINGS, PracticeTheme.ENERGY),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2022,
            finished_year=2024,
            street_address="Wilselsesteenweg 28",
            postcode="3020",
            place="Herent",
            contact_name="Bram Claes",
            contact_email="bram.claes@example.org",
            contact_phone="016 00 85 43",
            figures={
                "total_cost": Decimal("118000"),
                "own_share": Decimal("47000"),
                "subsidies": Decimal("71000"),
                "subsidy_sources": "LEKP (werf renovatie), Vlaams Energie- en Klimaatagentschap",
                "co2_avoided_tonnes": 38,
                "other_results": "236 huisbezoeken, 61 gezinnen begeleid naar renovatie",
            },
            what_happened=(
                "In het najaar van 2022, midden in de energiecrisis, stelden we een "
                "energiecoach aan in samenwerking met het intergemeentelijk energiehuis. De "
                "coach doet een huisbezoek van anderhalf uur, leest de meters en facturen "
                "mee, en plaatst meteen kleine maatregelen zoals ledlampen, "
                "radiatorfolie, tochtstrips en een spaardouchekop. Wie verder wil, krijgt "
                "hulp om een renovatieadvies aan te vragen en premies of een renteloze "
                "lening te bekomen. Na zes maanden volgt een tweede bezoek om het "
                "verbruik te vergelijken."
            ),
            why=(
                "De energiecrisis trof vooral gezinnen die in slecht geïsoleerde woningen "
                "wonen en het minst middelen hebben om te investeren. Zij vinden zelden "
                "hun weg naar premies en renovatieadvies. Een vertrouwd gezicht aan huis "
                "bereikt hen beter dan een brochure of een website."
            ),
            intended_result=(
                "200 huisbezoeken in twee jaar, met een gemiddelde besparing van 10 procent op "
                "het verbruik. Daarnaast wilden we minstens een kwart van de gezinnen naar een "
                "grotere renovatie begeleiden. Met 236 bezoeken en 61 gezinnen in "
                "renovatiebegeleiding zijn beide doelen gehaald."
            ),
            challenges=(
                "Gezinnen in armoede vertrouwen niet snel iemand van de gemeente, zeker niet "
                "als het over geld gaat. Huurders kunnen zelf weinig renoveren, waardoor we "
                "ook de verhuurders moesten aanspreken. En de vraag piekte in de winter, "
                "terwijl de coach in de zomer minder afspraken had."
            ),
            success_factors=(
                "De doorverwijzing door mensen die de gezinnen al kennen: de maatschappelijk "
                "werkers, de thuisverpleging en de zorgcoördinatoren van de scholen. De "
                "kleine maatregelen die meteen geplaatst worden, zodat het bezoek onmiddellijk "
                "iets oplevert. En een coach die zelf uit de buurt komt."
            ),
            tips=(
                "Werk samen met het energiehuis van je regio in plaats van alles zelf op te "
                "zetten. Zorg dat de coach iets tastbaars meebrengt. Plan in de zomer "
                "bezoeken bij verhuurders en verenigingen, zodat de coach het hele jaar "
                "zinvol werk heeft."
            ),
        ),
    ),
    (
        "genk",
        PracticeText(
            key="genk-zonnepanelen",
            title="Zonnepanelen op schooldaken via een burgercoöperatie",
            summary=(
                "Op de daken van elf scholen en twee sporthallen liggen sinds 2022 samen 4 200 "
                "zonnepanelen. Een burgercoöperatie financierde ze met aandelen van inwoners; "
                "de scholen kopen de stroom tegen een vaste, lage prijs."
            ),
            themes=(PracticeTheme.ENERGY, PracticeTheme.PARTICIPATION),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2020,
            finished_year=2022,
            street_address="Stadsplein 1",
            postcode="3600",
            place="Genk",
            contact_name="Luca Rinaldi",
            contact_email="luca.rinaldi@example.org",
            contact_phone="089 00 46 70",
            figures={
                "total_cost": Decimal("1650000"),
                "own_share": Decimal("120000"),
                "subsidies": Decimal("0"),
                "co2_avoided_tonnes": 210,
                "other_results": "1,6 MWp, 1 100 coöperanten, 13 gebouwen",
            },
            what_happened=(
                "De stad schreef een concessie uit voor het gebruik van haar daken, die een "
                "burgercoöperatie uit de regio won. De coöperatie haalde het geld op bij "
                "inwoners, met aandelen van 250 euro en een maximum van twintig aandelen per "
                "persoon. Een studiebureau controleerde eerst de stabiliteit van elk dak; op "
                "twee scholen werd het dak eerst geïsoleerd en vernieuwd. De leerlingen "
                "volgen de opbrengst van hun dak op een scherm in de gang en in de lessen "
                "wetenschappen."
            ),
            why=(
                "De stad heeft veel grote, platte daken maar niet het budget om ze allemaal "
                "zelf vol te leggen. Met een burgercoöperatie worden inwoners mee-eigenaar "
                "van de energietransitie en blijft de opbrengst in de regio. Het LEKP vraagt "
                "bovendien één participatief project voor hernieuwbare energie per 500 "
                "inwoners."
            ),
            intended_result=(
                "1,5 MWp zonnepanelen op stedelijke gebouwen, met een stroomprijs voor de "
                "scholen die minstens 15 procent onder de marktprijs ligt. We wilden 1 000 "
                "inwoners laten instappen; het werden er 1 100, van wie een derde jonger dan "
                "35 jaar. De panelen vermijden zo'n 210 ton CO2 per jaar."
            ),
            challenges=(
                "De juridische vorm van de concessie en de afspraken over het einde van de "
                "looptijd vroegen veel overleg. Sommige daken waren te zwak of moesten eerst "
                "vernieuwd worden, wat de planning verschoof. En de netbeheerder moest de "
                "aansluiting van twee sporthallen verzwaren."
            ),
            success_factors=(
                "Een coöperatie met ervaring en een goede naam in de regio. De scholen als "
                "partner, waardoor ouders en leerkrachten aandeelhouder werden. En een "
                "duidelijke afspraak over het onderhoud en de verzekering, die op voorhand "
                "in de overeenkomst stond."
            ),
            tips=(
                "Laat vooraf een dakenscan maken van al je gebouwen, zodat je weet welke daken "
                "geschikt zijn. Kies een coöperatie die lokaal verankerd is. Koppel het "
                "project aan het onderwijs: de panelen op het dak zijn een les op zich."
            ),
        ),
    ),
    (
        "kasterlee",
        PracticeText(
            key="kasterlee-regenwater",
            title="Regenwater vasthouden in de Kempische zandbodem",
            summary=(
                "Bij elke heraanleg van een straat houden we het regenwater bij op de plek "
                "waar het valt: in wadi's, infiltratiekratten en bredere bermen. Inwoners "
                "krijgen een premie om hun dakwater af te koppelen en een regenwaterput te "
                "plaatsen."
            ),
            themes=(PracticeTheme.ADAPTATION,),
            lekp_werf=LekpWerf.WATER,
            started_year=2025,
            street_address="Markt 13",
            postcode="2460",
            place="Kasterlee",
            contact_name="Evy Van Gestel",
            contact_email="evy.vangestel@example.org",
            contact_phone="014 00 37 95",
            figures={
                "total_cost": Decimal("740000"),
                "own_share": Decimal("290000"),
                "subsidies": Decimal("450000"),
                "subsidy_sources": "LEKP (werf water), Vlaamse Milieumaatschappij, Aquafin",
                "unsealed_m2": 2600,
                "water_buffered_m3": 3400,
                "other_results": "180 woningen afgekoppeld, 95 regenwaterputten geplaatst",
            },
            what_happened=(
                "We hebben het hemelwaterplan van de gemeente vertaald in een eenvoudige "
                "regel: bij elke heraanleg van een straat gaat er geen druppel regenwater "
                "meer naar de riolering als het anders kan. In de eerste drie straten "
                "maakten we de rijweg smaller en legden we wadi's aan in de bermen. "
                "Bewoners kregen een huisbezoek van een afkoppelingsdeskundige en een premie "
                "voor het afkoppelen van hun dakwater. Een samenaankoop van regenwaterputten "
                "via de intercommunale maakte de putten een derde goedkoper."
            ),
            why=(
                "Onze zandgrond laat water goed door, maar de droogte van de voorbije "
                "zomers deed het grondwaterpeil en de beken in de vallei van de Kleine Nete "
                "fors dalen. Tegelijk liep de riolering bij onweer over. Regenwater laten "
                "infiltreren lost beide problemen op en is goedkoper dan grotere buizen."
            ),
            intended_result=(
                "Tegen 2030 één kubieke meter extra infiltratie of buffering per inwoner, "
                "zoals het LEKP vraagt: ongeveer 19 000 kubieke meter. Na het eerste jaar "
                "staan we op 3 400. Geen overstortingen meer in de drie heraangelegde "
                "straten."
            ),
            challenges=(
                "Bewoners vrezen dat wadi's muggen aantrekken of dat hun kelder nat wordt; "
                "daar is veel uitleg voor nodig. Smallere rijwegen stuiten op weerstand van "
                "landbouwers met grote machines. En het ontwerpen van straten met "
                "infiltratie vraagt kennis die ons eigen studiebureau nog moest opbouwen."
            ),
            success_factors=(
                "Het huisbezoek door een deskundige, die ter plaatse toont hoe het kan. Een "
                "samenaankoop die de prijs van regenwaterputten drukt. En het combineren met "
                "rioleringswerken die toch gepland waren, waardoor de meerkost beperkt bleef."
            ),
            tips=(
                "Maak één vaste regel voor alle wegenprojecten en schrijf ze in het bestek. "
                "Toon in een eerste straat hoe een wadi er na een jaar uitziet, met "
                "planten en al. Werk samen met je rioolbeheerder, die vaak ook subsidies en "
                "kennis heeft."
            ),
        ),
    ),
    (
        "kortrijk",
        PracticeText(
            key="kortrijk-meubilair",
            title="Circulaire aanbesteding van kantoormeubilair",
            summary=(
                "Voor de inrichting van het nieuwe administratief centrum kochten we geen "
                "nieuw meubilair, maar een dienst: een circulaire aanbesteding met "
                "hergebruik, herstelling en terugname. 70 procent van de meubels is "
                "hergebruikt of opgeknapt."
            ),
            themes=(PracticeTheme.CIRCULAR, PracticeTheme.ORGANISATION),
            started_year=2021,
            finished_year=2022,
            street_address="Grote Markt 54",
            postcode="8500",
            place="Kortrijk",
            contact_name="Delphine Vandenbussche",
            contact_email="delphine.vandenbussche@example.org",
            contact_phone="056 00 77 21",
            figures={
                "total_cost": Decimal("385000"),
                "own_share": Decimal("385000"),
                "co2_avoided_tonnes": 45,
                "other_results": "1 450 meubelstukken hergebruikt, 18 ton afval vermeden",
            },
            what_happened=(
                "De aankoopdienst en de dienst facility inventariseerden eerst alle "
                "bestaande bureaus, stoelen en kasten in de oude gebouwen. In het bestek "
                "vroegen we niet naar nieuwe meubels, maar naar een totaalinrichting waarbij "
                "de leverancier zoveel mogelijk bestaand meubilair herstelt, herbekleedt of "
                "herschikt. Nieuwe stukken moesten demonteerbaar zijn, met vervangbare "
                "onderdelen en een terugnamegarantie. Drie sociale economiebedrijven "
                "voerden een deel van het herstelwerk uit."
            ),
            why=(
                "Een stad koopt jaarlijks voor miljoenen euro aan goederen en diensten: daar "
                "zit een grote hefboom voor de circulaire economie. Kantoormeubilair wordt "
                "vaak weggegooid terwijl het nog jaren mee kan. We wilden tonen dat "
                "circulaire aanbesteding ook in een gewone aankoop kan, zonder meerkost."
            ),
            intended_result=(
                "Minstens 60 procent van het meubilair hergebruikt, en een totale kostprijs "
                "die niet hoger ligt dan bij een klassieke aankoop. Beide doelen zijn "
                "gehaald: 70 procent hergebruik, en 12 procent goedkoper dan de raming voor "
                "volledig nieuw meubilair. De aanpak is nu de standaard voor alle aankopen "
                "van meubilair."
            ),
            challenges=(
                "Een circulair bestek opstellen was nieuw voor de aankoopdienst, en de "
                "gunningscriteria moesten juridisch sluitend zijn. Sommige collega's "
                "verwachtten een splinternieuw kantoor en waren eerst ontgoocheld. De "
                "inventaris van het bestaande meubilair vroeg veel meer tijd dan gepland."
            ),
            success_factors=(
                "Een marktconsultatie vóór de publicatie, waardoor leveranciers konden "
                "aangeven wat haalbaar was. De steun van de Vlaamse begeleiding voor "
                "circulair aankopen. En een voorbeeldruimte waar collega's het opgeknapte "
                "meubilair konden uitproberen."
            ),
            tips=(
                "Begin met een volledige inventaris van wat je al hebt. Vraag in het bestek "
                "naar een resultaat en niet naar een product. Betrek de gebruikers vroeg, "
                "zodat hergebruik geen verrassing is maar een keuze."
            ),
        ),
    ),
    (
        "kortrijk",
        PracticeText(
            key="kortrijk-fietsstraten",
            title="Een netwerk van fietsstraten rond de binnenstad",
            summary=(
                "Op drie jaar tijd richtten we 14 kilometer fietsstraten in, die de "
                "deelgemeenten met de binnenstad, de scholen en het station verbinden. Auto's "
                "mogen er, maar de fietser bepaalt het tempo en mag niet ingehaald worden."
            ),
            themes=(PracticeTheme.MOBILITY,),
            lekp_werf=LekpWerf.MOBILITY,
            started_year=2019,
            finished_year=2021,
            street_address="Grote Markt 54",
            postcode="8500",
            place="Kortrijk",
            contact_name="Stijn Vanneste",
            contact_email="stijn.vanneste@example.org",
            contact_phone="056 00 77 64",
            figures={
                "total_cost": Decimal("1240000"),
                "own_share": Decimal("620000"),
                "subsidies": Decimal("620000"),
                "subsidy_sources": "Vlaams Fietsfonds, provincie West-Vlaanderen",
                "co2_avoided_tonnes": 160,
                "other_results": "14 km fietsstraten, 27 % meer fietsers op de tellers",
            },
            what_happened=(
                "We kozen straten die op het bovenlokaal functioneel fietsroutenetwerk "
                "liggen maar te smal zijn voor afzonderlijke fietspaden. Elke fietsstraat "
                "kreeg een rode asfaltlaag, de gekende borden en een knip of éénrichting voor "
                "doorgaand autoverkeer, zodat er alleen bestemmingsverkeer overbleef. De "
                "inrichting gebeurde in fasen, telkens na een infomoment per wijk. Fietstellers "
                "op zes plaatsen volgen sindsdien het gebruik op."
            ),
            why=(
                "Meer dan de helft van de verplaatsingen binnen de stad is korter dan vijf "
                "kilometer, ideaal voor de fiets. Toch durfden veel ouders en oudere "
                "inwoners niet te fietsen door het sluipverkeer in de woonstraten. Met "
                "fietsstraten krijg je snel een veilig netwerk, zonder straten volledig te "
                "moeten heraanleggen."
            ),
            intended_result=(
                "Een samenhangend netwerk waarbij elke school en elk dienstencentrum binnen "
                "500 meter van een fietsstraat of fietspad ligt. Het aantal fietsers op de "
                "tellers steeg met 27 procent, het autoverkeer in dezelfde straten daalde met "
                "een derde. We rekenen op ongeveer 160 ton CO2 minder per jaar."
            ),
            challenges=(
                "Niet alle chauffeurs respecteren het verbod om fietsers in te halen, vooral "
                "in de eerste maanden. De knippen verlegden verkeer naar andere straten, wat "
                "bijsturing vroeg. En de handelaars in twee straten vreesden klanten te "
                "verliezen."
            ),
            success_factors=(
                "De rode kleur en de herkenbare inrichting: iedereen ziet meteen dat het een "
                "fietsstraat is. De combinatie met circulatiemaatregelen, zonder welke een "
                "fietsstraat weinig verandert. En de tellingen, die de discussie met cijfers "
                "voedden."
            ),
            tips=(
                "Een fietsstraat werkt alleen als er weinig auto's door mogen: combineer ze "
                "met een circulatieplan. Begin met een proefopstelling met tijdelijke "
                "materialen. Meet vóór en na, en deel de resultaten met de buurt."
            ),
        ),
    ),
    (
        "lochristi",
        PracticeText(
            key="lochristi-voedselstrategie",
            title="Een lokale voedselstrategie met de tuinbouwers",
            summary=(
                "Samen met tuinbouwers, scholen, de woonzorgcentra en de horeca schreven we "
                "een lokale voedselstrategie. De scholen en het woonzorgcentrum koken nu "
                "voor de helft met groenten uit de gemeente, en er kwam een wekelijkse "
                "boerenmarkt bij."
            ),
            themes=(PracticeTheme.FOOD, PracticeTheme.PARTICIPATION),
            started_year=2022,
            street_address="Dorp-West 52",
            postcode="9080",
            place="Lochristi",
            contact_name="Kobe De Vos",
            contact_email="kobe.devos@example.org",
            contact_phone="09 000 55 86",
            figures={
                "total_cost": Decimal("74000"),
                "own_share": Decimal("29000"),
                "subsidies": Decimal("45000"),
                "subsidy_sources": "Vlaams Departement Landbouw en Visserij (voedselstrategieën)",
                "co2_avoided_tonnes": 18,
                "other_results": "52 % lokale groenten in de schoolmaaltijden, 23 producenten",
            },
            what_happened=(
                "We begonnen met een voedselraad van twintig mensen: tuinbouwers, een "
                "kok van het woonzorgcentrum, een schooldirecteur, twee restauranthouders en "
                "geëngageerde inwoners. In vijf avonden maakten ze een voedselstrategie met "
                "vier doelen: lokaal aankopen, minder verspilling, gezond eten voor iedereen "
                "en zichtbare landbouw. De gemeente paste haar bestek voor maaltijden aan, "
                "zodat kleine lokale telers konden inschrijven. Op het marktplein staat nu "
                "elke vrijdagnamiddag een boerenmarkt."
            ),
            why=(
                "Onze gemeente staat bekend om haar tuinbouw en sierteelt, maar de groenten "
                "van hier belandden zelden op de borden van onze eigen scholen. Voedsel is "
                "goed voor een flink deel van de uitstoot van een gezin, via transport, "
                "verpakking en verspilling. Een voedselstrategie verbindt klimaat, "
                "gezondheid en de lokale economie."
            ),
            intended_result=(
                "Tegen 2026 de helft van de groenten in de schoolmaaltijden en het "
                "woonzorgcentrum van lokale telers; dat doel is al bereikt. De "
                "voedselverspilling in de scholen moet met een kwart dalen. En de voedselraad "
                "moet blijven bestaan als een vaste adviesraad."
            ),
            challenges=(
                "Lokale telers leveren niet altijd de hoeveelheden en de regelmaat die een "
                "grootkeuken nodig heeft. De regels voor overheidsopdrachten maken het lastig "
                "om lokaal te kopen zonder te discrimineren. En de boerenmarkt had in de "
                "winter te weinig bezoekers."
            ),
            success_factors=(
                "Een bestek met kleine percelen en criteria als seizoensgebonden en "
                "verpakkingsarm, in plaats van 'lokaal'. De kok van het woonzorgcentrum, die "
                "zijn menu's aanpaste aan het seizoen. En een tuinbouwer die als "
                "ambassadeur zijn collega's meekreeg."
            ),
            tips=(
                "Laat de voedselraad zelf de prioriteiten kiezen: dan blijven de leden "
                "betrokken. Werk met percelen in je bestekken zodat kleine producenten kans "
                "maken. Begin bij één keuken en één teler, en breid daarna uit."
            ),
        ),
    ),
    (
        "pelt",
        PracticeText(
            key="pelt-hittestress",
            title="Een hitteplan voor woonzorgcentra, scholen en kinderopvang",
            summary=(
                "Tijdens hittegolven zetten we een vast draaiboek in om ouderen en jonge "
                "kinderen te beschermen tegen hittestress: koelteplekken, belrondes en "
                "aangepaste uren. Tegelijk vergroenen we de buitenruimte van de gebouwen "
                "waar de meest kwetsbare mensen verblijven."
            ),
            themes=(PracticeTheme.ADAPTATION, PracticeTheme.GREENERY),
            started_year=2023,
            finished_year=2024,
            street_address="Dorpsstraat 30",
            postcode="3910",
            place="Pelt",
            contact_name="Nele Vanderhoydonk",
            contact_email="nele.vanderhoydonk@example.org",
            contact_phone="011 00 80 36",
            figures={
                "total_cost": Decimal("210000"),
                "own_share": Decimal("84000"),
                "subsidies": Decimal("126000"),
                "subsidy_sources": "LEKP (werf vergroening), provincie Limburg",
                "trees_planted": 96,
                "unsealed_m2": 780,
                "other_results": "7 koelteplekken, 340 alleenwonende ouderen in de belronde",
            },
            what_happened=(
                "De dienst welzijn, de woonzorgcentra, de scholen en de brandweer schreven "
                "samen een hitteplan met drie fasen, die starten op basis van de "
                "waarschuwingen van het KMI. In fase twee openen zeven koelteplekken, zoals de "
                "bibliotheek en het dienstencentrum, en bellen vrijwilligers alle "
                "alleenwonende ouderen die zich aanmeldden. Rond twee woonzorgcentra en drie "
                "scholen plantten we bomen, legden we schaduwdoeken en vervingen we tegels "
                "door gras. Elke zomer evalueren we het plan met alle partners."
            ),
            why=(
                "De zomers van 2019 en 2022 toonden hoe kwetsbaar ouderen en jonge kinderen "
                "zijn bij hitte. De klimaatrisicokaart duidde onze centra aan als plekken "
                "met veel verharding en weinig schaduw. Hittestress is een gezondheidsrisico "
                "dat met eenvoudige afspraken en meer groen sterk te beperken is."
            ),
            intended_result=(
                "Bij elke hittegolf weet elke partner wat te doen, zonder nieuwe "
                "vergaderingen. Elke kwetsbare oudere die dat wil, wordt tijdens een "
                "hittegolf minstens om de twee dagen gebeld. Op de vergroende speelplaatsen en "
                "tuinen ligt de gevoelstemperatuur enkele graden lager."
            ),
            challenges=(
                "Alleenwonende ouderen die het meest risico lopen, melden zich het minst "
                "spontaan aan voor de belronde. Het inschatten wanneer je een fase start, "
                "bleek moeilijker dan gedacht. En jonge bomen geven de eerste jaren nog weinig "
                "schaduw."
            ),
            success_factors=(
                "Het draaiboek op twee pagina's, dat iedereen kent en in de zomer ophangt. De "
                "vrijwilligers van de seniorenraad, die de belronde persoonlijk maken. En de "
                "combinatie van snelle maatregelen met een blijvende vergroening."
            ),
            tips=(
                "Werk met de bestaande netwerken van thuiszorg en seniorenverenigingen om "
                "kwetsbare mensen te vinden. Plant bomen nu, want schaduw heb je pas over "
                "tien jaar. Houd het draaiboek kort en oefen het vóór de zomer."
            ),
        ),
    ),
    (
        "turnhout",
        PracticeText(
            key="turnhout-energieboekhouding",
            title="Energie-efficiëntie in het eigen patrimonium met een energieboekhouding",
            summary=(
                "Alle 64 gebouwen van stad en OCMW hebben digitale meters en een "
                "energieboekhouding. Wie beheert, ziet elke maand het verbruik, en de "
                "grootste verbruikers krijgen als eerste een renovatie. Het verbruik daalde "
                "met 31 procent."
            ),
            themes=(PracticeTheme.ENERGY, PracticeTheme.ORGANISATION),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2018,
            finished_year=2021,
            street_address="Campus Blairon 200",
            postcode="2300",
            place="Turnhout",
            contact_name="Dirk Mertens",
            contact_email="dirk.mertens@example.org",
            contact_phone="014 00 44 18",
            figures={
                "total_cost": Decimal("2300000"),
                "own_share": Decimal("1500000"),
                "subsidies": Decimal("800000"),
                "subsidy_sources": "Vlaams Energie- en Klimaatagentschap, LEKP, "
                "derdepartijfinanciering",
                "co2_avoided_tonnes": 380,
                "other_results": "31 % minder energieverbruik in 64 gebouwen",
            },
            what_happened=(
                "We plaatsten in alle gebouwen slimme meters voor gas, elektriciteit en "
                "water, gekoppeld aan een energieboekhouding. Een energiebeheerder analyseert "
                "elke maand de cijfers en bespreekt afwijkingen met de gebouwverantwoordelijke. "
                "Eerst pakten we de snelle winsten aan: stookcurves, nachtverlaging, "
                "ledverlichting en het uitschakelen van toestellen in het weekend. Daarna "
                "renoveerden we de tien grootste verbruikers, waaronder het zwembad en twee "
                "scholen, met dakisolatie, warmtepompen en zonnepanelen."
            ),
            why=(
                "Het eigen patrimonium is de plek waar de stad zelf volledig aan het stuur "
                "zit en het goede voorbeeld kan geven. Zonder cijfers wisten we niet welke "
                "gebouwen het meest verbruikten, en lekken of fouten in de regeling bleven "
                "maanden onopgemerkt. Energie-efficiëntie betaalt zichzelf bovendien terug "
                "via een lagere energiefactuur."
            ),
            intended_result=(
                "Een daling van het energieverbruik met 25 procent tegen 2021, als eerste "
                "stap naar een klimaatneutraal patrimonium in 2040. We haalden 31 procent, en "
                "de energiefactuur lag in 2021 een half miljoen euro lager dan zonder de "
                "maatregelen. Elke gebouwverantwoordelijke kent nu het verbruik van zijn "
                "gebouw."
            ),
            challenges=(
                "De meters installeren in oudere gebouwen bleek technisch lastig en duurder "
                "dan geraamd. Gebouwverantwoordelijken hadden in het begin weinig tijd en "
                "interesse voor maandelijkse cijfers. De budgetten voor grote renovaties "
                "moesten over meerdere jaren gespreid worden."
            ),
            success_factors=(
                "Een vaste energiebeheerder met voldoende tijd om de cijfers te analyseren en "
                "mensen aan te spreken. Snelle winsten in het eerste jaar, die de grotere "
                "investeringen geloofwaardig maakten. En een jaarlijkse rangschikking van de "
                "gebouwen, die een gezonde competitie opleverde."
            ),
            tips=(
                "Meten is weten: begin met de meters en de energieboekhouding, vóór je "
                "investeert. Pak eerst de regeling en het gedrag aan, dat kost bijna niets. "
                "Reserveer een deel van de besparing voor nieuwe investeringen."
            ),
        ),
    ),
    (
        "poperinge",
        PracticeText(
            key="poperinge-bomen",
            title="Een boom voor elke inwoner: geboortebossen en klimaatbossen",
            summary=(
                "Voor elk kind dat geboren wordt, plant de stad een boom in een geboortebos. "
                "Daarnaast legden we drie klimaatbossen aan op gronden van de stad en van "
                "landbouwers. Samen goed voor meer dan 5 000 bomen."
            ),
            themes=(PracticeTheme.GREENERY, PracticeTheme.PARTICIPATION),
            lekp_werf=LekpWerf.GREENING,
            started_year=2020,
            finished_year=2024,
            street_address="Grote Markt 1",
            postcode="8970",
            place="Poperinge",
            contact_name="Ruben Vandromme",
            contact_email="ruben.vandromme@example.org",
            contact_phone="057 00 46 92",
            figures={
                "total_cost": Decimal("198000"),
                "own_share": Decimal("58000"),
                "subsidies": Decimal("140000"),
                "subsidy_sources": "LEKP (werf vergroening), Agentschap voor Natuur en Bos "
                "(bebossingssubsidie)",
                "trees_planted": 5200,
                "hedges_metres": 1100,
                "co2_avoided_tonnes": 25,
                "other_results": "3 klimaatbossen, samen 4,2 hectare; 880 geboortebomen",
            },
            what_happened=(
                "Elk jaar in november nodigen we de gezinnen met een pasgeboren kind uit op "
                "een plantdag in het geboortebos, waar elk kind een eigen boom krijgt. Voor "
                "de klimaatbossen zochten we gronden via een oproep aan landbouwers en de "
                "kerkfabrieken; de stad betaalt een vergoeding voor de gemiste opbrengst. "
                "Het regionaal landschap maakte de plantplannen met inheemse soorten zoals "
                "zomereik, haagbeuk en winterlinde. Op de plantdagen staken telkens "
                "tweehonderd tot driehonderd vrijwilligers de handen uit de mouwen."
            ),
            why=(
                "Onze stad heeft een van de laagste bosoppervlaktes van Vlaanderen. Bomen "
                "slaan koolstof op, bieden schaduw en zijn een thuis voor vogels en "
                "insecten. Het LEKP vraagt één extra boom per inwoner tegen 2030, voor ons "
                "ongeveer 20 000 bomen; dat haal je niet alleen op eigen gronden."
            ),
            intended_result=(
                "Tegen 2030 20 000 extra bomen, waarvan een kwart in geboortebossen en "
                "klimaatbossen en de rest in straten, op erven en in hagen. Met 5 200 bomen "
                "zitten we na vijf jaar op een kwart. De geboortebossen moeten uitgroeien tot "
                "plekken waar gezinnen graag terugkomen."
            ),
            challenges=(
                "Geschikte gronden vinden in een landbouwgemeente met veel hopvelden en "
                "akkers is moeilijk. Een deel van de jonge aanplant had te lijden van "
                "droogte en wildvraat. En de opvolging van de bosbeheerplannen vraagt kennis "
                "die we niet in huis hadden."
            ),
            success_factors=(
                "Het emotionele verhaal van de geboorteboom, dat gezinnen en grootouders "
                "aanspreekt. De vergoeding voor landbouwers, die bosaanplant financieel "
                "haalbaar maakt. En de goede samenwerking met het regionaal landschap en de "
                "natuurvereniging."
            ),
            tips=(
                "Combineer een symbolisch project zoals een geboortebos met een grotere "
                "bebossing: het ene geeft draagvlak, het andere de aantallen. Plant in het "
                "najaar en voorzie wildbescherming. Leg de aanplant vast op de kaart, zodat "
                "je je bomen later kunt tellen voor het LEKP."
            ),
        ),
    ),
    (
        "heusden-zolder",
        PracticeText(
            key="heusden-zolder-repaircentrum",
            title="Een circulair centrum met repaircafé, kringwinkel en materiotheek",
            summary=(
                "In een leegstaande mijnwerkersschool openden we een circulair centrum: een "
                "kringwinkel, een maandelijks repaircafé, een uitleendienst voor gereedschap "
                "en een werkplaats voor de sociale economie. Zo krijgen spullen een tweede "
                "leven in plaats van het containerpark."
            ),
            themes=(PracticeTheme.CIRCULAR, PracticeTheme.PARTICIPATION),
            started_year=2019,
            street_address="Dekenijstraat 9",
            postcode="3550",
            place="Heusden-Zolder",
            contact_name="Ayse Yilmaz",
            contact_email="ayse.yilmaz@example.org",
            contact_phone="011 00 81 57",
            figures={
                "total_cost": Decimal("620000"),
                "own_share": Decimal("340000"),
                "subsidies": Decimal("280000"),
                "subsidy_sources": "OVAM (lokale circulaire projecten), Europees Sociaal Fonds",
                "co2_avoided_tonnes": 70,
                "other_results": "2 300 herstellingen, 410 ton hergebruik per jaar, 14 jobs",
            },
            what_happened=(
                "De gemeente renoveerde het oude schoolgebouw en verhuurt het tegen een "
                "lage prijs aan de kringwinkel en een vereniging van vrijwilligers. Elke "
                "eerste zaterdag van de maand herstellen twintig vrijwillige herstellers "
                "fietsen, kledij, elektro en meubels. In de materiotheek kunnen inwoners voor "
                "een klein bedrag een boormachine, een ladder of een partytent lenen. Het "
                "containerpark brengt bruikbare spullen rechtstreeks naar het centrum in "
                "plaats van ze te laten vernietigen."
            ),
            why=(
                "De hoeveelheid grofvuil en elektro op ons containerpark bleef stijgen, "
                "terwijl een groot deel nog bruikbaar of herstelbaar was. Inwoners met een "
                "klein budget hebben baat bij goedkope tweedehandsspullen en gedeeld "
                "gereedschap. En een circulair centrum brengt mensen samen rond iets "
                "concreets."
            ),
            intended_result=(
                "Een daling van het grofvuil met 20 procent tegen 2025 ten opzichte van 2018. "
                "Jaarlijks minstens 500 herstellingen in het repaircafé; dat worden er nu "
                "bijna 600 per jaar. Het centrum moet een ontmoetingsplek zijn voor alle "
                "generaties en achtergronden."
            ),
            challenges=(
                "Voldoende vrijwillige herstellers vinden en houden, zeker voor elektro. De "
                "renovatie van het oude gebouw liep vertraging op door asbest. En de "
                "samenwerking tussen een sociale onderneming, vrijwilligers en de gemeente "
                "vroeg duidelijke afspraken over wie wat doet."
            ),
            success_factors=(
                "Een centrale plek in het dorp, vlak bij de bushalte en de school. De "
                "herstellers, die hun kennis graag doorgeven en jongeren opleiden. En de "
                "koppeling met het containerpark, dat nu een leverancier is in plaats van "
                "een eindpunt."
            ),
            tips=(
                "Zoek een leegstaand gebouw: een circulair centrum hoeft geen nieuwbouw te "
                "zijn. Geef vrijwilligers een duidelijke rol en een bedankmoment. Maak "
                "afspraken met je afvalintercommunale over het afleiden van bruikbare "
                "spullen."
            ),
        ),
    ),
    (
        "hoeilaart",
        PracticeText(
            key="hoeilaart-samenaankoop",
            title="Samenaankoop van zonnepanelen en warmtepompen in de Druivenstreek",
            summary=(
                "Met drie buurgemeenten organiseerden we een samenaankoop van zonnepanelen, "
                "thuisbatterijen en warmtepompen, met een vaste prijs en een gekeurde "
                "installateur. Een energieloket begeleidde de inwoners van de offerte tot "
                "de keuring."
            ),
            themes=(PracticeTheme.ENERGY, PracticeTheme.BUILDINGS),
            lekp_werf=LekpWerf.RENOVATION,
            started_year=2021,
            finished_year=2023,
            street_address="Gemeenteplein 1",
            postcode="1560",
            place="Hoeilaart",
            contact_name="Marie Deschamps",
            contact_email="marie.deschamps@example.org",
            contact_phone="02 000 57 31",
            figures={
                "total_cost": Decimal("46000"),
                "own_share": Decimal("18000"),
                "subsidies": Decimal("28000"),
                "subsidy_sources": "LEKP (werf renovatie), provincie Vlaams-Brabant",
                "co2_avoided_tonnes": 520,
                "other_results": "610 installaties, waarvan 85 warmtepompen, in 4 gemeenten",
            },
            what_happened=(
                "De vier gemeenten schreven samen met het intergemeentelijk energieloket een "
                "raamovereenkomst uit voor installateurs, met vaste prijzen per pakket en "
                "strenge eisen voor de kwaliteit. Inwoners schreven in via een website of op "
                "infoavonden in de parochiezalen, waar een onafhankelijke energiedeskundige "
                "uitleg gaf. Elke inschrijver kreeg een plaatsbezoek en een offerte op maat, "
                "zonder verplichting om in te gaan. Het energieloket volgde klachten op en "
                "controleerde steekproefsgewijs de installaties."
            ),
            why=(
                "Veel inwoners wilden investeren in zonnepanelen of een warmtepomp, maar "
                "wisten niet welke installateur te vertrouwen en welke prijs correct was. Een "
                "samenaankoop geeft zekerheid over kwaliteit en prijs en drukt de kosten. "
                "Voor een kleine gemeente is zo'n aankoop alleen haalbaar samen met de buren."
            ),
            intended_result=(
                "500 installaties over de vier gemeenten, waarvan minstens 50 warmtepompen. "
                "Met 610 installaties is dat ruim gehaald, goed voor zo'n 520 ton CO2 minder "
                "per jaar. De samenwerking met de buurgemeenten loopt verder voor het "
                "onderzoek naar kleinschalige warmtenetten in de dorpskernen."
            ),
            challenges=(
                "De prijzen van panelen en batterijen schommelden sterk tijdens de looptijd, "
                "wat de vaste prijzen onder druk zette. Installateurs hadden lange "
                "wachtlijsten, vooral voor warmtepompen. En in oudere, slecht geïsoleerde "
                "woningen was een warmtepomp niet altijd een goed idee; daar verwezen we "
                "eerst naar renovatieadvies."
            ),
            success_factors=(
                "De onafhankelijke deskundige op de infoavonden, die ook durfde af te raden. "
                "Eén energieloket voor vier gemeenten, met één website en één telefoonnummer. "
                "En de kwaliteitscontrole, die het vertrouwen in de installateurs hoog hield."
            ),
            tips=(
                "Werk samen met je buurgemeenten: een grotere groep geeft betere prijzen. "
                "Voorzie een prijsherziening in de raamovereenkomst. Koppel een warmtepomp "
                "altijd aan een advies over isolatie en energie-efficiëntie van de woning."
            ),
        ),
    ),
    (
        "wichelen",
        PracticeText(
            key="wichelen-dorpskern",
            title="Ontharding van de dorpskern en het kerkplein",
            summary=(
                "Het kerkplein en de dorpskern van Wichelen waren volledig verhard. Bij de "
                "heraanleg haalden we 2 100 vierkante meter asfalt en klinkers weg, kwamen er "
                "bomen en een regenwatertuin, en bleef er toch plaats voor de markt."
            ),
            themes=(PracticeTheme.ADAPTATION, PracticeTheme.GREENERY),
            lekp_werf=LekpWerf.WATER,
            started_year=2024,
            finished_year=2025,
            street_address="Oudenaardsesteenweg 37",
            postcode="9260",
            place="Wichelen",
            contact_name="Joke Van der Linden",
            contact_email="joke.vanderlinden@example.org",
            contact_phone="053 00 60 44",
            figures={
                "total_cost": Decimal("1450000"),
                "own_share": Decimal("720000"),
                "subsidies": Decimal("730000"),
                "subsidy_sources": "LEKP (werf water), Vlaamse subsidie voor ontharding, "
                "Vlaamse Milieumaatschappij",
                "trees_planted": 38,
                "unsealed_m2": 2100,
                "water_buffered_m3": 460,
                "other_results": "22 parkeerplaatsen verplaatst naar de rand van de kern",
            },
            what_happened=(
                "Na een bevraging en twee wandelingen met bewoners en handelaars tekende een "
                "studiebureau drie scenario's, waaruit de gemeenteraad een gekozen ontwerp "
                "goedkeurde. De parkeerplaatsen rond de kerk verhuisden naar een parking met "
                "grasdallen aan de rand van het dorp. Waar vroeger asfalt lag, staan nu "
                "bomen, vaste planten en een regenwatertuin die het dakwater van de kerk "
                "opvangt. De markt staat op een kleiner, halfverhard plein met waterdoorlatende "
                "klinkers."
            ),
            why=(
                "Bij hevige regen liep het water van het plein naar de lager gelegen straten, "
                "en in de zomer was het kerkplein een hitte-eiland waar niemand bleef zitten. "
                "Ontharding laat regenwater in de bodem lopen en maakt de kern koeler. We "
                "wilden ook een dorpskern waar mensen elkaar ontmoeten, niet alleen parkeren."
            ),
            intended_result=(
                "2 000 vierkante meter ontharding en 450 kubieke meter buffering, een "
                "belangrijke stap naar onze LEKP-doelstelling voor de werf water. Geen "
                "wateroverlast meer in de straten onder het plein. En een dorpskern met "
                "terrassen en speelruimte."
            ),
            challenges=(
                "Het verdwijnen van parkeerplaatsen vlak bij de kerk en de winkels gaf veel "
                "discussie, vooral met de handelaars en de kerkgangers. De kerk is "
                "beschermd erfgoed, wat extra adviezen vroeg. En de werken moesten "
                "gefaseerd om de markt elke week te laten doorgaan."
            ),
            success_factors=(
                "De wandelingen met bewoners, waar de problemen van hitte en water ter "
                "plaatse zichtbaar werden. Een parking op wandelafstand, klaar vóór de "
                "parkeerplaatsen in de kern verdwenen. En een werfcommunicatie met een "
                "wekelijkse nieuwsbrief en een vast aanspreekpunt."
            ),
            tips=(
                "Zorg voor een alternatief voor parkeren voor je parkeerplaatsen weghaalt. "
                "Neem de tijd voor het erfgoedadvies, het bespaart discussies later. Laat "
                "zien dat ontharding en een markt of evenementen goed samengaan."
            ),
        ),
    ),
]

# --- Bruges: one practice still being written, one waiting for the editors ----------------------

BRUGES_DRAFT = PracticeText(
    key="brugge-geveltuinen",
    title="Geveltuinen en boomspiegels in de binnenstad",
    summary=(
        "In de historische binnenstad is weinig plaats voor groen. Met geveltuinen en grotere "
        "boomspiegels brengen we groen in straten waar geen plaats is voor een park."
    ),
    themes=(PracticeTheme.GREENERY, PracticeTheme.ADAPTATION),
    lekp_werf=LekpWerf.GREENING,
    started_year=2023,
    street_address="Burg 12",
    postcode="8000",
    place="Brugge",
    contact_name="Jonas Maes",
    contact_email="jonas.maes@example.org",
    contact_phone="050 00 44 37",
    figures={"hedges_metres": 650, "unsealed_m2": 240},
    what_happened=(
        "Sinds 2023 kunnen bewoners van de binnenstad een geveltuin aanvragen bij de "
        "Groendienst. Bij de heraanleg van straten vergroten we de boomspiegels tot minstens "
        "vier vierkante meter."
    ),
    why=(
        "De binnenstad warmt in de zomer sterk op en heeft veel verharding. Geveltuinen "
        "passen in het beschermde stadsgezicht als ze met de juiste planten worden aangelegd."
    ),
    intended_result="",
    challenges="",
    success_factors="",
    tips="",
)

BRUGES_SUBMITTED = PracticeText(
    key="brugge-sint-pieters",
    title="Renovatiebegeleiding per straat in Sint-Pieters",
    summary=(
        "In Sint-Pieters begeleiden we eigenaars straat per straat naar een grondige "
        "renovatie, met een renovatiecoach, collectieve offertes en een energiecoach voor "
        "huurders. De netbeheerder versterkte tegelijk het net voor warmtepompen."
    ),
    themes=(PracticeTheme.BUILDINGS, PracticeTheme.ENERGY),
    lekp_werf=LekpWerf.RENOVATION,
    started_year=2023,
    street_address="Burg 12",
    postcode="8000",
    place="Brugge",
    contact_name="Eline De Smet",
    contact_email="eline.desmet@example.org",
    contact_phone="050 00 44 58",
    figures={
        "total_cost": Decimal("420000"),
        "own_share": Decimal("176000"),
        "subsidies": Decimal("244000"),
        "subsidy_sources": "LEKP 2.0 (werf renovatie), Vlaams Energie- en Klimaatagentschap",
        "co2_avoided_tonnes": 140,
        "other_results": "118 woningen gerenoveerd, 46 warmtepompen",
    },
    what_happened=(
        "We kozen vijf straten met veel woningen uit de jaren zestig en zeventig, gebouwd "
        "zonder isolatie. Elke eigenaar kreeg een brief en een uitnodiging voor een "
        "straatmoment, waar een renovatiecoach uitleg gaf over dak, muren, ramen en "
        "verwarming. Wie instapte, kreeg een renovatieadvies en een collectieve offerte van "
        "een aannemer die meerdere woningen in dezelfde straat aanpakte. Fluvius versterkte "
        "tegelijk het net in de wijk, zodat warmtepompen en laadpalen konden aansluiten."
    ),
    why=(
        "Verwarming van woningen is een van de grootste bronnen van uitstoot in Brugge. Met "
        "de eerste Brug, Brugge verwarmt fossielvrij, willen we woningen van het aardgas "
        "halen, en dat vraagt eerst een goede isolatie. Straat per straat werken maakt "
        "renoveren eenvoudiger en goedkoper dan elk huis apart."
    ),
    intended_result=(
        "In drie jaar 150 woningen grondig gerenoveerd, met een beter EPC-label en minstens "
        "dakisolatie en nieuwe beglazing. Na twee jaar staan we op 118. Daarna breiden we de "
        "aanpak uit naar andere wijken."
    ),
    challenges=(
        "Eigenaars die twijfelen, wachten graag af wat de buren doen. Aannemers waren schaars "
        "en de prijzen stegen. De afstemming met de netversterking vroeg een gezamenlijke "
        "planning met de netbeheerder."
    ),
    success_factors=(
        "De straatmomenten, waar buren elkaar overtuigden. De collectieve offertes, die "
        "gemiddeld 15 procent goedkoper waren. En de samenwerking met Fluvius in de "
        "beleidsgroep van de klimaatalliantie."
    ),
    tips=(
        "Kies straten met gelijkaardige woningen: dan past één aanpak voor iedereen. Werk "
        "samen met de netbeheerder vanaf het begin. Vergeet de huurders niet: een energiecoach "
        "helpt ook hen vooruit."
    ),
)

# Who adopted which practice (demo municipalities other than the practice's own).
ADOPTIONS: list[tuple[str, list[str]]] = [
    ("brugge-klimaatalliantie", ["zwalm", "herent", "wichelen"]),
    ("mechelen-geveltuinen", ["herent", "lochristi", "pelt", "hoeilaart"]),
    ("gent-warmtenet", ["roeselare", "kortrijk"]),
    ("herent-energiecoach", ["hoeilaart", "kasterlee"]),
    ("gent-schoolstraten", ["leuven"]),
    ("kortrijk-meubilair", ["turnhout"]),
]
