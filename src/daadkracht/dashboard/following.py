"""The coach's overview: the municipalities they follow side by side; sorted, filtered, exported."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.access.entry import following_view
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.query import KeyField, QueryForm, TextField, requested_sort
from daadkracht.dashboard.selectors.following import (
    FollowedMunicipality,
    followed_municipalities,
)
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role

# `?show=`: only the rows that need this kind of attention.
SHOW_CHOICES = {
    "late_agreements": gettext_lazy("With late work agreements"),
    "no_meeting": gettext_lazy("Without a meeting planned"),
    "fewer_ties": gettext_lazy("With fewer strong ties than the round before"),
}


class FollowedQuery(QueryForm):
    """`?q=`: only the followed municipalities whose name holds this text; `?show=`: only those
    that need one kind of attention (`SHOW_CHOICES`)."""

    q = TextField()
    show = KeyField(SHOW_CHOICES)


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    value: Callable[[FollowedMunicipality], Any]


COLUMNS = [
    Column("name", gettext_lazy("Municipality"), lambda r: r.name.casefold()),
    Column("plan", gettext_lazy("Climate plan"), lambda r: r.plan_name and r.plan_name.casefold()),
    Column("actions", gettext_lazy("Actions"), lambda r: r.action_count),
    Column("late", gettext_lazy("Late"), lambda r: r.late),
    Column("stale", gettext_lazy("Stale"), lambda r: r.stale),
    Column("decisions", gettext_lazy("Decision needed"), lambda r: r.decisions),
    Column("activity", gettext_lazy("Last activity"), lambda r: r.last_activity),
    Column("phase", gettext_lazy("Trajectory phase"), lambda r: r.phase_order),
    Column("checklist", gettext_lazy("Open checklist items"), lambda r: r.open_items),
    Column("meeting", gettext_lazy("Next meeting"), lambda r: r.next_meeting_start),
    Column("diagnosis", gettext_lazy("Strong ties (diagnosis)"), lambda r: r.diagnosis_change),
    Column("agreements", gettext_lazy("Late work agreements"), lambda r: r.late_agreements),
]
SORT_KEYS = [c.key for c in COLUMNS]
DEFAULT_SORT = "name"


def sort_rows(
    rows: Sequence[FollowedMunicipality], requested: str
) -> tuple[list[FollowedMunicipality], str]:
    """Sort by `sort=key` or `-key`: empty values last in both directions, then by name."""
    descending = requested.startswith("-")
    column = next(c for c in COLUMNS if c.key == requested.lstrip("-"))
    by_name = sorted(rows, key=lambda r: (r.name.casefold(), r.municipality.pk))
    filled = [r for r in by_name if column.value(r) is not None]
    empty = [r for r in by_name if column.value(r) is None]
    filled.sort(key=column.value, reverse=descending)
    return filled + empty, requested


def _phase_text(row: FollowedMunicipality) -> str:
    if row.trajectory is None:
        return _("Not started")
    return row.phase_label or _("Every phase done")


def _meeting_text(row: FollowedMunicipality) -> str:
    if row.next_meeting is None:
        return ""
    starts = timezone.localtime(row.next_meeting.starts_at)
    return f"{starts:%Y-%m-%d %H:%M} {row.next_meeting.title}"


def _needs(row: FollowedMunicipality, show: str) -> bool:
    if show == "late_agreements":
        return row.late_agreements > 0
    if show == "no_meeting":
        return row.next_meeting is None
    if show == "fewer_ties":
        return (row.diagnosis_change or 0) < 0
    return True


def matching(memberships: Sequence[Membership], search: str) -> list[Membership]:
    text = search.casefold()
    return [m for m in memberships if text in m.municipality.name.casefold()]


@following_view
def overview(request: HttpRequest, memberships: list[Membership]) -> HttpResponseBase:
    query = FollowedQuery(request.GET)
    search, show = query.value("q"), query.value("show")
    rows, sort = sort_rows(
        [
            row
            for row in followed_municipalities(matching(memberships, search))
            if _needs(row, show)
        ],
        requested_sort(request.GET, SORT_KEYS, DEFAULT_SORT),
    )
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Municipalities you follow"),
            fmt=fmt,
            headers=[str(c.label) for c in COLUMNS],
            rows=(
                [
                    r.name,
                    r.plan_name or "",
                    r.action_count,
                    r.late,
                    r.stale,
                    r.decisions,
                    timezone.localdate(r.last_activity) if r.last_activity else None,
                    _phase_text(r),
                    r.open_items,
                    _meeting_text(r),
                    r.diagnosis_text,
                    r.late_agreements,
                ]
                for r in rows
            ),
        )
    return render(
        request,
        "dashboard/following.html",
        {
            "rows": rows,
            "followed_count": len(memberships),
            "search": search,
            "show": show,
            "show_choices": SHOW_CHOICES.items(),
            "sort": sort,
            "columns": COLUMNS,
            "other_memberships": [m for m in memberships_of(request.user) if m.role != Role.COACH],
        },
    )
