"""The provider audience: a provider's managers read the requests addressed to their provider,
of every municipality, and no other municipality data."""

import pytest

from daadkracht.access.context import AccessRefused, provider_scope, public_scope, tenant_scope
from daadkracht.offers.models import OfferRequest
from daadkracht.plans.models import Action
from daadkracht.testing.factories import OfferFactory, ProviderFactory


def _request(municipality, offer):
    with tenant_scope(municipality):
        return OfferRequest.objects.create(offer=offer, provider=offer.provider, context={})


def test_a_provider_reads_its_own_requests_of_every_municipality(world, ecolife):
    other_offer = OfferFactory(provider=ProviderFactory(name="Andere"))
    ours_a = _request(world.a, ecolife.offer)
    ours_b = _request(world.b, ecolife.offer)
    theirs = _request(world.a, other_offer)
    with provider_scope([ecolife.provider.pk], actor=ecolife.manager):
        assert set(OfferRequest.objects.all()) == {ours_a, ours_b}
    with provider_scope([other_offer.provider_id], actor=ecolife.manager):
        assert list(OfferRequest.objects.all()) == [theirs]
    with provider_scope([], actor=ecolife.manager):
        assert not OfferRequest.objects.exists()


def test_a_provider_reads_no_other_municipality_data(world, ecolife):
    with provider_scope([ecolife.provider.pk], actor=ecolife.manager), pytest.raises(AccessRefused):
        list(Action.objects.all())


def test_the_public_and_other_municipalities_read_no_request(world, ecolife):
    _request(world.a, ecolife.offer)
    with public_scope(world.a):
        assert not OfferRequest.objects.exists()
    with tenant_scope(world.b):
        assert not OfferRequest.objects.exists()
    with tenant_scope(world.a):
        assert OfferRequest.objects.count() == 1
