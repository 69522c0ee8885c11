"""The demo's alliance at work: partners on about a third of Bruges' actions, and a year of
network events with attendance for those held and one nearly full event to come."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.events.models import NetworkEvent, Registration
from daadkracht.network.models import NetworkMember
from daadkracht.partners.models import ActionPartner
from daadkracht.plans.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(method_catalogue):
    call_command("demo", stdout=StringIO())


def test_about_a_third_of_the_actions_have_a_partner(demo):
    with platform_scope():
        actions = Action.objects.filter(municipality__slug="brugge-demo").count()
        partnered = (
            ActionPartner.objects.filter(municipality__slug="brugge-demo")
            .values("action")
            .distinct()
            .count()
        )
        fluvius = ActionPartner.objects.filter(
            municipality__slug="brugge-demo", organisation__name="Fluvius"
        ).first()
    assert actions / 4 <= partnered <= actions / 2
    assert fluvius is not None
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = coordinator.get(f"/brugge-demo/plan/acties/{fluvius.action_id}/").content.decode()
    assert "Fluvius" in page


def test_a_year_of_events_held_and_one_to_come(demo):
    now = timezone.now()
    with platform_scope():
        events = list(NetworkEvent.objects.filter(municipality__slug="brugge-demo"))
        held = [e for e in events if e.ends_at < now]
        coming = [e for e in events if e.starts_at > now]
        registrations = Registration.objects.filter(event__in=events)
        unknown_after = registrations.filter(event__in=held, attended=None).count()
        known_before = registrations.filter(event__in=coming).exclude(attended=None).count()
        absent = registrations.filter(attended=False).count()
    assert len(held) >= 4
    assert len(coming) == 1
    assert unknown_after == 0
    assert known_before == 0
    assert absent > 0


def test_about_sixty_residents_joined_the_open_network_on_their_consent(demo):
    with platform_scope():
        members = NetworkMember.objects.filter(municipality__slug="brugge-demo")
        count = members.count()
        without_consent = members.exclude(
            contact__consents__purpose="open_network", contact__consents__withdrawn_at=None
        ).count()
        without_theme = members.filter(themes=None).count()
    assert 50 <= count <= 70
    assert without_consent == 0
    assert without_theme == 0
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = coordinator.get("/brugge-demo/open-netwerk/")
    assert page.status_code == 200
