"""Writes a demo plan's actions with their departments, tasks, timeline and scores in bulk."""

import calendar
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.demo.spec import DATA_AS_OF, STATUS_KEYS, DemoAction, Step
from daadkracht.demo.texts import (
    COMPLETION_TEXT,
    LONG_DONE_TEXT,
    NOT_STARTED_TEXT,
    ROUTINE_TASKS,
    ROUTINE_UPDATES,
)
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    ActionTag,
    ActionTheme,
    Plan,
    StatusUpdate,
    Tag,
    Task,
    Theme,
    UpdateKind,
    UpdateSource,
    Visibility,
)
from daadkracht.plans.models import covenant as com
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.tenancy.models import Department, Municipality

# The status an action had a year ago, before this year's timeline, by its status today.
STATUS_A_YEAR_AGO = {
    "not_started": "not_started",
    "preparation": "preparation",
    "on_track": "on_track",
    "delayed": "on_track",
    "completed": "on_track",
    "postponed": "preparation",
    "cancelled": "preparation",
}
ROUTINE_UPDATE_COUNT = {
    "not_started": (1, 1),
    "preparation": (2, 3),
    "on_track": (3, 5),
    "delayed": (1, 3),
    "completed": (2, 3),
    "postponed": (1, 1),
    "cancelled": (1, 1),
}
# Statuses after which nothing moves any more: routine updates come before the step that set them.
FINAL_STEPS = {"postponed", "cancelled"}
CLOSED = {"completed", "cancelled"}
# Statuses of actions that keep to their planning: their tasks that were due are done.
ON_SCHEDULE = {"preparation", "on_track"}


@dataclass
class DemoPlan:
    """What the actions of one demo plan are written into."""

    municipality: Municipality
    plan: Plan
    department_keys: dict[str, str]
    departments: dict[str, Department]
    people_by_department: dict[str, User]
    coordinator: User
    themes: dict[str, Theme]
    routine_key: Callable[[str], str]
    seed: int
    today: date = field(default_factory=timezone.localdate)
    now: datetime = field(default_factory=timezone.now)


@dataclass
class _Timeline:
    updates: list[StatusUpdate]
    status: str
    progress: int
    deadline: date | None


def month(value: str, *, end: bool = False) -> date:
    """ "2025-06" as its first day, or its last day with `end`."""
    year, number = (int(part) for part in value.split("-"))
    day = calendar.monthrange(year, number)[1] if end else 1
    return date(year, number, day)


