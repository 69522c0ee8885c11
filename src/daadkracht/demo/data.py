"""The content of the demo: real names from Bruges' climate plan where public, the rest invented."""

from decimal import Decimal

from daadkracht.tenancy.roles import Role

BRUGES_PLAN = {
    "name": "Klimaatplan 2030 BruggeNaarMorgen",
    "start_year": 2021,
    "end_year": 2030,
    "baseline_year": 2011,
    "baseline_emissions": Decimal("640000"),
    "reduction_target": Decimal("50.0"),
    "target_year": 2030,
    "neutrality_year": 2050,
}

# (code, name, colour, description)
BRUGES_BRIDGES = [
    (
        "B1",
        "Brugge verwarmt fossielvrij",
        "#b5381f",
        "Gebouwen renoveren en verwarmen zonder aardgas of stookolie: warmtenetten, warmtepompen.",
    ),
    (
        "B2",
        "Brugge is een hernieuwbare elektriciteitsstad",
        "#b7791f",
        "Zon, wind en coöperatieve projecten: meer hernieuwbare stroom, lokaal opgewekt.",
    ),
    (
        "B3",
        "Bruggelingen verplaatsen zich slim, fossielvrij en gezond",
        "#1f6fb5",
        "Stappen, fietsen, deelmobiliteit en openbaar vervoer eerst; elektrisch waar nodig.",
    ),
    (
        "B4",
        "Brugge onderneemt klimaatvriendelijk en circulair",
        "#6b3fa0",
        "Ondernemers, haven en handel werken circulair en energiezuinig.",
    ),
    (
        "B5",
        "Bruggelingen eten gezond en lokaal",
        "#3f7f2a",
        "Korte keten, minder voedselverlies en meer plantaardig in scholen en keukens.",
    ),
    (
        "B6",
        "Brugge is klimaatrobuust",
        "#177e89",
        "Ontharden, vergroenen en water vasthouden tegen hitte, droogte en wateroverlast.",
    ),
    (
        "B7",
        "Brugge organiseert zich op een klimaatneutrale toekomst voor iedereen",
        "#4a5560",
        "Lokale organisatie: draagvlak, samenwerking tussen diensten en met stakeholders.",
    ),
]

# (code, name, description, parent Bridge)
BRUGES_SUB_THEMES = [
    ("B1.A", "Woningen renoveren", "Begeleiding, premies en wijkaanpak voor woningen.", "B1"),
    ("B1.B", "Warmtenetten en warmtepompen", "Collectieve warmte en aardgasvrije wijken.", "B1"),
    ("B1.C", "Stedelijk patrimonium", "De stad geeft het voorbeeld met haar eigen gebouwen.", "B1"),
    ("B3.A", "Fietsen en stappen", "Fietsstraten, fietssnelwegen, schoolstraten.", "B3"),
    ("B3.B", "Deelmobiliteit en laden", "Deelwagens, mobipunten en laadpalen.", "B3"),
    ("B6.A", "Ontharden en water", "Ontharden, infiltreren en water bufferen.", "B6"),
    ("B6.B", "Bomen en groen", "1 boom per inwoner, hagen, geveltuinen en stadsbos.", "B6"),
]

BRUGES_DEPARTMENTS = [
    ("Milieu en Duurzaamheid", "Trekt het klimaatplan en coördineert de klimaatacties."),
    ("Gebouwen en Facilitair Beheer", "Beheert en renoveert het stedelijk patrimonium."),
    ("Mobiliteit", "Fietsbeleid, parkeren, deelmobiliteit en verkeersveiligheid."),
    ("Ruimtelijke Planning", "Ruimtelijke uitvoeringsplannen en vergunningenbeleid."),
    ("Financiën", "Meerjarenplan, budgetopvolging en subsidiedossiers."),
    ("Communicatie", "Campagnes, website en participatie."),
    ("Welzijn en Sociale Zaken", "Energiearmoede, sociale huisvesting en zorg."),
    ("Economie", "Ondernemers, handel en de haven."),
    ("Groendienst", "Parken, bomen, ontharding en natuurbeheer."),
    ("Openbaar Domein", "Wegen, riolering, openbare verlichting."),
    ("Wonen", "Renovatiebegeleiding, premies en woningkwaliteit."),
    ("Aankoop", "Overheidsopdrachten en duurzame aankopen."),
    ("Onderwijs", "Stedelijke scholen en kinderopvang."),
    ("Personeel en Organisatie", "HR, vorming en interne organisatie."),
    ("Cultuur en Erfgoed", "Musea, evenementen en erfgoedzorg."),
]

