"""Before the plan has actions, the home page tells the coordinator how to start."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, Plan
from daadkracht.plans.services.plan import theme_create
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
    as_platform,
)


@pytest.fixture
def fresh(db):
    """A new municipality: no plan, no departments, one coordinator and one viewer."""
    municipality = MunicipalityFactory.create(name="Gemeente Nieuw", slug="nieuw")
    clients = {}
    for role in (Role.COORDINATOR, Role.VIEWER):
        user = UserFactory.create(email=f"{role.value}@nieuw.test")
        MembershipFactory.create(user=user, municipality=municipality, role=role)
        clients[role.value] = Client()
        clients[role.value].force_login(user)
    return clients


def test_a_new_municipality_gets_the_checklist(fresh):
    response = fresh["coordinator"].get("/nieuw/")

    assert response.status_code == HTTPStatus.OK
    assert response.context["plan"] is None
    assert "dashboard" not in response.context
    content = response.content.decode()
    assert 'class="checklist"' in content
    assert reverse("tenancy:department_create", kwargs={"municipality": "nieuw"}) in content
    settings_url = reverse("plans:settings", kwargs={"municipality": "nieuw"})
    assert f'href="{settings_url}"' in content


def test_other_roles_see_an_explanation(fresh):
    response = fresh["viewer"].get("/nieuw/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert 'class="checklist"' not in content
    assert 'class="empty"' in content


@as_platform
def test_a_plan_without_actions_keeps_the_checklist(world, coordinator):
    Action.unscoped.filter(plan=world.plan_a).delete()

    response = coordinator.get("/alfa/")

    assert response.context["show_checklist"] is True
    assert response.context["dashboard"].action_count == 0
    content = response.content.decode()
    assert 'class="checklist"' in content
    assert 'id="themes"' not in content


def test_a_running_plan_shows_the_dashboard_without_checklist(world, coordinator):
    with tenant_scope(world.a):
        theme_create(actor=None, plan=world.plan_a, name="Mobiliteit")

    response = coordinator.get("/alfa/")

    assert response.context["show_checklist"] is False
    content = response.content.decode()
    assert 'class="checklist"' not in content
    assert 'id="themes"' in content
    assert Plan.unscoped.filter(municipality=world.a).exists()
