"""The administrative collaboration model: reading it, starting from the suggestion, editing
its coordination, bodies and climate contacts, the contacts as a file, and what the plan of
approach includes."""

import csv
import io
from http import HTTPStatus

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.testing.factories import DepartmentFactory, MembershipFactory, UserFactory
from daadkracht.testing.trajectory import proposed_collaboration_model
from daadkracht.trajectory.models import (
    BodyKind,
    ClimateContactName,
    CollaborationBody,
    CollaborationModel,
    MeetingFrequency,
)
from daadkracht.trajectory.selectors import collaboration_model_summary
from tests.html_forms import posted_form


def url(world, name: str) -> str:
    return reverse(f"trajectory:{name}", kwargs={"municipality": world.a.slug})


def text_of(response) -> str:
    return response.content.decode()


def propose(world) -> CollaborationModel:
    response = world.client_for("coordinator").post(url(world, "collaboration_model_propose"))
    assert response.status_code == HTTPStatus.FOUND
    return CollaborationModel.unscoped.get(municipality=world.a)


# --- Reading and the empty state


def test_a_new_municipality_is_told_how_to_start_and_offered_a_suggestion(world):
    page = world.client_for("coordinator").get(url(world, "collaboration_model"))

    assert page.status_code == HTTPStatus.OK
    text = text_of(page)
    assert "nog niet beschreven" in text
    assert "stuurgroep" in text
    assert url(world, "collaboration_model_propose") in text
    # Both departments of Alfa show as gaps.
    assert "0 van 2 diensten hebben een klimaataanspreekpunt" in text


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_every_member_reads_the_model_without_edit_buttons(world, role):
    propose(world)

    page = world.client_for(role).get(url(world, "collaboration_model"))

    assert page.status_code == HTTPStatus.OK
    text = text_of(page)
    assert "Klimaatteam gebouwen" in text
    assert "Stuurgroep" in text
    assert url(world, "collaboration_model_edit") not in text
    assert url(world, "collaboration_contacts_edit") not in text
    assert url(world, "collaboration_model_propose") not in text


def test_the_suggestion_names_the_coordinator_and_the_route_to_the_executive_board(world):
    model = propose(world)

    page = world.client_for("coach").get(url(world, "collaboration_model"))

    text = text_of(page)
    assert model.coordinator == world.users["coordinator"]
    assert "Coordinator Alfa" in text
    assert [b.name for b in CollaborationBody.unscoped.filter(collaboration_model=model)] == [
        "Klimaatteam gebouwen",
        "Klimaatteam mobiliteit",
        "Stuurgroep",
    ]
    steering = CollaborationBody.unscoped.get(collaboration_model=model, name="Stuurgroep")
    assert steering.frequency == MeetingFrequency.QUARTERLY
    # The route as an ordered list, the executive board last.
    route = text.split('class="decision-route"')[1].split("</ol>")[0]
    assert (
        route.index("Klimaatteam")
        < route.index("Stuurgroep")
        < route.index("College van burgemeester en schepenen")
    )
    # Proposing twice keeps the first model.
    again = world.client_for("coach").post(url(world, "collaboration_model_propose"), follow=True)
    assert "al beschreven" in text_of(again)
    assert CollaborationModel.unscoped.filter(municipality=world.a).count() == 1


def test_the_trajectory_overview_and_its_subnav_link_to_the_model(world):
    from daadkracht.testing.trajectory import started_trajectory

    started_trajectory(world.a)
    page = world.client_for("viewer").get(url(world, "overview"))

    assert url(world, "collaboration_model") in text_of(page)
    assert 'class="subnav"' in text_of(page)


# --- Editing: who may, and concurrency


