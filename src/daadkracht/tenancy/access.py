"""Which municipalities a user may enter; used before any municipality is active."""

from typing import Any

from django.db.models import QuerySet

from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role


def memberships_of(user: Any) -> QuerySet[Membership]:
    """All memberships of a user, across municipalities (for the switcher and the home page)."""
    if not user.is_authenticated:
        return Membership.unscoped.none()
    return (
        Membership.unscoped.filter(user=user)
        .select_related("municipality")
        .order_by("municipality__name")
    )


def membership_in(user: Any, municipality_slug: str) -> Membership | None:
    return (
        memberships_of(user)
        .filter(municipality__slug=municipality_slug)
        .select_related("department")
        .first()
    )


def coach_memberships(user: Any) -> QuerySet[Membership]:
    """The municipalities a user follows as a coach, by name."""
    return memberships_of(user).filter(role=Role.COACH)
