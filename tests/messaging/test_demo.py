"""The demo shows a message the coordinator of Bruges sent, with its log."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.messaging.models import DeliveryStatus, Message

pytestmark = pytest.mark.django_db


def test_the_demo_coordinator_finds_a_sent_message_and_its_log(method_catalogue):
    call_command("demo", stdout=StringIO())
    with platform_scope():
        message = Message.objects.get(municipality__slug="brugge-demo")
        sent = message.deliveries.filter(status=DeliveryStatus.SENT).count()
    assert sent > 0
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    listing = coordinator.get("/brugge-demo/netwerk/berichten/").content.decode()
    assert "Uitnodiging: volgende samenkomst" in listing
    page = coordinator.get(f"/brugge-demo/netwerk/berichten/{message.pk}/").content.decode()
    assert f"{sent} van {sent} verzonden." in page
