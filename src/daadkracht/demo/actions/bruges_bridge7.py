"""Demo actions of Bridge B7: Brugge organiseert zich op een klimaatneutrale toekomst."""

from daadkracht.demo.spec import DemoAction, Step

ACTIONS = [
    DemoAction(
        "B7.01",
        "Beleidsgroep van de klimaatalliantie BruggeNaarMorgen",
        lead="milieu",
        state=("on_track", 70),
        period=("2021-01", "2030-12"),
        budget=(40, "own"),
        involved=(("communicatie", "contributes"),),
        tags=("klimaatalliantie",),
        description=(
            "Verantwoordelijke schepenen, IVBO, WVI, de haven (PoAB), Fluvius en een "
            "vertegenwoordiger van de klankbordgroep komen twee keer per jaar samen."
        ),
    ),
    DemoAction(
        "B7.02",
        "Klankbordgroep met middenveld, armoedeorganisaties en ondernemers",
        lead="milieu",
        state=("on_track", 60),
        period=("2021-06", "2030-12"),
        budget=(60, "own"),
        involved=(("welzijn", "contributes"), ("economie", "contributes")),
        benefits=("social_cohesion",),
        tags=("klimaatalliantie", "participatie"),
    ),
    DemoAction(
        "B7.03",
        "Thematische klimaatwerkbanken: gebouwen en mobiliteit eerst",
        lead="milieu",
        state=("on_track", 50),
        period=("2022-01", "2030-12"),
        budget=(80, "own"),
        involved=(("gebouwen", "contributes"), ("mobiliteit", "contributes")),
        tags=("klimaatalliantie", "klimaatwerkbank"),
    ),
    DemoAction(
        "B7.04",
        "Open Netwerk: stadsmakers actiever betrekken",
        lead="communicatie",
        state=("delayed", 30),
        period=("2023-01", "2024-12"),
        budget=(120, "own"),
        involved=(("milieu", "responsible"),),
        benefits=("social_cohesion",),
        tags=("klimaatalliantie", "Open Netwerk", "participatie"),
        description=(
            "In 2023 wilden we andere lokale stadsmakers actiever betrekken bij de uitbouw van "
            "het netwerk. Een tijds- en arbeidsintensief proces dat maatwerk vraagt."
        ),
        story=(
            Step(
                240,
                (
                    "Communicatie is een job apart: zonder extra tijd lukt het niet om het "
                    "netwerk gericht te laten groeien."
                ),
                status="delayed",
            ),
            Step(
                30,
                "Eerste stadsmakersavond gehouden met 45 deelnemers.",
            ),
        ),
    ),
    DemoAction(
        "B7.05",
        "Doorstartdag en klimaatteams met alle stadsdiensten",
        lead="personeel",
        state=("on_track", 40),
        period=("2025-01", "2027-06"),
        budget=(30, "own"),
        involved=(("milieu", "responsible"),),
        tags=("samenwerking",),
        description=(
            "Met begeleiding van Ecolife: een doorstartdag met één vertegenwoordiger per dienst, "
            "daarna klimaatteams voor gebouwen en mobiliteit."
        ),
    ),
    DemoAction(
        "B7.06",
        "Lunchgesprekken en werkafspraken met elke dienst",
        lead="milieu",
        state=("on_track", 35),
        period=("2025-03", "2026-12"),
        budget=(10, "own"),
        involved=(("personeel", "contributes"),),
        tags=("samenwerking",),
    ),
    DemoAction(
        "B7.07",
        "Klimaattoets voor collegebeslissingen",
        lead="milieu",
        state=("preparation", 20),
        period=("2025-01", "2026-06"),
        budget=(20, "own"),
        involved=(("financien", "consulted"),),
        tags=("samenwerking",),
        stale=True,
    ),
    DemoAction(
        "B7.08",
        "Klimaatbudget zichtbaar in het meerjarenplan",
        lead="financien",
        state=("completed", 100),
        period=("2021-01", "2022-06"),
        budget=(0, "own"),
        tags=("samenwerking",),
    ),
    DemoAction(
        "B7.09",
        "Rapportering Burgemeestersconvenant en CO2-inventaris",
        lead="milieu",
        state=("on_track", 75),
        period=("2021-01", "2030-12"),
        budget=(25, "own"),
        tags=("Burgemeestersconvenant",),
    ),
    DemoAction(
        "B7.10",
        "Campagne BruggeNaarMorgen en klimaatwijken",
        lead="communicatie",
        state=("on_track", 50),
        period=("2022-01", "2030-12"),
        budget=(350, "lekp"),
        impact=(2000, 0, 0),
        covenant=("residential", "behaviour", "awareness"),
        involved=(("milieu", "contributes"),),
        benefits=("social_cohesion",),
        tags=("participatie",),
    ),
]
