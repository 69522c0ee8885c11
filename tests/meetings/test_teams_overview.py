"""A climate team's page: its members now and before, the actions of its theme, its work
agreements and its meetings; and meetings and agreements that belong to a team."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.models import (
    ClimateTeam,
    ClimateTeamMember,
    Meeting,
    MeetingKind,
    WorkAgreement,
)
from daadkracht.plans.models import ActionStatus, Theme
from daadkracht.testing.factories import ActionFactory
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(world) -> ClimateTeam:
    with tenant_scope(world.a):
        buildings = Theme.objects.create(plan=world.plan_a, code="B1", name="Gebouwen")
        Theme.objects.create(plan=world.plan_a, parent=buildings, code="B1.1", name="Scholen")
        return ClimateTeam.objects.create(name="Klimaatteam gebouwen", theme=buildings)


def add_rows(world, team: ClimateTeam, number: int) -> None:
    """`number` actions of the theme (half of them in a sub-theme), agreements and meetings."""
    today = timezone.localdate()
    now = timezone.now()
    with tenant_scope(world.a):
        themes = list(Theme.objects.filter(code__startswith="B1").order_by("code"))
        statuses = list(ActionStatus.objects.filter(plan=world.plan_a))
        for n in range(number):
            action = ActionFactory.create(
                plan=world.plan_a,
                title=f"Renovatie gebouw {team.pk}-{n}",
                status=statuses[n % len(statuses)],
                lead_department=world.department_a,
            )
            action.themes.add(themes[n % 2])
            WorkAgreement.objects.create(
                title=f"Energieboekhouding gebouw {n}",
                status="agreed" if n % 2 else "done",
                due_date=today - timedelta(days=10 + n),
                team=team,
            )
            Meeting.objects.create(
                title=f"Teamoverleg {n}",
                kind=MeetingKind.OTHER,
                starts_at=now + timedelta(days=n - number // 2 + 0.5),
                ends_at=now + timedelta(days=n - number // 2 + 0.6),
                team=team,
            )
            ClimateTeamMember.objects.create(
                team=team,
                user=world.users["editor" if n % 2 else "viewer"],
                role="member",
                ends_on=date(2025, 12, 31) if n % 2 else None,
            )


def test_the_team_page_shows_members_actions_agreements_and_meetings(world, team):
    with tenant_scope(world.a):
        ClimateTeamMember.objects.create(
            team=team, user=world.users["coordinator"], role="chair", starts_on=date(2024, 1, 1)
        )
        ClimateTeamMember.objects.create(
            team=team,
            user=world.users["coach"],
            role="expert",
            starts_on=date(2023, 1, 1),
            ends_on=date(2024, 6, 30),
        )
        status = ActionStatus.objects.filter(plan=world.plan_a).order_by("position").first()
        school = ActionFactory.create(
            plan=world.plan_a, identifier="B1.1.02", title="Relighting in de scholen"
        )
        school.themes.add(Theme.objects.get(code="B1.1"))
        ActionFactory.create(plan=world.plan_a, identifier="B9.01", title="Niet van het team")
        late = WorkAgreement.objects.create(
            title="Facilitair meldt elk stookseizoen het verbruik",
            status="agreed",
            due_date=timezone.localdate() - timedelta(days=3),
            team=team,
        )
        WorkAgreement.objects.create(title="Oude afspraak", status="done", team=team)
        WorkAgreement.objects.create(title="Afspraak van een ander team", status="agreed")
        now = timezone.now()
        Meeting.objects.create(
            title="Klimaatteam: planning renovaties",
            kind=MeetingKind.OTHER,
            starts_at=now + timedelta(days=7),
            ends_at=now + timedelta(days=7, hours=2),
            team=team,
        )
        Meeting.objects.create(
            title="Klimaatteam: startvergadering",
            kind=MeetingKind.OTHER,
            starts_at=now - timedelta(days=30),
            ends_at=now - timedelta(days=30) + timedelta(hours=2),
            team=team,
        )

    response = world.client_for("viewer").get(url("meetings:team", world, pk=team.pk))

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    members, past = text.index("Coordinator Alfa"), text.index("Vroegere leden")
    assert members < past < text.index("Coach Alfa")
    assert "Relighting in de scholen" in text  # an action of a sub-theme counts
    assert url("plans:action_detail", world, pk=school.pk) in text
    assert "Niet van het team" not in text
    assert "1 actie:" in text
    assert status.display_name in text
    assert f"{url('plans:actions', world)}?theme={team.theme_id}" in text
    assert text.index("Facilitair meldt") < text.index("Oude afspraak")  # open ones first
    late_line = text[text.index("Facilitair meldt") - 300 : text.index("Facilitair meldt")]
    assert "te laat" in late_line
    assert url("agreements:detail", world, pk=late.pk) in text
    assert "Afspraak van een ander team" not in text
    assert text.index("Volgende vergaderingen") < text.index("planning renovaties")
    assert text.index("Voorbije vergaderingen") < text.index("startvergadering")


def test_the_team_page_asks_the_same_number_of_queries_for_more_rows(world, team):
    client = world.client_for("coordinator")
    page = url("meetings:team", world, pk=team.pk)
    add_rows(world, team, 2)
    client.get(page)  # caches warmed

    with CaptureQueriesContext(connection) as few:
        assert client.get(page).status_code == HTTPStatus.OK
    add_rows(world, team, 14)
    with CaptureQueriesContext(connection) as many:
        response = client.get(page)

    assert "Teamoverleg 13" in response.content.decode()
    assert len(many) == len(few)


def test_a_meeting_of_the_team_page_is_proposed_for_the_team(world, team):
    client = world.client_for("coordinator")
    team_page = client.get(url("meetings:team", world, pk=team.pk)).content.decode()
    plan = f"{url('meetings:create', world)}?method=climate-team&amp;team={team.pk}"
    assert plan in team_page

    form = client.get(url("meetings:create", world), {"method": "climate-team", "team": team.pk})

    assert form.context["form"].initial["team"] == team
    assert form.context["form"].initial["kind"] == MeetingKind.METHOD


def test_a_meeting_names_its_team_and_the_team_lists_it(world, team, plan_meeting):
    meeting = plan_meeting(team=team.pk, title="Klimaatteam gebouwen: werkbezoek")

    assert meeting.team == team
    client = world.client_for("viewer")
    detail = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert url("meetings:team", world, pk=team.pk) in detail
    team_page = client.get(url("meetings:team", world, pk=team.pk)).content.decode()
    assert "Klimaatteam gebouwen: werkbezoek" in team_page


def test_the_meeting_form_refuses_a_team_of_another_municipality(world, plan_meeting):
    with tenant_scope(world.b):
        foreign = ClimateTeam.objects.create(name="Klimaatteam mobiliteit Beta")
    data = {
        "title": "Overleg met een vreemd team",
        "kind": "other",
        "date": (date.today() + timedelta(days=7)).isoformat(),
        "start_time": "10:00",
        "end_time": "11:00",
        "team": foreign.pk,
    }

    response = world.client_for("coordinator").post(url("meetings:create", world), data)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["team"]
    assert not Meeting.unscoped.exists()


def test_an_agreement_of_the_team_shows_on_the_team_page(world, team):
    client = world.client_for("coordinator")
    form = client.get(url("agreements:create", world), {"team": team.pk})
    assert form.context["form"].initial["team"] == team

    response = client.post(
        url("agreements:create", world),
        {
            "title": "Patrimonium en Mobiliteit plannen fietsenstallingen bij elke renovatie",
            "status": "agreed",
            "team": team.pk,
            "party_1_department": world.department_a.pk,
            "party_2_department": world.other_department_a.pk,
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    agreement = WorkAgreement.unscoped.get()
    assert agreement.team == team
    team_page = client.get(url("meetings:team", world, pk=team.pk)).content.decode()
    assert "Patrimonium en Mobiliteit plannen fietsenstallingen" in team_page
    detail = client.get(url("agreements:detail", world, pk=agreement.pk)).content.decode()
    assert url("meetings:team", world, pk=team.pk) in detail


def test_the_agreement_form_refuses_a_team_of_another_municipality(world):
    with tenant_scope(world.b):
        foreign = ClimateTeam.objects.create(name="Klimaatteam mobiliteit Beta")

    response = world.client_for("coordinator").post(
        url("agreements:create", world),
        {
            "title": "Afspraak met een vreemd team",
            "status": "agreed",
            "team": foreign.pk,
            "party_1_department": world.department_a.pk,
            "party_2_department": world.other_department_a.pk,
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert not WorkAgreement.unscoped.exists()


def test_the_meeting_list_names_the_team_and_filters_by_it(world, plan_meeting):
    with world.as_member("coordinator"):
        team = ClimateTeam.objects.create(name="Klimaatteam mobiliteit")
    planned = plan_meeting(title="Overleg klimaatteam mobiliteit", team=team.pk)
    other = plan_meeting(title="Lunchgesprek met Financiën")
    client = world.client_for("viewer")

    listed = client.get(url("meetings:list", world)).content.decode()
    assert "Klimaatteam mobiliteit" in listed
    only_team = client.get(url("meetings:list", world) + f"?team={team.pk}").content.decode()
    assert planned.title in only_team
    assert other.title not in only_team
    export = client.get(url("meetings:list", world) + f"?team={team.pk}&export=csv")
    assert "Klimaatteam mobiliteit" in b"".join(export.streaming_content).decode("utf-8-sig")
    # An id of nothing, or of another municipality's team, shows no meetings and no error.
    assert client.get(url("meetings:list", world) + "?team=999999").status_code == 200
