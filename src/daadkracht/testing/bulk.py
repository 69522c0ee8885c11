"""Plans of any size, written with bulk inserts: for query-count tests and benchmarks."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    ActionTag,
    ActionTheme,
    DepartmentRole,
    Phase,
    Plan,
    StatusUpdate,
    Tag,
    Task,
    Theme,
    UpdateKind,
    UpdateSource,
)
from daadkracht.plans.services.plan import plan_create
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.testing.factories import as_platform

TOPICS = ["renovatie", "fietspad", "zonnepanelen", "ontharding", "warmtenet", "deelwagens"]

# Rows per INSERT: stays below the bind-parameter limits of SQLite and PostgreSQL.
BATCH_SIZE = 2000


@dataclass
class BulkPlan:
    plan: Plan
    themes: list[Theme]
    departments: list[Department]
    statuses: list[ActionStatus]


@as_platform
def bulk_plan(
    *,
    municipality: Municipality,
    actions: int,
    tasks_per_action: int = 0,
    updates_per_action: int = 0,
    themes: int = 7,
    departments: int = 15,
    seed: int = 1,
    people: Sequence[Any] = (),
    involvements_per_action: int = 0,
    tags: int = 0,
    scores: bool = False,
    detailed_updates: bool = False,
    extra_updates_on_first: int = 0,
    spread_in_time: bool = False,
) -> BulkPlan:
    """A plan with `actions` actions spread over themes, departments and statuses.

    The arguments after `seed` make the data as rich as real data, for benchmarks: `people`
    answer for actions, own tasks and write updates; actions get involved departments, tags and
    scores on the plan's criteria; `detailed_updates` records status, progress and deadline
    changes and some decisions; the first action gets `extra_updates_on_first` more updates;
    `spread_in_time` dates rows as if they were entered over the years instead of all now
    (actions at their start, updates on their day, tasks ticked off near their due date).
    They draw from their own random sequence, so that the data without them stays the same.
    """
    rng = random.Random(seed)
    rich = random.Random(seed + 7919)
    plan = Plan.unscoped.filter(municipality=municipality).first() or plan_create(
        actor=None,
        municipality=municipality,
        name="Klimaatplan 2030",
        start_year=2021,
        end_year=2030,
        baseline_year=2011,
        baseline_emissions=Decimal(200000),
    )
    theme_rows = Theme.unscoped.bulk_create(
        Theme(
            municipality=municipality,
            plan=plan,
            code=f"T{i + 1}",
            name=f"Thema {i + 1}",
            position=i,
        )
        for i in range(themes)
    )
    department_rows = Department.unscoped.bulk_create(
        Department(municipality=municipality, name=f"Dienst {plan.pk}-{i + 1}")
        for i in range(departments)
    )
    statuses = list(ActionStatus.unscoped.filter(plan=plan))
    today = timezone.localdate()
    now = timezone.now()
    action_rows = Action.unscoped.bulk_create(
        (
            Action(
                municipality=municipality,
                plan=plan,
                identifier=f"A{n:05d}",
                title=f"Actie {n}: {rng.choice(TOPICS)}",
                description="Automatisch gegenereerde actie.",
                lead_department=rng.choice(department_rows),
                status=rng.choice(statuses),
                phase=rng.choice(Phase.values),
                progress=rng.randrange(0, 101, 5),
                start_date=date(2021, 1, 1) + timedelta(days=rng.randrange(0, 1500)),
                deadline=today + timedelta(days=rng.randrange(-400, 1500)),
                budget_planned=Decimal(rng.randrange(5_000, 2_000_000, 1000)),
                budget_spent=Decimal(rng.randrange(0, 500_000, 1000)),
                co2_reduction=Decimal(rng.randrange(0, 5000)),
                last_update_at=now - timedelta(days=rng.randrange(0, 400)),
            )
            for n in range(1, actions + 1)
        ),
        batch_size=BATCH_SIZE,
    )
    through = ActionTheme
    through.objects.bulk_create(
        (
            through(
                municipality_id=action.municipality_id,
                action_id=action.pk,
                theme_id=rng.choice(theme_rows).pk,
            )
            for action in action_rows
        ),
        batch_size=BATCH_SIZE,
    )
    if tasks_per_action:
        Task.unscoped.bulk_create(
            (
                Task(
                    municipality=municipality,
                    action=action,
                    title=f"Taak {i + 1}",
                    owner=rich.choice(people) if people else None,
                    due_date=today + timedelta(days=rng.randrange(-200, 600)),
                    done_at=now if rng.random() < 0.4 else None,
                    position=i,
                )
                for action in action_rows
                for i in range(tasks_per_action)
            ),
            batch_size=BATCH_SIZE,
        )
    if updates_per_action and detailed_updates:
        StatusUpdate.unscoped.bulk_create(
            (
                _detailed_update(action, statuses, people, rich, today)
                for action in action_rows
                for _ in range(updates_per_action)
            ),
            batch_size=BATCH_SIZE,
        )
    elif updates_per_action:
        StatusUpdate.unscoped.bulk_create(
            (
                StatusUpdate(
                    municipality=municipality,
                    action=action,
                    date=today - timedelta(days=rng.randrange(0, 365)),
                    text="Stand van zaken besproken op het klimaatteam.",
                )
                for action in action_rows
                for _ in range(updates_per_action)
            ),
            batch_size=BATCH_SIZE,
        )
    if extra_updates_on_first and action_rows:
        StatusUpdate.unscoped.bulk_create(
            (
                _detailed_update(action_rows[0], statuses, people, rich, today)
                for _ in range(extra_updates_on_first)
            ),
            batch_size=BATCH_SIZE,
        )
    if spread_in_time:
        _spread_in_time(action_rows, rich)
    _enrich(
        action_rows,
        department_rows,
        rich,
        people=people,
        involvements_per_action=involvements_per_action,
        tags=tags,
        scores=scores,
    )
    return BulkPlan(plan, theme_rows, department_rows, statuses)


def _detailed_update(
    action: Action,
    statuses: list[ActionStatus],
    people: Sequence[Any],
    rng: random.Random,
    today: date,
) -> StatusUpdate:
    """An update as people write them: an author, sometimes a new status, progress or deadline."""
    roll = rng.random()
    deadline = action.deadline
    return StatusUpdate(
        municipality_id=action.municipality_id,
        action=action,
        author=rng.choice(people) if people else None,
        date=today - timedelta(days=rng.randrange(0, 365)),
        kind=UpdateKind.DECISION if roll < 0.05 else UpdateKind.UPDATE,
        source=UpdateSource.DECISION if roll < 0.05 else UpdateSource.UPDATE,
        text="Stand van zaken besproken op het klimaatteam; de volgende stap is afgesproken.",
        previous_status=action.status,
        new_status=rng.choice(statuses) if roll < 0.2 else None,
        previous_progress=action.progress,
        new_progress=min(100, action.progress + 5) if roll < 0.3 else None,
        previous_deadline=deadline,
        new_deadline=deadline + timedelta(days=90) if deadline and roll < 0.1 else None,
    )


def _spread_in_time(actions: list[Action], rng: random.Random) -> None:
    """Creation and completion moments as if the plan had been kept up to date for years."""
    now = timezone.now()

    def moment(day: date) -> datetime:
        return min(now, timezone.make_aware(datetime.combine(day, time(rng.randint(8, 17)))))

    for action in actions:
        assert action.start_date is not None
        action.created_at = moment(min(action.start_date, now.date() - timedelta(days=30)))
    Action.unscoped.bulk_update(actions, ["created_at"], batch_size=BATCH_SIZE)
    updates = list(StatusUpdate.unscoped.filter(action__in=actions).only("id", "date"))
    for update in updates:
        update.created_at = moment(update.date)
    StatusUpdate.unscoped.bulk_update(updates, ["created_at"], batch_size=BATCH_SIZE)
    tasks = list(
        Task.unscoped.filter(action__in=actions, done_at__isnull=False).only("id", "due_date")
    )
    for task in tasks:
        assert task.due_date is not None
        task.done_at = moment(task.due_date - timedelta(days=rng.randint(0, 30)))
    Task.unscoped.bulk_update(tasks, ["done_at"], batch_size=BATCH_SIZE)


def _enrich(
    actions: list[Action],
    departments: list[Department],
    rng: random.Random,
    *,
    people: Sequence[Any],
    involvements_per_action: int,
    tags: int,
    scores: bool,
) -> None:
    """The optional people, involved departments, tags and scores of `bulk_plan`'s actions."""
    if not actions:
        return
    municipality_id = actions[0].municipality_id
    plan_id = actions[0].plan_id
    if people:
        for action in actions:
            action.responsible = rng.choice(people)
        Action.unscoped.bulk_update(actions, ["responsible"], batch_size=BATCH_SIZE)
    if involvements_per_action:
        ActionDepartment.unscoped.bulk_create(
            (
                ActionDepartment(
                    municipality_id=municipality_id,
                    action=action,
                    department=department,
                    role=rng.choice(DepartmentRole.values),
                )
                for action in actions
                for department in rng.sample(
                    [d for d in departments if d.pk != action.lead_department_id],
                    min(involvements_per_action, len(departments) - 1),
                )
            ),
            batch_size=BATCH_SIZE,
        )
    if tags:
        tag_rows = Tag.unscoped.bulk_create(
            Tag(municipality_id=municipality_id, name=f"tag {plan_id}-{n + 1}") for n in range(tags)
        )
        through = ActionTag
        through.objects.bulk_create(
            (
                through(municipality_id=action.municipality_id, action_id=action.pk, tag_id=tag.pk)
                for action in actions
                for tag in rng.sample(tag_rows, rng.randint(0, min(2, len(tag_rows))))
            ),
            batch_size=BATCH_SIZE,
        )
    if scores:
        criteria = list(Criterion.unscoped.filter(plan_id=plan_id))
        ActionScore.unscoped.bulk_create(
            (
                ActionScore(
                    municipality_id=municipality_id,
                    action=action,
                    criterion=criterion,
                    score=rng.randint(0, 5),
                )
                for action in actions
                for criterion in criteria
            ),
            batch_size=BATCH_SIZE,
        )
