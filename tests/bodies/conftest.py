"""The alliance of municipality A: a policy group, a sounding board and a workbench, the network's
organisations and people who sit in them; and helpers for the pages."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMembership, GovernanceBody, MemberRole
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


@dataclass
class Alliance:
    policy_group: GovernanceBody
    sounding_board: GovernanceBody
    workbench: GovernanceBody
    energy: Theme
    fluvius: Organisation
    ivbo: Organisation
    welzijn: Organisation
    els: Contact
    jan: Contact
    sofie: Contact
    delegate: BodyMembership
    former: BodyMembership


@pytest.fixture
def alliance(world) -> Alliance:
    today = timezone.localdate()
    with tenant_scope(world.a):
        energy = Theme.objects.create(plan=world.plan_a, code="B1", name="Fossielvrij verwarmen")
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        welzijn = Organisation.objects.create(
            name="Welzijnsschakels Brugge", kind=OrganisationKind.POVERTY
        )
        els = Contact.objects.create(
            full_name="Els Vandamme",
            organisation=fluvius,
            email="els.vandamme@fluvius.example",
            phone="050 12 34 56",
        )
        jan = Contact.objects.create(full_name="Jan Declercq", organisation=ivbo)
        sofie = Contact.objects.create(full_name="Sofie Maertens", organisation=welzijn)
        policy_group = GovernanceBody.objects.create(
            name="Beleidsgroep klimaat",
            kind=BodyKind.POLICY_GROUP,
            mandate="Stuurt het klimaatplan met de partners.",
            meets="twee keer per jaar",
        )
        sounding_board = GovernanceBody.objects.create(
            name="Klankbordgroep", kind=BodyKind.SOUNDING_BOARD
        )
        workbench = GovernanceBody.objects.create(
            name="Klimaatwerkbank warmte", kind=BodyKind.WORKBENCH
        )
        workbench.themes.add(energy)
        BodyMembership.objects.create(
            body=policy_group, contact=els, role=MemberRole.MEMBER, starts_on=date(2024, 1, 1)
        )
        BodyMembership.objects.create(
            body=policy_group, organisation=ivbo, role=MemberRole.MEMBER, starts_on=date(2024, 1, 1)
        )
        former = BodyMembership.objects.create(
            body=policy_group,
            contact=jan,
            role=MemberRole.CHAIR,
            starts_on=date(2023, 1, 1),
            ends_on=today - timedelta(days=30),
        )
        delegate = BodyMembership.objects.create(
            body=sounding_board,
            contact=sofie,
            role=MemberRole.DELEGATE,
            starts_on=date(2024, 2, 1),
            delegated_to=policy_group,
        )
    return Alliance(
        policy_group,
        sounding_board,
        workbench,
        energy,
        fluvius,
        ivbo,
        welzijn,
        els,
        jan,
        sofie,
        delegate,
        former,
    )
