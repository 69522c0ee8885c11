"""Searching the published practices: matching words, facets with their counts, sorting, paging.

The database matches and ranks stems (see `backend`); the practices are then read through
`Practice.objects`, so that the reader's access rules decide what is returned, and only the
published ones are: a member's own drafts are never search results.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from daadkracht.practices.models import Practice, PracticeStatus, PracticeThemeTag
from daadkracht.practices.search import backend
from daadkracht.practices.search.facets import FACETS, SIZE_CLASSES, choices, size_case, size_q
from daadkracht.practices.search.snippets import Snippet, highlight, snippet
from daadkracht.practices.search.text import Term, query_terms

PAGE_SIZE = 20
SORTS = ("relevance", "recent")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: Promise | str
    count: int
    selected: bool


@dataclass(frozen=True)
class Result:
    practice: Practice
    title: SafeString
    snippet: Snippet
    url: str


@dataclass
class SearchPage:
    """One page of results, with what the page needs to show how it came about."""

    results: list[Result]
    total: int
    page: Page[Any]
    facets: dict[str, list[FacetValue]]
    terms: list[Term]
    sort: str
    # The search text had no word to search for (only punctuation or very common words).
    nothing_to_search: bool = False
    filtered: bool = False
    practices: list[Practice] = field(default_factory=list)


def practice_url(practice: Practice) -> str:
    """The public page of a practice, once that page exists ("" until then)."""
    try:
        # Positional: the page's route names its id as it likes.
        return reverse("practices:public_detail", args=[practice.pk])
    except NoReverseMatch:
        return ""


def published() -> QuerySet[Practice]:
    """The published practices the reader may read (which is all of them, for anyone)."""
    return Practice.objects.filter(status=PracticeStatus.PUBLISHED, revision_of__isnull=True)


def _filters(
    *,
    themes: list[str],
    werven: list[str],
    provinces: list[str],
    sizes: list[str],
    years: list[int],
) -> dict[str, Q]:
    """Per facet, the condition its chosen values set (any of them; none chosen, none)."""
    found: dict[str, Q] = {}
    if themes:
        tagged = PracticeThemeTag.objects.filter(theme__in=themes).values("practice_id")
        found["theme"] = Q(pk__in=tagged)
    if werven:
        found["werf"] = Q(lekp_werf__in=werven)
    if provinces:
        found["province"] = Q(municipality__province__in=provinces)
    chosen_sizes = [size for size in SIZE_CLASSES if size.key in sizes]
    if chosen_sizes:
        condition = Q()
        for size in chosen_sizes:
            condition |= size_q(size)
        found["size"] = condition
    if years:
        found["year"] = Q(started_year__in=years)
    return found


def _apply(
    queryset: QuerySet[Practice], filters: dict[str, Q], *, without: str = ""
) -> QuerySet[Practice]:
    for facet, condition in filters.items():
        if facet != without:
            queryset = queryset.filter(condition)
    return queryset


def _counts(facet: str, queryset: QuerySet[Practice]) -> dict[str, int]:
    """How many of `queryset` have each value of the facet."""
    if facet == "theme":
        rows = (
            PracticeThemeTag.objects.filter(practice__in=queryset.values("pk"))
            .values_list("theme")
            .annotate(n=Count("pk"))
            .order_by()
        )
    else:
        column = {
            "werf": "lekp_werf",
            "province": "municipality__province",
            "size": "size_class",
            "year": "started_year",
        }[facet]
        if facet == "size":
            queryset = queryset.annotate(size_class=size_case())
        rows = queryset.values_list(column).annotate(n=Count("pk")).order_by()
    return {str(value): n for value, n in rows if value not in (None, "")}


def _facet_values(facet: str, counts: dict[str, int], selected: list[str]) -> list[FacetValue]:
    if facet == "year":
        years = sorted({*counts, *selected}, key=int, reverse=True)
        options: list[tuple[str, Promise | str]] = [(year, year) for year in years]
    else:
        options = choices(facet)
    return [
        FacetValue(value, label, counts.get(value, 0), value in selected)
        for value, label in options
        if counts.get(value) or value in selected
    ]


def _ordered_ids(queryset: QuerySet[Practice], stems: list[Term], sort: str) -> list[int]:
    """The ids of the matching practices in the order asked for."""
    if sort == "relevance" and stems:
        scores = backend.scores(stems)
        ids = list(queryset.values_list("pk", flat=True))
        return sorted(ids, key=lambda pk: (-scores.get(pk, 0.0), -pk))
    return list(queryset.order_by("-published_at", "-pk").values_list("pk", flat=True))


def _read(ids: list[int]) -> list[Practice]:
    """The practices with these ids, in this order, with what a result shows."""
    rows = (
        published().filter(pk__in=ids).select_related("municipality").prefetch_related("theme_tags")
    )
    by_id = {practice.pk: practice for practice in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def _matching(stems: list[Term]) -> QuerySet[Practice]:
    queryset = published()
    if stems:
        sql, params = backend.matching_sql(stems)
        queryset = queryset.filter(pk__in=RawSQL(sql, params))
    return queryset


def search_practices(
    *,
    text: str,
    themes: list[str],
    werven: list[str],
    provinces: list[str],
    sizes: list[str],
    years: list[int],
    sort: str,
    page: int,
    page_size: int = PAGE_SIZE,
) -> SearchPage:
    """The page `page` of the published practices that hold every word of `text` (stemmed,
    accents ignored) and have one of the chosen values of each facet, sorted by relevance
    (with text) or recent first; with each facet's counts within the search and the other
    facets' choices. A bounded number of queries, whatever the page size."""
    stems = query_terms(text)
    sort = sort if sort in SORTS and stems else ("relevance" if stems else "recent")
    filters = _filters(themes=themes, werven=werven, provinces=provinces, sizes=sizes, years=years)
    matching = _matching(stems)
    chosen = {
        "theme": themes,
        "werf": werven,
        "province": provinces,
        "size": sizes,
        "year": [str(year) for year in years],
    }
    facets = {
        facet: _facet_values(
            facet, _counts(facet, _apply(matching, filters, without=facet)), chosen[facet]
        )
        for facet in FACETS
    }
    filtered = _apply(matching, filters)
    if sort == "relevance":
        ids = _ordered_ids(filtered, stems, sort)
        total = len(ids)
    else:
        ids = []
        total = filtered.count()
    current = Paginator(range(total), page_size).get_page(page)
    offset = (current.number - 1) * page_size
    if sort == "relevance":
        page_ids = ids[offset : offset + page_size]
    else:
        ordered = filtered.order_by("-published_at", "-pk").values_list("pk", flat=True)
        page_ids = list(ordered[offset : offset + page_size])
    practices = _read(page_ids)
    results = [
        Result(
            practice=practice,
            title=highlight(practice.title, stems),
            snippet=snippet(practice, stems),
            url=practice_url(practice),
        )
        for practice in practices
    ]
    return SearchPage(
        results=results,
        total=total,
        page=current,
        facets=facets,
        terms=stems,
        sort=sort,
        nothing_to_search=bool(text.strip()) and not stems,
        filtered=bool(stems or filters),
        practices=practices,
    )


def search_all(
    *,
    text: str,
    themes: list[str],
    werven: list[str],
    provinces: list[str],
    sizes: list[str],
    years: list[int],
    sort: str,
) -> list[Practice]:
    """Every result of the search in its order, for a download."""
    stems = query_terms(text)
    sort = sort if sort in SORTS and stems else ("relevance" if stems else "recent")
    filters = _filters(themes=themes, werven=werven, provinces=provinces, sizes=sizes, years=years)
    return _read(_ordered_ids(_apply(_matching(stems), filters), stems, sort))
