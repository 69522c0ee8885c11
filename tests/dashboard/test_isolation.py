"""Municipality B's actions, tasks and updates never show in A's dashboard, lists or exports."""

from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, StatusCategory
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.testing.factories import TaskFactory, as_platform
from tests.dashboard.conftest import status

SECRET = "Geheime actie van Beta"


@pytest.fixture
@as_platform
def busy_beta(world):
    """B's action is late, stale, has an overdue task, impact, budget and fresh updates."""
    today = timezone.localdate()
    action = world.action_b
    Action.unscoped.filter(pk=action.pk).update(
        status=status(world.plan_b, StatusCategory.ACTIVE),
        deadline=today - timedelta(days=3),
        created_at=timezone.now() - timedelta(days=400),
        co2_reduction=Decimal(77777),
        budget_planned=Decimal(999999),
    )
    TaskFactory.create(action=action, title="Geheime taak", due_date=today - timedelta(days=2))
    TaskFactory.create(
        action=action, title="Geheime mijlpaal", is_milestone=True, due_date=today + timedelta(1)
    )
    with tenant_scope(world.b):
        action.refresh_from_db()
        timeline_update_post(
            actor=world.users["other_municipality"],
            action=action,
            text="Geheime beslissing",
            new_status=status(world.plan_b, StatusCategory.DELAYED),
        )
    Action.unscoped.filter(pk=action.pk).update(last_update_at=timezone.now() - timedelta(400))
    return world


def test_b_never_appears_in_a(busy_beta, world, coordinator):
    urls = [
        "/alfa/",
        "/alfa/?sinds=2000-01-01",
        f"/alfa/dashboard/dienst/{world.department_a.pk}/",
        f"/alfa/dashboard/dienst/{world.department_a.pk}/?export=csv",
        "/alfa/dashboard/aandacht/",
        "/alfa/dashboard/aandacht/?export=csv",
        "/alfa/dashboard/taken-over-tijd/",
        "/alfa/dashboard/taken-over-tijd/?export=csv",
    ]
    for url in urls:
        response = coordinator.get(url)
        assert response.status_code == HTTPStatus.OK, url
        content = response.getvalue().decode("utf-8-sig")
        for secret in (SECRET, "Geheime taak", "Geheime mijlpaal", "Geheime beslissing", "B1.01"):
            assert secret not in content, (url, secret)

    dashboard = coordinator.get("/alfa/").context["dashboard"]
    assert dashboard.co2.planned == 0
    assert dashboard.budget.planned == 0
    assert dashboard.action_count == 2


def test_b_sees_its_own(busy_beta, world):
    beta = world.client_for("other_municipality")

    response = beta.get("/beta/?sinds=2000-01-01")

    dashboard = response.context["dashboard"]
    assert [a.title for a in dashboard.late.items] == [SECRET]
    assert [t.title for t in dashboard.overdue_tasks.items] == ["Geheime taak"]
    assert dashboard.changes.updates.items[0].text == "Geheime beslissing"
    assert dashboard.co2.planned == Decimal(77777)


def test_a_department_of_b_is_not_found_in_a(world, coordinator):
    assert (
        coordinator.get(f"/alfa/dashboard/dienst/{world.department_b.pk}/").status_code
        == HTTPStatus.NOT_FOUND
    )
    chooser = coordinator.get(f"/alfa/dashboard/dienst/?dienst={world.department_b.pk}")
    assert chooser.status_code == HTTPStatus.OK  # not a redirect to B's department


def test_outsiders_get_not_found(world):
    for who in ("other_municipality", "no_membership"):
        client = world.client_for(who)
        for url in (
            f"/alfa/dashboard/dienst/{world.department_a.pk}/",
            "/alfa/dashboard/aandacht/?export=csv",
            "/alfa/dashboard/taken-over-tijd/",
        ):
            assert client.get(url).status_code == HTTPStatus.NOT_FOUND, (who, url)
