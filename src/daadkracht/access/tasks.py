"""Background work: tasks carry their municipality and actor into a context of their own.

A task runs later, in a worker process, where no request is active. `tenant_task` makes a
task's first, required keyword arguments `municipality_id` and `actor_id`, and runs the task in
a fresh worker context for that municipality (or, for `municipality_id=None`, in one where no
tenant data can be touched). `enqueue` fills them in from the context that schedules the task,
so that the worker does the work for the same municipality and on behalf of the same person.
`platform_task` is for work that belongs to no municipality, such as an account's password
reset: it carries nothing and runs in a fresh worker context without a municipality.
The test backend runs each task at once but in a fresh context as well, so that a task that
relies on its caller's scope fails in the tests as it would on a real worker.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.tasks import Task, task
from django.tasks.backends.immediate import ImmediateBackend

from daadkracht.access import context as access


def tenant_task(**options: Any) -> Callable[[Callable[..., Any]], Task[Any, Any]]:
    """Declare a background task that works for one municipality (or, with None, for none)."""

    def decorator(function: Callable[..., Any]) -> Task[Any, Any]:
        @wraps(function)
        def run(*, municipality_id: int | None, actor_id: int | None, **kwargs: Any) -> Any:
            from daadkracht.accounts.models import User
            from daadkracht.tenancy.models import Municipality

            with access.no_scope():
                municipality = (
                    Municipality.objects.get(pk=municipality_id)
                    if municipality_id is not None
                    else None
                )
                actor = User.objects.filter(pk=actor_id).first() if actor_id else None
                with access.worker_scope(municipality, actor=actor):
                    return function(**kwargs)

        return task(**options)(run)

    return decorator


def platform_task(**options: Any) -> Callable[[Callable[..., Any]], Task[Any, Any]]:
    """Declare a background task that works for no municipality; enqueue it with `.enqueue()`.

    It runs in a worker context without a municipality, whoever enqueued it: it can read and
    write accounts, but no municipality's data.
    """

    def decorator(function: Callable[..., Any]) -> Task[Any, Any]:
        @wraps(function)
        def run(**kwargs: Any) -> Any:
            with access.no_scope(), access.worker_scope(None):
                return function(**kwargs)

        return task(**options)(run)

    return decorator


def enqueue(scheduled: Task[Any, Any], **kwargs: Any) -> Any:
    """Enqueue `scheduled` for the municipality and actor of the current context."""
    context = access.current()
    municipality_id = context.municipality_id if context is not None else None
    actor = context.actor if context is not None else None
    actor_id = getattr(actor, "pk", None)
    return scheduled.enqueue(municipality_id=municipality_id, actor_id=actor_id, **kwargs)


class TaskFailed(RuntimeError):
    """A task run by the test backend raised; the worker would have recorded the error."""


class FreshContextImmediateBackend(ImmediateBackend):
    """Runs each task at once, as the test suite needs, but never in its caller's context."""

    def _execute_task(self, task_result: Any) -> None:
        with access.no_scope():
            super()._execute_task(task_result)  # type: ignore[misc]
        if task_result.errors:
            raise TaskFailed(task_result.errors[-1].traceback)
