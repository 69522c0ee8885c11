"""Every change leaves a trace: who changed what, from which value to which."""

from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import Role
from daadkracht.tenancy.services import department_update


def history_url(department: Department) -> str:
    return f"/alfa/geschiedenis/tenancy.department/{department.pk}/"


def entries_for(instance) -> list[AuditEntry]:
    return list(
        AuditEntry.unscoped.filter(
            content_type=ContentType.objects.get_for_model(type(instance)),
            object_id=str(instance.pk),
        ).order_by("created_at", "id")
    )


@pytest.fixture
def coordinator(world):
    return world.client_for("coordinator")


def test_creating_a_department_records_who_and_every_filled_field(world, coordinator):
    coordinator.post(
        "/alfa/diensten/nieuw/",
        {
            "name": "Patrimonium",
            "description": "Gebouwen",
            "head": world.users["editor"].pk,
        },
    )
    department = Department.unscoped.get(name="Patrimonium")

    (entry,) = entries_for(department)

    assert entry.action == AuditAction.CREATED
    assert entry.actor == world.users["coordinator"]
    assert entry.municipality == world.a
    assert entry.object_repr == "Patrimonium"
    assert entry.changes == {
        "name": ["", "Patrimonium"],
        "description": ["", "Gebouwen"],
        "head": ["", world.users["editor"].full_name],
    }


def test_editing_records_only_the_changed_fields_with_old_and_new_value(world, coordinator):
    department = world.department_a
    coordinator.post(
        f"/alfa/diensten/{department.pk}/",
        {
            "name": "Mobiliteit en verkeer",
            "climate_contact": world.users["viewer"].pk,
            "version": department.version,
        },
    )

    (entry,) = entries_for(department)

    assert entry.action == AuditAction.UPDATED
    assert entry.actor == world.users["coordinator"]
    assert entry.changes == {
        "name": ["Mobiliteit", "Mobiliteit en verkeer"],
        "climate_contact": ["", world.users["viewer"].full_name],
    }
    assert entry.object_repr == "Mobiliteit en verkeer"


def test_saving_without_changes_records_nothing(world, coordinator):
    department = world.department_a
    coordinator.post(
        f"/alfa/diensten/{department.pk}/",
        {"name": "Mobiliteit", "version": department.version},
    )

    assert entries_for(department) == []


def test_a_refused_concurrent_edit_records_nothing(world, coordinator):
    department = world.department_a
    stale = department.version
    coordinator.post(f"/alfa/diensten/{department.pk}/", {"name": "Eerste", "version": stale})

    coordinator.post(f"/alfa/diensten/{department.pk}/", {"name": "Tweede", "version": stale})

    assert [e.changes["name"] for e in entries_for(department)] == [["Mobiliteit", "Eerste"]]


def test_deleting_and_restoring_are_recorded(world, coordinator):
    department = world.department_a
    coordinator.post(f"/alfa/diensten/{department.pk}/verwijderen/")
    coordinator.post(f"/alfa/diensten/{department.pk}/terugzetten/")

    entries = entries_for(department)

    assert [e.action for e in entries] == [AuditAction.DELETED, AuditAction.RESTORED]
    assert {e.actor for e in entries} == {world.users["coordinator"]}


def test_member_changes_and_removal_are_recorded(world, coordinator):
    viewer = Membership.unscoped.get(user=world.users["viewer"], municipality=world.a)
    coordinator.post(
        f"/alfa/leden/{viewer.pk}/",
        {"role": Role.EDITOR, "department": world.department_a.pk, "version": viewer.version},
    )
    coordinator.post(f"/alfa/leden/{viewer.pk}/verwijderen/")

    updated, removed = entries_for(viewer)
    # Values are recorded as the actor saw them, in the actor's language.
    with translation.override(world.users["coordinator"].language):
        viewer_label, editor_label = str(Role.VIEWER.label), str(Role.EDITOR.label)

    assert updated.action == AuditAction.UPDATED
    assert updated.actor == world.users["coordinator"]
    assert updated.changes == {
        "role": [viewer_label, editor_label],
        "department": ["", "Mobiliteit"],
    }
    assert removed.action == AuditAction.REMOVED


