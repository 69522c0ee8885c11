"""At a meeting, a new action of the plan is made: the plan's action form, proposed from the
meeting, and both pages link to each other."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.meetings.models import ClimateTeam, MeetingAction
from daadkracht.plans.models import Action, ActionDepartment, DepartmentRole, Theme
from tests.html_forms import posted_form
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(world) -> ClimateTeam:
    with tenant_scope(world.a):
        theme = Theme.objects.create(plan=world.plan_a, code="B1", name="Gebouwen")
        return ClimateTeam.objects.create(name="Klimaatteam gebouwen", theme=theme)


def new_action(response, **values) -> dict:
    """The proposed form as the browser posts it, with what the user typed."""
    data = posted_form(response, containing="identifier")
    data.update(values)
    return data


def test_an_action_made_at_a_meeting_is_proposed_from_it_and_links_both_ways(
    world, plan_meeting, team
):
    held = date.today() - timedelta(days=1)
    meeting = plan_meeting(
        title="Klimaatteam gebouwen: kwartaaloverleg", team=team.pk, date=held.isoformat()
    )
    client = world.client_for("coordinator")
    new = url("meetings:action_create", world, pk=meeting.pk)
    assert new in client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()

    form_page = client.get(new)
    form = form_page.context["form"]
    # The first department as the meeting page lists them leads; the others contribute.
    assert form.initial["lead_department"] == world.other_department_a.pk  # Groendienst
    assert form.initial["themes"] == [team.theme_id]
    assert [f.initial["department"] for f in form.involvement_forms.initial_forms] == [
        world.department_a.pk
    ]
    assert "Aangemaakt op de vergadering Klimaatteam gebouwen: kwartaaloverleg" in (
        form_page.content.decode()
    )
    response = client.post(
        new,
        new_action(
            form_page,
            identifier="B1.04",
            title="Dakisolatie van het gemeentehuis",
            description="Afgesproken op het kwartaaloverleg van het klimaatteam.",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url("meetings:detail", world, pk=meeting.pk)
    action = Action.unscoped.get(identifier="B1.04")
    assert action.lead_department == world.other_department_a
    with tenant_scope(world.a):
        assert list(action.themes.values_list("name", flat=True)) == ["Gebouwen"]
    assert ActionDepartment.unscoped.get(action=action).department == world.department_a
    assert ActionDepartment.unscoped.get(action=action).role == DepartmentRole.CONTRIBUTES
    assert MeetingAction.unscoped.get().meeting == meeting

    meeting_page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert "Acties aangemaakt op deze vergadering" in meeting_page
    assert "Dakisolatie van het gemeentehuis" in meeting_page
    assert url("plans:action_detail", world, pk=action.pk) in meeting_page
    action_page = world.client_for("viewer").get(url("plans:action_detail", world, pk=action.pk))
    text = action_page.content.decode()
    meeting_url = url("meetings:detail", world, pk=meeting.pk)
    assert (
        f'Aangemaakt op de vergadering <a href="{meeting_url}">'
        f"Klimaatteam gebouwen: kwartaaloverleg</a> ({held:%d/%m/%Y})"
    ) in text

    link = MeetingAction.unscoped.get()
    entry = AuditEntry.unscoped.get(content_type__model="meetingaction", object_id=str(link.pk))
    assert entry.action == "created"
    assert entry.actor == world.users["coordinator"]
    assert "kwartaaloverleg" in str(entry.changes)
    assert AuditEntry.unscoped.filter(
        content_type__model="action", object_id=str(action.pk), action="created"
    ).exists()


def test_an_editor_adds_the_action_for_their_own_department(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("editor")  # of Mobiliteit
    form_page = client.get(url("meetings:action_create", world, pk=meeting.pk))

    response = client.post(
        url("meetings:action_create", world, pk=meeting.pk),
        new_action(
            form_page,
            identifier="B3.09",
            title="Schoolstraten rond drie basisscholen",
            lead_department=world.other_department_a.pk,  # not theirs: refused
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert not Action.unscoped.filter(identifier="B3.09").exists()
    response = client.post(
        url("meetings:action_create", world, pk=meeting.pk),
        new_action(form_page, identifier="B3.09", title="Schoolstraten rond drie basisscholen"),
    )
    assert response.status_code == HTTPStatus.FOUND
    action = Action.unscoped.get(identifier="B3.09")
    assert action.lead_department == world.department_a
    assert MeetingAction.unscoped.get(action=action).meeting == meeting


def test_a_viewer_cannot_create_an_action_from_a_meeting(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("viewer")
    new = url("meetings:action_create", world, pk=meeting.pk)

    assert new not in client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert client.get(new).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        new,
        {"identifier": "X1", "title": "Stiekem", "status": "", "lead_department": ""},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not MeetingAction.unscoped.exists()
    assert not Action.unscoped.filter(identifier="X1").exists()


def test_another_municipality_cannot_create_an_action_from_the_meeting(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("other_municipality")

    response = client.post(
        url("meetings:action_create", world, pk=meeting.pk),
        {"identifier": "X1", "title": "Over de grens"},
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    own = f"/beta/overleg/{meeting.pk}/nieuwe-actie/"
    assert client.get(own).status_code == HTTPStatus.NOT_FOUND
    assert not MeetingAction.unscoped.exists()


def test_a_cancelled_meeting_takes_no_new_actions(world, plan_meeting):
    meeting = plan_meeting()
    client = world.client_for("coordinator")
    client.post(url("meetings:cancel", world, pk=meeting.pk))

    response = client.get(url("meetings:action_create", world, pk=meeting.pk))

    assert response.status_code == HTTPStatus.FOUND
    page = client.get(url("meetings:detail", world, pk=meeting.pk)).content.decode()
    assert url("meetings:action_create", world, pk=meeting.pk) not in page