@pytest.mark.parametrize("role", ["coordinator", "coach"])
def test_the_coordinator_and_the_coach_describe_the_coordination(world, role):
    client = world.client_for(role)
    data = posted_form(client.get(url(world, "collaboration_model_edit")), containing="mandate")
    data.update(
        {
            "coordinator": str(world.users["coordinator"].pk),
            "coordinating_department": str(world.other_department_a.pk),
            "mandate": "Roept de klimaatteams samen",
            "decision_route": "Klimaatteam\nStuurgroep\nCollege van burgemeester en schepenen",
            "reporting_rhythm": "half_yearly",
            "reporting_note": "Nota aan het college",
        }
    )

    response = client.post(url(world, "collaboration_model_edit"), data, follow=True)

    assert response.status_code == HTTPStatus.OK
    text = text_of(response)
    assert "Roept de klimaatteams samen" in text
    assert "elk halfjaar" in text
    assert "College van burgemeester en schepenen" in text
    model = CollaborationModel.unscoped.get(municipality=world.a)
    assert AuditEntry.unscoped.filter(object_id=str(model.pk), municipality=world.a).exists()


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_editors_and_viewers_cannot_edit_the_model(world, role):
    client = world.client_for(role)

    for name in [
        "collaboration_model_edit",
        "collaboration_bodies_edit",
        "collaboration_contacts_edit",
    ]:
        assert client.get(url(world, name)).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url(world, "collaboration_model_propose")).status_code == 403
    assert not CollaborationModel.unscoped.exists()


def test_another_municipality_reads_and_changes_nothing_of_it(world):
    propose(world)
    outsider = world.client_for("other_municipality")

    assert outsider.get(url(world, "collaboration_model")).status_code == HTTPStatus.NOT_FOUND
    assert outsider.post(url(world, "collaboration_contacts_edit"), {}).status_code == 404
    # Its own page shows its own, empty model.
    own = reverse("trajectory:collaboration_model", kwargs={"municipality": world.b.slug})
    text = text_of(outsider.get(own))
    assert "Klimaatteam gebouwen" not in text
    assert "Mobiliteit" not in text


def test_a_concurrent_edit_of_the_coordination_is_detected(world):
    propose(world)
    coordinator, coach = world.client_for("coordinator"), world.client_for("coach")
    edit = url(world, "collaboration_model_edit")
    mine = posted_form(coordinator.get(edit))
    theirs = posted_form(coach.get(edit))
    theirs["mandate"] = "Mandaat van de coach"
    assert coach.post(edit, theirs).status_code == HTTPStatus.FOUND

    mine["mandate"] = "Mandaat van de coördinator"
    response = coordinator.post(edit, mine)

    # Both changed the mandate: asked, with both versions; nothing overwritten.
    assert response.status_code == HTTPStatus.OK
    text = text_of(response)
    assert "Mandaat van de coach" in text
    assert "Mandaat van de coördinator" in text
    model = CollaborationModel.unscoped.get(municipality=world.a)
    assert model.mandate == "Mandaat van de coach"


def test_bodies_are_added_changed_and_removed(world):
    model = propose(world)
    client = world.client_for("coordinator")
    edit = url(world, "collaboration_bodies_edit")
    data = posted_form(client.get(edit), containing="model-version")
    # Row 0 is the climate team buildings, row 2 the steering group, row 3 a new one.
    data.update(
        {
            "body-0-chair": "Diensthoofd Gebouwen",
            "body-0-frequency_note": "eerste dinsdag",
            "body-2-DELETE": "on",
            "body-3-name": "Managementteam",
            "body-3-kind": BodyKind.MANAGEMENT_TEAM,
            "body-3-frequency": MeetingFrequency.WEEKLY,
            "body-3-decides": "Zet de klimaatacties op de agenda",
        }
    )

    response = client.post(edit, data, follow=True)

    assert response.status_code == HTTPStatus.OK
    names = list(
        CollaborationBody.unscoped.filter(collaboration_model=model).values_list("name", flat=True)
    )
    assert names == ["Klimaatteam gebouwen", "Klimaatteam mobiliteit", "Managementteam"]
    text = text_of(response)
    assert "Diensthoofd Gebouwen" in text
    assert "elke week" in text
    assert AuditEntry.unscoped.filter(municipality=world.a, action="removed").exists()


