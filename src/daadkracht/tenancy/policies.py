"""Who may manage a municipality's departments and members, and how services enforce any policy.

A policy is a plain function of "who" — the actor's `Membership` — and the object concerned,
answering True or False. Views, forms and templates ask it to decide what to offer; services ask
it again through `enforce()`, so that a write refused on the page is refused when called
directly too. The role matrix (`roles.py`) says what each role may do in general; the policies
are the only place that combines it with the object at hand.

Who the actor is comes from the access context (`access.context.current()`):

- a member's request carries their membership: the policy decides;
- a background task, a management command and the platform (the worker and platform
  audiences) run without a membership: they are trusted code, working as the platform or as a
  job someone with the right to start it has started, and every service is allowed to them;
- any other visitor without a membership — the public, a link holder, an API client — is
  refused by every service that enforces a policy; the few services made for them (joining a
  workshop round, accepting an invitation) enforce none and check their key themselves.

What only the platform administration may do (opening the platform to a new municipality) asks
`enforce_platform()` instead: a superuser acting in the platform's context.
"""

from collections.abc import Callable
from typing import Concatenate

from django.core.exceptions import PermissionDenied

from daadkracht.access.context import Audience, require
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Permission

TRUSTED_AUDIENCES = frozenset({Audience.WORKER, Audience.PLATFORM})


def enforce[**P](
    rule: Callable[Concatenate[Membership, P], bool], *args: P.args, **kwargs: P.kwargs
) -> None:
    """Raise PermissionDenied unless the acting member passes `rule` (see the module's rules)."""
    context = require()
    who = context.membership
    if who is None:
        if context.audience in TRUSTED_AUDIENCES:
            return
        raise PermissionDenied
    if not rule(who, *args, **kwargs):
        raise PermissionDenied


def enforce_platform() -> None:
    """Raise PermissionDenied unless a superuser acts as the platform."""
    context = require()
    if context.audience != Audience.PLATFORM or not getattr(context.actor, "is_superuser", False):
        raise PermissionDenied


def can_read_internal(who: Membership) -> bool:
    """The municipality's internal pages: every member."""
    return who.has(Permission.VIEW_INTERNAL)


def can_manage_departments(who: Membership) -> bool:
    return who.has(Permission.MANAGE_DEPARTMENTS)


def can_manage_members(who: Membership) -> bool:
    return who.has(Permission.MANAGE_MEMBERS)
