"""Which providers a user manages; used by the provider pages' entry point and the user menu,
before any access context is active (providers are platform data, not a municipality's)."""

from typing import Any

from django.db.models import QuerySet

from daadkracht.offers.models import Provider


def managed_providers(user: Any) -> QuerySet[Provider]:
    """The providers whose offers and requests the user manages, by name."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Provider.objects.none()
    return Provider.objects.filter(managers=user).order_by("name")


def managed_provider(user: Any, slug: str) -> Provider | None:
    """The provider with this address, if the user manages it."""
    return managed_providers(user).filter(slug=slug).first()
