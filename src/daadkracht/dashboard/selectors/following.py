"""A coach's overview: the figures of every municipality they follow, in a fixed number of queries.

Read inside `access.entry.following_view`, where the member scope spans the followed
municipalities: one query reads their plans, one counts the actions of all of them, grouped by
plan, one reads the current phase and open checklist items of their trajectories, one their next
meetings, one counts their late work agreements and three read the strong ties of their latest
two closed diagnosis rounds (`diagnosis.trends`). The
counts use the conditions the municipality's own dashboard flags its rows with
(`overdue_condition`, `stale_condition`, the open statuses and the decision flag), so that the
overview and each dashboard say the same.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.diagnosis.trends import StrongTieTrend, strong_tie_trends
from daadkracht.meetings.models import Meeting
from daadkracht.meetings.selectors.agreements import overdue_agreement_counts
from daadkracht.meetings.selectors.meetings import next_meeting_per_municipality
from daadkracht.plans.models import CLOSED_CATEGORIES, Action, Plan
from daadkracht.plans.selectors.actions import overdue_condition, stale_condition
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.trajectory.selectors import TrajectorySummary, trajectory_summaries


@dataclass
class FollowedMunicipality:
    """One row of the overview."""

    municipality: Municipality
    plan: Plan | None  # None until the municipality has made its plan
    action_count: int = 0
    late: int = 0  # open and past their deadline
    stale: int = 0  # open and without an update for the plan's stale period
    decisions: int = 0  # open and waiting for a decision of the executive board
    last_activity: datetime | None = None  # the latest status update or change
    trajectory: TrajectorySummary | None = None  # None until the trajectory has started
    next_meeting: Meeting | None = None  # the next meeting not cancelled
    diagnosis: StrongTieTrend | None = None  # None until a diagnosis round has closed
    late_agreements: int = 0  # open work agreements past their date

    @property
    def next_meeting_start(self) -> datetime | None:
        return self.next_meeting.starts_at if self.next_meeting is not None else None

    @property
    def diagnosis_change(self) -> int | None:
        """The change in strong ties, to sort by: None without two closed rounds."""
        return self.diagnosis.change if self.diagnosis is not None else None

    @property
    def diagnosis_text(self) -> str:
        """The diagnosis column in words, as the export writes it and screen readers read it."""
        trend = self.diagnosis
        if trend is None:
            return _("No closed round yet")
        if trend.before is None or trend.after is None:
            return _("One closed round: nothing to compare with yet")
        values = {"before": trend.before, "after": trend.after}
        if trend.after > trend.before:
            return _("Strong ties rose from %(before)d to %(after)d") % values
        if trend.after < trend.before:
            return _("Strong ties fell from %(before)d to %(after)d") % values
        return _("Strong ties stayed at %(after)d") % values

    @property
    def phase_order(self) -> int | None:
        """Where the trajectory stands, to sort by: its current phase, after all of them when
        every phase is done."""
        if self.trajectory is None:
            return None
        return self.trajectory.position

    @property
    def phase_label(self) -> str | None:
        return self.trajectory.phase_label if self.trajectory is not None else None

    @property
    def open_items(self) -> int | None:
        return self.trajectory.open_items if self.trajectory is not None else None

    @property
    def plan_name(self) -> str | None:
        return self.plan.name if self.plan is not None else None

    @property
    def name(self) -> str:
        return self.municipality.name


@dataclass(frozen=True)
class _Figures:
    action_count: int
    late: int
    stale: int
    decisions: int
    last_update: datetime | None
    last_change: datetime | None


def _stale_condition(plans: Iterable[Plan]) -> Q:
    """Each plan's own stale condition, for its actions; plans with the same period share one."""
    by_period: dict[int, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_period[plan.stale_after_days].append(plan)
    return reduce(
        or_,
        (
            Q(plan_id__in=[p.pk for p in group]) & stale_condition(group[0])
            for group in by_period.values()
        ),
    )


def _action_figures(plans: Sequence[Plan], today: date) -> dict[int, _Figures]:
    """Per plan id, the counts of its live actions, in one query for all plans."""
    if not plans:
        return {}
    is_open = ~Q(status__category__in=CLOSED_CATEGORIES)
    rows = (
        Action.objects.filter(plan_id__in=[p.pk for p in plans])
        .values("plan_id")
        .annotate(
            action_count=Count("pk"),
            late=Count("pk", filter=is_open & overdue_condition(today)),
            stale=Count("pk", filter=is_open & _stale_condition(plans)),
            decisions=Count("pk", filter=is_open & Q(decision_needed=True)),
            last_update=Max("last_update_at"),
            last_change=Max("updated_at"),
        )
        .order_by()
    )
    return {
        row["plan_id"]: _Figures(
            row["action_count"],
            row["late"],
            row["stale"],
            row["decisions"],
            row["last_update"],
            row["last_change"],
        )
        for row in rows
    }


def _latest(*moments: datetime | None) -> datetime | None:
    known = [m for m in moments if m is not None]
    return max(known) if known else None


def followed_municipalities(
    memberships: Sequence[Membership], *, today: date | None = None
) -> list[FollowedMunicipality]:
    """A row per membership's municipality, in the order of `memberships`."""
    today = today or timezone.localdate()
    ids = [m.municipality_id for m in memberships]
    plans = {p.municipality_id: p for p in Plan.objects.filter(municipality_id__in=ids)}
    figures = _action_figures(list(plans.values()), today)
    trajectories = trajectory_summaries(ids, today)
    meetings = next_meeting_per_municipality(ids)
    trends = strong_tie_trends(ids)
    late_agreements = overdue_agreement_counts(ids, today)
    rows = []
    for membership in memberships:
        plan = plans.get(membership.municipality_id)
        row = FollowedMunicipality(membership.municipality, plan)
        row.trajectory = trajectories.get(membership.municipality_id)
        row.next_meeting = meetings.get(membership.municipality_id)
        row.diagnosis = trends.get(membership.municipality_id)
        row.late_agreements = late_agreements.get(membership.municipality_id, 0)
        if plan is not None:
            found = figures.get(plan.pk)
            row.last_activity = plan.updated_at
            if found is not None:
                row.action_count = found.action_count
                row.late = found.late
                row.stale = found.stale
                row.decisions = found.decisions
                row.last_activity = _latest(plan.updated_at, found.last_update, found.last_change)
        rows.append(row)
    return rows
