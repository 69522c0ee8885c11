"""What the plan's pages share: the empty state without a plan, and finding the action to show or
change."""

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render

from daadkracht.plans.models import Action, Plan
from daadkracht.plans.policies import can_edit_action, can_post_update
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.tenancy.decorators import TenantRequest

PlanView = Callable[Concatenate[TenantRequest, Plan, ...], HttpResponseBase]


def no_plan(request: TenantRequest, template: str) -> HttpResponse:
    """The empty state before the municipality has a plan, with the way to set one up."""
    return render(request, template, {"plan": None})


def with_plan(
    empty: str | Callable[[TenantRequest], HttpResponse],
) -> Callable[[PlanView], Callable[..., HttpResponseBase]]:
    """Call the view with the municipality's plan; without one, answer with `empty`: the
    template of the page's empty state, or a view of its own (a redirect, say).

    Goes below `tenant_view`, which activates the municipality the plan is read from.
    """

    def decorator(view: PlanView) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: TenantRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            plan = current_plan()
            if plan is None:
                return empty(request) if callable(empty) else no_plan(request, empty)
            return view(request, plan, *args, **kwargs)

        return wrapped

    return decorator


def live_action(pk: int) -> Action:
    """The live action with what its header shows; 404 for other municipalities or the trash."""
    return get_object_or_404(
        Action.objects.select_related("plan", "status", "lead_department", "responsible"), pk=pk
    )


def editable_action(request: TenantRequest, pk: int) -> Action:
    """The live action, if the member may change it (403 otherwise)."""
    action = live_action(pk)
    if not can_edit_action(request.tenant.membership, action):
        raise PermissionDenied
    return action


def updatable_action(request: TenantRequest, pk: int) -> Action:
    """The live action, if the member may post updates on it (403 otherwise)."""
    action = live_action(pk)
    if not can_post_update(request.tenant.membership, action):
        raise PermissionDenied
    return action
