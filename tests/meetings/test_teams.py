"""Climate teams per theme: members as chair, member or expert, from and until a date."""

from datetime import date
from http import HTTPStatus

import pytest

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.models import ClimateTeam, ClimateTeamMember
from daadkracht.plans.models import Theme
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def buildings(world) -> Theme:
    with tenant_scope(world.a):
        return Theme.objects.create(plan=world.plan_a, code="B1", name="Gebouwen")


def make_team(world, buildings) -> ClimateTeam:
    client = world.client_for("coordinator")
    response = client.post(
        url("meetings:team_create", world),
        {
            "name": "Klimaatteam gebouwen",
            "theme": buildings.pk,
            "description": "Elke maand, rapporteert aan het college.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    return ClimateTeam.unscoped.get()


def test_a_coordinator_makes_a_team_and_names_its_chair_and_an_expert(world, buildings):
    team = make_team(world, buildings)
    client = world.client_for("coordinator")

    client.post(
        url("meetings:team_member_add", world, pk=team.pk),
        {"user": world.users["editor"].pk, "role": "chair", "starts_on": "2026-01-01"},
    )
    client.post(
        url("meetings:team_member_add", world, pk=team.pk),
        {
            "user": world.users["viewer"].pk,
            "role": "expert",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )

    members = dict(ClimateTeamMember.unscoped.values_list("user__email", "role"))
    assert members == {"editor@alfa.test": "chair", "viewer@alfa.test": "expert"}
    page = world.client_for("viewer").get(url("meetings:team", world, pk=team.pk))
    text = page.content.decode()
    assert "Gebouwen" in text
    assert "Voorzitter" in text
    assert "niet nu" in text  # the expert's term is over
    list_page = world.client_for("viewer").get(url("meetings:teams", world)).content.decode()
    assert "Klimaatteam gebouwen" in list_page


def test_an_end_before_the_start_is_refused(world, buildings):
    team = make_team(world, buildings)

    response = world.client_for("coordinator").post(
        url("meetings:team_member_add", world, pk=team.pk),
        {
            "user": world.users["editor"].pk,
            "role": "member",
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "Het einde komt na het begin." in response.content.decode()
    assert not ClimateTeamMember.unscoped.exists()


def test_someone_of_another_municipality_cannot_join(world, buildings):
    team = make_team(world, buildings)

    world.client_for("coordinator").post(
        url("meetings:team_member_add", world, pk=team.pk),
        {"user": world.users["other_municipality"].pk, "role": "member"},
    )

    assert not ClimateTeamMember.unscoped.exists()


def test_removing_a_member_asks_first(world, buildings):
    team = make_team(world, buildings)
    with tenant_scope(world.a):
        member = ClimateTeamMember.objects.create(
            team=team, user=world.users["editor"], role="member", starts_on=date(2026, 1, 1)
        )
    client = world.client_for("coordinator")
    remove = url("meetings:team_member_remove", world, pk=team.pk, member=member.pk)

    assert "Editor Alfa" in client.get(remove).content.decode()
    assert ClimateTeamMember.unscoped.exists()
    client.post(remove)
    assert not ClimateTeamMember.unscoped.exists()


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_editors_and_viewers_only_read_teams(world, buildings, who):
    team = make_team(world, buildings)
    client = world.client_for(who)

    assert client.get(url("meetings:team", world, pk=team.pk)).status_code == HTTPStatus.OK
    response = client.post(
        url("meetings:team_member_add", world, pk=team.pk),
        {"user": world.users[who].pk, "role": "chair"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not ClimateTeamMember.unscoped.exists()


def test_another_municipality_does_not_see_the_team(world, buildings):
    team = make_team(world, buildings)

    response = world.client_for("other_municipality").get(url("meetings:team", world, pk=team.pk))

    assert response.status_code == HTTPStatus.NOT_FOUND
