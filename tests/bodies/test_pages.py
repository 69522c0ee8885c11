"""The coordinator sets up the bodies of the alliance and their members through the pages; every
member reads them."""

from datetime import timedelta
from http import HTTPStatus

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMeeting, BodyMembership, GovernanceBody
from daadkracht.history.models import AuditEntry
from daadkracht.meetings.models import Meeting
from daadkracht.plans.models import Theme
from tests.bodies.conftest import url


def test_an_empty_list_proposes_the_light_structure_in_one_click(world):
    with tenant_scope(world.a):
        for position, (code, name) in enumerate((("B1", "Warmte"), ("B3", "Mobiliteit"))):
            Theme.objects.create(plan=world.plan_a, code=code, name=name, position=position)
    client = world.client_for("coordinator")
    page = client.get(url("bodies:list", world)).content.decode()
    assert "Nog geen organen." in page
    assert "Stel deze structuur voor" in page
    response = client.post(url("bodies:propose", world))
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        kinds = sorted(GovernanceBody.objects.values_list("kind", flat=True))
        workbenches = GovernanceBody.objects.filter(kind=BodyKind.WORKBENCH)
        assert sorted(t.name for b in workbenches for t in b.themes.all()) == [
            "Mobiliteit",
            "Warmte",
        ]
    assert kinds == sorted(
        ["policy_group", "sounding_board", "workbench", "workbench", "open_network"]
    )
    listing = client.get(url("bodies:list", world)).content.decode()
    assert "Beleidsgroep" in listing
    assert "Klimaatwerkbank Warmte" in listing
    # A second click adds nothing.
    client.post(url("bodies:propose", world))
    with tenant_scope(world.a):
        assert GovernanceBody.objects.count() == 5


def test_a_viewer_sees_the_empty_list_without_the_button(world):
    page = world.client_for("viewer").get(url("bodies:list", world)).content.decode()
    assert "Nog geen organen." in page
    assert "Stel deze structuur voor" not in page
    assert "De coördinator zet de organen op." in page


def test_the_network_pages_lead_to_the_bodies(world):
    page = world.client_for("viewer").get(url("stakeholders:organisations", world))
    assert url("bodies:list", world) in page.content.decode()


