"""Texts of generated status updates and tasks, per Bridge (Dutch, as a coordinator writes)."""

# Short texts for routine updates, per Bridge; one is drawn per generated update.
ROUTINE_UPDATES = {
    "B1": [
        "Stand van zaken besproken op de klimaatwerkbank gebouwen.",
        "Nieuwe aanvragen verwerkt; de wachtlijst voor begeleiding is korter dan vorig kwartaal.",
        "Overleg met Fluvius over de netcapaciteit voor warmtepompen in de wijk.",
        "Technische studie ontvangen en besproken met de betrokken diensten.",
        "Infomoment voor bewoners gehouden; een dertigtal huishoudens schreef zich in.",
        "Energiehuis rapporteerde de cijfers van het kwartaal aan het klimaatteam gebouwen.",
    ],
    "B2": [
        "Screening van de daken afgerond; de volgende reeks gaat naar de aannemer.",
        "Netstudie bij Fluvius aangevraagd voor de aansluiting.",
        "Productiecijfers van het afgelopen kwartaal verwerkt in de energieboekhouding.",
        "Overleg met de haven (PoAB) over timing en vergunningen.",
        "Stand van zaken gedeeld met de beleidsgroep.",
    ],
    "B3": [
        "Verkeerstellingen verwerkt; het fietsgebruik stijgt op de nieuwe routes.",
        "Bewonersvergadering gehouden over de inrichting.",
        "Overleg met De Lijn en de provincie over de timing.",
        "Uitvoeringsplan afgestemd met Openbaar Domein en de politie.",
        "Nieuwe locaties geselecteerd samen met de deelgemeenten.",
        "Stand van zaken besproken op de klimaatwerkbank mobiliteit.",
    ],
    "B4": [
        "Ondernemers bevraagd op het ondernemersontbijt; veel interesse.",
        "Overleg met de haven (PoAB) en WVI over de volgende stap.",
        "Eerste resultaten gedeeld met de klankbordgroep.",
        "Bestek afgestemd met de dienst Aankoop.",
        "Stand van zaken besproken met IVBO.",
    ],
    "B5": [
        "Nieuwe producenten sloten aan bij het netwerk.",
        "Menu's geëvalueerd met de keukens; meer plantaardig zonder klachten.",
        "Voedselraad kwam samen en besprak de voortgang.",
        "Stand van zaken gedeeld met het Open Netwerk.",
    ],
    "B6": [
        "Plantseizoen voorbereid met de Groendienst.",
        "Ontwerp besproken met de school en de buurt.",
        "Werken aanbesteed; start gepland na het bouwverlof.",
        "Metingen van de infiltratie verwerkt.",
        "Stand van zaken besproken op de klimaatwerkbank klimaatrobuust.",
    ],
    "B7": [
        "Verslag van de bijeenkomst verspreid naar alle deelnemers.",
        "Agenda voor het volgende kwartaal opgemaakt met de schepenen.",
        "Nieuwe partners aangesproken voor het netwerk.",
        "Stand van zaken gerapporteerd aan het college.",
        "Evaluatie van de vorige bijeenkomst verwerkt.",
    ],
}

COMPLETION_TEXT = "Opgeleverd en geëvalueerd; de resultaten staan in het jaarrapport."
NOT_STARTED_TEXT = "Nog niet gestart; de opstart staat gepland zoals in het meerjarenplan."
LONG_DONE_TEXT = "Evaluatie opgenomen in het jaarrapport klimaat; geen verdere stappen nodig."

# Routine tasks per Bridge when an action has none of its own: a few are picked, in this order.
ROUTINE_TASKS = {
    "B1": [
        ("Projectfiche en budget afstemmen met Financiën", False),
        ("Technische studie en EPC-doorlichting", False),
        ("Bestek opmaken en gunnen", True),
        ("Uitvoering eerste fase", False),
        ("Bewoners informeren", False),
        ("Evaluatie en rapportering aan het college", True),
    ],
    "B2": [
        ("Haalbaarheidsstudie en netstudie Fluvius", False),
        ("Vergunningsaanvraag indienen", True),
        ("Opdracht gunnen", True),
        ("Installatie en indienststelling", False),
        ("Productie opvolgen in de energieboekhouding", False),
    ],
    "B3": [
        ("Ontwerp en participatie met de buurt", False),
        ("Collegebeslissing over het ontwerp", True),
        ("Aanbesteding", False),
        ("Uitvoering", False),
        ("Evaluatie met tellingen", True),
    ],
    "B4": [
        ("Partners en doelgroep in kaart brengen", False),
        ("Samenwerkingsovereenkomst afsluiten", True),
        ("Eerste reeks ondernemers begeleiden", False),
        ("Resultaten delen met de klankbordgroep", False),
    ],
    "B5": [
        ("Partners samenbrengen", False),
        ("Proefproject starten", True),
        ("Evaluatie en uitbreiding", False),
    ],
    "B6": [
        ("Ontwerp met de gebruikers", False),
        ("Omgevingsvergunning", True),
        ("Uitvoering in het plantseizoen", False),
        ("Nazorg en onderhoud regelen", False),
    ],
    "B7": [
        ("Bijeenkomst voorbereiden", False),
        ("Bijeenkomst houden", True),
        ("Verslag en werkafspraken delen", False),
        ("Evaluatie", False),
    ],
}
