"""Entry points for visitors without a membership (public pages, pages opened by a key and the
stakeholders' limited portal), for the platform administration, and for a coach's overview
across the municipalities they follow.

Each decorator throttles the address, activates the access context of its audience for the
whole view and marks the view with that audience, so that the authorisation test knows every
view's door (member views are marked by `tenancy.decorators.tenant_view`).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from daadkracht.access import context as access
from daadkracht.access.context import Audience, LinkGrant
from daadkracht.access.links import LinkPurpose, link_is_used, link_read
from daadkracht.access.throttle import record_miss, throttled, too_many_misses

ViewFunc = Callable[..., HttpResponse]
TOO_MANY = 429


MAX_CODE_LENGTH = 100


def too_many(request: HttpRequest) -> HttpResponse:
    """The page for an address that asked too often (429)."""
    return render(request, "access/too_many_requests.html", status=TOO_MANY)


ACCOUNT_DOOR = "account"


def account_page(view: ViewFunc) -> ViewFunc:
    """Mark a page about the visitor's own account (log-in, password, profile, language).

    Such a page touches no municipality's data and runs without an access context, so that a
    query of tenant data there fails loudly.
    """
    view.access_door = ACCOUNT_DOOR  # type: ignore[attr-defined]
    return view


def platform_view(view: ViewFunc) -> ViewFunc:
    """A page of the platform administration: superusers only, across all municipalities.

    Anyone else who is logged in gets a 404, as for a municipality they are not a member of;
    a visitor who is not logged in is sent to the log-in page first.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_superuser):
            raise Http404
        with access.platform_scope(actor=user):
            return view(request, *args, **kwargs)

    wrapped.access_audience = Audience.PLATFORM  # type: ignore[attr-defined]
    return wrapped


def editorial_view(view: ViewFunc) -> ViewFunc:
    """A page of the practice database's moderation: platform editors only.

    The view runs in the editorial audience, which reads what was submitted to the practice
    database of every municipality and nothing else. Anyone else who is logged in gets a 404;
    a visitor who is not logged in is sent to the log-in page first.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_platform_editor):
            raise Http404
        with access.editorial_scope(actor=user):
            return view(request, *args, **kwargs)

    wrapped.access_audience = Audience.EDITORIAL  # type: ignore[attr-defined]
    return wrapped


def following_view(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """A page across the municipalities the logged-in user follows as a coach.

    The view gets those memberships and runs as a member of each of them at once, read only:
    no municipality is active, so a write of tenant data is refused. A user who coaches no
    municipality gets the page with nothing in it (a visitor who is not logged in is sent to
    the log-in page first).
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        from daadkracht.tenancy.access import coach_memberships

        memberships = list(coach_memberships(request.user))
        with access.following_scope(memberships, actor=request.user):
            return view(request, memberships, *args, **kwargs)

    wrapped.access_audience = Audience.MEMBER  # type: ignore[attr-defined]
    return wrapped


def _mark(view: ViewFunc, audience: Audience) -> ViewFunc:
    view.access_audience = audience  # type: ignore[attr-defined]
    return login_not_required(view)


def public_view(view: ViewFunc) -> ViewFunc:
    """A page for anyone: the public audience, in the municipality of the URL if it names one."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from daadkracht.tenancy.models import Municipality

        if throttled(request, "public"):
            return too_many(request)
        municipality = None
        if "municipality" in kwargs:
            municipality = Municipality.objects.filter(slug=kwargs.pop("municipality")).first()
            if municipality is None:
                raise Http404
        user = request.user if request.user.is_authenticated else None
        with access.public_scope(municipality, actor=user):
            return view(request, *args, **kwargs)

    return _mark(wrapped, Audience.PUBLIC)


def _membership(user: Any, municipality: Any) -> Any:
    from daadkracht.tenancy.access import memberships_of

    return memberships_of(user).filter(municipality=municipality).first()


def _open(
    request: HttpRequest,
    municipality: Any,
    grant: LinkGrant,
    view: ViewFunc,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> HttpResponse | None:
    """Run `view` with the granted object in the link holder's scope; None if it is gone."""
    user = request.user if request.user.is_authenticated else None
    membership = _membership(user, municipality) if user is not None else None
    with access.link_scope(municipality, grant, actor=user, membership=membership):
        from django.apps import apps

        model = apps.get_model(grant.model_label)
        found = model._default_manager.filter(pk=grant.object_id).first()
        if found is None:
            return None
        return view(request, found, *args, **kwargs)


