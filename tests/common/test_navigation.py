"""The main navigation and links to a municipality's pages."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch

from daadkracht.common.navigation import MAIN_NAVIGATION, navigation_for, tenant_url
from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.models import Membership


def _tenant(world, who: str) -> TenantContext:
    membership = Membership.unscoped.get(user=world.users[who], municipality=world.a)
    return TenantContext(municipality=world.a, membership=membership)


def test_a_coordinator_sees_every_page(world):
    items = navigation_for(_tenant(world, "coordinator"), "/alfa/plan/acties/")

    assert len(items) == len(MAIN_NAVIGATION)
    assert [item["url"] for item in items if item["current"]] == ["/alfa/plan/acties/"]


def test_a_mistyped_page_name_fails_loudly(world):
    request = RequestFactory().get("/alfa/")
    request.tenant = _tenant(world, "viewer")

    assert tenant_url(request, "plans:actions") == "/alfa/plan/acties/"
    with pytest.raises(NoReverseMatch):
        tenant_url(request, "plans:actoins")