def test_the_list_shows_kind_themes_members_and_next_meeting(world, alliance):
    with tenant_scope(world.a):
        start = timezone.now() + timedelta(days=10)
        meeting = Meeting.objects.create(
            title="Beleidsgroep voorjaar",
            kind="other",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
        BodyMeeting.objects.create(body=alliance.policy_group, meeting=meeting)
    client = world.client_for("viewer")
    response = client.get(url("bodies:list", world))
    page = response.content.decode()
    bodies = {b.name: b for b in response.context["bodies"]}
    assert bodies["Beleidsgroep klimaat"].member_count == 2  # Jan's membership ended
    assert bodies["Klankbordgroep"].member_count == 1
    assert bodies["Beleidsgroep klimaat"].next_meeting_at == start
    assert bodies["Klankbordgroep"].next_meeting_at is None
    assert "Fossielvrij verwarmen" in page
    filtered = client.get(url("bodies:list", world) + "?kind=workbench")
    assert [b.name for b in filtered.context["bodies"]] == ["Klimaatwerkbank warmte"]
    by_theme = client.get(url("bodies:list", world) + f"?theme={alliance.energy.pk}")
    assert [b.name for b in by_theme.context["bodies"]] == ["Klimaatwerkbank warmte"]
    none = client.get(url("bodies:list", world) + "?kind=open_network").content.decode()
    assert "Geen orgaan voldoet aan deze filters." in none


def test_the_coordinator_adds_a_workbench_which_needs_a_theme(world, alliance):
    client = world.client_for("coordinator")
    data = {
        "name": "Klimaatwerkbank zon",
        "kind": "workbench",
        "mandate": "Zonnepanelen op alle scholen.",
        "meets": "elke maand",
        "notes": "",
    }
    response = client.post(url("bodies:create", world), data)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Een klimaatwerkbank werkt aan minstens één thema" in page
    assert "Zonnepanelen op alle scholen." in page  # what was typed stays
    response = client.post(url("bodies:create", world), {**data, "themes": [alliance.energy.pk]})
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        body = GovernanceBody.objects.get(name="Klimaatwerkbank zon")
        assert AuditEntry.objects.filter(object_id=str(body.pk), action="created").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Zonnepanelen op alle scholen." in page
    assert "elke maand" in page


def test_the_body_page_shows_current_past_members_and_delegations(world, alliance):
    client = world.client_for("coordinator")
    page = client.get(url("bodies:detail", world, pk=alliance.policy_group.pk)).content.decode()
    assert "Stuurt het klimaatplan met de partners." in page
    current, past = page.split('id="past-members"')
    assert "Els Vandamme" in current
    assert "IVBO" in current
    assert "Jan Declercq" not in current
    assert "Jan Declercq" in past
    # The sounding board's delegate shows on the policy group's page …
    delegations = current.split('id="delegations"')[1]
    assert "Sofie Maertens" in delegations
    assert "Klankbordgroep" in delegations
    # … and on the sounding board's.
    board = client.get(url("bodies:detail", world, pk=alliance.sounding_board.pk)).content.decode()
    delegations = board.split('id="delegations"')[1]
    assert "Sofie Maertens" in delegations
    assert "Beleidsgroep klimaat" in delegations


def test_a_member_is_added_and_ended_and_stays_as_past_composition(world, alliance):
    client = world.client_for("coordinator")
    add = url("bodies:member_add", world, pk=alliance.workbench.pk)
    response = client.post(
        add,
        {"organisation": alliance.fluvius.pk, "role": "observer", "starts_on": "2025-03-01"},
    )
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        membership = BodyMembership.objects.get(body=alliance.workbench)
    end = url("bodies:member_end", world, pk=alliance.workbench.pk, membership=membership.pk)
    confirm = client.get(end).content.decode()
    assert "Een lidmaatschap van Klimaatwerkbank warmte beëindigen?" in confirm
    assert "Fluvius" in confirm
    yesterday = timezone.localdate() - timedelta(days=1)
    assert client.post(end, {"ends_on": yesterday.isoformat()}).status_code == HTTPStatus.FOUND
    membership.refresh_from_db()
    assert membership.ends_on == yesterday
    page = client.get(url("bodies:detail", world, pk=alliance.workbench.pk)).content.decode()
    current, past = page.split('id="past-members"')
    assert "Fluvius" not in current.split('id="members"')[1].split('id="delegations"')[0]
    assert "Fluvius" in past


def test_a_membership_needs_a_person_or_an_organisation_not_both(world, alliance):
    client = world.client_for("coordinator")
    add = url("bodies:member_add", world, pk=alliance.workbench.pk)
    for data in (
        {"role": "member", "starts_on": "2025-03-01"},
        {
            "contact": alliance.els.pk,
            "organisation": alliance.ivbo.pk,
            "role": "member",
            "starts_on": "2025-03-01",
        },
    ):
        response = client.post(add, data)
        assert response.status_code == HTTPStatus.OK
        assert "Kies een persoon of een organisatie, niet allebei." in response.content.decode()
    response = client.post(
        add,
        {
            "contact": alliance.els.pk,
            "role": "member",
            "starts_on": "2025-03-01",
            "ends_on": "2024-03-01",
        },
    )
    assert "Het einde komt na het begin." in response.content.decode()
    assert 'value="2025-03-01"' in response.content.decode()
    with tenant_scope(world.a):
        assert not BodyMembership.objects.filter(body=alliance.workbench).exists()


def test_a_body_cannot_delegate_to_itself(world, alliance):
    client = world.client_for("coordinator")
    response = client.post(
        url("bodies:member_add", world, pk=alliance.workbench.pk),
        {
            "contact": alliance.els.pk,
            "role": "delegate",
            "starts_on": "2025-03-01",
            "delegated_to": alliance.workbench.pk,
        },
    )
    assert response.status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert not BodyMembership.objects.filter(body=alliance.workbench).exists()


def test_the_coordinator_plans_a_meeting_of_the_body(world, alliance, mailoutbox):
    client = world.client_for("coordinator")
    target = url("bodies:meeting_create", world, pk=alliance.policy_group.pk)
    form = client.get(target)
    assert form.context["form"].initial["title"] == "Beleidsgroep klimaat"
    day = timezone.localdate() + timedelta(days=14)
    response = client.post(
        target,
        {
            "title": "Beleidsgroep najaar",
            "date": day.isoformat(),
            "start_time": "14:00",
            "end_time": "16:00",
            "place": "Stadhuis, Burg 12",
            "agenda": "1. Voortgang Bruggen\n2. Budget 2027",
            "attendees": [world.users["viewer"].pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        link = BodyMeeting.objects.select_related("meeting").get(body=alliance.policy_group)
    assert link.meeting.title == "Beleidsgroep najaar"
    assert response["Location"] == url("meetings:detail", world, pk=link.meeting.pk)
    page = client.get(url("bodies:detail", world, pk=alliance.policy_group.pk)).content.decode()
    upcoming = page.split("Volgende vergaderingen")[1].split("Voorbije vergaderingen")[0]
    assert "Beleidsgroep najaar" in upcoming


def test_a_past_meeting_shows_under_past_meetings(world, alliance):
    with tenant_scope(world.a):
        start = timezone.now() - timedelta(days=40)
        meeting = Meeting.objects.create(
            title="Startvergadering klankbord",
            kind="other",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            decisions="Sofie wordt afgevaardigde.",
        )
        BodyMeeting.objects.create(body=alliance.sounding_board, meeting=meeting)
    page = world.client_for("viewer").get(
        url("bodies:detail", world, pk=alliance.sounding_board.pk)
    )
    past = page.content.decode().split("Voorbije vergaderingen")[1]
    assert "Startvergadering klankbord" in past
    assert "beslissingen genoteerd" in past


def test_a_meeting_form_with_an_error_keeps_what_was_typed(world, alliance):
    response = world.client_for("coordinator").post(
        url("bodies:meeting_create", world, pk=alliance.policy_group.pk),
        {
            "title": "Beleidsgroep",
            "date": "2027-01-10",
            "start_time": "16:00",
            "end_time": "15:00",
            "place": "Zaal Ter Duinen",
        },
    )
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "De vergadering moet eindigen na het begin." in page
    assert "Zaal Ter Duinen" in page


def test_the_list_exports_to_csv_and_excel(world, alliance):
    client = world.client_for("viewer")
    response = client.get(url("bodies:list", world) + "?export=csv")
    assert response.status_code == HTTPStatus.OK
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    assert "Beleidsgroep klimaat" in text
    assert "Fossielvrij verwarmen" in text
    assert "Els Vandamme" not in text
    response = client.get(url("bodies:list", world) + "?export=xlsx&kind=workbench")
    assert response.status_code == HTTPStatus.OK
    assert "spreadsheet" in response["Content-Type"]


def test_two_people_editing_a_body_do_not_overwrite_each_other(world, alliance):
    client = world.client_for("coordinator")
    edit = url("bodies:edit", world, pk=alliance.sounding_board.pk)
    base = client.get(edit).context["form"].initial
    data = {
        "name": "Klankbordgroep",
        "kind": "sounding_board",
        "mandate": "Advies van lokale experten.",
        "meets": "",
        "notes": "",
        "version": base["version"],
        "base": base["base"],
    }
    assert client.post(edit, data).status_code == HTTPStatus.FOUND
    # A second editor, from the same old version, changed the mandate too.
    response = client.post(edit, {**data, "mandate": "Advies over armoede en klimaat."})
    assert response.status_code == HTTPStatus.OK
    assert "Advies over armoede en klimaat." in response.content.decode()
    alliance.sounding_board.refresh_from_db()
    assert alliance.sounding_board.mandate == "Advies van lokale experten."
