"""URL matrix rows: support offers (public), a municipality's requests (its coordinator only)
and a provider's pages (its managers only: every visitor of the matrix gets a 404)."""

from daadkracht.access.context import member_scope
from daadkracht.offers.models import OfferRequest
from daadkracht.offers.services import offer_request_create
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import OfferFactory, ProviderFactory, UserFactory
from tests.url_matrix.rows import (
    COORDINATOR_ONLY,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    everyone,
    logged_in,
    tenant,
)

PROVIDER_ONLY = logged_in(NOT_FOUND)


def sample_offer(world):
    """The matrix's offer, of a provider with a manager who is none of the visitors."""
    found = getattr(world, "_offer", None)
    if found is None:
        provider = ProviderFactory(name="Ecolife", slug="ecolife")
        manager = UserFactory(email="tina@ecolife.test", full_name="Tina Baert")
        provider.managers.add(manager)
        provider.coaches.add(manager)
        found = OfferFactory(provider=provider, title="Klimaatplan: van woord naar daad")
        world._offer = found
        world.users["provider"] = manager
    return found


def sample_request(world):
    """Municipality A's open request for the matrix's offer."""
    offer = sample_offer(world)
    found = OfferRequest.unscoped.filter(offer=offer, municipality=world.a).first()
    if found is None:
        coordinator = world.users["coordinator"]
        membership = Membership.unscoped.select_related("municipality").get(
            user=coordinator, municipality=world.a
        )
        with member_scope(membership, actor=coordinator):
            found = offer_request_create(actor=coordinator, offer=offer, message="Graag")
    return found


def _offer(world) -> dict:
    return {"pk": sample_offer(world).pk}


def _provider(world) -> dict:
    return {"provider": sample_offer(world).provider.slug}


def _provider_offer(world) -> dict:
    return {**_provider(world), **_offer(world)}


def _provider_request(world) -> dict:
    return {**_provider(world), "pk": sample_request(world).pk}


EXPECTED = {
    "offers:list": everyone(OK),
    "offers:detail": everyone(OK),
    "offer_requests:list": COORDINATOR_ONLY,
    "offer_requests:create": COORDINATOR_ONLY,
    "offer_requests:withdraw": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "provider:offers": PROVIDER_ONLY,
    "provider:offer_create": PROVIDER_ONLY,
    "provider:offer_edit": PROVIDER_ONLY,
    "provider:offer_toggle": PROVIDER_ONLY,
    "provider:inbox": PROVIDER_ONLY,
    "provider:request": PROVIDER_ONLY,
}

SAMPLE_KWARGS = {
    "offers:detail": _offer,
    "offer_requests:create": _offer,
    "offer_requests:withdraw": lambda world: {"pk": sample_request(world).pk},
    "provider:offers": _provider,
    "provider:offer_create": _provider,
    "provider:offer_edit": _provider_offer,
    "provider:offer_toggle": _provider_offer,
    "provider:inbox": _provider,
    "provider:request": _provider_request,
}