def test_a_concurrent_edit_of_the_bodies_keeps_what_was_typed(world):
    propose(world)
    coordinator, coach = world.client_for("coordinator"), world.client_for("coach")
    edit = url(world, "collaboration_bodies_edit")
    mine = posted_form(coordinator.get(edit), containing="model-version")
    theirs = posted_form(coach.get(edit), containing="model-version")
    theirs["body-1-chair"] = "Schepen van Mobiliteit"
    assert coach.post(edit, theirs).status_code == HTTPStatus.FOUND

    mine["body-0-chair"] = "Diensthoofd Facility"
    response = coordinator.post(edit, mine)

    assert response.status_code == HTTPStatus.OK
    text = text_of(response)
    assert "het samenwerkingsmodel intussen gewijzigd" in text
    assert 'value="Diensthoofd Facility"' in text
    assert "Schepen van Mobiliteit" in text  # what is saved now
    assert not CollaborationBody.unscoped.filter(chair="Diensthoofd Facility").exists()
    # The coach's chair is in the form now: saving again keeps both changes.
    again = posted_form(response, containing="model-version")
    assert again["body-1-chair"] == "Schepen van Mobiliteit"
    assert coordinator.post(edit, again).status_code == HTTPStatus.FOUND
    chairs = CollaborationBody.unscoped.filter(municipality=world.a).values_list("chair", flat=True)
    assert list(chairs) == ["Diensthoofd Facility", "Schepen van Mobiliteit", ""]


def test_a_new_body_without_a_name_is_refused_and_kept(world):
    client = world.client_for("coach")
    edit = url(world, "collaboration_bodies_edit")
    data = posted_form(client.get(edit), containing="model-version")
    data.update({"body-0-participants": "Alle diensthoofden", "body-0-name": ""})

    response = client.post(edit, data)

    assert response.status_code == HTTPStatus.OK
    assert "Geef het overlegorgaan een naam." in text_of(response)
    assert "Alle diensthoofden" in text_of(response)
    assert not CollaborationModel.unscoped.exists()


# --- Climate contacts


def _contacts_form(world, client) -> dict:
    return posted_form(client.get(url(world, "collaboration_contacts_edit")), containing="basis")


def test_contacts_are_named_and_a_department_without_one_shows_as_a_gap(world):
    client = world.client_for("coordinator")
    data = _contacts_form(world, client)
    data[f"member_{world.department_a.pk}"] = str(world.users["editor"].pk)

    response = client.post(url(world, "collaboration_contacts_edit"), data, follow=True)

    assert response.status_code == HTTPStatus.OK
    text = text_of(response)
    assert "1 van 2 diensten hebben een klimaataanspreekpunt" in text
    gap_row = text.split('class="contact-gap"')[1].split("</tr>")[0]
    assert "Groendienst" in gap_row
    assert "nog geen klimaataanspreekpunt" in gap_row
    # The member is the department's climate contact, everywhere it shows.
    world.department_a.refresh_from_db()
    assert world.department_a.climate_contact == world.users["editor"]
    assert AuditEntry.unscoped.filter(
        municipality=world.a, object_id=str(world.department_a.pk)
    ).exists()


def test_a_contact_without_an_account_is_kept_by_name(world):
    client = world.client_for("coach")
    data = _contacts_form(world, client)
    data[f"name_{world.other_department_a.pk}"] = "Jan De Groene"

    response = client.post(url(world, "collaboration_contacts_edit"), data, follow=True)

    assert "Jan De Groene" in text_of(response)
    assert ClimateContactName.unscoped.get(department=world.other_department_a).name == (
        "Jan De Groene"
    )
    # Clearing it again leaves a gap.
    data = _contacts_form(world, client)
    data[f"name_{world.other_department_a.pk}"] = ""
    client.post(url(world, "collaboration_contacts_edit"), data)
    assert not ClimateContactName.unscoped.exists()


