"""Tasks the access tests enqueue; tasks must live at module level to be found by a worker."""

from django.tasks import task

from daadkracht.access.context import current
from daadkracht.access.tasks import platform_task, tenant_task
from daadkracht.tenancy.models import Department


@tenant_task()
def count_departments() -> dict[str, object]:
    context = current()
    assert context is not None
    return {
        "departments": Department.objects.count(),
        "audience": str(context.audience),
        "actor": getattr(context.actor, "pk", None),
    }


@task()
def count_departments_without_scope() -> int:
    """A task written without `tenant_task`: it relies on a scope it will not have."""
    return Department.objects.count()


@platform_task()
def describe_platform_context() -> dict[str, object]:
    context = current()
    assert context is not None
    return {
        "audience": str(context.audience),
        "municipality": context.municipality_id,
        "actor": getattr(context.actor, "pk", None),
    }


@platform_task()
def count_departments_for_the_platform() -> int:
    return Department.objects.count()
