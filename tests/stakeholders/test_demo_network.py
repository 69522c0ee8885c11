"""The demo's Bruges has the partners of its climate alliance in its network."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from daadkracht.accounts.models import User
from daadkracht.stakeholders.models import Consent, Contact, Organisation, RetentionRule

pytestmark = pytest.mark.django_db


def test_the_demo_network_is_rebuilt_not_doubled(method_catalogue):
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())  # and again: rebuilt, not doubled
    organisations = Organisation.unscoped.filter(municipality__slug="brugge-demo")
    assert organisations.count() == 10
    assert {"IVBO", "WVI", "Port of Antwerp-Bruges", "Fluvius"} <= set(
        organisations.values_list("name", flat=True)
    )
    assert Contact.unscoped.filter(municipality__slug="brugge-demo").count() == 10
    assert Consent.unscoped.filter(municipality__slug="brugge-demo").count() == 3
    assert RetentionRule.unscoped.filter(municipality__slug="brugge-demo").count() == 5
    client = Client()
    client.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = client.get("/brugge-demo/netwerk/contactpersonen/").content.decode()
    assert "Lies Goethals" in page
