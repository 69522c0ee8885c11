"""The coverage view: for each main theme of the plan and each type of organisation, how many
organisations are engaged and at which highest level — and where nobody is.

An engagement on a sub-theme counts for its main theme; one on an action counts for the main
themes of that action. Only an actual level counts as engaged: an organisation the municipality
means to engage but has not reached yet is counted apart, as planned.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from daadkracht.engagement.models import Engagement, Level
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Organisation, OrganisationKind, OrganisationTheme


@dataclass
class Cell:
    engaged: set[int] = field(default_factory=set)
    planned: set[int] = field(default_factory=set)
    highest: int | None = None

    @property
    def level(self) -> Level | None:
        return Level(self.highest) if self.highest is not None else None

    @property
    def is_gap(self) -> bool:
        return not self.engaged

    @property
    def planned_only(self) -> int:
        return len(self.planned - self.engaged)


@dataclass
class Row:
    theme: Theme
    cells: list[Cell]

    @property
    def engaged(self) -> int:
        return len(set().union(*(cell.engaged for cell in self.cells)))

    @property
    def is_gap(self) -> bool:
        return all(cell.is_gap for cell in self.cells)


@dataclass
class Coverage:
    kinds: list[tuple[str, Any]]
    rows: list[Row]
    # Per theme nobody is engaged on: the organisations that follow it, to start with.
    interested: dict[int, list[Organisation]] = field(default_factory=dict)

    @property
    def gap_themes(self) -> list[Theme]:
        return [row.theme for row in self.rows if row.is_gap]

    @property
    def gaps(self) -> list[tuple[Theme, list[Organisation]]]:
        """The themes nobody is engaged on, each with the organisations that follow it."""
        return [(theme, self.interested.get(theme.pk, [])) for theme in self.gap_themes]

    @property
    def empty_cells(self) -> int:
        return sum(cell.is_gap for row in self.rows for cell in row.cells)


def _main_theme(theme_id: int | None, parent_id: int | None, mains: Mapping[int, Theme]) -> int:
    if parent_id is not None and parent_id in mains:
        return parent_id
    return theme_id if theme_id is not None else -1


def _records() -> Iterable[dict[str, Any]]:
    fields = ("organisation_id", "organisation__kind", "actual", "intended")
    yield from Engagement.objects.filter(theme__isnull=False).values(
        *fields, "theme_id", "theme__parent_id"
    )
    for row in Engagement.objects.filter(action__isnull=False).values(
        *fields,
        "action__theme_links__theme_id",
        "action__theme_links__theme__parent_id",
    ):
        yield {
            **row,
            "theme_id": row["action__theme_links__theme_id"],
            "theme__parent_id": row["action__theme_links__theme__parent_id"],
        }


def coverage(kind: str = "") -> Coverage:
    """The matrix of main themes (rows) and organisation types (columns); `kind` keeps one
    type's column."""
    kinds = [(value, label) for value, label in OrganisationKind.choices if kind in ("", value)]
    mains = {
        theme.pk: theme
        for theme in Theme.objects.filter(parent__isnull=True).order_by("position", "code", "name")
    }
    cells: dict[tuple[int, str], Cell] = defaultdict(Cell)
    for record in _records():
        main = _main_theme(record["theme_id"], record["theme__parent_id"], mains)
        if main not in mains:
            continue
        cell = cells[(main, record["organisation__kind"])]
        if record["actual"] is not None:
            cell.engaged.add(record["organisation_id"])
            cell.highest = max(cell.highest or 0, record["actual"])
        cell.planned.add(record["organisation_id"])
    rows = [
        Row(theme=theme, cells=[cells[(pk, value)] for value, _label in kinds])
        for pk, theme in mains.items()
    ]
    gaps = [row.theme.pk for row in rows if row.is_gap]
    interested: dict[int, list[Organisation]] = defaultdict(list)
    for link in (
        OrganisationTheme.objects.filter(theme__in=gaps)
        .select_related("organisation")
        .order_by("organisation__name")
    ):
        interested[link.theme_id].append(link.organisation)
    return Coverage(kinds=kinds, rows=rows, interested=dict(interested))
