"""Reads of meetings for the list, the detail page and the dashboards."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from daadkracht.meetings.models import Meeting, MeetingAction, MeetingKind
from daadkracht.plans.models import Action


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def meeting_list(
    *,
    type_key: str = "",
    period: str = "",
    start: date | None = None,
    until: date | None = None,
    search: str = "",
    team_id: int | None = None,
) -> QuerySet[Meeting]:
    """The municipality's meetings with their method, team and participant counts, filtered."""
    queryset = Meeting.objects.select_related("method", "team").annotate(
        department_count=Count("department_links", distinct=True),
        attendee_count=Count("attendees", distinct=True),
    )
    if type_key in MeetingKind.values and type_key != MeetingKind.METHOD:
        queryset = queryset.filter(kind=type_key)
    elif type_key:
        queryset = queryset.filter(kind=MeetingKind.METHOD, method__key=type_key)
    now = timezone.now()
    if period == "upcoming":
        queryset = queryset.filter(ends_at__gte=now, cancelled_at=None)
    elif period == "past":
        queryset = queryset.filter(ends_at__lt=now, cancelled_at=None)
    elif period == "cancelled":
        queryset = queryset.exclude(cancelled_at=None)
    if start is not None:
        queryset = queryset.filter(starts_at__gte=_local_start(start))
    if until is not None:
        queryset = queryset.filter(starts_at__lt=_local_start(until) + timedelta(days=1))
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(place__icontains=search))
    if team_id is not None:
        queryset = queryset.filter(team_id=team_id)
    return queryset


def next_meetings(limit: int = 3) -> QuerySet[Meeting]:
    """The next meetings that are not cancelled, the soonest first."""
    return (
        Meeting.objects.filter(ends_at__gte=timezone.now(), cancelled_at=None)
        .select_related("method")
        .order_by("starts_at")[:limit]
    )


def actions_created_at(meeting: Meeting) -> list[Action]:
    """The actions created at the meeting that are not in the trash, by identifier."""
    return list(
        Action.objects.filter(meeting_link__meeting=meeting)
        .select_related("status", "lead_department")
        .order_by("identifier")
    )


def meeting_of_action(action: Action) -> Meeting | None:
    """The meeting at which the action was created, if any."""
    link = MeetingAction.objects.filter(action=action).select_related("meeting").first()
    return link.meeting if link is not None else None


def next_meeting_per_municipality(municipality_ids: Iterable[int]) -> dict[int, Meeting]:
    """Each municipality's next meeting as its own list shows it first (`next_meetings`), in
    one query for all of them."""
    upcoming = Meeting.objects.filter(ends_at__gte=timezone.now(), cancelled_at=None)
    first = upcoming.filter(municipality_id=OuterRef("municipality_id")).order_by("starts_at", "pk")
    return {
        meeting.municipality_id: meeting
        for meeting in upcoming.filter(
            municipality_id__in=list(municipality_ids), pk=Subquery(first.values("pk")[:1])
        ).only("pk", "municipality_id", "title", "starts_at", "ends_at", "cancelled_at")
    }
