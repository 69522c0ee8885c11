"""The alliance of municipality A as the map draws it: themes, a policy group and a workbench,
organisations sitting in them (one through a contact person), engagement, a partner on an
action; and an organisation of municipality B that must never show."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMembership, BodyTheme, GovernanceBody, MemberRole
from daadkracht.engagement.models import Engagement, Level, Weight
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind


def map_url(world, query: str = "") -> str:
    return reverse("networkmap:map", kwargs={"municipality": world.a.slug}) + query


@dataclass
class Alliance:
    heating: Theme
    mobility: Theme
    insulation: Theme  # a sub-theme of heating
    policy_group: GovernanceBody
    workbench: GovernanceBody
    former_board: GovernanceBody
    fluvius: Organisation
    ivbo: Organisation
    welzijn: Organisation
    school: Organisation
    els: Contact
    secret: Organisation  # municipality B's


@pytest.fixture
def alliance(world) -> Alliance:
    today = timezone.localdate()
    with tenant_scope(world.a):
        heating = Theme.objects.create(plan=world.plan_a, code="B1", name="Fossielvrij verwarmen")
        mobility = Theme.objects.create(
            plan=world.plan_a, code="B3", name="Brugge verplaatst zich slim", position=2
        )
        insulation = Theme.objects.create(
            plan=world.plan_a, code="B1.A", name="Woningen renoveren", parent=heating, position=1
        )
        world.action_a.themes.add(mobility)
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        welzijn = Organisation.objects.create(
            name="Welzijnsschakels Brugge", kind=OrganisationKind.POVERTY
        )
        school = Organisation.objects.create(
            name="Sint-Lodewijkscollege", kind=OrganisationKind.SCHOOL
        )
        fluvius.themes.add(heating)
        school.themes.add(mobility)
        els = Contact.objects.create(
            full_name="Els Vandamme", organisation=welzijn, email="els@welzijn.example"
        )
        policy_group = GovernanceBody.objects.create(
            name="Beleidsgroep klimaat", kind=BodyKind.POLICY_GROUP
        )
        workbench = GovernanceBody.objects.create(
            name="Klimaatwerkbank fossielvrij verwarmen", kind=BodyKind.WORKBENCH
        )
        former_board = GovernanceBody.objects.create(name="Oude stuurgroep", kind=BodyKind.OTHER)
        BodyTheme.objects.create(body=workbench, theme=heating)
        BodyMembership.objects.create(
            body=policy_group, organisation=ivbo, role=MemberRole.MEMBER, starts_on=today
        )
        BodyMembership.objects.create(
            body=policy_group, organisation=fluvius, role=MemberRole.CHAIR, starts_on=today
        )
        # A person sits in the workbench: it counts for her organisation, she is never named.
        BodyMembership.objects.create(
            body=workbench, contact=els, role=MemberRole.SECRETARY, starts_on=today
        )
        # A membership that ended is no edge.
        BodyMembership.objects.create(
            body=former_board,
            organisation=school,
            starts_on=today - timedelta(days=400),
            ends_on=today - timedelta(days=30),
        )
        Engagement.objects.create(
            organisation=ivbo,
            theme=insulation,
            influence=Weight.HIGH,
            interest=Weight.HIGH,
            intended=Level.EMPOWER,
            actual=Level.COLLABORATE,
        )
        Engagement.objects.create(
            organisation=welzijn,
            action=world.action_a,
            influence=Weight.LOW,
            interest=Weight.HIGH,
            intended=Level.INVOLVE,
            actual=None,
        )
        ActionPartner.objects.create(
            action=world.action_a, organisation=fluvius, role=PartnerRole.CO_FINANCER
        )
    with tenant_scope(world.b):
        secret = Organisation.objects.create(
            name="Geheime vzw van Beta", kind=OrganisationKind.GRID_OPERATOR
        )
    return Alliance(
        heating,
        mobility,
        insulation,
        policy_group,
        workbench,
        former_board,
        fluvius,
        ivbo,
        welzijn,
        school,
        els,
        secret,
    )
