"""List pages cost the same number of queries for 3 rows as for 30."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DepartmentFactory,
    InvitationFactory,
    MembershipFactory,
    UserFactory,
)


def queries_for(client, url: str) -> int:
    client.get(url)  # the first request of a session may set up things once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(captured)


def add_departments(world, count: int, start: int) -> None:
    """Departments that each have a head, a contact person and a member of their own."""
    for n in range(start, start + count):
        person = UserFactory.create(email=f"dienst{n}@alfa.test")
        department = DepartmentFactory.create(
            municipality=world.a, name=f"Dienst {n:03}", head=person, climate_contact=person
        )
        MembershipFactory.create(user=person, municipality=world.a, department=department)


def add_members(world, count: int, start: int) -> None:
    """Members with a department each, and as many open invitations."""
    for n in range(start, start + count):
        department = DepartmentFactory.create(municipality=world.a, name=f"Team {n:03}")
        MembershipFactory.create(
            user=UserFactory.create(email=f"lid{n}@alfa.test"),
            municipality=world.a,
            role=Role.EDITOR,
            department=department,
        )
        InvitationFactory.create(
            municipality=world.a,
            email=f"gast{n}@alfa.test",
            department=department,
            invited_by=world.users["coordinator"],
        )


@pytest.mark.parametrize(
    ("url", "add"),
    [
        ("/alfa/diensten/", add_departments),
        ("/alfa/diensten/?sort=-head", add_departments),
        ("/alfa/diensten/?export=csv", add_departments),
        ("/alfa/diensten/?export=xlsx", add_departments),
        ("/alfa/leden/", add_members),
        ("/alfa/leden/?sort=department", add_members),
        ("/alfa/leden/?export=csv", add_members),
        ("/alfa/", add_departments),
    ],
)
def test_queries_do_not_grow_with_the_rows(world, coordinator, django_assert_num_queries, url, add):
    add(world, 3, start=0)
    few = queries_for(coordinator, url)

    add(world, 27, start=3)
    with django_assert_num_queries(few):
        response = coordinator.get(url)

    assert response.status_code == HTTPStatus.OK
    # The home page: its dashboard, the getting-started checklist and the work agreements to
    # follow up.
    assert few <= 16, few


def test_the_department_list_renders_all_thirty(world, coordinator):
    add_departments(world, 30, start=0)

    response = coordinator.get("/alfa/diensten/")

    assert len(response.context["departments"]) == 32
    assert b"Dienst 029" in response.content
