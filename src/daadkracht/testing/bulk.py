"""Plans of any size, written with bulk inserts: for query-count tests and benchmarks."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from daadkracht.plans.models import (
    Action,
    ActionStatus,
    Phase,
    Plan,
    StatusUpdate,
    Task,
    Theme,
)
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Department, Municipality

TOPICS = ["renovatie", "fietspad", "zonnepanelen", "ontharding", "warmtenet", "deelwagens"]


@dataclass
class BulkPlan:
    plan: Plan
    themes: list[Theme]
    departments: list[Department]
    statuses: list[ActionStatus]


def bulk_plan(
    *,
    municipality: Municipality,
    actions: int,
    tasks_per_action: int = 0,
    updates_per_action: int = 0,
    themes: int = 7,
    departments: int = 15,
    seed: int = 1,
) -> BulkPlan:
    """A plan with `actions` actions spread over themes, departments and statuses."""
    rng = random.Random(seed)
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
    )
    through = Action.themes.through
    through.objects.bulk_create(
        through(action_id=action.pk, theme_id=rng.choice(theme_rows).pk) for action in action_rows
    )
    if tasks_per_action:
        Task.unscoped.bulk_create(
            Task(
                municipality=municipality,
                action=action,
                title=f"Taak {i + 1}",
                due_date=today + timedelta(days=rng.randrange(-200, 600)),
                done_at=now if rng.random() < 0.4 else None,
                position=i,
            )
            for action in action_rows
            for i in range(tasks_per_action)
        )
    if updates_per_action:
        StatusUpdate.unscoped.bulk_create(
            StatusUpdate(
                municipality=municipality,
                action=action,
                date=today - timedelta(days=rng.randrange(0, 365)),
                text="Stand van zaken besproken op het klimaatteam.",
            )
            for action in action_rows
            for _ in range(updates_per_action)
        )
    return BulkPlan(plan, theme_rows, department_rows, statuses)
