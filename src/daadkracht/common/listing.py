"""Sorting and paging lists: the part every list page shares."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest

from daadkracht.common.query import requested_page, requested_sort


@dataclass(frozen=True)
class SortOption:
    key: str
    label: Any
    ordering: tuple[str, ...]


def apply_sort(
    request: HttpRequest,
    queryset: QuerySet[Any],
    options: Sequence[SortOption],
    *,
    default: str = "",
) -> tuple[QuerySet[Any], str]:
    """Sort by `?sort=key` (or `-key` for descending); without one, or with an unknown one, by
    `default` (which may descend), else by the first option.

    Empty values come last in both directions, as in a spreadsheet; SQLite and PostgreSQL
    would otherwise put them at opposite ends.
    """
    requested = requested_sort(request.GET, [o.key for o in options], default)
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


def page_of[T](request: HttpRequest, items: QuerySet[Any, T] | Sequence[T], size: int) -> Page[T]:
    """The page of `items` asked for with `?page=`: the first without a valid number, the last
    for a number beyond it."""
    return Paginator(items, size).get_page(requested_page(request.GET))
