"""Background tasks run in a context of their own, carrying the municipality they were made for."""

import pytest

from daadkracht.access.context import Audience, tenant_scope
from daadkracht.access.tasks import TaskFailed, enqueue
from tests.access.tasks_for_tests import (
    count_departments,
    count_departments_for_the_platform,
    count_departments_without_scope,
    describe_platform_context,
)


def test_a_task_works_for_the_municipality_and_actor_that_enqueued_it(world):
    coordinator = world.users["coordinator"]
    with tenant_scope(world.a, actor=coordinator):
        result = enqueue(count_departments)

    assert result.return_value == {
        "departments": 2,
        "audience": Audience.WORKER,
        "actor": coordinator.pk,
    }


def test_a_task_does_not_inherit_the_scope_of_its_caller(world):
    with tenant_scope(world.a), pytest.raises(TaskFailed, match="TenantNotActive"):
        count_departments.enqueue(municipality_id=None, actor_id=None)


def test_a_task_without_a_declared_municipality_fails(world):
    with tenant_scope(world.a), pytest.raises(TaskFailed, match="municipality_id"):
        count_departments.enqueue(actor_id=None)


def test_a_task_that_forgets_its_scope_fails_in_the_tests_as_on_a_worker(world):
    with tenant_scope(world.a), pytest.raises(TaskFailed, match="TenantNotActive"):
        count_departments_without_scope.enqueue()


def test_the_other_municipality_s_task_counts_its_own_rows(world):
    with tenant_scope(world.b):
        result = enqueue(count_departments)

    assert result.return_value["departments"] == 1


def test_a_platform_task_runs_for_no_municipality_whoever_enqueued_it(world):
    with tenant_scope(world.a, actor=world.users["coordinator"]):
        result = describe_platform_context.enqueue()

    assert result.return_value == {
        "audience": Audience.WORKER,
        "municipality": None,
        "actor": None,
    }


def test_a_platform_task_cannot_read_a_municipality_s_data(world):
    with tenant_scope(world.a), pytest.raises(TaskFailed, match="TenantNotActive"):
        count_departments_for_the_platform.enqueue()
