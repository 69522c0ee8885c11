"""Managing members: changing roles and departments, removing access, and keeping a coordinator."""

from http import HTTPStatus

import pytest

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MembershipFactory, UserFactory

MEMBERS_URL = "/alfa/leden/"


def test_the_member_list_shows_everyone_of_the_municipality(world, coordinator):
    response = coordinator.get(MEMBERS_URL)

    assert response.status_code == HTTPStatus.OK
    emails = {m.user.email for m in response.context["members"]}
    assert emails == {f"{role}@alfa.test" for role in Role.values}
    assert b"coordinator@beta.test" not in response.content


def test_a_coordinator_changes_role_and_department(world, coordinator):
    viewer = world.membership("viewer")
    page = coordinator.get(f"/alfa/leden/{viewer.pk}/")
    assert page.status_code == HTTPStatus.OK
    assert page.context["form"]["role"].value() == Role.VIEWER

    response = coordinator.post(
        f"/alfa/leden/{viewer.pk}/",
        {"role": Role.EDITOR, "department": world.other_department_a.pk, "version": viewer.version},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == MEMBERS_URL
    viewer.refresh_from_db()
    assert viewer.role == Role.EDITOR
    assert viewer.department == world.other_department_a
    promoted = world.client_for("viewer")
    assert promoted.get("/alfa/").context["tenant"].membership.role == Role.EDITOR


def test_a_department_of_another_municipality_cannot_be_chosen(world, coordinator):
    editor = world.membership("editor")

    response = coordinator.post(
        f"/alfa/leden/{editor.pk}/",
        {"role": Role.EDITOR, "department": world.department_b.pk, "version": editor.version},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["department"]
    editor.refresh_from_db()
    assert editor.department == world.department_a


def test_a_stale_member_form_gets_a_conflict(world, coordinator):
    viewer = world.membership("viewer")
    stale_version = viewer.version
    coordinator.post(
        f"/alfa/leden/{viewer.pk}/",
        {"role": Role.COACH, "department": "", "version": stale_version},
    )

    response = coordinator.post(
        f"/alfa/leden/{viewer.pk}/",
        {"role": Role.EDITOR, "department": world.department_a.pk, "version": stale_version},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].non_field_errors()
    assert response.context["form"]["role"].value() == Role.EDITOR
    viewer.refresh_from_db()
    assert viewer.role == Role.COACH


def test_a_coordinator_removes_a_member(world, coordinator):
    viewer = world.membership("viewer")
    confirm = coordinator.get(f"/alfa/leden/{viewer.pk}/verwijderen/")
    assert confirm.status_code == HTTPStatus.OK
    assert world.users["viewer"].full_name.encode() in confirm.content

    response = coordinator.post(f"/alfa/leden/{viewer.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == MEMBERS_URL
    assert not Membership.unscoped.filter(pk=viewer.pk).exists()
    assert world.users["viewer"].__class__.objects.filter(pk=world.users["viewer"].pk).exists()
    assert world.client_for("viewer").get("/alfa/").status_code == HTTPStatus.NOT_FOUND


def test_the_last_coordinator_cannot_be_removed(world, coordinator):
    own = world.membership("coordinator")

    response = coordinator.post(f"/alfa/leden/{own.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.OK
    assert response.context["error"]
    assert Membership.unscoped.filter(pk=own.pk, role=Role.COORDINATOR).exists()


def test_the_last_coordinator_cannot_be_demoted(world, coordinator):
    own = world.membership("coordinator")

    response = coordinator.post(
        f"/alfa/leden/{own.pk}/",
        {"role": Role.VIEWER, "department": world.department_a.pk, "version": own.version},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors
    assert response.context["form"]["role"].value() == Role.VIEWER
    own.refresh_from_db()
    assert own.role == Role.COORDINATOR
    assert own.department is None


def test_with_a_second_coordinator_one_may_step_down(world, coordinator):
    second = world.membership("coach")
    coordinator.post(
        f"/alfa/leden/{second.pk}/",
        {"role": Role.COORDINATOR, "department": "", "version": second.version},
    )
    own = world.membership("coordinator")

    response = coordinator.post(
        f"/alfa/leden/{own.pk}/", {"role": Role.VIEWER, "department": "", "version": own.version}
    )

    assert response.status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    assert own.role == Role.VIEWER
    assert coordinator.get(MEMBERS_URL).status_code == HTTPStatus.FORBIDDEN


def test_a_coordinator_of_another_municipality_does_not_count(world, coordinator):
    """Municipality B's coordinator does not keep municipality A manageable."""
    other = UserFactory.create(email="tweede@beta.test")
    MembershipFactory.create(user=other, municipality=world.b, role=Role.COORDINATOR)
    own = world.membership("coordinator")

    response = coordinator.post(f"/alfa/leden/{own.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.OK
    assert Membership.unscoped.filter(pk=own.pk).exists()


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_only_coordinators_manage_members(world, who):
    client = world.client_for(who)
    target = world.membership("viewer")

    for url in (MEMBERS_URL, "/alfa/leden/uitnodigen/", f"/alfa/leden/{target.pk}/"):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
    assert client.get(f"{MEMBERS_URL}?export=csv").status_code == HTTPStatus.FORBIDDEN
    assert (
        client.post(
            f"/alfa/leden/{target.pk}/",
            {"role": Role.COORDINATOR, "department": "", "version": target.version},
        ).status_code
        == HTTPStatus.FORBIDDEN
    )
    assert client.post(f"/alfa/leden/{target.pk}/verwijderen/").status_code == (
        HTTPStatus.FORBIDDEN
    )
    target.refresh_from_db()
    assert target.role == Role.VIEWER
