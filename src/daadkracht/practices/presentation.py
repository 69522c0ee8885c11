"""How a practice is shown: its sections in order and its key figures, formatted to read."""

from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from daadkracht.practices.models import Practice
from daadkracht.practices.selectors import practice_files
from daadkracht.practices.services.rules import SECTIONS


def _euro(value: Decimal) -> str:
    digits = 0 if value == value.to_integral_value() else 2
    return f"€ {number_format(value, digits, force_grouping=True)}"


def _count(value: int, unit: str = "") -> str:
    text = number_format(value, 0, force_grouping=True)
    return f"{text} {unit}".strip()


def key_figures(practice: Practice) -> list[tuple[str, str]]:
    """The figures the practice gives, as (label, text); those it leaves empty are left out."""
    rows: list[tuple[str, str]] = []
    money = [
        (_("Total cost"), practice.total_cost),
        (_("Own share"), practice.own_share),
        (_("Subsidies"), practice.subsidies),
    ]
    rows += [(label, _euro(value)) for label, value in money if value is not None]
    counts = [
        (_("Trees planted"), practice.trees_planted, ""),
        (_("Hedges planted"), practice.hedges_metres, "m"),
        (_("Surface unsealed"), practice.unsealed_m2, "m²"),
        (_("Water buffered or infiltrated"), practice.water_buffered_m3, "m³"),
        (_("CO2 avoided"), practice.co2_avoided_tonnes, _("tonnes a year")),
    ]
    rows += [(label, _count(value, unit)) for label, value, unit in counts if value is not None]
    return rows


def practice_context(practice: Practice) -> dict[str, Any]:
    """What the practice's page shows of it, the same on the public, own and review pages."""
    photos, documents = practice_files(practice)
    return {
        "themes": list(practice.theme_tags.all()),
        "photos": photos,
        "documents": documents,
        "practice_sections": [
            (name, Practice._meta.get_field(name).verbose_name, getattr(practice, name))  # type: ignore[union-attr]
            for name in SECTIONS
        ],
        "key_figures": key_figures(practice),
    }