def test_the_object_history_page_shows_the_entries_to_a_coordinator(world, coordinator):
    department = world.department_a
    coordinator.post(
        f"/alfa/diensten/{department.pk}/",
        {"name": "Mobiliteit en verkeer", "version": department.version},
    )
    coordinator.post(f"/alfa/diensten/{department.pk}/verwijderen/")

    response = coordinator.get(history_url(department))

    assert response.status_code == HTTPStatus.OK
    entries = response.context["entries"]
    assert [e.action for e in entries] == [AuditAction.DELETED, AuditAction.UPDATED]
    assert world.users["coordinator"].full_name.encode() in response.content
    assert b"Mobiliteit en verkeer" in response.content
    assert b"<td>Mobiliteit</td>" in response.content


def test_the_coach_may_read_the_history(world, coordinator):
    coordinator.post(f"/alfa/diensten/{world.department_a.pk}/verwijderen/")

    coach = world.client_for("coach")

    assert coach.get(history_url(world.department_a)).status_code == HTTPStatus.OK
    assert coach.get("/alfa/geschiedenis/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_editors_and_viewers_may_not_read_the_history(world, coordinator, who):
    coordinator.post(f"/alfa/diensten/{world.department_a.pk}/verwijderen/")
    client = world.client_for(who)

    assert client.get(history_url(world.department_a)).status_code == HTTPStatus.FORBIDDEN
    assert client.get("/alfa/geschiedenis/").status_code == HTTPStatus.FORBIDDEN


def test_an_object_without_history_or_an_unknown_model_is_not_found(world, coordinator):
    assert coordinator.get(history_url(world.other_department_a)).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert coordinator.get("/alfa/geschiedenis/nergens.niets/1/").status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert coordinator.get("/alfa/geschiedenis/geen-label/1/").status_code == (HTTPStatus.NOT_FOUND)


@pytest.fixture
def b_history(world):
    """A change in municipality B, by B's coordinator."""
    department = world.department_b
    with tenant_scope(world.b):
        department_update(
            actor=world.users["other_municipality"],
            department=department,
            expected_version=department.version,
            name="Omgeving Geheim",
        )
    return department


def test_b_history_is_invisible_in_a(world, coordinator, b_history):
    coordinator.post(f"/alfa/diensten/{world.department_a.pk}/verwijderen/")

    recent = coordinator.get("/alfa/geschiedenis/")
    b_object = coordinator.get(f"/alfa/geschiedenis/tenancy.department/{b_history.pk}/")

    assert recent.status_code == HTTPStatus.OK
    assert b"Mobiliteit" in recent.content
    assert b"Omgeving" not in recent.content
    assert b"Coordinator Beta" not in recent.content
    assert all(e.municipality_id == world.a.pk for e in recent.context["page"].object_list)
    assert b_object.status_code == HTTPStatus.NOT_FOUND


def test_b_sees_its_own_history(world, b_history):
    response = world.client_for("other_municipality").get(
        f"/beta/geschiedenis/tenancy.department/{b_history.pk}/"
    )

    assert response.status_code == HTTPStatus.OK
    assert b"Omgeving Geheim" in response.content
    assert b"Coordinator Beta" in response.content


def test_the_recent_changes_can_be_filtered_by_object_and_person(world, coordinator):
    coordinator.post("/alfa/diensten/nieuw/", {"name": "Patrimonium"})
    coordinator.post(f"/alfa/diensten/{world.department_a.pk}/verwijderen/")

    by_object = coordinator.get("/alfa/geschiedenis/?q=patri")
    by_actor = coordinator.get(f"/alfa/geschiedenis/?actor={world.users['coach'].pk}")

    assert [e.object_repr for e in by_object.context["page"].object_list] == ["Patrimonium"]
    assert list(by_actor.context["page"].object_list) == []


def test_the_recent_changes_cost_the_same_queries_for_3_as_for_30_entries(
    world, coordinator, django_assert_num_queries
):
    def change(count: int) -> None:
        for _ in range(count):
            department = Department.unscoped.get(pk=world.department_a.pk)
            with tenant_scope(world.a):
                department_update(
                    actor=world.users["coordinator"],
                    department=department,
                    expected_version=department.version,
                    description=f"Versie {department.version}",
                    head=world.users["editor"] if department.version % 2 else None,
                )

    change(3)
    coordinator.get("/alfa/geschiedenis/")
    with CaptureQueriesContext(connection) as few:
        coordinator.get("/alfa/geschiedenis/")

    change(27)
    with django_assert_num_queries(len(few)):
        response = coordinator.get("/alfa/geschiedenis/")
    assert len(response.context["page"].object_list) >= 30
