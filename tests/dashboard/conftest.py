"""A constructed situation in municipality A whose dashboard figures are known by heart."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    DepartmentRole,
    StatusCategory,
    Task,
    Theme,
)
from daadkracht.testing.factories import ActionFactory, TaskFactory


def pks(items) -> list[int]:
    """The ids of actions, whether model instances or the dashboard's rows."""
    return [item.pk for item in items]


def status(plan, category: str) -> ActionStatus:
    return ActionStatus.unscoped.filter(plan=plan, category=category).order_by("position").first()


def theme(plan, code: str, name: str, parent=None, colour="#1d7a46", position=0) -> Theme:
    return Theme.unscoped.create(
        municipality=plan.municipality,
        plan=plan,
        parent=parent,
        code=code,
        name=name,
        colour=colour,
        position=position,
    )


def age(action: Action, days: int) -> None:
    """Pretend the action was created `days` ago and never updated since."""
    moment = timezone.now() - timedelta(days=days)
    Action.unscoped.filter(pk=action.pk).update(created_at=moment, last_update_at=None)


@dataclass
class Situation:
    bridge_1: Theme
    sub_theme_1: Theme
    bridge_2: Theme
    late: Action
    stale: Action
    done: Action
    open_with_impact: Action
    cancelled: Action
    soon: Action
    far: Action
    delayed: Action
    overdue_task: Task
    done_task: Task
    milestone_soon: Task
    milestone_far: Task


@pytest.fixture
def situation(world) -> Situation:
    with tenant_scope(world.a):
        return build_situation(world)


def build_situation(world) -> Situation:
    plan = world.plan_a
    today = timezone.localdate()
    active = status(plan, StatusCategory.ACTIVE)
    bridge_1 = theme(plan, "B1", "Brugge verwarmt fossielvrij", colour="#b3261e", position=1)
    sub_theme_1 = theme(plan, "B1.1", "Renovatie", parent=bridge_1, position=2)
    bridge_2 = theme(plan, "B2", "Hernieuwbare elektriciteit", colour="#1f6fb5", position=3)

    late = ActionFactory.create(
        plan=plan,
        identifier="L.01",
        title="Te late actie",
        status=active,
        lead_department=world.department_a,
        deadline=today - timedelta(days=10),
        last_update_at=timezone.now(),
        progress=40,
    )
    stale = ActionFactory.create(
        plan=plan,
        identifier="S.01",
        title="Stille actie",
        status=active,
        lead_department=world.other_department_a,
        deadline=today + timedelta(days=400),
    )
    age(stale, 120)
    done = ActionFactory.create(
        plan=plan,
        identifier="D.01",
        title="Afgewerkte actie",
        status=status(plan, StatusCategory.DONE),
        deadline=today - timedelta(days=30),
        progress=100,
        co2_reduction=Decimal("300.0"),
        budget_planned=Decimal(1000),
        budget_committed=Decimal(800),
        budget_spent=Decimal(700),
        last_update_at=timezone.now(),
    )
    done.themes.set([sub_theme_1])
    open_with_impact = ActionFactory.create(
        plan=plan,
        identifier="O.01",
        title="Lopende actie met impact",
        status=active,
        progress=50,
        co2_reduction=Decimal("500.0"),
        budget_planned=Decimal(2000),
        budget_committed=Decimal(500),
        budget_spent=Decimal(100),
        last_update_at=timezone.now(),
    )
    open_with_impact.themes.set([bridge_1, sub_theme_1])
    cancelled = ActionFactory.create(
        plan=plan,
        identifier="X.01",
        title="Geschrapte actie",
        status=status(plan, StatusCategory.CANCELLED),
        deadline=today - timedelta(days=50),
        co2_reduction=Decimal("999.0"),
        budget_planned=Decimal(5000),
        budget_spent=Decimal(5000),
    )
    cancelled.themes.set([bridge_2])
    age(cancelled, 300)
    soon = ActionFactory.create(
        plan=plan,
        identifier="N.01",
        title="Actie met nabije deadline",
        status=active,
        lead_department=world.department_a,
        deadline=today + timedelta(days=20),
        last_update_at=timezone.now(),
        progress=80,
    )
    soon.themes.set([bridge_2])
    far = ActionFactory.create(
        plan=plan,
        identifier="F.01",
        title="Actie met verre deadline",
        status=active,
        deadline=today + timedelta(days=100),
        last_update_at=timezone.now(),
    )
    delayed = ActionFactory.create(
        plan=plan,
        identifier="V.01",
        title="Vertraagde actie",
        status=status(plan, StatusCategory.DELAYED),
        lead_department=world.other_department_a,
        last_update_at=timezone.now(),
    )
    ActionDepartment.unscoped.create(
        municipality=world.a,
        action=delayed,
        department=world.department_a,
        role=DepartmentRole.CONSULTED,
    )
    overdue_task = TaskFactory.create(
        action=world.action_a, title="Bewonersavond plannen", due_date=today - timedelta(days=5)
    )
    done_task = TaskFactory.create(
        action=world.action_a,
        title="Afgewerkte taak",
        due_date=today - timedelta(days=5),
        done_at=timezone.now(),
    )
    milestone_soon = TaskFactory.create(
        action=world.other_action_a,
        title="Aanbesteding gegund",
        is_milestone=True,
        due_date=today + timedelta(days=10),
    )
    milestone_far = TaskFactory.create(
        action=world.other_action_a,
        title="Werken klaar",
        is_milestone=True,
        due_date=today + timedelta(days=90),
    )
    return Situation(
        bridge_1,
        sub_theme_1,
        bridge_2,
        late,
        stale,
        done,
        open_with_impact,
        cancelled,
        soon,
        far,
        delayed,
        overdue_task,
        done_task,
        milestone_soon,
        milestone_far,
    )


@pytest.fixture
def coordinator(world):
    return world.client_for("coordinator")


@pytest.fixture
def editor(world):
    return world.client_for("editor")
