"""Three action lists shaped like those cities publish, for the tests of the import.

None is our template. Each has its own headers (Dutch, German, English), no identifiers, themes
and departments a new plan does not have, organisations outside the municipality where the
responsible is asked, budgets and CO2 estimates as free text, and statuses that are missing or
worded as the city words them. The German one is what Excel writes in Western Europe: a CSV
with semicolons in Windows-1252.

Each list comes with what a reader of it knows: the rows, and per row the texts that must be
found again on the action once it is imported.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook


@dataclass(frozen=True)
class Row:
    """One action as the list gives it, and what an honest import makes of it."""

    title: str
    description: str = ""
    themes: tuple[str, ...] = ()
    lead: str = ""  # a department of the municipality
    involved: tuple[str, ...] = ()
    responsible: str = ""  # an organisation outside the municipality, kept as text
    deadline: date | None = None
    budget: Decimal | None = None  # the amount the cell holds, where it is one
    budget_text: str = ""  # the cell's text where it is no single amount
    co2: Decimal | None = None
    co2_text: str = ""
    status: str = ""  # as the list words it; empty: the list does not say


@dataclass(frozen=True)
class RealList:
    name: str
    filename: str
    content: bytes
    rows: list[Row]
    # How the list words a status → the plan's status (its default Dutch name) it means.
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def budget_total(self) -> Decimal:
        return sum((r.budget for r in self.rows if r.budget is not None), Decimal(0))

    @property
    def co2_total(self) -> Decimal:
        return sum((r.co2 for r in self.rows if r.co2 is not None), Decimal(0))


def _xlsx(title: str, headers: list[str], rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([title])
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ZEESTAD_ROWS = [
    Row(
        "Warmtenet Stationsbuurt",
        "Een warmtenet op restwarmte van de haven voor 600 woningen.",
        ("Energie",),
        "Dienst Omgeving",
        ("Financiën", "Communicatie"),
        "imec",
        deadline=date(2028, 12, 31),
        budget=Decimal(1250000),
        co2_text="A few 100 t",
        status="Lopend",
    ),
    Row(
        "Renovatiebegeleiding voor gezinnen",
        "Gratis energiescan en begeleiding bij renovatie via het Energiehuis.",
        ("Wonen en energie",),
        "Dienst Wonen",
        responsible="KU Leuven, EcoWerf",
        budget=Decimal(1200000),
        co2=Decimal(1150),
        status="",
    ),
    Row(
        "Fietsstraten rond de scholen",
        "",
        ("Mobiliteit",),
        "Dienst Mobiliteit",
        ("Dienst Omgeving",),
        deadline=date(2026, 12, 31),
        budget_text="/",
        co2=Decimal(85),
        status="Gepland",
    ),
    Row(
        "Klimaatambtenaar aanwerven",
        "Een voltijdse klimaatambtenaar coördineert het plan.",
        ("Organisatie",),
        "Dienst Omgeving",
        budget_text="15 VTE",
        status="Afgerond",
    ),
    Row(
        "Ontharding van schoolpleinen",
        "Samen met de scholen 4.000 m² ontharden.",
        ("Klimaatadaptatie",),
        "Groendienst",
        ("Dienst Mobiliteit",),
        deadline=date(2027, 6, 30),
        budget=Decimal(250000),
        status="",
    ),
]


def zeestad() -> RealList:
    """A Flemish city's list as an XLSX: a title above the headers, Dutch headers of its own."""
    headers = [
        "Actie",
        "Omschrijving",
        "Thema",
        "Trekker",
        "Betrokken diensten",
        "Verantwoordelijke",
        "Timing",
        "Kostprijs",
        "CO2-reductie",
        "Stand van zaken",
    ]
    cells: list[list[Any]] = []
    for number, row in enumerate(ZEESTAD_ROWS):
        budget: Any = row.budget_text or row.budget
        if number == 1:
            budget = "€ 1,2 mio"
        co2: Any = row.co2_text or row.co2
        if number == 1:
            co2 = "1.150 t CO2-eq/y"
        deadline: Any = row.deadline
        if row.deadline is not None and (row.deadline.month, row.deadline.day) == (12, 31):
            deadline = row.deadline.year  # "Timing: 2028", as many plans say it
        cells.append(
            [
                row.title,
                row.description or None,
                "; ".join(row.themes),
                row.lead,
                "; ".join(row.involved) or None,
                row.responsible or None,
                deadline,
                budget,
                co2,
                row.status or None,
            ]
        )
    return RealList(
        "Zeestad",
        "klimaatactieplan-zeestad.xlsx",
        _xlsx(
            "Klimaatactieplan Zeestad 2030 \u2013 actielijst (college 12/03/2025)", headers, cells
        ),
        ZEESTAD_ROWS,
        {"Lopend": "op schema", "Gepland": "niet gestart", "Afgerond": "afgerond"},
    )


