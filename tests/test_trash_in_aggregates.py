"""The trash never counts: an action, a theme or a department in the trash is left out of every
figure a user sees — counts per status and theme, dashboard figures, scoring rounds."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditAction, AuditEntry, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, ActionStatus, Theme
from daadkracht.plans.services.actions import action_delete
from daadkracht.plans.services.plan import theme_delete
from daadkracht.prioritisation.models import Criterion, ScoringRound
from daadkracht.prioritisation.services.scores import action_scores_save
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.services import department_delete
from daadkracht.testing.factories import ActionFactory, DepartmentFactory, as_platform


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": "alfa", **kwargs})


@dataclass
class Trash:
    live_theme: Theme
    trashed_theme: Theme
    trashed_action: Action
    trashed_department: Department
    scoring_round: ScoringRound


@as_platform
def _themes_and_action(world) -> tuple[Theme, Theme, Action]:
    live = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name="Mobiliteit")
    gone = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name="Oud thema")
    world.action_a.themes.add(live)
    world.other_action_a.themes.add(gone)
    action = ActionFactory.create(
        plan=world.plan_a,
        identifier="B9.99",
        title="Actie in de prullenbak",
        lead_department=world.department_a,
        budget_planned=Decimal(5000),
    )
    action.themes.add(live)
    return live, gone, action


def _open_round(coordinator: Client, actions: list[Action], world) -> ScoringRound:
    criteria = Criterion.unscoped.filter(plan=world.plan_a)
    coordinator.post(
        url("prioritisation:round_create"),
        {
            "title": "Workshop",
            "criteria": [c.pk for c in criteria],
            "selection": "ticked",
            "actions": [a.pk for a in actions],
        },
    )
    return ScoringRound.unscoped.latest("created_at")


def _guest_scores(scoring_round: ScoringRound, action: Action, world) -> None:
    guest = Client()
    guest.post(
        reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}),
        {"name": "Gast", "department": ""},
    )
    data = {"action": action.pk}
    for criterion in Criterion.unscoped.filter(plan=world.plan_a):
        data[f"a{action.pk}-c{criterion.pk}"] = "4"
    guest.post(reverse("workshop:score", kwargs={"join_code": scoring_round.join_code}), data)


@pytest.fixture
def trash(world) -> Trash:
    """An action, a theme and a department that had their part in every figure, then trashed."""
    live, gone, action = _themes_and_action(world)
    coordinator = world.client_for("coordinator")
    scoring_round = _open_round(coordinator, [world.action_a, action], world)
    _guest_scores(scoring_round, action, world)
    department = DepartmentFactory(municipality=world.a, name="Oude dienst")
    other_status = ActionStatus.unscoped.filter(plan=world.plan_a).exclude(pk=action.status_id)[0]
    with tenant_scope(world.a):
        criterion = Criterion.objects.filter(plan=world.plan_a).first()
        action_scores_save(actor=None, action=action, scores={criterion.pk: (5, "")})
        # A status changed by editing the action directly before the timeline recorded such
        # changes: in the history only, without a source.
        stored = Action.objects.get(pk=action.pk)
        before = snapshot(stored)
        Action.objects.filter(pk=action.pk).update(status=other_status)
        stored.refresh_from_db()
        entry = audit_record(
            actor=world.users["coordinator"],
            instance=stored,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        AuditEntry.objects.filter(pk=entry.pk).update(source="")
        actor = world.users["coordinator"]
        action_delete(actor=actor, action=stored)
        theme_delete(actor=actor, theme=Theme.objects.get(pk=gone.pk))
        department_delete(actor=actor, department=department)
    return Trash(live, gone, action, department, scoring_round)


def test_plan_settings_count_live_actions_per_status_and_theme(world, trash):
    response = world.client_for("viewer").get(url("plans:settings"))

    counts = {s.name: s.action_count for s in response.context["statuses"]}
    assert sum(counts.values()) == 2  # action_a and other_action_a
    tree = {node.theme.name: node.theme.action_count for node in response.context["theme_tree"]}
    assert tree == {"Mobiliteit": 1}


def test_dashboard_figures_leave_the_trash_out(world, trash):
    response = world.client_for("viewer").get("/alfa/")

    dashboard = response.context["dashboard"]
    assert dashboard.action_count == 2
    assert sum(s.count for s in dashboard.statuses) == 2
    themes = {str(t.theme) if t.theme else "": t.count for t in dashboard.themes}
    # The trashed theme's action stands without a theme, the trashed action nowhere.
    assert themes == {"Mobiliteit": 1, "": 1}
    assert dashboard.budget.planned == Decimal(0)
    assert dashboard.changes.status_changes.total == 0
    assert "Actie in de prullenbak" not in response.content.decode()
    assert [d.name for d in response.context["departments"]] == ["Groendienst", "Mobiliteit"]


def test_the_department_dashboard_leaves_the_trash_out(world, trash):
    client = world.client_for("viewer")
    response = client.get(f"/alfa/dashboard/dienst/{world.department_a.pk}/")

    dashboard = response.context["dashboard"]
    assert (dashboard.lead_count, dashboard.involved_count) == (1, 0)
    assert client.get(f"/alfa/dashboard/dienst/{trash.trashed_department.pk}/").status_code == (
        HTTPStatus.NOT_FOUND
    )


def test_the_department_list_shows_live_departments_and_counts_the_trash_apart(world, trash):
    response = world.client_for("coordinator").get(url("tenancy:departments"))

    names = [d.name for d in response.context["departments"]]
    assert "Oude dienst" not in names
    assert response.context["trash_count"] == 1


def test_scoring_rounds_count_live_actions_and_scores(world, trash):
    client = world.client_for("coordinator")

    rounds = client.get(url("prioritisation:rounds")).context["rounds"]
    detail = client.get(url("prioritisation:round_detail", pk=trash.scoring_round.pk))
    results = client.get(url("prioritisation:round_results", pk=trash.scoring_round.pk)).context[
        "results"
    ]

    assert [r.action_count for r in rounds] == [1]
    assert [a.identifier for a in detail.context["actions"]] == ["B3.01"]
    # The guest scored the trashed action only: a participant who scored nothing that counts.
    assert len(results.participants) == 1
    assert results.participants_who_scored == 0
    assert [r.action.identifier for r in results.actions] == ["B3.01"]


def test_the_ranking_counts_scores_of_live_actions_only(world, trash):
    response = world.client_for("viewer").get(url("prioritisation:priorities"))

    assert response.context["scored_count"] == 0
    assert "B9.99" not in [row["action"].identifier for row in response.context["rows"]]


def test_a_trashed_department_leaves_the_involvement_lists_and_comes_back_restored(world):
    from daadkracht.plans.models import ActionDepartment
    from daadkracht.tenancy.models import Department
    from daadkracht.tenancy.services import department_restore

    with tenant_scope(world.a):
        ActionDepartment.objects.create(
            action=world.action_a, department=world.other_department_a, role="contributes"
        )
    coordinator = world.client_for("coordinator")
    with world.as_member("coordinator"):
        department_delete(actor=world.users["coordinator"], department=world.other_department_a)

    page = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/")
    export = coordinator.get("/alfa/plan/acties/export/?format=csv").getvalue().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(export), delimiter=";"))
    involved = {row["Nummer"]: row["Betrokken diensten"] for row in rows}
    form = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/bewerken/").context["formset"]

    assert page.context["involvements"] == []
    assert "Groendienst" not in involved[world.action_a.identifier]
    assert [f.initial for f in form.forms if f.initial] == []

    with world.as_member("coordinator"):
        department = Department.trash.get(pk=world.other_department_a.pk)
        department_restore(actor=world.users["coordinator"], department=department)

    page = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/")
    assert [i.department.name for i in page.context["involvements"]] == ["Groendienst"]
