"""Organisations of municipality A's network, and helpers for the partner pages."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.stakeholders.models import Organisation, OrganisationKind


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


@dataclass
class Alliance:
    fluvius: Organisation
    ivbo: Organisation
    beta_port: Organisation


@pytest.fixture
def alliance(world) -> Alliance:
    with tenant_scope(world.a):
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
    with tenant_scope(world.b):
        beta_port = Organisation.objects.create(
            name="Havenbedrijf Beta", kind=OrganisationKind.PORT
        )
    return Alliance(fluvius, ivbo, beta_port)


def add_partner(world, action, organisation, role: str = PartnerRole.EXECUTOR, note: str = ""):
    with tenant_scope(world.a):
        return ActionPartner.objects.create(
            action=action, organisation=organisation, role=role, note=note
        )
