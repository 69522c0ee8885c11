"""What the plan's pages share: links to pages that may not be installed, and the empty state
of a municipality that has no plan yet."""

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from daadkracht.plans.models import Plan
from daadkracht.plans.selectors.plan import current_plan
from daadkracht.tenancy.decorators import TenantRequest

PlanView = Callable[Concatenate[TenantRequest, Plan, ...], HttpResponse]


def tenant_url(request: TenantRequest, name: str, **kwargs: Any) -> str | None:
    """The URL of a page in this municipality, or None if this installation lacks that page."""
    try:
        return reverse(name, kwargs={"municipality": request.tenant.municipality.slug, **kwargs})
    except NoReverseMatch:
        return None


def no_plan(request: TenantRequest, template: str) -> HttpResponse:
    """The empty state before the municipality has a plan, with the way to set one up."""
    return render(
        request, template, {"plan": None, "settings_url": tenant_url(request, "plans:settings")}
    )


def with_plan(empty_template: str) -> Callable[[PlanView], Callable[..., HttpResponse]]:
    """Call the view with the municipality's plan; without one, show `empty_template`.

    Goes below `tenant_view`, which activates the municipality the plan is read from.
    """

    def decorator(view: PlanView) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: TenantRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            plan = current_plan()
            if plan is None:
                return no_plan(request, empty_template)
            return view(request, plan, *args, **kwargs)

        return wrapped

    return decorator
