"""The scope of a coach's overview: the followed municipalities at once, to read only."""

import pytest
from django.core.exceptions import PermissionDenied

from daadkracht.access.context import TenantNotActive, following_scope, platform_scope
from daadkracht.plans.models import Action
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.policies import can_read_internal, enforce
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import DepartmentFactory, MembershipFactory, MunicipalityFactory


@pytest.fixture
def gamma(world):
    gamma = MunicipalityFactory(name="Gemeente Gamma", slug="gamma")
    DepartmentFactory(municipality=gamma, name="Gamma's eigen dienst")
    return gamma


def coach_memberships(world) -> list[Membership]:
    MembershipFactory(user=world.users["coach"], municipality=world.b, role=Role.COACH)
    return list(
        Membership.unscoped.filter(user=world.users["coach"]).select_related("municipality")
    )


def test_it_reads_the_followed_municipalities_and_no_other(world, gamma):
    with following_scope(coach_memberships(world), actor=world.users["coach"]):
        names = set(Department.objects.values_list("name", flat=True))
        actions = set(Action.objects.values_list("identifier", flat=True))

    assert names == {"Mobiliteit", "Groendienst", "Omgeving"}
    assert actions == {"B3.01", "B6.01", "B1.01"}


def test_following_one_municipality_reads_that_one(world, gamma):
    with following_scope([world.membership("coach")], actor=world.users["coach"]):
        assert set(Department.objects.values_list("name", flat=True)) == {
            "Mobiliteit",
            "Groendienst",
        }


def test_following_nothing_reads_nothing(world, gamma):
    with following_scope([], actor=world.users["editor"]):
        assert not Department.objects.exists()
        assert not Action.objects.exists()


def test_it_writes_nothing(world):
    with following_scope(coach_memberships(world), actor=world.users["coach"]):
        with pytest.raises(TenantNotActive):
            Department.objects.create(name="Nieuwe dienst")
        with pytest.raises(TenantNotActive):
            Department.objects.filter(name="Omgeving").update(description="Gewijzigd")
        department = Department.objects.get(name="Omgeving")
        department.description = "Gewijzigd"
        with pytest.raises(TenantNotActive):
            department.save()
        with pytest.raises(PermissionDenied):
            enforce(can_read_internal)
    with platform_scope():
        assert Department.objects.filter(description="Gewijzigd").count() == 0
        assert Department.objects.count() == 3
