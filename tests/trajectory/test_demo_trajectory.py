"""The demo's Bruges is halfway through its trajectory, with its plan of approach drawn up;
Damme has not started one."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.meetings.catalogue import CLIMATE_TEAM, KICK_OFF_DAY, LUNCH_TALK, WORKSHOP
from daadkracht.trajectory.models import (
    ChecklistItem,
    ChosenMethod,
    CollaborationBody,
    CollaborationModel,
    Phase,
    PhaseKind,
    PhaseState,
    PlanOfApproach,
    Trajectory,
)

pytestmark = pytest.mark.django_db


def test_the_demo_trajectory_is_halfway_with_items_in_every_state():
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())  # and again: rebuilt, not doubled

    trajectory = Trajectory.unscoped.select_related("contact_person").get()
    assert trajectory.municipality.slug == "brugge-demo"
    assert trajectory.contact_person.email == "coordinator@brugge.demo"
    assert trajectory.alderman
    states = dict(Phase.unscoped.filter(trajectory=trajectory).values_list("kind", "state"))
    assert states[PhaseKind.INTAKE] == PhaseState.DONE
    assert states[PhaseKind.DIAGNOSIS] == PhaseState.DONE
    assert states[PhaseKind.PLAN] == PhaseState.DONE
    assert states[PhaseKind.METHODS] == PhaseState.UNDER_WAY
    assert states[PhaseKind.EVALUATION] == PhaseState.NOT_STARTED
    items = list(ChecklistItem.unscoped.filter(trajectory=trajectory))
    today = timezone.localdate()
    assert any(i.is_done for i in items)
    assert any(i.is_overdue(today) for i in items)
    assert any(not i.is_done and not i.is_overdue(today) for i in items)
    assert any(i.phase_id is None and i.is_done for i in items)

    coach = Client()
    coach.force_login(User.objects.get(email="coach@ecolife.demo"))
    page = coach.get(reverse("coach_overview"))
    assert page.status_code == HTTPStatus.OK
    rows = {row.municipality.slug: row for row in page.context["rows"]}
    assert rows["brugge-demo"].phase_label == "Uitvoering van de gekozen methodieken"
    assert rows["damme-demo"].trajectory is None
    bruges = coach.get(reverse("trajectory:overview", args=["brugge-demo"]))
    assert "Lunchgesprek met de Groendienst plannen" in bruges.content.decode()


def test_the_demo_has_a_collaboration_model_with_two_departments_without_contact():
    call_command("demo", stdout=StringIO())

    model = CollaborationModel.unscoped.select_related("coordinator").get()
    assert model.coordinator.email == "coordinator@brugge.demo"
    bodies = dict(
        CollaborationBody.unscoped.filter(collaboration_model=model).values_list(
            "name", "frequency"
        )
    )
    assert bodies["Klimaatteam gebouwen"] == bodies["Klimaatteam mobiliteit"] == "monthly"
    assert bodies["Stuurgroep klimaat"] == "quarterly"
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = coordinator.get(
        reverse("trajectory:collaboration_model", kwargs={"municipality": "brugge-demo"})
    )
    assert page.status_code == HTTPStatus.OK
    assert page.content.decode().count('class="contact-gap"') == 2


def test_the_demo_plan_of_approach_chooses_its_methods_from_the_diagnosis():
    call_command("demo", stdout=StringIO())

    plan = PlanOfApproach.unscoped.get()
    assert plan.municipality.slug == "brugge-demo"
    chosen = list(ChosenMethod.unscoped.filter(plan=plan).select_related("method"))
    assert [c.method.key for c in chosen] == [
        KICK_OFF_DAY,
        LUNCH_TALK,
        CLIMATE_TEAM,
        CLIMATE_TEAM,
        WORKSHOP,
    ]
    assert {c.title for c in chosen} >= {"Klimaatteam gebouwen", "Klimaatteam mobiliteit"}
    assert all(c.reason and c.finding and c.period for c in chosen)
    assert "diagnose" in chosen[0].reason

    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = coordinator.get(reverse("trajectory:plan", args=["brugge-demo"]))
    assert page.status_code == HTTPStatus.OK
    assert "Workshop dashboard klimaatacties" in page.content.decode()