MUSTERSTADT_ROWS = [
    Row(
        "Fahrradstraßen im Zentrum",
        "Sichere Routen für Schülerinnen und Schüler.",
        ("Verkehr",),
        "Amt für Mobilität",
        responsible="Stadtwerke Musterstadt",
        budget_text="15-20 Mio EUR",
        co2_text="Keine Angabe",
    ),
    Row(
        "Wärmenetz Süd",
        "Anschluss von 400 Wohnungen an Abwärme.",
        ("Energie und Wärme",),
        "Amt für Klimaschutz",
        budget=Decimal(2000000),
        co2=Decimal(1150),
    ),
    Row(
        "Photovoltaik auf Schulen",
        "Alle Grundschulen bis 2027.",
        ("Energie und Wärme",),
        "Gebäudemanagement",
        deadline=date(2027, 12, 31),
        budget=Decimal("1200000.50"),
        budget_text="",
        co2_text="Keine Angabe",
    ),
    Row(
        "Klimaanpassung im Quartier Nord",
        "Entsiegelung und Baumpflanzungen.",
        ("Klimafolgenanpassung",),
        "Grünflächenamt",
        responsible="Bürgerverein Nord e.V.",
        deadline=date(2029, 3, 31),
        budget_text="Keine Angabe",
    ),
]


def musterstadt() -> RealList:
    """A German city's list as Excel writes a CSV in Western Europe: semicolons, Windows-1252,
    a title and an empty row above German headers, no statuses at all."""
    budgets = ["15-20 Mio EUR", "2 Mio. €", "1.200.000,50", "Keine Angabe"]
    co2 = ["Keine Angabe", "1.150 t CO2-eq/y", "Keine Angabe", ""]
    deadlines = ["", "", "2027", "31.03.2029"]
    lines = [
        "Klimaschutzkonzept Musterstadt 2030 \u2013 Maßnahmenkatalog;;;;;;;",
        ";;;;;;;",
        "Maßnahme;Beschreibung;Handlungsfeld;Federführung;Ansprechpartner;Kosten;"
        "CO2-Einsparung (t/a);Ende",
    ]
    for number, row in enumerate(MUSTERSTADT_ROWS):
        lines.append(
            ";".join(
                [
                    row.title,
                    row.description,
                    "; ".join(row.themes),
                    row.lead,
                    row.responsible,
                    budgets[number],
                    co2[number],
                    deadlines[number],
                ]
            )
        )
    return RealList(
        "Musterstadt",
        "massnahmenkatalog.csv",
        ("\r\n".join(lines) + "\r\n").encode("cp1252"),
        MUSTERSTADT_ROWS,
    )


RIVERTON_ROWS = [
    Row(
        "LED street lighting upgrade",
        "Replace 3,200 sodium lanterns with LED.",
        ("Energy",),
        "Council Estates",
        budget=Decimal(850000),
        co2=Decimal(420),
        status="Complete",
    ),
    Row(
        "Community energy fund",
        "",
        ("Energy",),
        "Sustainability Team",
        responsible="Local Energy Agency",
        budget_text="TBC",
        co2_text="tbc",
        status="Ongoing",
    ),
    Row(
        "Tree planting programme",
        "10,000 trees by 2030 with schools and residents.",
        ("Nature and adaptation",),
        "Parks Department",
        ("Sustainability Team",),
        deadline=date(2030, 12, 31),
        budget=Decimal(60000),
        co2=Decimal("12.5"),
        status="",
    ),
    Row(
        "Staff travel plan",
        "Pool e-bikes and a car-sharing scheme for council staff.",
        ("Transport",),
        "HR",
        deadline=date(2026, 3, 31),
        status="Not started",
    ),
]


def riverton() -> RealList:
    """An English council's list as an XLSX with English headers and a status column partly
    empty."""
    headers = [
        "Action",
        "Description",
        "Theme",
        "Lead",
        "Involved",
        "Responsible",
        "End date",
        "Estimated cost (£/€)",
        "Emission reduction (tCO2e/yr)",
        "Status",
    ]
    cells = [
        [
            row.title,
            row.description or None,
            "; ".join(row.themes),
            row.lead,
            "; ".join(row.involved) or None,
            row.responsible or None,
            row.deadline,
            row.budget_text or row.budget,
            row.co2_text or row.co2,
            row.status or None,
        ]
        for row in RIVERTON_ROWS
    ]
    return RealList(
        "Riverton",
        "climate-action-plan.xlsx",
        _xlsx("Riverton Climate Action Plan \u2013 Action tracker", headers, cells),
        RIVERTON_ROWS,
        {"Complete": "afgerond", "Ongoing": "op schema", "Not started": "niet gestart"},
    )


def all_lists() -> list[RealList]:
    return [zeestad(), musterstadt(), riverton()]