def signed_link_view(
    purpose: LinkPurpose,
    *,
    invalid_template: str,
    version: Callable[[Any], str] = lambda obj: "",
) -> Callable[[ViewFunc], ViewFunc]:
    """A page opened by a signed link (URL keyword `token`); the view gets the linked object.

    A forged, expired, used-up or outdated link, or one for another purpose, shows
    `invalid_template` with 410 Gone; the object is read in the link holder's scope, where
    models that declare `GRANTED` show this one object only.
    """

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
            from daadkracht.tenancy.models import Municipality

            if throttled(request, f"link:{purpose.name}"):
                return too_many(request)
            gone = render(request, invalid_template, status=410)
            claim = link_read(purpose, token)
            if claim is None or (purpose.single_use and link_is_used(claim.grant)):
                return gone
            municipality = Municipality.objects.filter(pk=claim.municipality_id).first()
            if municipality is None:
                return gone

            def checked(request: HttpRequest, found: Any, *a: Any, **kw: Any) -> HttpResponse:
                if version(found) != claim.version:
                    return gone
                return view(request, found, claim.grant, *a, **kw)

            response = _open(request, municipality, claim.grant, checked, args, kwargs)
            return gone if response is None else response

        return _mark(wrapped, Audience.SIGNED_LINK)

    return decorator


def code_view(
    purpose: str,
    model_label: str,
    lookup: Callable[[str], tuple[Any, int] | None],
    *,
    url_kwarg: str = "code",
) -> Callable[[ViewFunc], ViewFunc]:
    """A page opened by a secret code in the URL, such as a workshop round's join code.

    `lookup(code)` gives the municipality and the id of the object the code opens, or None
    (404). The view gets the object and runs in the link holder's scope.
    """

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if throttled(request, f"code:{purpose}") or too_many_misses(request, purpose):
                return too_many(request)
            code = str(kwargs.pop(url_kwarg))
            # A code is short printable text; anything else is a guess (and a NUL byte would
            # reach the database, which PostgreSQL refuses).
            found = lookup(code) if code.isprintable() and len(code) <= MAX_CODE_LENGTH else None
            if found is None:
                record_miss(request, purpose)
                raise Http404
            municipality, object_id = found
            grant = LinkGrant(purpose, model_label, object_id)
            response = _open(request, municipality, grant, view, args, kwargs)
            if response is None:
                raise Http404
            return response

        return _mark(wrapped, Audience.SIGNED_LINK)

    return decorator


def stakeholder_view(view: ViewFunc) -> ViewFunc:
    """A page of the limited portal for an external partner of the municipality in the URL.

    The logged-in user needs a portal access there that is accepted and not revoked; the view
    gets it and runs in the stakeholder audience, whose grant (computed here, once) lists the
    rows they may read. A member of the municipality without portal access gets a 403; anyone
    else a 404, as for a municipality they have nothing to do with.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from daadkracht.portal.access import portal_access_in, portal_grant
        from daadkracht.tenancy.access import membership_in

        slug = str(kwargs.pop("municipality", ""))
        found = portal_access_in(request.user, slug)
        if found is None:
            if membership_in(request.user, slug) is not None:
                raise PermissionDenied
            raise Http404
        grant = portal_grant(found)
        with access.stakeholder_scope(found.municipality, grant, actor=request.user):
            return view(request, found, *args, **kwargs)

    wrapped.access_audience = Audience.STAKEHOLDER  # type: ignore[attr-defined]
    return wrapped


def provider_view(view: ViewFunc) -> ViewFunc:
    """A page of a support provider (URL keyword `provider`, its slug), for its managers only.

    The view gets the provider and runs in the provider audience, which reads the requests
    municipalities addressed to that provider and no other municipality's data. Anyone else
    who is logged in gets a 404; a visitor who is not logged in is sent to the log-in page.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from daadkracht.offers.access import managed_provider

        provider = managed_provider(request.user, str(kwargs.pop("provider", "")))
        if provider is None:
            raise Http404
        with access.provider_scope([provider.pk], actor=request.user):
            return view(request, provider, *args, **kwargs)

    wrapped.access_audience = Audience.PROVIDER  # type: ignore[attr-defined]
    return wrapped
