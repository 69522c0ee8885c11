"""The permission check every municipality view declares."""

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.roles import Permission


class TenantRequest(HttpRequest):
    """An HttpRequest inside a municipality (for type checking only)."""

    tenant: TenantContext


ViewFunc = Callable[..., HttpResponseBase]


def tenant_view(
    permission: Permission = Permission.VIEW_INTERNAL,
) -> Callable[[ViewFunc], ViewFunc]:
    """Require the active membership to hold `permission` (403 otherwise)."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            tenant = cast(TenantContext | None, getattr(request, "tenant", None))
            if tenant is None:
                raise Http404
            if not tenant.has(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator
