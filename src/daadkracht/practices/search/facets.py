"""The facets of the practice search: municipality size classes and the values of each facet."""

from dataclasses import dataclass

from django.db.models import Case, CharField, Q, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from daadkracht.practices.models import LekpWerf, PracticeTheme
from daadkracht.tenancy.models import Province


@dataclass(frozen=True)
class SizeClass:
    """Municipalities with at least `low` and fewer than `high` inhabitants."""

    key: str
    label: Promise
    low: int
    high: int | None


SIZE_CLASSES = (
    SizeClass("xs", _("fewer than 10,000 inhabitants"), 0, 10_000),
    SizeClass("s", _("10,000 to 25,000 inhabitants"), 10_000, 25_000),
    SizeClass("m", _("25,000 to 50,000 inhabitants"), 25_000, 50_000),
    SizeClass("l", _("50,000 to 100,000 inhabitants"), 50_000, 100_000),
    SizeClass("xl", _("100,000 inhabitants or more"), 100_000, None),
)
SIZE_KEYS = [size.key for size in SIZE_CLASSES]

POPULATION = "municipality__population"


def size_q(size: SizeClass) -> Q:
    """The practices of municipalities of this size."""
    q = Q(**{f"{POPULATION}__gte": size.low})
    if size.high is not None:
        q &= Q(**{f"{POPULATION}__lt": size.high})
    return q


def size_case() -> Case:
    """The size class's key of a practice's municipality, in SQL ("" without a population)."""
    return Case(
        *(When(size_q(size), then=Value(size.key)) for size in SIZE_CLASSES),
        default=Value(""),
        output_field=CharField(),
    )


# Each facet: its query parameter and its values with their labels.
def choices(facet: str) -> list[tuple[str, Promise | str]]:
    if facet == "theme":
        return list(PracticeTheme.choices)
    if facet == "werf":
        return list(LekpWerf.choices)
    if facet == "province":
        return list(Province.choices)
    if facet == "size":
        return [(size.key, size.label) for size in SIZE_CLASSES]
    return []


FACETS = ("theme", "werf", "province", "size", "year")


def size_of(population: int | None) -> SizeClass | None:
    """The size class of a municipality with this many inhabitants (None if unknown)."""
    if population is None:
        return None
    for size in SIZE_CLASSES:
        if population >= size.low and (size.high is None or population < size.high):
            return size
    return None
