"""Filtering and searching actions: one definition used by the list, exports and dashboard."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from daadkracht.plans.forms.filters import ActionFilterQuery
from daadkracht.plans.models import (
    CLOSED_CATEGORIES,
    Action,
    ActionDepartment,
    ActionTag,
    ActionTheme,
    Plan,
    Tag,
    Theme,
)
from daadkracht.plans.selectors.themes import TREE_ORDER


@dataclass(frozen=True)
class ActionFilter:
    """The filters of the action list, as read from (and written back to) a query string."""

    q: str = ""
    theme: int | None = None
    department: int | None = None
    status: int | None = None
    phase: str = ""
    priority: str = ""
    tag: int | None = None
    # An organisation of the network that partners in the action (the partners app).
    partner: int | None = None
    overdue: bool = False
    stale: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: QueryDict) -> "ActionFilter":
        """The filters of the query string; a value that does not fit is ignored."""
        return cls(**ActionFilterQuery(query).values())

    @property
    def is_active(self) -> bool:
        return any(
            [
                self.q,
                self.theme,
                self.department,
                self.status,
                self.phase,
                self.priority,
                self.tag,
                self.partner,
                self.overdue,
                self.stale,
            ]
        )


def open_actions(queryset: QuerySet[Action]) -> QuerySet[Action]:
    return queryset.exclude(status__category__in=CLOSED_CATEGORIES)


def overdue_condition(today: date | None = None) -> Q:
    """The deadline part of `overdue`, to combine with other conditions (open actions only)."""
    return Q(deadline__lt=today or timezone.localdate())


def stale_condition(plan: Plan) -> Q:
    """The no-update part of `stale`, to combine with other conditions (open actions only)."""
    limit = timezone.now() - timedelta(days=plan.stale_after_days)
    return Q(last_update_at__lt=limit) | Q(last_update_at__isnull=True, created_at__lt=limit)


def overdue(queryset: QuerySet[Action], today: date | None = None) -> QuerySet[Action]:
    """Open actions whose deadline has passed."""
    return open_actions(queryset).filter(overdue_condition(today))


def stale(queryset: QuerySet[Action], plan: Plan) -> QuerySet[Action]:
    """Open actions without any update for the plan's stale period."""
    return open_actions(queryset).filter(stale_condition(plan))


def is_overdue(action: Action, today: date | None = None) -> bool:
    """Whether one action is overdue, as `overdue` decides for a queryset (status preloaded)."""
    return (
        action.deadline is not None
        and action.deadline < (today or timezone.localdate())
        and action.status.category not in CLOSED_CATEGORIES
    )


def is_stale(action: Action, plan: Plan, now: datetime | None = None) -> bool:
    """Whether one action is stale, as `stale` decides for a queryset (status preloaded)."""
    limit = (now or timezone.now()) - timedelta(days=plan.stale_after_days)
    last = action.last_update_at or action.created_at
    return last < limit and action.status.category not in CLOSED_CATEGORIES


def search(queryset: QuerySet[Action], text: str) -> QuerySet[Action]:
    """Dutch full-text search on PostgreSQL; word-by-word matching elsewhere."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("identifier", "title", "description", config="dutch")
        query = SearchQuery(text, config="dutch", search_type="websearch")
        return queryset.annotate(search=vector).filter(
            Q(search=query) | Q(identifier__iexact=text) | Q(title__icontains=text)
        )
    for word in text.split():
        queryset = queryset.filter(
            Q(identifier__icontains=word)
            | Q(title__icontains=word)
            | Q(description__icontains=word)
        )
    return queryset


def theme_and_descendants(theme_id: int) -> list[int]:
    ids, frontier = [theme_id], [theme_id]
    while frontier:
        frontier = list(Theme.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        ids.extend(frontier)
    return ids


def filtered_actions(filters: ActionFilter, plan: Plan) -> QuerySet[Action]:
    """The plan's actions matching the filters, without ordering or related data."""
    queryset: QuerySet[Action] = Action.objects.filter(plan=plan)
    if filters.theme:
        queryset = queryset.filter(
            Exists(
                ActionTheme.objects.filter(
                    action_id=OuterRef("pk"), theme_id__in=theme_and_descendants(filters.theme)
                )
            )
        )
    if filters.department:
        queryset = queryset.filter(
            Q(lead_department_id=filters.department)
            | Exists(
                ActionDepartment.objects.filter(
                    action_id=OuterRef("pk"), department_id=filters.department
                )
            )
        )
    if filters.status:
        queryset = queryset.filter(status_id=filters.status)
    if filters.phase:
        queryset = queryset.filter(phase=filters.phase)
    if filters.priority:
        queryset = queryset.filter(priority=filters.priority)
    if filters.tag:
        queryset = queryset.filter(
            Exists(ActionTag.objects.filter(action_id=OuterRef("pk"), tag_id=filters.tag))
        )
    if filters.partner:
        queryset = queryset.filter(
            pk__in=Action.objects.filter(partner_links__organisation_id=filters.partner).values(
                "pk"
            )
        )
    if filters.overdue:
        queryset = overdue(queryset)
    if filters.stale:
        queryset = stale(queryset, plan)
    if filters.q:
        queryset = search(queryset, filters.q)
    return queryset


def with_list_data(queryset: QuerySet[Action]) -> QuerySet[Action]:
    """Everything a list row shows, in a fixed number of queries."""
    return queryset.select_related("status", "lead_department", "responsible").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by(*TREE_ORDER)),
        Prefetch("tags", queryset=Tag.objects.all()),
    )


def query_for(filters: ActionFilter, **changes: Any) -> str:
    """A shareable query string for these filters with some values changed."""
    values = {
        "q": filters.q,
        "theme": filters.theme,
        "department": filters.department,
        "status": filters.status,
        "phase": filters.phase,
        "priority": filters.priority,
        "tag": filters.tag,
        "partner": filters.partner,
        "overdue": "1" if filters.overdue else "",
        "stale": "1" if filters.stale else "",
        **changes,
    }
    query = QueryDict(mutable=True)
    for key, value in values.items():
        if value not in (None, "", False):
            query[key] = str(value)
    return query.urlencode()
