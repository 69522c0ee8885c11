"""Puts the active municipality and the user's other municipalities in every template."""

from typing import Any

from django.http import HttpRequest

from daadkracht.common.navigation import navigation_for
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.roles import Permission, Role


def tenant(request: HttpRequest) -> dict[str, Any]:
    context = getattr(request, "tenant", None)
    user = getattr(request, "user", None)
    memberships = memberships_of(user) if user is not None else []
    return {
        "tenant": context,
        "my_memberships": memberships,
        # Asked by the header only, from the memberships it lists anyway (no query of its own).
        "follows_as_coach": lambda: any(m.role == Role.COACH for m in memberships),
        "perms_tenant": {p.value: context.has(p) for p in Permission} if context else {},
        "navigation": navigation_for(context, request.path) if context else [],
    }