# Short keys by which actions_data.py names the departments.
BRUGES_DEPARTMENT_KEYS = {
    "milieu": "Milieu en Duurzaamheid",
    "gebouwen": "Gebouwen en Facilitair Beheer",
    "mobiliteit": "Mobiliteit",
    "ruimte": "Ruimtelijke Planning",
    "financien": "Financiën",
    "communicatie": "Communicatie",
    "welzijn": "Welzijn en Sociale Zaken",
    "economie": "Economie",
    "groen": "Groendienst",
    "domein": "Openbaar Domein",
    "wonen": "Wonen",
    "aankoop": "Aankoop",
    "onderwijs": "Onderwijs",
    "personeel": "Personeel en Organisatie",
    "cultuur": "Cultuur en Erfgoed",
}

# (e-mail, name, role, department name or None); the first editor of a department is
# responsible for the actions it leads, the coordinator for those of departments without one.
BRUGES_PEOPLE = [
    ("coordinator@brugge.demo", "Lotte Vermeersch", Role.COORDINATOR, "Milieu en Duurzaamheid"),
    ("mobiliteit@brugge.demo", "Pieter Declercq", Role.EDITOR, "Mobiliteit"),
    ("gebouwen@brugge.demo", "Sofie Van den Broucke", Role.EDITOR, "Gebouwen en Facilitair Beheer"),
    ("groen@brugge.demo", "Jonas Maes", Role.EDITOR, "Groendienst"),
    ("financien@brugge.demo", "An Wyffels", Role.EDITOR, "Financiën"),
    ("wonen@brugge.demo", "Eline De Smet", Role.EDITOR, "Wonen"),
    ("economie@brugge.demo", "Wouter Vanhaecke", Role.EDITOR, "Economie"),
    ("openbaardomein@brugge.demo", "Bart Lambrecht", Role.EDITOR, "Openbaar Domein"),
    ("welzijn@brugge.demo", "Nathalie Coussement", Role.EDITOR, "Welzijn en Sociale Zaken"),
    ("schepen@brugge.demo", "Schepen Hilde Goethals", Role.VIEWER, None),
    ("coach@ecolife.demo", "Tina Baert", Role.COACH, None),
]

# --- Gemeente Damme (demo): a small plan along the LEKP building sites ---------------------------

SMALL_PLAN = {
    "name": "Klimaatplan Damme 2030",
    "start_year": 2021,
    "end_year": 2030,
    "baseline_year": 2011,
    "baseline_emissions": Decimal("96000"),
    "reduction_target": Decimal("40.0"),
    "target_year": 2030,
    "neutrality_year": 2050,
}

# (code, name, colour, description)
SMALL_THEMES = [
    ("D1", "Renovatie en energie", "#b5381f", "Woningen renoveren en hernieuwbare energie."),
    ("D2", "Mobiliteit", "#1f6fb5", "Fietsen tussen de kernen en deelmobiliteit."),
    ("D3", "Groen en water", "#177e89", "Bomen, hagen en water vasthouden in de polders."),
]

SMALL_DEPARTMENT_KEYS = {
    "omgeving": "Omgeving",
    "technisch": "Technische Dienst",
    "financien": "Financiën",
}

SMALL_DEPARTMENTS = [
    ("Omgeving", "Milieu, ruimtelijke ordening en klimaat."),
    ("Technische Dienst", "Gebouwen, wegen en groen."),
    ("Financiën", "Budget en subsidies."),
]

SMALL_PEOPLE = [
    ("coordinator@damme.demo", "Ruben Vandamme", Role.COORDINATOR, "Omgeving"),
    ("technisch@damme.demo", "Els Dewulf", Role.EDITOR, "Technische Dienst"),
    ("coach@ecolife.demo", "Tina Baert", Role.COACH, None),
]
