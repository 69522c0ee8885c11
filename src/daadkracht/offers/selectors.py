"""Reads of support offers: the public list with its filters, and the requests of a
municipality or to a provider."""

from typing import Any

from django.db.models import Q, QuerySet

from daadkracht.offers.models import Offer, OfferRequest
from daadkracht.tenancy.access import memberships_of
from daadkracht.tenancy.roles import Role


def published_offers(
    *, theme: str = "", kind: str = "", group: str = "", lekp: bool = False, search: str = ""
) -> QuerySet[Offer]:
    """The offers on the public list, with their provider, filtered as asked."""
    offers = Offer.objects.filter(published=True).select_related("provider")
    if theme:
        offers = offers.filter(theme=theme)
    if kind:
        offers = offers.filter(kind=kind)
    if group:
        offers = offers.filter(target_group=group)
    if lekp:
        offers = offers.filter(counts_for_lekp=True)
    if search:
        offers = offers.filter(
            Q(title__icontains=search)
            | Q(introduction__icontains=search)
            | Q(provider__name__icontains=search)
        )
    return offers


def offer_page(pk: int) -> Offer | None:
    """A published offer with its provider and steps, for its public page."""
    return (
        Offer.objects.filter(pk=pk, published=True)
        .select_related("provider")
        .prefetch_related("steps")
        .first()
    )


def requests_of_municipality() -> QuerySet[OfferRequest]:
    """The active municipality's requests, newest first (the scope filters them)."""
    return OfferRequest.objects.select_related("offer", "provider", "requested_by", "decided_by")


def requests_to_provider(*, status: str = "") -> QuerySet[OfferRequest]:
    """The requests addressed to the provider of the page (the provider audience's scope)."""
    found: QuerySet[OfferRequest] = OfferRequest.objects.select_related(
        "offer", "municipality", "requested_by"
    )
    if status:
        found = found.filter(status=status)
    return found


def coordinator_memberships(user: Any) -> list[Any]:
    """The municipalities where the user is coordinator: who may ask for an offer, and where."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(memberships_of(user).filter(role=Role.COORDINATOR))
