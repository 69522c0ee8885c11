"""The plan's actions as plain rows, read once per page, and the short lists drawn from them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import BooleanField, Case, Count, QuerySet, Value, When, Window

from daadkracht.plans.models import Action, ActionStatus, Plan, StatusCategory
from daadkracht.plans.selectors.actions import overdue_condition, stale_condition
from daadkracht.plans.selectors.co2 import Co2Facts

LIST_LIMIT = 10  # rows per list on a dashboard; the full list is one click away


@dataclass
class Limited[T]:
    """The first rows of a list and the size of the whole list."""

    items: list[T]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.items), 0)


def limited[T](items: Sequence[T], limit: int = LIST_LIMIT) -> Limited[T]:
    return Limited(list(items[:limit]), len(items))


def limited_query(queryset: QuerySet[Any], limit: int = LIST_LIMIT) -> Limited[Any]:
    """The first rows and, from a window count on each row, the total, in a single query."""
    rows = list(queryset.annotate(window_total=Window(Count("pk")))[:limit])
    return Limited(rows, rows[0].window_total if rows else 0)


@dataclass(frozen=True)
class DepartmentRef:
    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass
class DashboardActionRow:
    """What the dashboard shows of one action; `status` is the plan's own status object."""

    pk: int
    identifier: str
    title: str
    status: ActionStatus
    lead_department: DepartmentRef | None
    progress: int
    deadline: date | None
    last_update_at: datetime | None
    created_at: datetime
    budget_planned: Decimal | None
    budget_committed: Decimal | None
    budget_spent: Decimal | None
    co2_reduction: Decimal | None
    com_kind: str
    is_late: bool  # open and past its deadline
    is_stale: bool  # open and without update for the plan's stale period
    decision_needed: bool = False  # waiting for a decision of the executive board
    decision_question: str = ""
    budget_note: str = ""  # the planned budget as the source says it, where it gives no amount
    co2_note: str = ""  # the CO2 estimate as the source says it, where it gives no number
    department_role: str | None = None  # on a department's dashboard: lead, or the role
    role_label: str = ""

    @property
    def lead_department_id(self) -> int | None:
        return self.lead_department.pk if self.lead_department else None

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed

    @property
    def is_done(self) -> bool:
        return self.status.category == StatusCategory.DONE

    @property
    def is_cancelled(self) -> bool:
        return self.status.category == StatusCategory.CANCELLED

    @property
    def is_unknown(self) -> bool:
        """Its status says the source did not tell where it stands."""
        return self.status.is_unknown

    @property
    def last_activity(self) -> datetime:
        return self.last_update_at or self.created_at

    @property
    def co2_facts(self) -> Co2Facts:
        return (self.co2_reduction, self.status.category, self.com_kind)

    @property
    def counted_progress(self) -> int:
        """The progress an average counts: a completed action is done, whatever its figure."""
        return 100 if self.is_done else self.progress


def dashboard_action_rows(
    plan: Plan,
    statuses: dict[int, ActionStatus],
    queryset: QuerySet[Action] | None = None,
    today: date | None = None,
) -> list[DashboardActionRow]:
    """The plan's live actions (or those of `queryset`) as rows, by identifier."""
    base = queryset if queryset is not None else Action.objects.filter(plan=plan)
    flagged = base.annotate(
        deadline_passed=Case(
            When(overdue_condition(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        silent=Case(
            When(stale_condition(plan), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )
    with_role = "department_role" in base.query.annotations
    fields = [
        "pk",
        "identifier",
        "title",
        "status_id",
        "lead_department_id",
        "lead_department__name",
        "progress",
        "deadline",
        "last_update_at",
        "created_at",
        "budget_planned",
        "budget_committed",
        "budget_spent",
        "co2_reduction",
        "com_kind",
        "deadline_passed",
        "silent",
        "decision_needed",
        "decision_question",
        "budget_note",
        "co2_note",
    ]
    rows = []
    for values in flagged.order_by("identifier").values_list(
        *fields, *(["department_role"] if with_role else [])
    ):
        status = statuses[values[3]]
        rows.append(
            DashboardActionRow(
                pk=values[0],
                identifier=values[1],
                title=values[2],
                status=status,
                lead_department=DepartmentRef(values[4], values[5]) if values[4] else None,
                progress=values[6],
                deadline=values[7],
                last_update_at=values[8],
                created_at=values[9],
                budget_planned=values[10],
                budget_committed=values[11],
                budget_spent=values[12],
                co2_reduction=values[13],
                com_kind=values[14],
                is_late=bool(values[15]) and not status.is_closed,
                is_stale=bool(values[16]) and not status.is_closed,
                decision_needed=values[17],
                decision_question=values[18],
                budget_note=values[19],
                co2_note=values[20],
                department_role=values[21] if with_role else None,
            )
        )
    return rows


def plan_statuses(plan: Plan) -> list[ActionStatus]:
    return list(ActionStatus.objects.filter(plan=plan))


@dataclass(frozen=True)
class Average:
    """An average progress and what it rests on: the actions counted and those left out."""

    value: float | None  # None when no action counts
    counted: int
    cancelled: int  # left out
    completed: int  # counted as 100 %
    unknown: int = 0  # left out: their status is unknown


def average_progress(actions: Iterable[DashboardActionRow]) -> Average:
    """The mean progress of the actions that still count: cancelled ones are left out, completed
    ones count as 100 % whatever their progress field says. Actions with an unknown status are
    left out too: counting them at their progress figure would pass them off as known."""
    counted: list[int] = []
    cancelled = completed = unknown = 0
    for action in actions:
        if action.is_cancelled:
            cancelled += 1
            continue
        if action.is_unknown:
            unknown += 1
            continue
        completed += action.is_done
        counted.append(action.counted_progress)
    value = sum(counted) / len(counted) if counted else None
    return Average(value, len(counted), cancelled, completed, unknown)


def never_updated(actions: Iterable[DashboardActionRow]) -> int:
    """How many open actions have had no update at all since they were added."""
    return sum(a.is_open and a.last_update_at is None for a in actions)


def board_decisions(actions: Iterable[DashboardActionRow]) -> list[DashboardActionRow]:
    """Open actions waiting for a decision of the executive board, the nearest deadline first."""
    return sorted(
        (a for a in actions if a.decision_needed and a.is_open),
        key=lambda a: (a.deadline or date.max, a.identifier),
    )


def late_actions(actions: Iterable[DashboardActionRow]) -> list[DashboardActionRow]:
    """Open actions past their deadline, the longest overdue first."""
    return sorted((a for a in actions if a.is_late), key=lambda a: (a.deadline, a.identifier))


def stale_actions(actions: Iterable[DashboardActionRow]) -> list[DashboardActionRow]:
    """Open actions without an update for the plan's stale period, the longest silent first."""
    return sorted((a for a in actions if a.is_stale), key=lambda a: (a.last_activity, a.identifier))
