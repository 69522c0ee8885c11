"""The texts of the demo's plan of approach (Dutch, as Bruges writes them)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import formats, translation

from daadkracht.meetings.catalogue import CLIMATE_TEAM, KICK_OFF_DAY, LUNCH_TALK, WORKSHOP
from daadkracht.trajectory.models import Party

INTRODUCTION = (
    "Met het klimaatplan 2030 wil Brugge de uitstoot met 55% verminderen. Vrijwel alle "
    "stadsdiensten dragen klimaatacties, maar de diagnose van de samenwerking toont dat veel "
    "diensten nog naast elkaar werken: acties worden laat afgestemd en de dienst Milieu en "
    "Duurzaamheid trekt bijna alles alleen.\n"
    "Dit plan van aanpak legt vast met welke methodieken we de samenwerking tussen de diensten "
    "versterken, waarom we voor die methodieken kiezen, wanneer ze plaatsvinden en wie wat "
    "opneemt. Het werd opgemaakt door de dienst Milieu en Duurzaamheid samen met de coach, na "
    "de diagnose en de workshops."
)

AIM = (
    "Eind volgend jaar bereiden de diensten hun klimaatacties samen voor, maken ze werkafspraken "
    "die ze ook opvolgen, en bespreken de klimaatteams gebouwen en mobiliteit elk kwartaal de "
    "voortgang in het dashboard, zodat het college op tijd kan bijsturen."
)


@dataclass(frozen=True)
class DemoMethod:
    key: str  # which finding of the diagnosis goes with it
    method: str
    title: str
    reason: str
    lead: str
    months_from_now: int  # negative: it started before today
    months: int = 1

    def period(self, today: date) -> str:
        with translation.override("nl"):
            return self._period(today)

    def _period(self, today: date) -> str:
        start = today + timedelta(days=30 * self.months_from_now)
        if self.months == 1:
            return formats.date_format(start, "F Y")
        end = start + timedelta(days=30 * (self.months - 1))
        return f"{formats.date_format(start, 'F Y')} tot {formats.date_format(end, 'F Y')}"


METHODS = [
    DemoMethod(
        key="kick-off",
        method=KICK_OFF_DAY,
        title="Doorstartdag klimaatplan",
        reason=(
            "De diagnose toont dat de diensten elkaar wel kennen, maar hun werk nog weinig op "
            "elkaar afstemmen. Op een plenaire doorstartdag werkt één vertegenwoordiger per dienst "
            "samen aan concrete acties uit de zeven Bruggen, zodat de diensten elkaar leren "
            "kennen en zien welke acties hen samen aangaan."
        ),
        lead=Party.MUNICIPALITY,
        months_from_now=-6,
    ),
    DemoMethod(
        key="lunch",
        method=LUNCH_TALK,
        title="Lunchgesprekken met de diensten",
        reason=(
            "Waar twee diensten hun samenwerking heel anders inschatten, helpt een gesprek onder "
            "vier ogen meer dan een grote vergadering. De klimaatcoördinator zoekt per dienst "
            "win-winsituaties en legt ze vast als werkafspraken."
        ),
        lead=Party.MUNICIPALITY,
        months_from_now=-4,
        months=5,
    ),
    DemoMethod(
        key="buildings",
        method=CLIMATE_TEAM,
        title="Klimaatteam gebouwen",
        reason=(
            "Het stedelijk patrimonium is een van de grootste bronnen van CO2-uitstoot van de "
            "stad. Een vast klimaatteam met de diensthoofden en experts van Gebouwen, Financiën "
            "en Aankoop maakt de renovatieplanning en de budgetten samen op."
        ),
        lead=Party.MUNICIPALITY,
        months_from_now=-7,
        months=12,
    ),
    DemoMethod(
        key="mobility",
        method=CLIMATE_TEAM,
        title="Klimaatteam mobiliteit",
        reason=(
            "Mobiliteit is de tweede grote bron van uitstoot en hangt af van Mobiliteit, "
            "Openbaar Domein en Ruimtelijke Planning. De diagnose toont dat net die diensten "
            "weinig afstemmen; een klimaatteam brengt ze per kwartaal rond de tafel."
        ),
        lead=Party.MUNICIPALITY,
        months_from_now=-7,
        months=12,
    ),
    DemoMethod(
        key="dashboard",
        method=WORKSHOP,
        title="Workshop dashboard klimaatacties",
        reason=(
            "De diensten gaven het dashboard voor klimaatacties in de diagnose een lage score: "
            "het wordt vooral door de klimaatcoördinator bijgehouden. In deze workshop leren de "
            "diensten hun acties zelf op te volgen, te prioriteren en bij te sturen."
        ),
        lead=Party.COACH,
        months_from_now=1,
    ),
]
