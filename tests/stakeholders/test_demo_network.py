"""The demo's Bruges has the partners of its climate alliance in its network."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from daadkracht.accounts.models import User
from daadkracht.stakeholders.models import Consent, Contact, Organisation, RetentionRule

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return tuple(
        model.unscoped.filter(municipality__slug="brugge-demo").count()
        for model in (Organisation, Contact, Consent, RetentionRule)
    )


def test_the_demo_network_is_rebuilt_not_doubled(method_catalogue):
    call_command("demo", stdout=StringIO())
    first = _counts()
    call_command("demo", stdout=StringIO())  # and again: rebuilt, not doubled
    assert _counts() == first
    organisations, contacts, consents, rules = first
    assert organisations >= 10
    assert contacts >= 10
    assert consents >= 3
    assert rules == 5
    names = set(
        Organisation.unscoped.filter(municipality__slug="brugge-demo").values_list(
            "name", flat=True
        )
    )
    assert {"IVBO", "WVI", "Port of Antwerp-Bruges", "Fluvius"} <= names
    client = Client()
    client.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = client.get("/brugge-demo/netwerk/contactpersonen/").content.decode()
    assert "Lies Goethals" in page
