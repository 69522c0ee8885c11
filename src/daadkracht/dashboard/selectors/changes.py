"""What changed since a date: status updates, decisions, status changes and new actions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, IntegerField, Sum, Value, When, Window
from django.db.models.functions import Cast
from django.utils import timezone

from daadkracht.dashboard.selectors.rows import (
    LIST_LIMIT,
    DashboardActionRow,
    Limited,
    limited,
    limited_query,
)
from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import WRITTEN_SOURCES, Action, Plan, StatusUpdate, UpdateKind
from daadkracht.tenancy.trash import live_only

DEFAULT_SINCE_DAYS = 30


@dataclass
class StatusChange:
    """An action that moved to another status: through a status update, or edited directly."""

    date: date
    action_id: int
    action_label: str
    old: str
    new: str
    by: Any
    through_update: bool
    via: str = ""  # where a change recorded on the timeline was made: "via the board"


@dataclass
class Changes:
    since: date
    updates: Limited[StatusUpdate]
    decisions: int
    status_changes: Limited[StatusChange]
    created: Limited[DashboardActionRow]

    @property
    def is_empty(self) -> bool:
        return not (self.updates.total or self.status_changes.total or self.created.total)


def default_since(today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=DEFAULT_SINCE_DAYS)


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def status_changes_since(plan: Plan, since: date) -> Limited[StatusChange]:
    """Status changes from the actions' timelines: posted as status updates, or recorded with an
    edit, a move on the board or an import.

    Before the timeline recorded those, a direct edit left only its history entry: such entries
    (of no recorded source) count too. The history entry of an update carries the new
    `last_update_at`, which a direct edit never changes, so it is left out to count each change
    once.
    """
    through_updates = limited_query(
        StatusUpdate.objects.filter(
            live_only("action"),
            action__plan=plan,
            date__gte=since,
            new_status__isnull=False,
        )
        .select_related("action", "author", "previous_status", "new_status")
        .order_by("-date", "-created_at", "-id")
    )
    # The history keeps the entries of actions in the trash (and of other plans): only the
    # plan's live actions count.
    live_actions = Action.objects.filter(plan=plan).values(key=Cast("pk", CharField()))
    direct = limited_query(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Action),
            object_id__in=live_actions,
            action=AuditAction.UPDATED,
            created_at__gte=start_of(since),
            changes__has_key="status",
            source="",
        )
        .exclude(changes__has_key="last_update_at")
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    items = [
        StatusChange(
            date=u.date,
            action_id=u.action_id,
            action_label=str(u.action),
            old=str(u.previous_status or ""),
            new=str(u.new_status),
            by=u.author,
            through_update=u.is_written,
            via="" if u.is_written else u.via,
        )
        for u in through_updates.items
    ] + [
        StatusChange(
            date=timezone.localtime(e.created_at).date(),
            action_id=int(e.object_id),
            action_label=e.object_repr,
            old=e.changes["status"][0],
            new=e.changes["status"][1],
            by=e.actor,
            through_update=False,
        )
        for e in direct.items
    ]
    items.sort(key=lambda c: c.date, reverse=True)
    return Limited(items[:LIST_LIMIT], through_updates.total + direct.total)


def changes_since(plan: Plan, since: date, actions: Iterable[DashboardActionRow]) -> Changes:
    """Status updates and decisions dated since `since`; status changes and new actions since."""
    updates = (
        StatusUpdate.objects.filter(
            live_only("action"), action__plan=plan, date__gte=since, source__in=WRITTEN_SOURCES
        )
        .select_related("action", "author", "new_status")
        .annotate(
            window_decisions=Window(
                Sum(
                    Case(
                        When(kind=UpdateKind.DECISION, then=Value(1)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                )
            )
        )
        .order_by("-date", "-created_at", "-id")
    )
    recent_updates = limited_query(updates)
    start = start_of(since)
    status_changes = status_changes_since(plan, since)
    created = sorted(
        (a for a in actions if a.created_at >= start),
        key=lambda a: (a.created_at, a.pk),
        reverse=True,
    )
    first = recent_updates.items[0] if recent_updates.items else None
    return Changes(
        since=since,
        updates=recent_updates,
        decisions=first.window_decisions if first else 0,
        status_changes=status_changes,
        created=limited(created),
    )
