"""An offer of a coach organisation with a manager and a coach, for the offers' tests."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from daadkracht.offers.models import Offer, OfferType, Provider, TargetGroup
from daadkracht.practices.models import PracticeTheme
from daadkracht.testing.factories import (
    OfferFactory,
    OfferStepFactory,
    ProviderFactory,
    UserFactory,
)


@dataclass
class Ecolife:
    provider: Provider
    manager: Any
    coach: Any
    offer: Offer

    def client(self) -> Client:
        client = Client()
        client.force_login(self.manager)
        return client


@pytest.fixture
def ecolife(world) -> Ecolife:
    provider = ProviderFactory(name="Ecolife", slug="ecolife")
    manager = UserFactory(email="tina@ecolife.test", full_name="Tina Baert")
    coach = UserFactory(email="coach@ecolife.test", full_name="Koen Coach")
    provider.managers.add(manager)
    provider.coaches.add(manager, coach)
    offer = OfferFactory(
        provider=provider,
        title="Klimaatplan: van woord naar daad",
        theme=PracticeTheme.ENERGY,
        kind=OfferType.GUIDANCE,
        target_group=TargetGroup.LOCAL_GOVERNMENT,
        introduction="Ecolife faciliteert de dienstoverschrijdende samenwerking.",
        price=5000,
        counts_for_lekp=True,
    )
    first = OfferStepFactory(offer=offer, position=0, text="Het intakegesprek")
    first.sub_points = "De doorstartdag\nDe lunchgesprekken"
    first.save()
    OfferStepFactory(offer=offer, position=1, text="Een diagnose van de samenwerking")
    return Ecolife(provider, manager, coach, offer)
