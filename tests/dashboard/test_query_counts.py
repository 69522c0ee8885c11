"""Every dashboard page costs the same number of queries at 10 and at 1,000 actions."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

PAGES = [
    "/{slug}/",
    "/{slug}/?sinds=2000-01-01",
    "/{slug}/dashboard/dienst/{department}/",
    "/{slug}/dashboard/dienst/{department}/?export=csv",
    "/{slug}/dashboard/aandacht/",
    "/{slug}/dashboard/aandacht/?kind=stale&sort=-update",
    "/{slug}/dashboard/aandacht/?export=xlsx",
    "/{slug}/dashboard/taken-over-tijd/",
    "/{slug}/dashboard/taken-over-tijd/?export=csv",
]


@pytest.fixture
def sizes(db):
    """Two municipalities, with 10 and with 1,000 actions, tasks, updates and some history."""
    user = UserFactory.create(email="teller@example.test")
    result = {}
    for count in (10, 1000):
        municipality = MunicipalityFactory.create(name=f"Gemeente {count}", slug=f"g{count}")
        built = bulk_plan(
            municipality=municipality,
            actions=count,
            tasks_per_action=3,
            updates_per_action=2,
            seed=count,
        )
        department = built.departments[0]
        MembershipFactory.create(
            user=user, municipality=municipality, role=Role.EDITOR, department=department
        )
        with tenant_scope(municipality):
            for action in Action.objects.order_by("pk")[:3]:
                # Another status than the one the generator drew: each update changes it.
                delayed = next(s for s in built.statuses[3:] if s.pk != action.status_id)
                timeline_update_post(
                    actor=user,
                    action=action,
                    text="Bijgestuurd",
                    new_status=delayed,
                    new_deadline=timezone.localdate() - timedelta(days=1),
                )
        result[count] = (municipality.slug, department.pk)
    return user, result


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(captured)


def test_queries_do_not_grow_with_the_actions(sizes, client):
    user, built = sizes
    client.force_login(user)
    failures = []
    for page in PAGES:
        counts = {
            count: queries_for(client, page.format(slug=slug, department=department))
            for count, (slug, department) in built.items()
        }
        if counts[10] != counts[1000] or counts[10] > 15:
            failures.append((page, counts))

    assert failures == []


def test_the_big_dashboard_has_something_to_show(sizes, client):
    user, built = sizes
    client.force_login(user)
    slug, _ = built[1000]

    dashboard = client.get(f"/{slug}/").context["dashboard"]

    assert dashboard.action_count == 1000
    assert dashboard.late.total > 10
    assert len(dashboard.late.items) == 10
    assert dashboard.overdue_tasks.total > 10
    assert len(dashboard.overdue_tasks.items) == 10
    assert dashboard.changes.updates.total > 10
    assert dashboard.changes.status_changes.total == 3
