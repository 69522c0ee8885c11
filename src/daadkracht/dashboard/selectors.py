"""Read models of the dashboard: every number and list it shows, in a fixed number of queries.

The plan's actions are read once, as plain rows (building a thousand model instances would cost
more than the whole page may), with their late and stale flags computed by the database from
the action list's own conditions. The per-theme, per-status, budget and CO2 figures are summed
from those rows here, so that an action linked to a Bridge and to one of its sub-themes counts
once for that Bridge. Lists that can grow without bound (tasks, updates, history) are read with
a limit and a window count of the whole set.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import (
    CLOSED_CATEGORIES,
    Action,
    ActionDepartment,
    ActionStatus,
    Plan,
    StatusCategory,
    StatusUpdate,
    Task,
    Theme,
    UpdateKind,
)
from daadkracht.plans.models.covenant import ActionKind
from daadkracht.plans.selectors.actions import (
    ActionFilter,
    filtered_actions,
    open_actions,
    overdue,
    overdue_condition,
    stale,
    stale_condition,
)
from daadkracht.tenancy.models import Department

HORIZON_DAYS = 60  # "next deadlines" look this far ahead
LIST_LIMIT = 10  # rows per list on a dashboard; the full list is one click away
DEFAULT_SINCE_DAYS = 30
ZERO = Decimal(0)

# Decisions a department should take: its actions that are behind or on hold.
DECISION_CATEGORIES = (StatusCategory.DELAYED, StatusCategory.PAUSED)

LEAD_ROLE = "lead"


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
class ActionRow:
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
    def last_activity(self) -> datetime:
        return self.last_update_at or self.created_at


@dataclass
class Money:
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    spent: Decimal = ZERO

    def add(self, action: ActionRow) -> None:
        self.planned += action.budget_planned or ZERO
        self.committed += action.budget_committed or ZERO
        self.spent += action.budget_spent or ZERO

    @property
    def values(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.planned, self.committed, self.spent)

    @property
    def spent_share(self) -> float | None:
        """Spent as a percentage of planned."""
        return float(self.spent / self.planned * 100) if self.planned else None


@dataclass
class ThemeFigures:
    """The figures of one Bridge (its sub-themes included), or of the actions without theme."""

    theme: Theme | None
    count: int = 0
    done: int = 0
    late: int = 0
    progress_total: int = 0
    budget: Money = field(default_factory=Money)

    @property
    def average_progress(self) -> float:
        return self.progress_total / self.count if self.count else 0.0

    @property
    def colour(self) -> str:
        return self.theme.colour if self.theme else "#5c6670"


@dataclass
class StatusFigures:
    status: ActionStatus
    count: int
    share: float  # percentage of all actions


@dataclass
class Co2Gap:
    """Expected CO2 reduction of the actions against what the plan's target needs (t CO2/yr)."""

    baseline: Decimal
    target_percentage: Decimal
    target_year: int
    achieved: Decimal  # completed actions
    planned: Decimal  # open actions (cancelled ones count for nothing)
    without_estimate: int  # open or completed mitigation actions without a figure

    @property
    def needed(self) -> Decimal:
        return (self.baseline * self.target_percentage / 100).quantize(Decimal("0.1"))

    @property
    def expected(self) -> Decimal:
        return self.achieved + self.planned

    @property
    def gap(self) -> Decimal:
        return max(self.needed - self.expected, ZERO)

    @property
    def surplus(self) -> Decimal:
        return max(self.expected - self.needed, ZERO)

    @property
    def coverage(self) -> float | None:
        """The expected reduction as a percentage of the needed one."""
        return float(self.expected / self.needed * 100) if self.needed else None


@dataclass
class Deadline:
    """An action's deadline or a milestone's due date in the coming weeks."""

    date: date
    action: ActionRow | Action
    milestone: Task | None = None

    @property
    def days_left(self) -> int:
        return (self.date - timezone.localdate()).days


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


@dataclass
class Changes:
    since: date
    updates: Limited[StatusUpdate]
    decisions: int
    status_changes: Limited[StatusChange]
    created: Limited[ActionRow]

    @property
    def is_empty(self) -> bool:
        return not (self.updates.total or self.status_changes.total or self.created.total)


@dataclass
class MunicipalityDashboard:
    plan: Plan
    action_count: int
    open_count: int
    done_count: int
    average_progress: float
    themes: list[ThemeFigures]
    statuses: list[StatusFigures]
    budget: Money
    co2: Co2Gap
    late: Limited[ActionRow]
    stale: Limited[ActionRow]
    overdue_tasks: Limited[Task]
    deadlines: Limited[Deadline]
    changes: Changes


def default_since(today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=DEFAULT_SINCE_DAYS)


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def action_rows(
    plan: Plan,
    statuses: dict[int, ActionStatus],
    queryset: QuerySet[Action] | None = None,
    today: date | None = None,
) -> list[ActionRow]:
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
    ]
    rows = []
    for values in flagged.order_by("identifier").values_list(
        *fields, *(["department_role"] if with_role else [])
    ):
        status = statuses[values[3]]
        rows.append(
            ActionRow(
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
                department_role=values[17] if with_role else None,
            )
        )
    return rows


def plan_statuses(plan: Plan) -> list[ActionStatus]:
    return list(ActionStatus.objects.filter(plan=plan))


def bridge_of(themes: Iterable[Theme]) -> dict[int, Theme]:
    """Each live theme's top-level theme (its Bridge); a theme under a deleted one stands alone."""
    by_id = {theme.pk: theme for theme in themes}
    roots: dict[int, Theme] = {}
    for theme in by_id.values():
        root, seen = theme, {theme.pk}
        while root.parent_id in by_id and root.parent_id not in seen:
            root = by_id[root.parent_id]
            seen.add(root.pk)
        roots[theme.pk] = root
    return roots


def theme_links(plan: Plan) -> dict[int, list[int]]:
    """Action id -> ids of its themes."""
    links: dict[int, list[int]] = defaultdict(list)
    rows = Action.themes.through.objects.filter(
        action__plan=plan, action__deleted_at__isnull=True
    ).values_list("action_id", "theme_id")
    for action_id, theme_id in rows:
        links[action_id].append(theme_id)
    return links


def theme_figures(
    actions: Iterable[ActionRow],
    themes: Sequence[Theme],
    links: dict[int, list[int]],
) -> list[ThemeFigures]:
    """Per Bridge (in plan order), the non-cancelled actions' counts, progress and budget."""
    roots = bridge_of(themes)
    figures = {theme.pk: ThemeFigures(theme) for theme in themes if roots[theme.pk] is theme}
    without = ThemeFigures(None)
    for action in actions:
        if action.is_cancelled:
            continue
        bridges = {roots[t].pk for t in links.get(action.pk, []) if t in roots}
        targets = [figures[pk] for pk in bridges] or [without]
        for target in targets:
            target.count += 1
            target.done += action.is_done
            target.late += action.is_late
            target.progress_total += action.progress
            target.budget.add(action)
    result = list(figures.values())
    if without.count:
        result.append(without)
    return result


def status_figures(
    actions: Sequence[ActionRow], statuses: Iterable[ActionStatus]
) -> list[StatusFigures]:
    counts: dict[int, int] = defaultdict(int)
    for action in actions:
        counts[action.status.pk] += 1
    total = len(actions)
    return [
        StatusFigures(status, counts[status.pk], counts[status.pk] / total * 100 if total else 0.0)
        for status in statuses
    ]


def co2_gap(plan: Plan, actions: Iterable[ActionRow]) -> Co2Gap:
    achieved = planned = ZERO
    without = 0
    for action in actions:
        if action.is_cancelled:
            continue
        if action.co2_reduction is None:
            without += action.com_kind != ActionKind.ADAPTATION
        elif action.is_done:
            achieved += action.co2_reduction
        else:
            planned += action.co2_reduction
    return Co2Gap(
        baseline=plan.baseline_emissions,
        target_percentage=plan.reduction_target,
        target_year=plan.target_year,
        achieved=achieved,
        planned=planned,
        without_estimate=without,
    )


def late_actions(actions: Iterable[ActionRow]) -> list[ActionRow]:
    """Open actions past their deadline, the longest overdue first."""
    return sorted((a for a in actions if a.is_late), key=lambda a: (a.deadline, a.identifier))


