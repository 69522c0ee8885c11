"""The access context: which municipality, which audience and which actor a request or job runs as.

There is one value per request or background job, held in a context variable (per thread and per
asyncio task). It is set in one way only: by an entry point entering one of the scopes below —
the member middleware, the public and signed-link view decorators, API authentication, the task
decorator and management commands. Everything that reads or writes tenant data asks `current()`;
without a context, tenant data cannot be touched at all.
"""

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from daadkracht.tenancy.models import Membership, Municipality


class Audience(StrEnum):
    """The kinds of visitor; each model declares what each of them may read."""

    MEMBER = "member"  # logged in, with a membership of the municipality
    STAKEHOLDER = "stakeholder"  # an external partner in the limited portal
    PUBLIC = "public"  # anyone, without log-in
    SIGNED_LINK = "signed_link"  # holder of a signed link or a secret code for one object
    API_TOKEN = "api_token"  # an API client with a token of one municipality
    WORKER = "worker"  # a background task or a command working for one municipality
    PLATFORM = "platform"  # platform administration, across municipalities
    EDITORIAL = "editorial"  # a platform editor moderating the shared practice database
    PROVIDER = "provider"  # a manager of a support provider: its offers and the requests to it


class TenantNotActive(RuntimeError):
    """Tenant data was touched while no access context (or no municipality) was active."""


class AccessRefused(RuntimeError):
    """The audience of the context may not read this model: it declares nothing for it."""


@dataclass(frozen=True)
class LinkGrant:
    """What a signed link or secret code opens: one object of one model, for one purpose."""

    purpose: str
    model_label: str
    object_id: int
    nonce: str = ""


@dataclass(frozen=True)
class PortalGrant:
    """What a stakeholder may read in the limited portal, decided once when a page opens.

    `readable` maps a model label to the ids of its rows that are theirs to see: the bodies
    they (or their organisation) sit in now, those bodies' meetings, the actions their
    organisation partners in, and their own memberships, partnerships, organisation and
    contact row. A model declares with `access.reach.portal(...)` which of these it goes by.
    """

    contact_id: int
    organisation_id: int | None
    readable: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def ids(self, model_label: str) -> frozenset[int]:
        return self.readable.get(model_label, frozenset())


@dataclass(frozen=True)
class AccessContext:
    audience: Audience
    municipality: "Municipality | None" = None
    actor: Any = None  # the user, if one is logged in (or the task was enqueued by one)
    membership: "Membership | None" = None
    grant: LinkGrant | None = None
    # A coach's overview: the member audience in each of these municipalities at once, read
    # only (with no active municipality, every write is refused). None outside such a page.
    followed: frozenset[int] | None = None
    # In the stakeholder portal: the rows of this municipality that are the stakeholder's.
    portal: PortalGrant | None = None
    # For a support provider's manager: the providers whose requests they may read.
    providers: frozenset[int] | None = None

    @property
    def spans_municipalities(self) -> bool:
        return self.audience == Audience.PLATFORM

    @property
    def municipality_id(self) -> int | None:
        return self.municipality.pk if self.municipality is not None else None


_current: ContextVar[AccessContext | None] = ContextVar("access_context", default=None)


def current() -> AccessContext | None:
    return _current.get()


def require() -> AccessContext:
    context = _current.get()
    if context is None:
        raise TenantNotActive(
            "Tenant data touched without an access context; enter it through an entry point "
            "(a view decorator, the task decorator or a command's scope)."
        )
    return context


def active_municipality() -> "Municipality | None":
    context = _current.get()
    return context.municipality if context is not None else None


@contextmanager
def _enter(context: AccessContext | None) -> Iterator[AccessContext | None]:
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def no_scope() -> Any:
    """A fresh start without any context, as a request or a worker begins."""
    return _enter(None)


def member_context(membership: "Membership", actor: Any) -> AccessContext:
    return AccessContext(
        Audience.MEMBER, municipality=membership.municipality, actor=actor, membership=membership
    )


def member_scope(membership: "Membership", actor: Any) -> Any:
    return _enter(member_context(membership, actor))


def following_scope(memberships: "Iterable[Membership]", actor: Any) -> Any:
    """Read, as a member, every municipality of `memberships` at once: a coach's overview."""
    return _enter(
        AccessContext(
            Audience.MEMBER,
            actor=actor,
            followed=frozenset(m.municipality_id for m in memberships),
        )
    )


def enter_for_request(context: AccessContext) -> None:
    """For the member middleware only: the context lasts until its request's `no_scope()` ends.

    A view's response may be rendered after the view returns (template responses), so the
    context cannot end with the view call itself.
    """
    _current.set(context)


def tenant_scope(municipality: "Municipality", *, actor: Any = None) -> Any:
    """Work for one municipality outside a request: a background task or a command."""
    return _enter(AccessContext(Audience.WORKER, municipality=municipality, actor=actor))


def worker_scope(municipality: "Municipality | None", *, actor: Any = None) -> Any:
    """A task's own context; without a municipality, no tenant data can be touched."""
    return _enter(AccessContext(Audience.WORKER, municipality=municipality, actor=actor))


def platform_scope(*, actor: Any = None) -> Any:
    """Across all municipalities: platform administration, the demo command, factories."""
    return _enter(AccessContext(Audience.PLATFORM, actor=actor))


def editorial_scope(*, actor: Any) -> Any:
    """A platform editor: what was submitted to the shared practice database, of every
    municipality; every other model is refused, and no municipality's data can be written."""
    return _enter(AccessContext(Audience.EDITORIAL, actor=actor))


def provider_scope(providers: Iterable[int], *, actor: Any) -> Any:
    """A support provider's manager: the requests addressed to `providers`, of any
    municipality; no municipality is active, so no municipality's data can be written."""
    return _enter(AccessContext(Audience.PROVIDER, actor=actor, providers=frozenset(providers)))


def public_scope(municipality: "Municipality | None", *, actor: Any = None) -> Any:
    return _enter(AccessContext(Audience.PUBLIC, municipality=municipality, actor=actor))


def link_scope(
    municipality: "Municipality",
    grant: LinkGrant,
    *,
    actor: Any = None,
    membership: "Membership | None" = None,
) -> Any:
    return _enter(
        AccessContext(
            Audience.SIGNED_LINK,
            municipality=municipality,
            actor=actor,
            membership=membership,
            grant=grant,
        )
    )


def stakeholder_scope(municipality: "Municipality", grant: PortalGrant, *, actor: Any) -> Any:
    """An external partner in the limited portal: only the rows `grant` lists, of the models
    that declare a portal reach; every other model is refused."""
    return _enter(
        AccessContext(Audience.STAKEHOLDER, municipality=municipality, actor=actor, portal=grant)
    )


def token_scope(municipality: "Municipality", *, actor: Any = None) -> Any:
    """For the API's token authentication: one municipality, the token's owner as actor."""
    return _enter(AccessContext(Audience.API_TOKEN, municipality=municipality, actor=actor))