def test_a_member_of_another_municipality_cannot_be_chosen(world):
    client = world.client_for("coordinator")
    page = client.get(url(world, "collaboration_contacts_edit"))
    assert "Coordinator Beta" not in text_of(page)
    data = _contacts_form(world, client)
    data[f"member_{world.department_a.pk}"] = str(world.users["other_municipality"].pk)

    response = client.post(url(world, "collaboration_contacts_edit"), data)

    assert response.status_code == HTTPStatus.OK
    assert f'id="id_member_{world.department_a.pk}_error"' in text_of(response)
    world.department_a.refresh_from_db()
    assert world.department_a.climate_contact is None


def test_a_department_of_another_municipality_cannot_be_given_a_contact(world):
    client = world.client_for("coordinator")
    data = _contacts_form(world, client)
    data[f"name_{world.department_b.pk}"] = "Indringer"

    client.post(url(world, "collaboration_contacts_edit"), data)

    assert not ClimateContactName.unscoped.filter(department=world.department_b).exists()


def test_a_member_and_a_name_for_one_department_is_refused(world):
    client = world.client_for("coordinator")
    data = _contacts_form(world, client)
    data[f"member_{world.department_a.pk}"] = str(world.users["editor"].pk)
    data[f"name_{world.department_a.pk}"] = "Iemand anders"

    response = client.post(url(world, "collaboration_contacts_edit"), data)

    assert "Kies een lid of typ een naam, niet allebei." in text_of(response)
    assert 'value="Iemand anders"' in text_of(response)


def test_a_contact_changed_in_the_meantime_is_detected(world):
    coordinator, coach = world.client_for("coordinator"), world.client_for("coach")
    mine = _contacts_form(world, coordinator)
    theirs = _contacts_form(world, coach)
    theirs[f"name_{world.other_department_a.pk}"] = "Els Groen"
    assert coach.post(url(world, "collaboration_contacts_edit"), theirs).status_code == 302

    mine[f"member_{world.department_a.pk}"] = str(world.users["editor"].pk)
    response = coordinator.post(url(world, "collaboration_contacts_edit"), mine)

    assert response.status_code == HTTPStatus.OK
    text = text_of(response)
    assert "de klimaataanspreekpunten intussen gewijzigd" in text
    assert "Els Groen" in text
    world.department_a.refresh_from_db()
    assert world.department_a.climate_contact is None
    # The coach's name is in the form now: saving again keeps both.
    again = posted_form(response, containing="basis")
    assert again[f"name_{world.other_department_a.pk}"] == "Els Groen"
    assert coordinator.post(url(world, "collaboration_contacts_edit"), again).status_code == 302
    world.department_a.refresh_from_db()
    assert world.department_a.climate_contact == world.users["editor"]
    assert ClimateContactName.unscoped.get(department=world.other_department_a).name == (
        "Els Groen"
    )


# --- Export


def _contacts_with_a_gap(world) -> None:
    client = world.client_for("coordinator")
    data = _contacts_form(world, client)
    data[f"member_{world.department_a.pk}"] = str(world.users["editor"].pk)
    client.post(url(world, "collaboration_contacts_edit"), data)


def test_the_contacts_download_as_csv(world):
    _contacts_with_a_gap(world)

    response = world.client_for("viewer").get(url(world, "collaboration_model") + "?export=csv")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Dienst", "Klimaataanspreekpunt", "E-mailadres", "Status"]
    assert ["Groendienst", "", "", "nog geen aanspreekpunt"] in rows
    assert ["Mobiliteit", "Editor Alfa", "editor@alfa.test", "lid"] in rows


def test_the_contacts_download_as_xlsx(world):
    _contacts_with_a_gap(world)

    response = world.client_for("coach").get(url(world, "collaboration_model") + "?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Dienst", "Klimaataanspreekpunt", "E-mailadres", "Status"]
    assert ["Mobiliteit", "Editor Alfa", "editor@alfa.test", "lid"] in values
    assert len(values) == 3


# --- The summary for the plan of approach


