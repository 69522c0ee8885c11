"""Managing departments: add, edit, trash and restore, and two people editing at once."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from daadkracht.access.context import tenant_scope
from daadkracht.tenancy.models import Department

LIST_URL = "/alfa/diensten/"
CREATE_URL = "/alfa/diensten/nieuw/"
TRASH_URL = "/alfa/diensten/prullenbak/"


def edit_url(department: Department) -> str:
    return f"/alfa/diensten/{department.pk}/"


def form_values(response) -> dict[str, object]:
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields}


def resubmission(response) -> dict[str, object]:
    """What the browser sends when the user presses Save on the rendered form again."""
    return resubmission_of(form_values(response))


def resubmission_of(values: dict[str, object]) -> dict[str, object]:
    return {name: "" if value is None else value for name, value in values.items()}


def select_options(html: bytes, name: str) -> set[str]:
    select = re.search(rb'<select name="%s"[^>]*>(.*?)</select>' % name.encode(), html, re.S)
    assert select, name
    return {value.decode() for value in re.findall(rb'<option value="([^"]*)"', select.group(1))}


def test_the_list_shows_the_municipality_departments(world):
    response = world.client_for("viewer").get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    assert [d.name for d in response.context["departments"]] == ["Groendienst", "Mobiliteit"]
    assert b"Mobiliteit" in response.content
    assert b"Omgeving" not in response.content


def test_a_coordinator_adds_a_department(world, coordinator):
    head = world.users["editor"]

    response = coordinator.post(
        CREATE_URL,
        {"name": "Patrimonium", "description": "Gebouwen van de gemeente", "head": head.pk},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == LIST_URL
    department = Department.unscoped.get(name="Patrimonium")
    assert department.municipality == world.a
    assert department.head == head
    assert department.description == "Gebouwen van de gemeente"
    listing = coordinator.get(LIST_URL)
    assert "Patrimonium" in [d.name for d in listing.context["departments"]]


def test_a_duplicate_name_shows_an_error_and_keeps_the_input(world, coordinator):
    response = coordinator.post(
        CREATE_URL, {"name": "mobiliteit", "description": "Fietspaden en deelmobiliteit"}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"]
    assert form_values(response)["name"] == "mobiliteit"
    assert form_values(response)["description"] == "Fietspaden en deelmobiliteit"
    assert b"Fietspaden en deelmobiliteit" in response.content
    assert Department.unscoped.filter(municipality=world.a).count() == 2


def test_renaming_to_an_existing_name_shows_an_error_and_keeps_the_input(world, coordinator):
    department = world.other_department_a

    response = coordinator.post(
        edit_url(department),
        {"name": "Mobiliteit", "description": "Nieuw", "version": department.version},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"]
    assert form_values(response)["description"] == "Nieuw"
    department.refresh_from_db()
    assert department.name == "Groendienst"
    assert department.description == ""


def test_the_same_name_is_allowed_in_another_municipality(world, coordinator):
    response = coordinator.post(CREATE_URL, {"name": "Omgeving"})

    assert response.status_code == HTTPStatus.FOUND
    assert Department.unscoped.filter(name="Omgeving").count() == 2


def test_a_required_name_is_enforced(world, coordinator):
    response = coordinator.post(CREATE_URL, {"name": "", "description": "Zonder naam"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"]
    assert form_values(response)["description"] == "Zonder naam"


def test_a_coordinator_edits_a_department(world, coordinator):
    department = world.department_a
    page = coordinator.get(edit_url(department))
    assert page.status_code == HTTPStatus.OK
    assert form_values(page)["name"] == "Mobiliteit"
    assert form_values(page)["version"] == department.version

    response = coordinator.post(
        edit_url(department),
        {
            "name": "Mobiliteit en verkeer",
            "climate_contact": world.users["editor"].pk,
            "version": form_values(page)["version"],
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    department.refresh_from_db()
    assert department.name == "Mobiliteit en verkeer"
    assert department.climate_contact == world.users["editor"]


def test_head_and_contact_can_only_be_members_of_this_municipality(world, coordinator):
    outsider = world.users["other_municipality"]

    response = coordinator.post(
        CREATE_URL, {"name": "Financiën", "head": outsider.pk, "climate_contact": outsider.pk}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["head"]
    assert response.context["form"].errors["climate_contact"]
    offered = select_options(coordinator.get(CREATE_URL).content, "head")
    assert str(outsider.pk) not in offered
    assert str(world.users["editor"].pk) in offered


class TestTwoPeopleEditingAtOnce:
    @pytest.fixture
    def both(self, world) -> tuple[Client, Client, dict[str, object]]:
        first, second = world.client_for("coordinator"), world.client_for("coordinator")
        opened = first.get(edit_url(world.department_a))
        second.get(edit_url(world.department_a))
        return first, second, form_values(opened)

    def test_the_second_save_gets_a_conflict_and_keeps_the_input(self, world, both):
        first, second, opened = both
        assert (
            first.post(
                edit_url(world.department_a),
                {
                    "name": "Mobiliteit (eerste)",
                    "description": "Eerste",
                    "version": opened["version"],
                },
            ).status_code
            == HTTPStatus.FOUND
        )

        conflict = second.post(
            edit_url(world.department_a),
            {"name": "Mobiliteit (tweede)", "description": "Tweede", "version": opened["version"]},
        )

        assert conflict.status_code == HTTPStatus.OK
        assert conflict.context["form"].non_field_errors()
        assert form_values(conflict)["name"] == "Mobiliteit (tweede)"
        assert form_values(conflict)["description"] == "Tweede"
        assert conflict.context["form"].merge_notice.stored.name == "Mobiliteit (eerste)"
        assert b"Mobiliteit (eerste)" in conflict.content
        world.department_a.refresh_from_db()
        assert world.department_a.name == "Mobiliteit (eerste)"
        assert world.department_a.description == "Eerste"

    def test_saving_again_after_the_conflict_succeeds(self, world, both):
        first, second, opened = both
        first.post(
            edit_url(world.department_a),
            {"name": "Mobiliteit (eerste)", "version": opened["version"]},
        )
        conflict = second.post(
            edit_url(world.department_a),
            {"name": "Mobiliteit (tweede)", "version": opened["version"]},
        )

        again = second.post(
            edit_url(world.department_a), resubmission(conflict) | {"merge-name": "mine"}
        )

        assert again.status_code == HTTPStatus.FOUND
        world.department_a.refresh_from_db()
        assert world.department_a.name == "Mobiliteit (tweede)"

    def test_changes_to_different_fields_are_both_kept(self, world, both):
        first, second, opened = both
        first.post(
            edit_url(world.department_a),
            resubmission_of(opened) | {"name": "Mobiliteit en openbare werken"},
        )

        saved = second.post(
            edit_url(world.department_a),
            resubmission_of(opened) | {"description": "Wegen, fietspaden en parkeren"},
        )

        assert saved.status_code == HTTPStatus.FOUND
        world.department_a.refresh_from_db()
        assert world.department_a.name == "Mobiliteit en openbare werken"
        assert world.department_a.description == "Wegen, fietspaden en parkeren"

    def test_a_form_without_version_cannot_overwrite(self, world, coordinator):
        response = coordinator.post(edit_url(world.department_a), {"name": "Zonder versie"})

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].non_field_errors()
        world.department_a.refresh_from_db()
        assert world.department_a.name == "Mobiliteit"


def test_deleting_moves_to_the_trash_and_restoring_brings_it_back(world, coordinator):
    department = world.department_a
    confirm = coordinator.get(f"/alfa/diensten/{department.pk}/verwijderen/")
    assert confirm.status_code == HTTPStatus.OK
    assert b"Mobiliteit" in confirm.content

    deleted = coordinator.post(f"/alfa/diensten/{department.pk}/verwijderen/")

    assert deleted.status_code == HTTPStatus.FOUND
    assert deleted.url == LIST_URL
    assert "Mobiliteit" not in [d.name for d in coordinator.get(LIST_URL).context["departments"]]
    trash = coordinator.get(TRASH_URL)
    assert [d.name for d in trash.context["departments"]] == ["Mobiliteit"]
    assert coordinator.get(edit_url(department)).status_code == HTTPStatus.NOT_FOUND
    department.refresh_from_db()
    assert department.deleted_at is not None

    restored = coordinator.post(f"/alfa/diensten/{department.pk}/terugzetten/")

    assert restored.status_code == HTTPStatus.FOUND
    assert restored.url == LIST_URL
    assert "Mobiliteit" in [d.name for d in coordinator.get(LIST_URL).context["departments"]]
    assert list(coordinator.get(TRASH_URL).context["departments"]) == []


def test_a_trashed_name_can_be_reused_but_then_not_restored(world, coordinator):
    department = world.department_a
    coordinator.post(f"/alfa/diensten/{department.pk}/verwijderen/")
    assert coordinator.post(CREATE_URL, {"name": "Mobiliteit"}).status_code == HTTPStatus.FOUND

    response = coordinator.post(f"/alfa/diensten/{department.pk}/terugzetten/", follow=True)

    assert response.redirect_chain[-1][0] == TRASH_URL
    assert [str(m) for m in response.context["messages"]]
    assert [d.pk for d in response.context["departments"]] == [department.pk]
    with tenant_scope(world.a):
        assert Department.objects.filter(name="Mobiliteit").count() == 1


def test_restore_only_accepts_post(world, coordinator):
    department = world.department_a
    coordinator.post(f"/alfa/diensten/{department.pk}/verwijderen/")

    response = coordinator.get(f"/alfa/diensten/{department.pk}/terugzetten/")

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_only_coordinators_manage_departments(world, who):
    client = world.client_for(who)
    pk = world.department_a.pk

    for url in (
        CREATE_URL,
        TRASH_URL,
        f"/alfa/diensten/{pk}/",
        f"/alfa/diensten/{pk}/verwijderen/",
    ):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
    assert client.post(CREATE_URL, {"name": "Stiekem"}).status_code == HTTPStatus.FORBIDDEN
    assert client.post(f"/alfa/diensten/{pk}/verwijderen/").status_code == HTTPStatus.FORBIDDEN
    assert client.post(f"/alfa/diensten/{pk}/terugzetten/").status_code == HTTPStatus.FORBIDDEN
    assert (
        client.post(f"/alfa/diensten/{pk}/", {"name": "Stiekem", "version": 1}).status_code
        == HTTPStatus.FORBIDDEN
    )
    assert not Department.unscoped.filter(name="Stiekem").exists()
    world.department_a.refresh_from_db()
    assert world.department_a.deleted_at is None
    assert client.get(LIST_URL).status_code == HTTPStatus.OK
