"""The policy every municipality view declares."""

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.policies import can_read_internal


class TenantRequest(HttpRequest):
    """An HttpRequest inside a municipality (for type checking only)."""

    tenant: TenantContext


ViewFunc = Callable[..., HttpResponseBase]


Rule = Callable[[Membership], bool]


def tenant_view(rule: Rule = can_read_internal) -> Callable[[ViewFunc], ViewFunc]:
    """Require the active membership to pass `rule`, a policy of its app (403 otherwise).

    The rule is the same function the app's services enforce and its templates ask, so that a
    page, a form and a direct call decide alike. It is kept on the view as `required_rule`, where
    the route tests read it."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            tenant = cast(TenantContext | None, getattr(request, "tenant", None))
            if tenant is None:
                raise Http404
            if not rule(tenant.membership):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_rule = rule  # type: ignore[attr-defined]
        return wrapped

    return decorator
