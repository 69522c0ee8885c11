"""Activates the municipality named in the URL for the duration of the request."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from daadkracht.tenancy.access import membership_in
from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.scoping import _active, platform_scope

URL_KWARG = "municipality"


class TenantMiddleware:
    """For `/<municipality>/...` URLs: require a membership and scope every query to it.

    A user who is not a member gets a 404, so that the existence of another municipality's
    objects is never revealed. Superusers in the admin work across municipalities.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.tenant = None  # type: ignore[attr-defined]
        token = _active.set(None)
        try:
            if (
                request.path.startswith("/beheer/")
                and getattr(request, "user", None)
                and (request.user.is_superuser)
            ):
                with platform_scope():
                    return self.get_response(request)
            return self.get_response(request)
        finally:
            _active.reset(token)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        slug = view_kwargs.pop(URL_KWARG, None)
        if slug is None:
            return None
        membership = membership_in(request.user, slug)
        if membership is None:
            raise Http404
        request.tenant = TenantContext(  # type: ignore[attr-defined]
            municipality=membership.municipality, membership=membership
        )
        _active.set(membership.municipality)
        return None