def stale_actions(actions: Iterable[ActionRow]) -> list[ActionRow]:
    """Open actions without an update for the plan's stale period, the longest silent first."""
    return sorted((a for a in actions if a.is_stale), key=lambda a: (a.last_activity, a.identifier))


def decisions_needed(actions: Iterable[ActionRow]) -> list[ActionRow]:
    """Actions that are delayed or postponed: someone has to decide how to adjust course."""
    return sorted(
        (a for a in actions if a.status.category in DECISION_CATEGORIES),
        key=lambda a: (a.deadline or date.max, a.identifier),
    )


def open_tasks(plan: Plan, actions: QuerySet[Action] | None = None) -> QuerySet[Task]:
    """Tasks not done yet, of the plan's open actions (or of the given actions)."""
    queryset = Task.objects.filter(done_at__isnull=True, action__deleted_at__isnull=True)
    if actions is not None:
        queryset = queryset.filter(action__in=actions.values("pk"))
    else:
        queryset = queryset.filter(action__plan=plan)
    return queryset.exclude(action__status__category__in=CLOSED_CATEGORIES).select_related(
        "action", "owner"
    )


def overdue_tasks(tasks: QuerySet[Task], today: date) -> QuerySet[Task]:
    return tasks.filter(due_date__lt=today).order_by("due_date", "action__identifier", "id")


def task_lists(
    tasks: QuerySet[Task], today: date, days: int = HORIZON_DAYS
) -> tuple[Limited[Task], Limited[Task]]:
    """Overdue tasks and milestones due in the coming `days` days: the first of each, in one query.

    Each list is ranked and counted by a window over its own rows, so the database returns at
    most LIST_LIMIT of each however many there are.
    """
    end = today + timedelta(days=days)
    late = Q(due_date__lt=today)
    ahead = Q(is_milestone=True, due_date__gte=today, due_date__lte=end)
    kind = Case(When(late, then=Value(0)), default=Value(1), output_field=IntegerField())
    order = [F("due_date").asc(), F("action__identifier").asc(), F("id").asc()]
    rows: list[Any] = list(
        tasks.filter(late | ahead)
        .annotate(
            list_kind=kind,
            list_rank=Window(RowNumber(), partition_by=[kind], order_by=order),
            list_total=Window(Count("pk"), partition_by=[kind]),
        )
        .filter(list_rank__lte=LIST_LIMIT)
        .order_by("list_kind", "list_rank")
    )
    lists: list[Limited[Task]] = []
    for wanted in (0, 1):
        items = [t for t in rows if t.list_kind == wanted]
        lists.append(Limited(items, items[0].list_total if items else 0))
    return lists[0], lists[1]


def deadlines_ahead(
    actions: Iterable[ActionRow],
    milestones: Limited[Task],
    today: date,
    days: int = HORIZON_DAYS,
) -> Limited[Deadline]:
    """Open actions' deadlines and open milestones in the coming `days` days, soonest first."""
    end = today + timedelta(days=days)
    items = [
        Deadline(a.deadline, a)
        for a in actions
        if a.is_open and a.deadline is not None and today <= a.deadline <= end
    ]
    action_count = len(items)
    items += [Deadline(t.due_date, t.action, t) for t in milestones.items if t.due_date]
    items.sort(key=lambda d: (d.date, d.action.identifier, d.milestone is not None))
    return Limited(items[:LIST_LIMIT], action_count + milestones.total)


def status_changes_since(plan: Plan, since: date) -> Limited[StatusChange]:
    """Status changes posted as status updates, and those made by editing the action directly.

    Posting an update also writes a history entry for the action; that entry carries the new
    `last_update_at`, which a direct edit never changes, so it is left out here to count each
    change once.
    """
    through_updates = limited_query(
        StatusUpdate.objects.filter(
            action__plan=plan,
            action__deleted_at__isnull=True,
            date__gte=since,
            new_status__isnull=False,
        )
        .select_related("action", "author", "previous_status", "new_status")
        .order_by("-date", "-created_at", "-id")
    )
    direct = limited_query(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Action),
            action=AuditAction.UPDATED,
            created_at__gte=start_of(since),
            changes__has_key="status",
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
            through_update=True,
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


