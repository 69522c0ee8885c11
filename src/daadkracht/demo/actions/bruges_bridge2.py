"""Demo actions of Bridge B2: Brugge is een hernieuwbare elektriciteitsstad."""

from daadkracht.demo.spec import DemoAction, Step

ACTIONS = [
    DemoAction(
        "B2.01",
        "Zonnepanelen op alle geschikte stadsgebouwen",
        lead="gebouwen",
        state=("on_track", 60),
        period=("2021-09", "2027-12"),
        budget=(3800, "lekp"),
        impact=(1400, 0, 3600),
        covenant=("electricity", "photovoltaics", "energy_management"),
        involved=(("aankoop", "contributes"),),
        benefits=("cost_savings",),
        tags=("LEKP", "zonnepanelen", "voorbeeldfunctie"),
        priority="high",
        description="4 MWp op daken van stadsgebouwen, na screening met de zonnekaart.",
        tasks=(
            ("Screening van 140 daken", "2022-06", False),
            ("Raamcontract installateur gunnen", "2023-03", True),
            ("2 MWp geïnstalleerd", "2025-06", True),
            ("4 MWp geïnstalleerd", "2027-12", True),
        ),
    ),
    DemoAction(
        "B2.02",
        "Windturbines in de achterhaven van Zeebrugge",
        lead="economie",
        state=("on_track", 50),
        period=("2021-06", "2028-12"),
        budget=(45000, "partners"),
        impact=(38000, 0, 140000),
        covenant=("electricity", "wind", "third_party"),
        involved=(("ruimte", "consulted"), ("milieu", "contributes")),
        benefits=("local_economy",),
        tags=("haven", "wind", "participatie"),
        priority="high",
        description=(
            "Twaalf grote windturbines op havengrond, met een burgercoöperatieve deelname van "
            "20%. De haven (PoAB) en ontwikkelaars investeren."
        ),
        story=(
            Step(
                95,
                (
                    "Omgevingsvergunning verleend voor de eerste vier turbines; college gaf "
                    "gunstig advies na het openbaar onderzoek."
                ),
                decision=True,
                progress=50,
            ),
        ),
    ),
    DemoAction(
        "B2.03",
        "Burgercoöperatief zonnepark op een voormalige stortplaats",
        lead="milieu",
        state=("preparation", 20),
        period=("2024-03", "2028-06"),
        budget=(5500, "partners"),
        impact=(1800, 0, 4500),
        covenant=("electricity", "photovoltaics", "third_party"),
        involved=(("ruimte", "contributes"), ("communicatie", "contributes")),
        benefits=("social_cohesion", "local_economy"),
        tags=("LEKP", "participatie", "zonnepanelen"),
        description=(
            "LEKP vraagt 1 participatief project per 500 inwoners: dit zonnepark laat "
            "Bruggelingen mee-investeren via een energiecoöperatie."
        ),
    ),
    DemoAction(
        "B2.04",
        "Zonnepanelen op scholen via derdepartijfinanciering",
        lead="onderwijs",
        state=("completed", 100),
        period=("2021-09", "2025-06"),
        budget=(600, "partners"),
        impact=(450, 0, 1100),
        covenant=("electricity", "photovoltaics", "third_party"),
        tags=("scholen", "zonnepanelen"),
    ),
    DemoAction(
        "B2.05",
        "Groepsaankoop zonnepanelen en thuisbatterijen",
        lead="milieu",
        state=("on_track", 75),
        period=("2021-03", "2030-12"),
        budget=(150, "own"),
        impact=(2600, 0, 6500),
        covenant=("residential", "photovoltaics", "awareness"),
        involved=(("communicatie", "contributes"),),
        benefits=("cost_savings",),
        tags=("zonnepanelen", "quick win"),
    ),
    DemoAction(
        "B2.06",
        "Zonnepanelen op de parkeergebouwen",
        lead="mobiliteit",
        state=("delayed", 35),
        period=("2023-01", "2026-06"),
        budget=(1200, "own"),
        impact=(350, 0, 900),
        covenant=("electricity", "photovoltaics", "energy_management"),
        involved=(("gebouwen", "contributes"),),
        tags=("zonnepanelen", "Fluvius"),
        board_decision=(
            "Het tweede parkeergebouw laten vallen, of wachten op de versterking door Fluvius?"
        ),
        story=(
            Step(
                190,
                (
                    "Fluvius meldt dat de netaansluiting pas na de versterking van de cabine kan;"
                    " de installatie op het tweede parkeergebouw wacht."
                ),
                status="delayed",
                deadline_from="2025-12",
            ),
        ),
    ),
    DemoAction(
        "B2.07",
        "Openbare verlichting naar LED met dimprofiel",
        lead="domein",
        state=("on_track", 70),
        period=("2021-01", "2028-12"),
        budget=(6500, "own"),
        impact=(1900, 5200, 0),
        covenant=("public_lighting", "lighting", "energy_management"),
        involved=(("milieu", "consulted"),),
        benefits=("biodiversity", "cost_savings"),
        tags=("Fluvius", "quick win"),
        description="Met Fluvius: 22.000 lichtpunten naar LED, 's nachts gedimd.",
    ),
    DemoAction(
        "B2.08",
        "Groene stroom voor alle stadsdiensten",
        lead="aankoop",
        state=("completed", 100),
        period=("2021-01", "2022-01"),
        budget=(0, "own"),
        impact=(3800, 0, 0),
        covenant=("municipal", "other", "procurement"),
        tags=("quick win", "voorbeeldfunctie"),
    ),
    DemoAction(
        "B2.09",
        "Energiegemeenschap tussen stadsgebouwen en buren",
        lead="milieu",
        state=("not_started", 0),
        period=("2027-01", "2029-12"),
        budget=(300, "eu"),
        impact=(150, 0, 400),
        covenant=("electricity", "photovoltaics", "other"),
        involved=(("gebouwen", "contributes"),),
        benefits=("energy_poverty", "social_cohesion"),
        tags=("participatie",),
        stale=True,
        description="Proefproject energiedelen rond een school en een woonzorgcentrum.",
    ),
    DemoAction(
        "B2.10",
        "Zonnedakenplan voor bedrijventerreinen en de haven",
        lead="economie",
        state=("on_track", 40),
        period=("2022-06", "2030-06"),
        budget=(400, "lekp"),
        impact=(9000, 0, 22000),
        covenant=("tertiary", "photovoltaics", "awareness"),
        involved=(("milieu", "contributes"),),
        benefits=("local_economy",),
        tags=("haven", "zonnepanelen"),
    ),
    DemoAction(
        "B2.11",
        "Kleine windturbines op bedrijventerrein Blauwe Toren",
        lead="economie",
        state=("cancelled", 5),
        period=("2022-01", "2025-12"),
        budget=(900, "partners"),
        impact=(600, 0, 1500),
        covenant=("electricity", "wind", "third_party"),
        tags=("wind",),
        spent=40,
        story=(
            Step(
                280,
                (
                    "College besliste het project stop te zetten: te weinig opbrengst voor de "
                    "kostprijs; de middelen gaan naar het zonnedakenplan (B2.10)."
                ),
                decision=True,
                status="cancelled",
            ),
        ),
    ),
]
