"""The coach's overview shows where each followed municipality's trajectory stands."""

from datetime import timedelta
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory
from daadkracht.testing.trajectory import started_trajectory
from daadkracht.trajectory.models import ChecklistItem, Phase, PhaseKind, PhaseState

OVERVIEW = reverse("coach_overview")


def _halfway(municipality) -> None:
    """Intake done, diagnosis under way; one responsibility done."""
    with tenant_scope(municipality):
        Phase.objects.filter(kind=PhaseKind.INTAKE).update(state=PhaseState.DONE)
        Phase.objects.filter(kind=PhaseKind.DIAGNOSIS).update(state=PhaseState.UNDER_WAY)
        ChecklistItem.objects.filter(key="contact-person").update(done_at=timezone.now())


def test_each_row_shows_the_current_phase_and_open_items_with_the_overdue_marked(world):
    MembershipFactory(user=world.users["coach"], municipality=world.b, role=Role.COACH)
    # Alfa started long ago: every responsibility's due date has passed.
    started_trajectory(world.a, started_on=timezone.localdate() - timedelta(weeks=80))
    _halfway(world.a)

    response = world.client_for("coach").get(OVERVIEW)

    assert response.status_code == HTTPStatus.OK
    rows = {row.municipality.slug: row for row in response.context["rows"]}
    alfa, beta = rows["alfa"], rows["beta"]
    assert alfa.phase_label == "Diagnose van de samenwerking"
    assert alfa.open_items == 5
    assert alfa.trajectory.overdue_items == 5
    assert beta.trajectory is None
    page = response.content.decode()
    assert "Diagnose van de samenwerking" in page
    assert "5 te laat" in page
    assert reverse("trajectory:overview", args=["alfa"]) in page
    assert "Niet gestart" in page


def test_sorting_by_phase_puts_the_furthest_last_and_those_not_started_at_the_end(world):
    MembershipFactory(user=world.users["coach"], municipality=world.b, role=Role.COACH)
    gamma = MunicipalityFactory(name="Gemeente Gamma", slug="gamma")
    MembershipFactory(user=world.users["coach"], municipality=gamma, role=Role.COACH)
    started_trajectory(world.a)
    _halfway(world.a)
    started_trajectory(gamma)

    response = world.client_for("coach").get(OVERVIEW + "?sort=phase")

    assert [r.municipality.slug for r in response.context["rows"]] == ["gamma", "alfa", "beta"]


def _coach_of(count: int, user) -> None:
    for n in range(count):
        municipality = MunicipalityFactory(
            name=f"Trajectgemeente {count}-{n}", slug=f"traject-{count}-{n}"
        )
        MembershipFactory(user=user, municipality=municipality, role=Role.COACH)
        started_trajectory(municipality)
        if n % 2:
            _halfway(municipality)


def test_the_trajectory_column_costs_one_query_for_all_municipalities(
    db, client, django_assert_max_num_queries
):
    counts = {}
    for followed in (2, 6):
        coach = UserFactory(email=f"trajectcoach{followed}@example.test")
        _coach_of(followed, coach)
        client.force_login(coach)
        client.get(OVERVIEW)
        # The page's queries (see tests/dashboard/test_following.py), here without diagnosis
        # rounds: their departments and answers are then not asked for.
        with django_assert_max_num_queries(11) as captured:
            rows = client.get(OVERVIEW + "?sort=checklist").context["rows"]
        assert len(rows) == followed
        assert all(row.trajectory is not None for row in rows)
        counts[followed] = len(captured)

    assert counts[2] == counts[6]
