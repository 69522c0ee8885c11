"""The demo's portal visitor: Fluvius' delegate in the policy group logs in with the printed
log-in, lands on the portal and finds her body, its next meeting and her pending proposal."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.portal.models import UpdateProposal
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_the_fluvius_delegate_logs_in_to_the_portal(method_catalogue):
    output = StringIO()
    call_command("demo", stdout=output)
    assert "els.vandamme@example.org" in output.getvalue()
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": "els.vandamme@example.org", "password": DEFAULT_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/brugge-demo/portaal/"
    page = response.content.decode()
    assert "Beleidsgroep klimaat" in page
    assert "Beleidsgroep klimaat: najaar" in page
    assert "Sint-Pieters" in page  # her proposal, waiting for the lead department
    with platform_scope():
        proposal = UpdateProposal.objects.get(municipality__slug="brugge-demo")
    assert proposal.decided_at is None
    user = User.objects.get(email="els.vandamme@example.org")
    assert not Membership.unscoped.filter(user=user).exists()
