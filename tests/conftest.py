"""Fixtures shared by all tests: two municipalities with a member of every role."""

from dataclasses import dataclass

import pytest
from django.test import Client

from daadkracht.accounts.models import User
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.tenancy.scoping import tenant_scope
from daadkracht.testing.factories import (
    DEFAULT_PASSWORD,
    DepartmentFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)


@dataclass
class World:
    """Municipality A with a member per role, and municipality B with its own coordinator."""

    a: Municipality
    b: Municipality
    department_a: Department
    other_department_a: Department
    department_b: Department
    users: dict[str, User]

    def client_for(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(self.users[who])
        return client


@pytest.fixture
def world(db) -> World:
    a = MunicipalityFactory(name="Gemeente Alfa", slug="alfa")
    b = MunicipalityFactory(name="Gemeente Beta", slug="beta")
    department_a = DepartmentFactory(municipality=a, name="Mobiliteit")
    other_department_a = DepartmentFactory(municipality=a, name="Groendienst")
    department_b = DepartmentFactory(municipality=b, name="Omgeving")
    users: dict[str, User] = {}
    for role in Role:
        user = UserFactory(email=f"{role.value}@alfa.test", full_name=f"{role.label} Alfa")
        MembershipFactory(
            user=user,
            municipality=a,
            role=role,
            department=department_a if role == Role.EDITOR else None,
        )
        users[role.value] = user
    outsider = UserFactory(email="coordinator@beta.test", full_name="Coordinator Beta")
    MembershipFactory(user=outsider, municipality=b, role=Role.COORDINATOR, department=department_b)
    users["other_municipality"] = outsider
    users["no_membership"] = UserFactory(email="nobody@example.test", full_name="Niemand")
    return World(a, b, department_a, other_department_a, department_b, users)


@pytest.fixture
def in_a(world: World):
    with tenant_scope(world.a):
        yield world


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD
