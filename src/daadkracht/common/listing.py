"""Sorting lists: the part every list page shares."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest


@dataclass(frozen=True)
class SortOption:
    key: str
    label: Any
    ordering: tuple[str, ...]


def apply_sort(
    request: HttpRequest, queryset: QuerySet[Any], options: Sequence[SortOption]
) -> tuple[QuerySet[Any], str]:
    """Sort by `?sort=key` (or `-key` for descending); unknown keys fall back to the first.

    Empty values come last in both directions, as in a spreadsheet; SQLite and PostgreSQL
    would otherwise put them at opposite ends.
    """
    requested = request.GET.get("sort", "")
    descending = requested.startswith("-")
    key = requested.lstrip("-")
    chosen = next((o for o in options if o.key == key), options[0])
    ordering = []
    for field in chosen.ordering:
        field_descending = field.startswith("-") != descending
        expression = F(field.lstrip("-"))
        ordering.append(
            expression.desc(nulls_last=True)
            if field_descending
            else expression.asc(nulls_last=True)
        )
    return queryset.order_by(*ordering), ("-" if descending else "") + chosen.key