def _grow(world, model: CollaborationModel, count: int, start: int) -> None:
    for n in range(start, start + count):
        user = UserFactory(email=f"contact{n}@alfa.test", full_name=f"Contact {n:03}")
        department = DepartmentFactory(
            municipality=world.a, name=f"Dienst {n:03}", climate_contact=user
        )
        MembershipFactory(user=user, municipality=world.a, role="editor", department=department)
        with tenant_scope(world.a):
            CollaborationBody.objects.create(
                municipality=world.a,
                collaboration_model=model,
                name=f"Werkgroep {n:03}",
                position=n,
            )


def _summary_queries(world) -> tuple[int, str]:
    with tenant_scope(world.a), CaptureQueriesContext(connection) as captured:
        summary = collaboration_model_summary(world.a)
        html = render_to_string(
            "trajectory/_collaboration_model_summary.html",
            {"collaboration_summary": summary, "level": 3},
        )
    return len(captured), html


def test_the_summary_takes_a_fixed_number_of_queries_and_has_no_forms(world):
    model = proposed_collaboration_model(world.a)
    _grow(world, model, 2, start=0)
    few, _html = _summary_queries(world)

    _grow(world, model, 20, start=2)
    many, html = _summary_queries(world)

    assert many == few <= 4
    assert "<form" not in html
    assert "<button" not in html
    assert "<h3" in html
    assert "Werkgroep 021" in html
    assert "22 van 24 diensten hebben een klimaataanspreekpunt" in html


def test_the_model_page_takes_a_fixed_number_of_queries(world, django_assert_num_queries):
    model = proposed_collaboration_model(world.b)
    assert model.coordinator == world.users["other_municipality"]
    model = proposed_collaboration_model(world.a)
    client = world.client_for("viewer")
    _grow(world, model, 2, start=0)
    client.get(url(world, "collaboration_model"))
    with CaptureQueriesContext(connection) as captured:
        client.get(url(world, "collaboration_model"))

    _grow(world, model, 15, start=2)
    with django_assert_num_queries(len(captured)):
        response = client.get(url(world, "collaboration_model"))

    assert "Werkgroep 016" in text_of(response)


def test_contacts_named_before_the_model_still_leave_the_suggestion_on_offer(world):
    client = world.client_for("coordinator")
    data = _contacts_form(world, client)
    data[f"member_{world.department_a.pk}"] = str(world.users["editor"].pk)
    client.post(url(world, "collaboration_contacts_edit"), data)

    page = client.get(url(world, "collaboration_model"))

    assert url(world, "collaboration_model_propose") in text_of(page)
    assert "1 van 2 diensten hebben een klimaataanspreekpunt" in text_of(page)
    propose(world)
    world.department_a.refresh_from_db()
    assert world.department_a.climate_contact == world.users["editor"]


def test_changes_to_the_model_show_in_its_history(world):
    model = propose(world)
    client = world.client_for("coordinator")
    data = posted_form(client.get(url(world, "collaboration_model_edit")))
    data["mandate"] = "Mag de diensthoofden samenroepen"
    client.post(url(world, "collaboration_model_edit"), data)

    page = client.get(url(world, "collaboration_model"))
    history = reverse(
        "history:object",
        kwargs={
            "municipality": world.a.slug,
            "model_label": "trajectory.collaborationmodel",
            "object_id": model.pk,
        },
    )
    assert history in text_of(page)
    entries = client.get(history)
    assert entries.status_code == HTTPStatus.OK
    assert "Mag de diensthoofden samenroepen" in text_of(entries)
    assert "Coordinator Alfa" in text_of(entries)


def test_a_body_of_another_municipality_cannot_be_changed(world):
    foreign = proposed_collaboration_model(world.b)
    body_b = CollaborationBody.unscoped.filter(collaboration_model=foreign).first()
    propose(world)
    client = world.client_for("coordinator")
    edit = url(world, "collaboration_bodies_edit")
    data = posted_form(client.get(edit), containing="model-version")
    data.update({"body-0-id": str(body_b.pk), "body-0-name": "Overgenomen"})

    response = client.post(edit, data)

    assert response.status_code == HTTPStatus.OK
    body_b.refresh_from_db()
    assert body_b.name != "Overgenomen"
    assert not CollaborationBody.unscoped.filter(name="Overgenomen").exists()
