"""The engagement list and the influence-interest grid."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from daadkracht.engagement.models import Engagement, Level, Weight, suggested_level


def engagement_list(
    *,
    theme: int | None = None,
    kind: str = "",
    organisation: int | None = None,
    behind: bool = False,
) -> QuerySet[Engagement]:
    """Engagements with their organisation, theme and action; `behind`: those whose actual level
    stays below the intended one (or that have none yet)."""
    queryset = Engagement.objects.select_related("organisation", "theme", "action")
    if theme is not None:
        queryset = queryset.filter(theme_id=theme) | queryset.filter(action__themes__id=theme)
    if kind:
        queryset = queryset.filter(organisation__kind=kind)
    if organisation is not None:
        queryset = queryset.filter(organisation_id=organisation)
    if behind:
        queryset = queryset.filter(actual__isnull=True) | queryset.filter(actual__lt=F("intended"))
    return queryset.distinct()


@dataclass(frozen=True)
class GridCell:
    interest: Weight
    influence: Weight
    suggested: Level
    count: int
    behind: int


def influence_interest_grid(queryset: QuerySet[Engagement]) -> list[list[GridCell]]:
    """Rows from high to low interest, columns from low to high influence; in each cell how many
    engagements sit there and the level the grid suggests for them."""
    rows = list(
        queryset.order_by()
        .values("interest", "influence")
        .annotate(
            total=Count("pk", distinct=True),
            behind=Count(
                "pk",
                distinct=True,
                filter=Q(actual__isnull=True) | Q(actual__lt=F("intended")),
            ),
        )
    )
    counts: dict[tuple[int, int], int] = {
        (row["interest"], row["influence"]): row["total"] for row in rows
    }
    behind: dict[tuple[int, int], int] = {
        (row["interest"], row["influence"]): row["behind"] for row in rows
    }
    return [
        [
            GridCell(
                interest=interest,
                influence=influence,
                suggested=suggested_level(interest=interest, influence=influence),
                count=counts.get((interest, influence), 0),
                behind=behind.get((interest, influence), 0),
            )
            for influence in Weight
        ]
        for interest in reversed(Weight)
    ]


def organisation_engagements(organisation: Any) -> list[Engagement]:
    return list(
        Engagement.objects.filter(organisation=organisation)
        .select_related("theme", "action")
        .order_by("theme__position", "theme__name", "action__identifier", "pk")
    )
