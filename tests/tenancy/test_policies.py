"""Who may manage departments and members: services refuse what the pages do not offer."""

import pytest
from django.core.exceptions import PermissionDenied

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import Invitation
from daadkracht.accounts.services import invitation_create
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import can_manage_departments, can_manage_members
from daadkracht.tenancy.roles import Role
from daadkracht.tenancy.services import (
    department_create,
    department_delete,
    department_update,
    membership_update,
)

pytestmark = pytest.mark.django_db


def stored(department: Department) -> Department:
    return Department.unscoped.get(pk=department.pk)


@pytest.mark.parametrize("role", ["editor", "viewer", "coach"])
def test_only_coordinators_manage_departments_and_members(world, role):
    assert not can_manage_departments(world.membership(role))
    assert not can_manage_members(world.membership(role))
    assert can_manage_departments(world.membership("coordinator"))
    assert can_manage_members(world.membership("coordinator"))


def test_a_viewer_calling_department_update_directly_is_refused(world):
    department = stored(world.department_a)

    with world.as_member("viewer"), pytest.raises(PermissionDenied):
        department_update(
            actor=world.users["viewer"],
            department=department,
            expected_version=department.version,
            name="Hernoemd",
        )

    after = stored(world.department_a)
    assert (after.name, after.version) == ("Mobiliteit", department.version)


def test_a_coordinator_updates_a_department(world):
    department = stored(world.department_a)

    with world.as_member("coordinator"):
        department_update(
            actor=world.users["coordinator"],
            department=department,
            expected_version=department.version,
            name="Mobiliteit en openbare ruimte",
        )

    assert stored(world.department_a).name == "Mobiliteit en openbare ruimte"


def test_an_editor_adds_no_department_and_trashes_none(world):
    count = Department.unscoped.count()
    with world.as_member("editor"):
        with pytest.raises(PermissionDenied):
            department_create(actor=world.users["editor"], municipality=world.a, name="Nieuw")
        with pytest.raises(PermissionDenied):
            department_delete(actor=world.users["editor"], department=stored(world.department_a))

    assert Department.unscoped.count() == count
    assert stored(world.department_a).deleted_at is None


def test_an_editor_changes_no_roles_and_invites_nobody(world):
    viewer = world.membership("viewer")
    with world.as_member("editor"):
        with pytest.raises(PermissionDenied):
            membership_update(
                actor=world.users["editor"],
                membership=viewer,
                expected_version=viewer.version,
                role=Role.COORDINATOR,
                department=None,
            )
        with pytest.raises(PermissionDenied):
            invitation_create(
                actor=world.users["editor"],
                municipality=world.a,
                email="vriend@alfa.test",
                role=Role.COORDINATOR,
                department=None,
            )

    assert world.membership("viewer").role == Role.VIEWER
    assert not Invitation.unscoped.filter(email="vriend@alfa.test").exists()


# Services take the fields they declare, nothing else.


def test_department_update_cannot_move_a_department_to_another_municipality(world):
    department = stored(world.department_a)

    with tenant_scope(world.a), pytest.raises(TypeError, match="municipality_id"):
        department_update(
            actor=world.users["coordinator"],
            department=department,
            expected_version=department.version,
            municipality_id=world.b.pk,
        )

    after = stored(world.department_a)
    assert (after.municipality_id, after.version) == (world.a.pk, department.version)


def test_department_create_refuses_fields_outside_its_list(world):
    count = Department.unscoped.count()

    with tenant_scope(world.a), pytest.raises(TypeError, match="deleted_at"):
        department_create(
            actor=None, municipality=world.a, name="Verborgen", deleted_at=world.a.created_at
        )

    assert Department.unscoped.count() == count