def build_actions(target: DemoPlan, specs: list[DemoAction]) -> list[Action]:
    """Write the actions and everything under them; returns the actions."""
    rng = random.Random(target.seed)
    # Whole months, so that a deadline written as the end of June stays the end of a month.
    shift = (target.today.year - DATA_AS_OF.year) * 12 + target.today.month - DATA_AS_OF.month
    last_day = date(target.plan.end_year, 12, 31)
    statuses = _statuses(target.plan)
    municipality = target.municipality

    def when(value: str, *, end: bool = False) -> date:
        year, number = (int(part) for part in value.split("-"))
        index = year * 12 + number - 1 + shift
        return month(f"{index // 12}-{index % 12 + 1}", end=end)

    rows: list[Action] = []
    timelines: list[_Timeline] = []
    for spec in specs:
        _check(spec, target)
        bridge = spec.bridge
        lead = target.departments[target.department_keys[spec.lead]]
        responsible = target.people_by_department.get(lead.name, target.coordinator)
        deadline = min(when(spec.deadline, end=True), last_day)
        start = when(spec.start)
        action = Action(
            municipality=municipality,
            plan=target.plan,
            identifier=spec.identifier,
            title=spec.title,
            description=spec.description,
            lead_department=lead,
            responsible=responsible,
            status=statuses[spec.status],
            phase=_phase(spec),
            progress=spec.progress,
            priority=spec.priority,
            start_date=start,
            deadline=deadline,
            funding_source=spec.funding if spec.budget_k else "",
            **_impact(spec),
            com_sector=spec.covenant[0],
            com_area=spec.covenant[1],
            com_instrument=spec.covenant[2],
            com_kind=spec.kind,
            co_benefits=list(spec.benefits),
            visibility=Visibility.PUBLIC if spec.public else Visibility.INTERNAL,
            decision_needed=bool(spec.board_decision),
            decision_question=spec.board_decision,
        )
        _set_budget(action, spec, rng)
        action.clean_fields(
            exclude=["municipality", "plan", "lead_department", "responsible", "status"]
        )
        timeline = _timeline(spec, action, target, statuses, rng, when, routine=bridge)
        action.last_update_at = timeline.updates[-1].created_at if timeline.updates else None
        rows.append(action)
        timelines.append(timeline)

    actions = Action.unscoped.bulk_create(rows)
    # Actions were entered when the plan started or shortly before they did, never just now.
    plan_entered = _at(date(target.plan.start_year, 3, 15), hour=9)
    for action in actions:
        assert action.start_date is not None
        entered = _at(action.start_date - timedelta(days=30), hour=9)
        action.created_at = min(max(entered, plan_entered), target.now - timedelta(days=120))
        action.updated_at = action.last_update_at or action.created_at
    Action.unscoped.bulk_update(actions, ["created_at", "updated_at"])

    _themes(target, actions, specs)
    _involvements(target, actions, specs)
    _tags(target, actions, specs)
    _tasks(target, actions, specs, rng, when)
    updates = []
    for action, timeline in zip(actions, timelines, strict=True):
        for update in timeline.updates:
            update.action = action
            updates.append(update)
    # Inserting stamps every row with the current time; give each its own day back.
    posted = [update.created_at for update in updates]
    created = StatusUpdate.unscoped.bulk_create(updates)
    for update, moment in zip(created, posted, strict=True):
        update.created_at = update.updated_at = moment
    StatusUpdate.unscoped.bulk_update(created, ["created_at", "updated_at"])
    _scores(target, actions, specs, rng)
    return actions


def _statuses(plan: Plan) -> dict[str, ActionStatus]:
    rows = list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))
    return dict(zip(STATUS_KEYS, rows, strict=True))


def _check(spec: DemoAction, target: DemoPlan) -> None:
    """Catch a typo in the hand-written data early, with the action's identifier."""
    problems = []
    if spec.status not in STATUS_KEYS:
        problems.append(f"status {spec.status!r}")
    for key in [spec.lead, *(key for key, _role in spec.involved)]:
        if key not in target.department_keys:
            problems.append(f"department {key!r}")
    if spec.sub and spec.sub not in target.themes:
        problems.append(f"sub-theme {spec.sub!r}")
    for benefit in spec.benefits:
        if benefit not in com.CoBenefit.values:
            problems.append(f"co-benefit {benefit!r}")
    if problems:
        raise ValueError(f"{spec.identifier}: unknown {', '.join(problems)}")


def _phase(spec: DemoAction) -> str:
    if spec.status == "completed":
        return "follow_up" if spec.progress == 100 and spec.co2 else "closed"
    if spec.status == "cancelled":
        return "closed"
    if spec.status == "not_started":
        return "idea"
    if spec.status in ("preparation", "postponed") or spec.progress < 25:
        return "preparation"
    return "execution"


def _impact(spec: DemoAction) -> dict[str, Any]:
    """Expected impact; a figure nobody estimated stays empty rather than zero."""
    figures = {
        "co2_reduction": spec.co2,
        "energy_saved": spec.saved,
        "renewable_produced": spec.renewable,
    }
    return {name: Decimal(value) if value else None for name, value in figures.items()}


def _round(value: float) -> Decimal:
    return Decimal(round(value / 1000) * 1000)


def _set_budget(action: Action, spec: DemoAction, rng: random.Random) -> None:
    if not spec.budget_k:
        return
    planned = spec.budget_k * 1000
    if spec.spent is not None:
        spent = float(spec.spent * 1000)
    elif spec.status == "completed":
        spent = planned * rng.uniform(0.9, 1.08)
    else:
        spent = planned * spec.progress / 100 * rng.uniform(0.75, 1.05)
    if spec.status in ("not_started", "postponed", "cancelled"):
        committed = spent
    else:
        committed = max(spent, planned * min(1.0, spec.progress / 100 + rng.uniform(0.1, 0.3)))
    action.budget_planned = Decimal(planned)
    action.budget_committed = _round(committed)
    action.budget_spent = _round(spent)


def _at(day: date, *, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _routine_days(
    spec: DemoAction, count: int, rng: random.Random, completed_days_ago: int | None
) -> list[int]:
    """How many days ago each routine update was posted, oldest first."""
    newest, oldest = 2, 360
    if spec.stale:
        newest = 100
    story_final = [step.days_ago for step in spec.story if step.status in FINAL_STEPS]
    if story_final:
        newest = max(story_final) + 10
    if completed_days_ago is not None:
        newest = completed_days_ago + 10
    if newest >= oldest:
        return []
    days = sorted(rng.sample(range(newest, oldest), count), reverse=True)
    open_and_fresh = not spec.stale and spec.status not in CLOSED and not story_final
    if open_and_fresh and days and min([*days, *(s.days_ago for s in spec.story)]) > 75:
        days[-1] = rng.randint(newest, 75)
    return days


def _timeline(
    spec: DemoAction,
    action: Action,
    target: DemoPlan,
    statuses: dict[str, ActionStatus],
    rng: random.Random,
    when: Callable[..., date],
    *,
    routine: str,
) -> _Timeline:
    """This year's status updates of an action, ending in the state written in its spec."""
    assert action.deadline is not None
    days_since_deadline = (target.today - action.deadline).days
    texts = ROUTINE_UPDATES[target.routine_key(routine)]
    if spec.status == "not_started":
        texts = [NOT_STARTED_TEXT]
    author = action.responsible or target.coordinator

    if spec.status == "completed" and days_since_deadline > 330:
        # Finished before this year: one look back, nothing changes any more.
        update = _update(target, author, rng.randint(331, 364), LONG_DONE_TEXT)
        update.previous_status = statuses["completed"]
        update.previous_progress = 100
        update.previous_deadline = action.deadline
        return _Timeline([update], "completed", 100, action.deadline)

    completed_days_ago = max(days_since_deadline, 1) if spec.status == "completed" else None
    low, high = ROUTINE_UPDATE_COUNT[spec.status]
    count = rng.randint(low, high)
    if spec.status == "not_started" and spec.stale:
        count = 0
    steps: list[tuple[int, str, Step | None]] = [
        (days, rng.choice(texts), None)
        for days in _routine_days(spec, count, rng, completed_days_ago)
    ]
    steps += [(step.days_ago, step.text, step) for step in spec.story]
    if completed_days_ago is not None:
        steps.append(
            (
                completed_days_ago,
                COMPLETION_TEXT,
                Step(completed_days_ago, COMPLETION_TEXT, status="completed", progress=100),
            )
        )
    steps.sort(key=lambda item: -item[0])

    # Progress: from a year ago to today's value, through the values the story names.
    moves = spec.status not in ("not_started", "postponed", "cancelled")
    start_progress = max(0, spec.progress - rng.randint(10, 30)) if moves else spec.progress
    if spec.status == "completed":
        start_progress = min(start_progress, 85)
    # Progress moves with the routine updates and where the story names a value; the other
    # steps of the story (a decision, a delay) report without moving it.
    movers: list[int] = []
    anchors: list[tuple[int, int]] = [(-1, start_progress)]
    for i, (_days, _text, step) in enumerate(steps):
        if step is not None and step.progress is not None:
            anchors.append((len(movers), step.progress))
        if step is None or step.progress is not None:
            movers.append(i)
    if movers and anchors[-1][0] != len(movers) - 1:
        anchors.append((len(movers) - 1, spec.progress))
    progress_at: dict[int, int] = {}
    for (k0, v0), (k1, v1) in itertools.pairwise(anchors):
        for k in range(k0 + 1, k1 + 1):
            progress_at[movers[k]] = int(round((v0 + (v1 - v0) * (k - k0) / (k1 - k0)) / 5) * 5)
    for k, value in anchors[1:]:
        progress_at[movers[k]] = value

    # Status: a year ago's, changed by the story; otherwise by the first routine update
    # that reaches today's value.
    story_sets_status = any(step and step.status for _d, _t, step in steps)
    status = STATUS_A_YEAR_AGO[spec.status]
    if spec.status == "on_track" and spec.progress < 40:
        status = "preparation"
    moved_from = next((s.deadline_from for s in spec.story if s.deadline_from), "")
    deadline = when(moved_from, end=True) if moved_from else action.deadline
    progress = start_progress

    updates = []
    for i, (days, text, step) in enumerate(steps):
        new_status = step.status if step and step.status else ""
        if not new_status and not story_sets_status and status != spec.status:
            new_status = spec.status
        new_progress = progress_at.get(i, progress)
        new_deadline = action.deadline if step and step.deadline_from else deadline
        who = target.coordinator if step and step.decision else author
        update = _update(target, who, days, text, decision=bool(step and step.decision))
        update.previous_status = statuses[status]
        update.previous_progress = progress
        update.previous_deadline = deadline
        if new_status and new_status != status:
            update.new_status = statuses[new_status]
            status = new_status
        if new_progress != progress:
            update.new_progress = progress = new_progress
        if new_deadline != deadline:
            update.new_deadline = deadline = new_deadline
        updates.append(update)
    if (status, progress, deadline) != (spec.status, spec.progress, action.deadline):
        raise ValueError(
            f"{spec.identifier}: the timeline ends in {status}/{progress}/{deadline}, "
            f"not {spec.status}/{spec.progress}/{action.deadline}"
        )
    return _Timeline(updates, status, progress, deadline)


def _update(
    target: DemoPlan, author: User, days_ago: int, text: str, *, decision: bool = False
) -> StatusUpdate:
    day = target.today - timedelta(days=days_ago)
    return StatusUpdate(
        municipality=target.municipality,
        author=author,
        date=day,
        kind=UpdateKind.DECISION if decision else UpdateKind.UPDATE,
        source=UpdateSource.DECISION if decision else UpdateSource.UPDATE,
        text=text,
        created_at=_at(day, hour=10 if decision else 14, minute=days_ago % 60),
    )


def _themes(target: DemoPlan, actions: list[Action], specs: list[DemoAction]) -> None:
    through = ActionTheme
    rows = []
    for action, spec in zip(actions, specs, strict=True):
        rows.append(
            through(
                municipality_id=action.municipality_id,
                action_id=action.pk,
                theme_id=target.themes[spec.bridge].pk,
            )
        )
        if spec.sub:
            rows.append(
                through(
                    municipality_id=action.municipality_id,
                    action_id=action.pk,
                    theme_id=target.themes[spec.sub].pk,
                )
            )
    through.objects.bulk_create(rows)


def _involvements(target: DemoPlan, actions: list[Action], specs: list[DemoAction]) -> None:
    ActionDepartment.unscoped.bulk_create(
        ActionDepartment(
            municipality=target.municipality,
            action=action,
            department=target.departments[target.department_keys[key]],
            role=role,
        )
        for action, spec in zip(actions, specs, strict=True)
        for key, role in spec.involved
    )


def _tags(target: DemoPlan, actions: list[Action], specs: list[DemoAction]) -> None:
    names = sorted({name for spec in specs for name in spec.tags})
    tags = {
        tag.name: tag
        for tag in Tag.unscoped.bulk_create(
            Tag(municipality=target.municipality, name=name) for name in names
        )
    }
    through = ActionTag
    through.objects.bulk_create(
        through(municipality_id=action.municipality_id, action_id=action.pk, tag_id=tags[name].pk)
        for action, spec in zip(actions, specs, strict=True)
        for name in spec.tags
    )


def _tasks(
    target: DemoPlan,
    actions: list[Action],
    specs: list[DemoAction],
    rng: random.Random,
    when: Callable[..., date],
) -> None:
    rows = []
    for action, spec in zip(actions, specs, strict=True):
        assert action.start_date is not None
        assert action.deadline is not None
        if spec.tasks:
            planned = [
                (title, when(due, end=True), milestone) for title, due, milestone in spec.tasks
            ]
        else:
            template = ROUTINE_TASKS[target.routine_key(spec.bridge)]
            count = min(len(template), rng.randint(3, 5))
            chosen = sorted(rng.sample(range(len(template)), count))
            span = (action.deadline - action.start_date).days
            planned = [
                (
                    template[index][0],
                    action.start_date + timedelta(days=span * (n + 1) // (count + 1)),
                    template[index][1],
                )
                for n, index in enumerate(chosen)
            ]
        # The earliest tasks are the ones done, as many as the action's progress says; an
        # action on schedule has also done what was due.
        by_due = sorted(range(len(planned)), key=lambda index: planned[index][1])
        due_by_now = sum(1 for _title, due, _milestone in planned if due < target.today)
        on_schedule = spec.status in ON_SCHEDULE
        done = set(
            by_due[: tasks_done(spec.status, spec.progress, len(planned), due_by_now * on_schedule)]
        )
        for position, (title, due, milestone) in enumerate(planned):
            rows.append(
                Task(
                    municipality=target.municipality,
                    action=action,
                    title=title,
                    owner=action.responsible,
                    due_date=due,
                    is_milestone=milestone,
                    done_at=_done_at(due, target, rng) if position in done else None,
                    position=position,
                )
            )
    Task.unscoped.bulk_create(rows)


def tasks_done(status: str, progress: int, count: int, due_by_now: int = 0) -> int:
    """How many of an action's `count` tasks are done, so that its tasks and progress tell the
    same story: all of them when it is completed, none before it has begun, and otherwise its
    share of progress or the `due_by_now` that an action on schedule has done, whichever is
    more, yet at least one done and one open."""
    if count == 0 or status == "completed" or progress >= 100:
        return count
    if progress <= 0:
        return 0
    return min(max(round(count * progress / 100), due_by_now, 1), count - 1)


def _done_at(due: date, target: DemoPlan, rng: random.Random) -> datetime:
    """Ticked off a little before it was due, and never later than yesterday."""
    day = min(due - timedelta(days=rng.randint(0, 20)), target.today - timedelta(days=1))
    return _at(day, hour=16)


def _scale(value: float, limits: list[float]) -> int:
    """1 to 5 by how many limits `value` reaches."""
    return 1 + sum(value >= limit for limit in limits)


def _scores(
    target: DemoPlan, actions: list[Action], specs: list[DemoAction], rng: random.Random
) -> None:
    """Agreed scores on the default criteria for every action still worth ranking."""
    criteria = {c.key: c for c in Criterion.unscoped.filter(plan=target.plan) if c.key}
    feasibility = {
        "completed": 5,
        "on_track": 4,
        "preparation": 3,
        "not_started": 3,
        "delayed": 2,
        "postponed": 2,
    }
    rows = []
    for action, spec in zip(actions, specs, strict=True):
        if spec.status == "cancelled":
            continue
        cost = spec.budget_k * 1000 / spec.co2 if spec.co2 else None
        scores = {
            "co2_impact": _scale(spec.co2, [300, 1500, 5000, 15000]) if spec.co2 else 0,
            "cost_per_tonne": 6 - _scale(cost, [100, 400, 1500, 5000]) if cost else 0,
            "feasibility": max(1, min(5, feasibility[spec.status] + rng.choice([-1, 0, 0, 1]))),
            "co_benefits": min(5, len(spec.benefits) + 1),
            "political_support": rng.randint(3, 5)
            if spec.priority == "high"
            else rng.randint(1, 4),
            "urgency": rng.randint(3, 5) if spec.co2 >= 5000 else rng.randint(1, 4),
        }
        notes = {
            "co2_impact": f"{spec.co2:,} t CO2 per jaar".replace(",", ".") if spec.co2 else "",
            "cost_per_tonne": f"{cost:,.0f} euro per ton".replace(",", ".") if cost else "",
        }
        rows += [
            ActionScore(
                municipality=target.municipality,
                action=action,
                criterion=criteria[key],
                score=score,
                note=notes.get(key, ""),
                scored_by=target.coordinator,
            )
            for key, score in scores.items()
            if key in criteria
        ]
    ActionScore.unscoped.bulk_create(rows)
