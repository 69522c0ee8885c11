"""Who may ask a provider for an offer in a municipality's name: its coordinator.

Plain functions of "who" (the actor's `Membership`), as in the other apps; the services ask
them again through `tenancy.policies.enforce()`. What a provider's manager may do is decided by
the provider pages' own door (`access.entry.provider_view`) and checked again in the services
(`provider_may_answer`).
"""

from typing import Any

from daadkracht.access.context import Audience, require
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role


def can_request_offers(who: Membership) -> bool:
    """Asking for an offer, withdrawing a request, and the list of the municipality's requests."""
    return who.role == Role.COORDINATOR


def provider_may_answer(provider_id: int, actor: Any) -> bool:
    """Whether the current context is the provider audience for this provider, with a manager
    of it acting."""
    context = require()
    return (
        context.audience == Audience.PROVIDER
        and context.providers is not None
        and provider_id in context.providers
        and getattr(actor, "pk", None) is not None
        and actor.managed_providers.filter(pk=provider_id).exists()
    )
