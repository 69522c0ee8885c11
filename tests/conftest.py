"""Fixtures shared by all tests: two municipalities with a member of every role."""

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from daadkracht.access.context import member_scope, tenant_scope
from daadkracht.accounts.models import Invitation, User
from daadkracht.meetings.catalogue import METHOD_KEYS
from daadkracht.meetings.models import Method
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.services.plan import plan_create
from daadkracht.tenancy.models import Department, Membership, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    DEFAULT_PASSWORD,
    ActionFactory,
    DepartmentFactory,
    InvitationFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

# Tests check behaviour, never wall-clock time: a busy machine must not fail an example.
hypothesis_settings.register_profile("daadkracht", deadline=None)
hypothesis_settings.load_profile("daadkracht")


@dataclass
class Stakeholder:
    """A member of municipality A's policy group with a portal account: Fluvius' delegate, whose
    organisation partners in the sample action (and not in the other one)."""

    user: User
    contact: Any
    organisation: Any
    body: Any
    seat: Any
    meeting: Any
    partnership: Any
    access: Any


@dataclass
class World:
    """Municipality A with a member per role, and municipality B with its own coordinator."""

    a: Municipality
    b: Municipality
    department_a: Department
    other_department_a: Department
    department_b: Department
    users: dict[str, User]
    plan_a: Plan
    plan_b: Plan
    action_a: Action
    other_action_a: Action
    action_b: Action
    invitation_a: Invitation

    def client_for(self, who: str) -> Client:
        client = Client()
        if who == "stakeholder":
            self.stakeholder()
        if who != "anonymous":
            client.force_login(self.users[who])
        return client

    def stakeholder(self) -> Stakeholder:
        """The portal visitor of municipality A (made once per world, on first use)."""
        found = getattr(self, "_stakeholder", None)
        if found is None:
            found = make_stakeholder(self)
            self._stakeholder = found
            self.users["stakeholder"] = found.user
        return found

    def membership(self, who: str) -> Membership:
        """The membership of `who` in municipality A, as a request would load it."""
        return Membership.unscoped.select_related("municipality", "department").get(
            user=self.users[who], municipality=self.a
        )

    def as_member(self, who: str) -> AbstractContextManager[object]:
        """The access context of `who` in municipality A, as a page of A has it."""
        return member_scope(self.membership(who), actor=self.users[who])


def make_stakeholder(world: World) -> Stakeholder:
    from daadkracht.bodies.models import (
        BodyKind,
        BodyMeeting,
        BodyMembership,
        GovernanceBody,
        MemberRole,
    )
    from daadkracht.meetings.models import Meeting, MeetingKind
    from daadkracht.partners.models import ActionPartner, PartnerRole
    from daadkracht.portal.models import PortalAccess
    from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind

    user = UserFactory(email="jan.peeters@fluvius.test", full_name="Jan Peeters")
    now = timezone.now()
    with tenant_scope(world.a):
        organisation = Organisation.objects.create(
            name="Fluvius", kind=OrganisationKind.GRID_OPERATOR
        )
        contact = Contact.objects.create(
            full_name="Jan Peeters",
            organisation=organisation,
            email="jan.peeters@fluvius.test",
            language="nl",
        )
        body = GovernanceBody.objects.create(
            name="Beleidsgroep klimaat", kind=BodyKind.POLICY_GROUP
        )
        seat = BodyMembership.objects.create(
            body=body, contact=contact, role=MemberRole.MEMBER, starts_on=date(2025, 1, 1)
        )
        meeting = Meeting.objects.create(
            title="Beleidsgroep: voorjaarsoverleg",
            kind=MeetingKind.OTHER,
            starts_at=now + timedelta(days=10),
            ends_at=now + timedelta(days=10, hours=2),
            place="Stadhuis, zaal 2",
            agenda="1. Stand van de warmtenetten\n2. Laadpalen in de wijken",
        )
        BodyMeeting.objects.create(body=body, meeting=meeting)
        partnership = ActionPartner.objects.create(
            action=world.action_a, organisation=organisation, role=PartnerRole.EXECUTOR
        )
        access = PortalAccess.objects.create(
            contact=contact, user=user, email=contact.email, accepted_at=now
        )
    return Stakeholder(user, contact, organisation, body, seat, meeting, partnership, access)


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """The world of the `world` fixture, for a fixture of a wider scope to build itself."""
    seed_method_catalogue()
    a = MunicipalityFactory(name="Gemeente Alfa", slug="alfa")
    b = MunicipalityFactory(name="Gemeente Beta", slug="beta")
    department_a = DepartmentFactory(municipality=a, name="Mobiliteit")
    other_department_a = DepartmentFactory(municipality=a, name="Groendienst")
    department_b = DepartmentFactory(municipality=b, name="Omgeving")
    users: dict[str, User] = {}
    for role in Role:
        user = UserFactory(
            email=f"{role.value}@alfa.test", full_name=f"{role.value.capitalize()} Alfa"
        )
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
    with tenant_scope(a):
        plan_a = plan_create(
            actor=None,
            municipality=a,
            name="Klimaatplan Alfa",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(100000),
        )
    with tenant_scope(b):
        plan_b = plan_create(
            actor=None,
            municipality=b,
            name="Klimaatplan Beta",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(50000),
        )
    action_a = ActionFactory.create(
        plan=plan_a,
        identifier="B3.01",
        title="Fietsstraten in het centrum",
        lead_department=department_a,
    )
    other_action_a = ActionFactory.create(
        plan=plan_a,
        identifier="B6.01",
        title="Ontharding van schoolpleinen",
        lead_department=other_department_a,
    )
    action_b = ActionFactory.create(
        plan=plan_b,
        identifier="B1.01",
        title="Geheime actie van Beta",
        lead_department=department_b,
    )
    invitation_a = InvitationFactory.create(municipality=a, email="nieuw@alfa.test")
    return World(
        a,
        b,
        department_a,
        other_department_a,
        department_b,
        users,
        plan_a,
        plan_b,
        action_a,
        other_action_a,
        action_b,
        invitation_a,
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and pauses counted in the cache start from zero in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def in_a(world: World):
    with tenant_scope(world.a):
        yield world


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD


def seed_method_catalogue() -> None:
    """The methods a data migration puts in. A test on a live server (or one that migrates)
    empties the database afterwards, so the tests that follow put them back."""
    for position, key in enumerate(METHOD_KEYS, 1):
        Method.objects.update_or_create(key=key, defaults={"position": position})


@pytest.fixture
def method_catalogue(db) -> None:
    seed_method_catalogue()
