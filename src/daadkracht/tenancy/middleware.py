"""The member entry point: activates the municipality named in the URL for the request."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from daadkracht.access import context as access
from daadkracht.tenancy.access import membership_in
from daadkracht.tenancy.context import TenantContext

URL_KWARG = "municipality"


class TenantMiddleware:
    """For `/<municipality>/...` URLs: require a membership and scope every query to it.

    A user who is not a member gets a 404, so that the existence of another municipality's
    objects is never revealed. Superusers in the admin work across municipalities. Every other
    request starts without an access context; public and signed-link views enter their own.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.tenant = None  # type: ignore[attr-defined]
        user = getattr(request, "user", None)
        if request.path.startswith("/beheer/") and user is not None and user.is_superuser:
            with access.platform_scope(actor=user):
                return self.get_response(request)
        with access.no_scope():
            return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> Any:
        if getattr(view_func, "access_audience", None) == access.Audience.STAKEHOLDER:
            # The stakeholders' portal: its own entry point reads the municipality.
            return None
        slug = view_kwargs.pop(URL_KWARG, None)
        if slug is None:
            return None
        membership = membership_in(request.user, slug)
        if membership is None:
            raise Http404
        request.tenant = TenantContext(  # type: ignore[attr-defined]
            municipality=membership.municipality, membership=membership
        )
        # Until the end of the request: the scope opened in __call__ closes it.
        access.enter_for_request(access.member_context(membership, actor=request.user))
        return None
