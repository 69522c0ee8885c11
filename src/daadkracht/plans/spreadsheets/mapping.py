"""Matching the columns of any spreadsheet to the fields of an action.

A real action list is not our template: its header row may sit below a title, its headers are
Dutch, French, English or German and worded as its authors liked. The obvious columns are matched
here; the user confirms or corrects the match on the mapping page, and may keep it for the next
file with the same headers.
"""

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import formats

from daadkracht.common.sheets import RawCell, Sheet
from daadkracht.plans.spreadsheets.columns import COLUMNS, COLUMNS_BY_KEY, Column, header_lookup

HEADER_ROWS_SEARCHED = 15
SAMPLES = 3

# How real lists name the fields, beside the template's headers and the labels in every
# interface language (which `header_lookup` knows already). Compared without accents, case,
# punctuation or units.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "identifier": (
        "nr",
        "nummer",
        "id",
        "code",
        "actienummer",
        "maatregelnummer",
        "referentie",
        "numero",
        "n",
        "no",
        "ref",
        "reference",
        "number",
        "nummer der massnahme",
        "kennung",
        "massnahmennummer",
        "lfd nr",
    ),
    "title": (
        "titel",
        "naam",
        "actie",
        "maatregel",
        "actietitel",
        "naam van de actie",
        "title",
        "action",
        "measure",
        "name",
        "titre",
        "mesure",
        "intitule",
        "massnahme",
        "bezeichnung",
        "titel der massnahme",
        "massnahmentitel",
    ),
    "description": (
        "beschrijving",
        "omschrijving",
        "toelichting",
        "inhoud",
        "description",
        "details",
        "descriptif",
        "beschreibung",
        "erlauterung",
        "kurzbeschreibung",
        "inhalt",
    ),
    "themes": (
        "thema",
        "themas",
        "domein",
        "werf",
        "bridge",
        "brug",
        "beleidsdomein",
        "theme",
        "themes",
        "topic",
        "field of action",
        "domaine",
        "thematique",
        "handlungsfeld",
        "themenfeld",
        "sektor",
        "bereich",
    ),
    "lead_department": (
        "trekker",
        "dienst",
        "trekkende dienst",
        "verantwoordelijke dienst",
        "afdeling",
        "lead",
        "lead department",
        "department",
        "service",
        "service pilote",
        "pilote",
        "federfuhrung",
        "zustandigkeit",
        "zustandig",
        "verantwortlich",
        "amt",
        "fachbereich",
    ),
    "involvements": (
        "betrokken diensten",
        "betrokken",
        "partners intern",
        "involved departments",
        "involved",
        "services concernes",
        "beteiligte",
        "beteiligte amter",
    ),
    "responsible": (
        "verantwoordelijke",
        "contactpersoon",
        "contact",
        "responsible",
        "responsable",
        "ansprechpartner",
        "ansprechperson",
        "verantwortliche person",
    ),
    "status": (
        "status",
        "stand",
        "stand van zaken",
        "state",
        "etat",
        "statut",
        "umsetzungsstand",
        "stand der umsetzung",
    ),
    "progress": ("voortgang", "progress", "avancement", "fortschritt", "umsetzungsgrad"),
    "priority": ("prioriteit", "priority", "priorite", "prioritat"),
    "start_date": (
        "start",
        "startdatum",
        "begin",
        "begindatum",
        "start date",
        "debut",
        "date de debut",
        "beginn",
        "startjahr",
        "umsetzungsbeginn",
    ),
    "deadline": (
        "deadline",
        "einddatum",
        "eind",
        "einde",
        "end date",
        "end",
        "echeance",
        "fin",
        "date de fin",
        "ende",
        "enddatum",
        "abschluss",
        "timing",
        "termijn",
        "realisatietermijn",
        "uiterlijk",
        "timeframe",
        "target date",
        "due date",
        "completion date",
        "calendrier",
        "umsetzung bis",
        "zieljahr",
    ),
    "budget_planned": (
        "budget",
        "budget gepland",
        "kosten",
        "raming",
        "geraamde kost",
        "kostprijs",
        "cost",
        "costs",
        "estimated cost",
        "cout",
        "couts",
        "kostenschatzung",
        "gesamtkosten",
        "finanzbedarf",
    ),
    "co2_reduction": (
        "co2",
        "co2 reductie",
        "reductie",
        "co2 besparing",
        "emission reduction",
        "co2 reduction",
        "reduction co2",
        "co2 einsparung",
        "thg einsparung",
        "treibhausgaseinsparung",
        "einsparung",
    ),
    "tags": ("tags", "trefwoorden", "labels", "keywords", "mots cles", "schlagworter"),
    "partners": (
        "partner",
        "partners",
        "partner s",
        "externe partners",
        "externe partner",
        "partnerorganisaties",
        "samenwerkingspartners",
        "partenaires",
        "partenaire",
        "partenaires externes",
        "external partners",
        "partner organisations",
    ),
}

_UNITS = re.compile(r"\((?:[^()]*)\)|\[[^\[\]]*\]|€|%|eur\b|t/jaar|t/yr|t/a\b")
_PUNCTUATION = re.compile(r"[^\w\s]")


def simplified(text: str) -> str:
    """A header as compared: no accents, case, units in brackets, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold().replace("ß", "ss"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("₂", "2")
    plain = _UNITS.sub(" ", plain)
    plain = _PUNCTUATION.sub(" ", plain)
    return " ".join(plain.split())


def _known_headers() -> dict[str, str]:
    """Every simplified header we recognise → the field's key."""
    known: dict[str, str] = {}
    for text, column in header_lookup().items():
        known.setdefault(simplified(text), column.key)
    for key, names in SYNONYMS.items():
        for name in names:
            known.setdefault(simplified(name), key)
    return known


def match_header(header: str, known: dict[str, str] | None = None) -> str | None:
    """The field a header most likely stands for, or None."""
    known = known if known is not None else _known_headers()
    text = simplified(header)
    if not text:
        return None
    if text in known:
        return known[text]
    close = difflib.get_close_matches(text, list(known), n=1, cutoff=0.86)
    return known[close[0]] if close else None


def auto_mapping(headers: Sequence[str]) -> list[str | None]:
    """A field per column where one is obvious; each field is given to its first column only."""
    known = _known_headers()
    used: set[str] = set()
    keys: list[str | None] = []
    for header in headers:
        key = match_header(header, known)
        column = COLUMNS_BY_KEY.get(key) if key else None
        if key is None or key in used or column is None or not column.importable:
            keys.append(None)
            continue
        used.add(key)
        keys.append(key)
    return keys


@dataclass(frozen=True)
class HeaderRow:
    """A row that may hold the column names: its number in the file and its texts."""

    number: int
    headers: list[str]
    matched: int


def header_candidates(sheet: Sheet) -> list[HeaderRow]:
    """The first rows of the file, each with how many of its cells name a known field."""
    candidates = []
    rows = [(1, [RawCell(h) for h in sheet.headers]), *sheet.rows[: HEADER_ROWS_SEARCHED - 1]]
    for number, cells in rows:
        texts = [cell.text for cell in cells]
        if not any(texts):
            continue
        matched = sum(1 for key in auto_mapping(texts) if key is not None)
        candidates.append(HeaderRow(number, texts, matched))
    return candidates


def detect_header_row(sheet: Sheet) -> int:
    """The row that most likely holds the column names: the first with the most known names."""
    candidates = header_candidates(sheet)
    if not candidates:
        return 1
    best = max(candidates, key=lambda row: (row.matched, -row.number))
    return best.number if best.matched else candidates[0].number


def below_header(
    sheet: Sheet, header_row: int
) -> tuple[list[str], list[tuple[int, list[RawCell]]]]:
    """The column names in `header_row` and the rows below it."""
    if header_row == 1:
        return list(sheet.headers), list(sheet.rows)
    for index, (number, cells) in enumerate(sheet.rows):
        if number == header_row:
            return [cell.text for cell in cells], list(sheet.rows[index + 1 :])
    return list(sheet.headers), list(sheet.rows)


def sample_text(cell: RawCell) -> str:
    """A value as the columns page shows it: Excel's dates and numbers as people write them."""
    value = cell.value
    if isinstance(value, datetime):
        value = value.date() if value.time() == time(0) else value
    if isinstance(value, datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return cell.text[:80]


def samples(rows: Sequence[tuple[int, list[RawCell]]], index: int) -> list[str]:
    """The first few values a column holds, as text."""
    found = []
    for _number, cells in rows:
        if index < len(cells) and cells[index].text:
            found.append(sample_text(cells[index]))
            if len(found) == SAMPLES:
                break
    return found


def signature(headers: Sequence[str]) -> str:
    """The same for two files whose column names are the same, whatever their case or accents."""
    joined = "\x1f".join(simplified(h) for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


def is_template(headers: Sequence[str]) -> bool:
    """Whether every named column is one of the template's (or the export's) own headers."""
    lookup = header_lookup()
    named = [h for h in headers if h.strip()]
    return bool(named) and all(lookup.get(" ".join(h.casefold().split())) for h in named)


def importable_columns() -> list[Column]:
    return [column for column in COLUMNS if column.importable]