def changes_since(plan: Plan, since: date, actions: Iterable[ActionRow]) -> Changes:
    """Status updates and decisions dated since `since`; status changes and new actions since."""
    updates = (
        StatusUpdate.objects.filter(
            action__plan=plan, action__deleted_at__isnull=True, date__gte=since
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


def municipality_dashboard(
    *, plan: Plan, since: date, today: date | None = None
) -> MunicipalityDashboard:
    today = today or timezone.localdate()
    statuses = plan_statuses(plan)
    actions = action_rows(plan, {s.pk: s for s in statuses}, today=today)
    themes = list(Theme.objects.filter(plan=plan))
    counted = [a for a in actions if not a.is_cancelled]
    budget = Money()
    for action in counted:
        budget.add(action)
    overdue, milestones = task_lists(open_tasks(plan), today)
    return MunicipalityDashboard(
        plan=plan,
        action_count=len(actions),
        open_count=sum(a.is_open for a in actions),
        done_count=sum(a.is_done for a in actions),
        average_progress=(sum(a.progress for a in counted) / len(counted)) if counted else 0.0,
        themes=theme_figures(actions, themes, theme_links(plan)),
        statuses=status_figures(actions, statuses),
        budget=budget,
        co2=co2_gap(plan, actions),
        late=limited(late_actions(actions)),
        stale=limited(stale_actions(actions)),
        overdue_tasks=overdue,
        deadlines=deadlines_ahead(actions, milestones, today),
        changes=changes_since(plan, since, actions),
    )


# --- one department -------------------------------------------------------------------------


def department_actions(plan: Plan, department: Department) -> QuerySet[Action]:
    """The plan's actions the department leads or is involved in, with its role in each."""
    involvements = ActionDepartment.objects.filter(action=OuterRef("pk"), department=department)
    return (
        Action.objects.filter(plan=plan)
        .filter(Q(lead_department=department) | Exists(involvements))
        .annotate(
            department_role=Case(
                When(lead_department=department, then=Value(LEAD_ROLE)),
                default=Subquery(involvements.values("role")[:1]),
                output_field=CharField(),
            )
        )
    )


@dataclass
class DepartmentDashboard:
    plan: Plan
    department: Department
    actions: list[ActionRow]
    lead_count: int
    involved_count: int
    average_progress: float
    late: Limited[ActionRow]
    stale: Limited[ActionRow]
    overdue_tasks: Limited[Task]
    deadlines: Limited[Deadline]
    decisions: Limited[ActionRow]


def department_dashboard(
    *, plan: Plan, department: Department, today: date | None = None
) -> DepartmentDashboard:
    today = today or timezone.localdate()
    ours = department_actions(plan, department)
    statuses = {s.pk: s for s in plan_statuses(plan)}
    actions = action_rows(plan, statuses, ours, today=today)
    counted = [a for a in actions if not a.is_cancelled]
    lead = sum(a.department_role == LEAD_ROLE for a in actions)
    overdue, milestones = task_lists(open_tasks(plan, ours), today)
    return DepartmentDashboard(
        plan=plan,
        department=department,
        actions=actions,
        lead_count=lead,
        involved_count=len(actions) - lead,
        average_progress=(sum(a.progress for a in counted) / len(counted)) if counted else 0.0,
        late=limited(late_actions(actions)),
        stale=limited(stale_actions(actions)),
        overdue_tasks=overdue,
        deadlines=deadlines_ahead(actions, milestones, today),
        decisions=limited(decisions_needed(actions)),
    )


# --- the full lists behind the dashboard ----------------------------------------------------

ATTENTION_KINDS = ("late", "stale")


def attention_actions(*, plan: Plan, filters: ActionFilter, kind: str) -> QuerySet[Action]:
    """Open actions that are late, stale (kind), or either (no kind), within the filters."""
    queryset = filtered_actions(filters, plan)
    if kind == "late":
        return overdue(queryset)
    if kind == "stale":
        return stale(queryset, plan)
    return open_actions(queryset).filter(overdue_condition() | stale_condition(plan))


def overdue_task_list(*, plan: Plan, department: int | None, today: date) -> QuerySet[Task]:
    """Overdue open tasks, optionally of the actions one department leads or is involved in."""
    actions = None
    if department is not None:
        actions = filtered_actions(ActionFilter(department=department), plan)
    return overdue_tasks(open_tasks(plan, actions), today).select_related("action__lead_department")
