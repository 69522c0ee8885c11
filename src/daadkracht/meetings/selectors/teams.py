"""Reads of a climate team's page: its members, the actions of its theme, its work agreements
and its meetings, in a number of queries that does not grow with the rows."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone

from daadkracht.meetings.models import (
    OPEN_AGREEMENT_STATUSES,
    ClimateTeam,
    ClimateTeamMember,
    Meeting,
    WorkAgreement,
)
from daadkracht.plans.models import Action, ActionStatus
from daadkracht.plans.selectors.actions import theme_and_descendants

# How many actions and past meetings the page lists; the rest is behind a link.
SHORT_LIST = 10


@dataclass
class TeamOverview:
    current_members: list[ClimateTeamMember]
    past_members: list[ClimateTeamMember]
    action_total: int = 0
    status_counts: list[tuple[ActionStatus, int]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    agreements: list[WorkAgreement] = field(default_factory=list)
    next_meetings: list[Meeting] = field(default_factory=list)
    past_meetings: list[Meeting] = field(default_factory=list)


def _members(team: ClimateTeam, today: date) -> tuple[list[Any], list[Any]]:
    members = list(
        ClimateTeamMember.objects.filter(team=team)
        .select_related("user")
        .order_by("role", "user__full_name")
    )
    current = [m for m in members if m.is_current(today)]
    return current, [m for m in members if not m.is_current(today)]


def _theme_actions(team: ClimateTeam, overview: TeamOverview) -> None:
    """The live actions of the team's theme and its sub-themes: counted by status, the first
    ones listed."""
    if team.theme_id is None:
        return
    actions = Action.objects.filter(themes__in=theme_and_descendants(team.theme_id)).distinct()
    counts = dict(
        Action.objects.filter(pk__in=actions.values("pk"))
        .order_by()
        .values("status")
        .annotate(number=Count("pk"))
        .values_list("status", "number")
    )
    statuses = ActionStatus.objects.filter(pk__in=list(counts))
    overview.status_counts = [(status, counts[status.pk]) for status in statuses]
    overview.action_total = sum(counts.values())
    overview.actions = list(
        actions.select_related("status", "lead_department").order_by("identifier")[:SHORT_LIST]
    )


def team_overview(team: ClimateTeam, today: date | None = None) -> TeamOverview:
    today = today or timezone.localdate()
    current, past = _members(team, today)
    overview = TeamOverview(current_members=current, past_members=past)
    _theme_actions(team, overview)
    overview.agreements = list(
        WorkAgreement.objects.filter(team=team)
        .annotate(
            closed=Case(
                When(status__in=OPEN_AGREEMENT_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "due_date", "title")
    )
    now = timezone.now()
    meetings = Meeting.objects.filter(team=team).select_related("method")
    overview.next_meetings = list(
        meetings.filter(ends_at__gte=now, cancelled_at=None).order_by("starts_at")
    )
    overview.past_meetings = list(
        meetings.exclude(ends_at__gte=now, cancelled_at=None).order_by("-starts_at")[:SHORT_LIST]
    )
    return overview
