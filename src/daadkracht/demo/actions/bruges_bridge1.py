"""Demo actions of Bridge B1: Brugge verwarmt fossielvrij."""

from daadkracht.demo.spec import DemoAction, Step

ACTIONS = [
    DemoAction(
        "B1.01",
        "Renovatiebegeleiding aan huis via het Energiehuis Brugge",
        lead="wonen",
        state=("on_track", 65),
        period=("2021-03", "2030-12"),
        budget=(2400, "lekp"),
        impact=(14000, 62000, 0),
        covenant=("residential", "envelope", "awareness"),
        sub="B1.A",
        involved=(("welzijn", "contributes"), ("communicatie", "contributes")),
        benefits=("energy_poverty", "cost_savings", "local_economy"),
        tags=("LEKP", "renovatie", "energiearmoede"),
        priority="high",
        description=(
            "Een renovatiecoach van het Energiehuis begeleidt eigenaars en huurders van de eerste"
            " vraag tot de oplevering: advies, offertes vergelijken, premies aanvragen. Doel: "
            "1.000 begeleide renovaties per jaar."
        ),
        tasks=(
            ("Tweede renovatiecoach aanwerven", "2024-03", False),
            ("500 begeleide renovaties", "2025-06", True),
            ("Digitaal renovatieloket lanceren", "2026-09", False),
            ("1.000 begeleide renovaties per jaar", "2027-12", True),
        ),
    ),
    DemoAction(
        "B1.02",
        "Collectieve renovatie van rijwoningen per straat in Sint-Pieters",
        lead="wonen",
        state=("delayed", 30),
        period=("2022-09", "2025-12"),
        budget=(1800, "lekp"),
        impact=(3500, 15000, 0),
        covenant=("residential", "integrated", "subsidies"),
        sub="B1.A",
        involved=(("welzijn", "contributes"), ("ruimte", "consulted")),
        benefits=("energy_poverty", "social_cohesion", "cost_savings"),
        tags=("LEKP", "renovatie", "wijkaanpak"),
        priority="high",
        board_decision=(
            "Een tweede aannemer aanstellen om de achterstand in te halen, met 250.000 euro"
            " extra budget?"
        ),
        description=(
            "Wijkaanpak: één aannemer renoveert dak, gevel en ramen van 120 rijwoningen in "
            "dezelfde straten, met een gebundelde premie en een renteloze lening."
        ),
        tasks=(
            ("Bewoners van de eerste straten engageren", "2023-06", False),
            ("Raamcontract met aannemer gunnen", "2024-06", True),
            ("Eerste 40 woningen gerenoveerd", "2025-06", True),
            ("Alle 120 woningen gerenoveerd", "2025-12", True),
        ),
        story=(
            Step(
                250,
                (
                    "De aannemer kan door personeelstekort maar één ploeg inzetten; de planning "
                    "loopt zes maanden achter."
                ),
                status="delayed",
            ),
            Step(
                130,
                (
                    "College keurde extra budget goed (250.000 euro) voor een tweede aannemer en "
                    "extra renovatiebegeleiding."
                ),
                decision=True,
            ),
            Step(
                40,
                "Tweede aannemer gestart in de Sint-Pieterskaai-buurt.",
                progress=30,
            ),
        ),
    ),
    DemoAction(
        "B1.03",
        "Warmtenet Brugge-Centrum: studie en concessie",
        lead="milieu",
        state=("on_track", 55),
        period=("2022-01", "2027-06"),
        budget=(850, "eu"),
        impact=(9000, 0, 0),
        covenant=("heat", "heat_network", "third_party"),
        sub="B1.B",
        involved=(("ruimte", "contributes"), ("domein", "contributes"), ("financien", "consulted")),
        benefits=("air_quality", "cost_savings"),
        tags=("warmtenet", "Fluvius", "Europees project"),
        priority="high",
        description=(
            "Een warmtenet voor de binnenstad, gevoed door restwarmte en grote warmtepompen. De "
            "stad bereidt een concessie voor aan een warmtebedrijf."
        ),
        story=(
            Step(
                75,
                (
                    "College keurde het concessiemodel goed: de stad blijft eigenaar van het "
                    "tracé, een warmtebedrijf bouwt en exploiteert."
                ),
                decision=True,
                progress=55,
            ),
        ),
    ),
    DemoAction(
        "B1.04",
        "Restwarmte uit de haven van Zeebrugge naar een warmtenet",
        lead="economie",
        state=("preparation", 20),
        period=("2024-01", "2029-12"),
        budget=(12000, "partners"),
        impact=(25000, 0, 0),
        covenant=("heat", "heat_network", "third_party"),
        sub="B1.B",
        involved=(("milieu", "contributes"), ("ruimte", "consulted")),
        benefits=("local_economy", "cost_savings"),
        tags=("haven", "warmtenet"),
        priority="high",
        description=(
            "Samen met de haven (PoAB) en de bedrijven in de achterhaven wordt onderzocht hoe "
            "restwarmte naar Zeebrugge, Lissewege en Dudzele kan."
        ),
    ),
    DemoAction(
        "B1.05",
        "Warmtezoneringsplan: welke wijk krijgt welke warmte",
        lead="ruimte",
        state=("completed", 100),
        period=("2021-06", "2023-06"),
        budget=(120, "lekp"),
        covenant=("heat", "heat_network", "land_use"),
        sub="B1.B",
        involved=(("milieu", "contributes"),),
        tags=("warmtenet",),
        description=(
            "Een kaart die per wijk aangeeft waar een warmtenet, een collectieve of een "
            "individuele warmtepomp de beste keuze is. Goedgekeurd door de gemeenteraad."
        ),
    ),
    DemoAction(
        "B1.06",
        "Masterplan energiezuinig patrimonium: alle stadsgebouwen naar EPC-label A",
        lead="gebouwen",
        state=("on_track", 45),
        period=("2021-01", "2030-12"),
        budget=(18000, "own"),
        impact=(3200, 14000, 0),
        covenant=("municipal", "integrated", "energy_management"),
        sub="B1.C",
        involved=(("financien", "consulted"), ("aankoop", "contributes")),
        benefits=("cost_savings",),
        tags=("voorbeeldfunctie",),
        priority="high",
        description=(
            "Elk stadsgebouw krijgt een renovatieroadmap; de grootste verbruikers eerst. "
            "Jaarlijks 2 miljoen euro in het meerjarenplan."
        ),
    ),
    DemoAction(
        "B1.07",
        "Stadhuis en Burg-gebouwen aardgasvrij met warmtepompen",
        lead="gebouwen",
        state=("delayed", 25),
        period=("2023-03", "2026-03"),
        budget=(2600, "flemish"),
        impact=(420, 1800, 0),
        covenant=("municipal", "renewable_heating", "energy_management"),
        sub="B1.C",
        involved=(("cultuur", "consulted"), ("ruimte", "consulted")),
        tags=("voorbeeldfunctie", "erfgoed"),
        description=(
            "Bodem-waterwarmtepompen voor het stadhuis, het Brugse Vrije en de Burg: een "
            "beschermd erfgoedensemble, dus elk ingreep vraagt advies van Onroerend Erfgoed."
        ),
        story=(
            Step(
                210,
                (
                    "Onroerend Erfgoed vraagt een bijkomende studie voor de boringen op de Burg; "
                    "de uitvoering schuift op."
                ),
                status="delayed",
            ),
            Step(
                60,
                "Bijkomende erfgoedstudie ingediend; antwoord verwacht in het voorjaar.",
            ),
        ),
    ),
    DemoAction(
        "B1.08",
        "Zwembaden op warmtepomp en restwarmte",
        lead="gebouwen",
        state=("completed", 100),
        period=("2021-09", "2024-12"),
        budget=(3100, "own"),
        impact=(900, 3900, 0),
        covenant=("municipal", "renewable_heating", "energy_management"),
        sub="B1.C",
        tags=("voorbeeldfunctie",),
        spent=3350,
        description="De stedelijke zwembaden verwarmen hun water zonder aardgas.",
    ),
    DemoAction(
        "B1.09",
        "Hogere renovatiepremie voor kwetsbare eigenaars",
        lead="welzijn",
        state=("on_track", 70),
        period=("2021-01", "2030-12"),
        budget=(3000, "own"),
        impact=(2500, 10000, 0),
        covenant=("residential", "envelope", "subsidies"),
        sub="B1.A",
        involved=(("wonen", "contributes"), ("financien", "consulted")),
        benefits=("energy_poverty", "health"),
        tags=("energiearmoede", "renovatie"),
        description=(
            "Eigenaars met een laag inkomen krijgen een verhoogde stedelijke premie bovenop Mijn "
            "VerbouwPremie, met prefinanciering via het OCMW."
        ),
    ),
    DemoAction(
        "B1.10",
        "Renteloze renovatielening via het Energiehuis",
        lead="financien",
        state=("on_track", 60),
        period=("2021-01", "2030-12"),
        budget=(8000, "flemish"),
        impact=(4000, 17000, 0),
        covenant=("residential", "envelope", "third_party"),
        sub="B1.A",
        involved=(("wonen", "contributes"),),
        benefits=("energy_poverty", "cost_savings"),
        tags=("renovatie",),
    ),
    DemoAction(
        "B1.11",
        "Stookolieketels uitfaseren in sociale woningen",
        lead="wonen",
        state=("preparation", 15),
        period=("2024-06", "2028-12"),
        budget=(2200, "partners"),
        impact=(2200, 4000, 0),
        covenant=("residential", "renewable_heating", "third_party"),
        sub="B1.A",
        involved=(("welzijn", "consulted"),),
        benefits=("energy_poverty", "air_quality"),
        tags=("energiearmoede",),
        stale=True,
        description="Met de sociale huisvestingsmaatschappij: 600 woningen van stookolie af.",
    ),
    DemoAction(
        "B1.12",
        "Energieboekhouding en slimme meters in alle stadsgebouwen",
        lead="gebouwen",
        state=("completed", 100),
        period=("2021-04", "2023-12"),
        budget=(250, "own"),
        impact=(600, 2500, 0),
        covenant=("municipal", "behaviour", "energy_management"),
        sub="B1.C",
        tags=("quick win", "voorbeeldfunctie"),
        spent=230,
    ),
    DemoAction(
        "B1.13",
        "Renovatie van de stedelijke basisscholen",
        lead="onderwijs",
        state=("on_track", 40),
        period=("2022-09", "2029-08"),
        budget=(9500, "flemish"),
        impact=(800, 3400, 0),
        covenant=("municipal", "integrated", "energy_management"),
        sub="B1.C",
        involved=(("gebouwen", "responsible"),),
        benefits=("health",),
        tags=("scholen",),
    ),
    DemoAction(
        "B1.14",
        "Warmtepompen in de woonzorgcentra",
        lead="welzijn",
        state=("postponed", 10),
        period=("2024-01", "2028-12"),
        budget=(4200, "own"),
        impact=(700, 2900, 0),
        covenant=("tertiary", "renewable_heating", "energy_management"),
        sub="B1.C",
        involved=(("gebouwen", "contributes"), ("financien", "consulted")),
        story=(
            Step(
                170,
                (
                    "College besliste het project uit te stellen tot de budgetwijziging van 2027;"
                    " eerst de daken isoleren."
                ),
                decision=True,
                status="postponed",
            ),
        ),
    ),
]
