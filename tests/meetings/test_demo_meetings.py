"""The demo's Bruges has held a kick-off day and three lunch talks, keeps a dozen work agreements
in every state and two climate teams; the dashboards show the agreements that need attention."""

from collections import Counter
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.meetings.catalogue import KICK_OFF_DAY, LUNCH_TALK
from daadkracht.meetings.models import (
    AgreementStatus,
    ClimateTeam,
    Meeting,
    MeetingAttendee,
    WorkAgreement,
)
from daadkracht.trajectory.models import CollaborationBody

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(method_catalogue):
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())  # and again: rebuilt, not doubled


def test_bruges_held_a_kick_off_day_and_three_lunch_talks_and_plans_more(demo):
    now = timezone.now()
    meetings = Meeting.unscoped.filter(municipality__slug="brugge-demo").select_related("method")
    held = Counter(m.method.key for m in meetings if m.method and m.ends_at < now)
    assert held[KICK_OFF_DAY] == 1
    assert held[LUNCH_TALK] == 3
    assert any(m.starts_at > now for m in meetings)
    # Attendance is known for meetings held, not for meetings to come.
    attendance = MeetingAttendee.unscoped.filter(meeting__municipality__slug="brugge-demo")
    assert attendance.filter(meeting__ends_at__lt=now, attended=None).count() == 0
    assert attendance.filter(meeting__starts_at__gt=now).exclude(attended=None).count() == 0
    assert attendance.filter(attended=False).exists()
    assert not Meeting.unscoped.filter(municipality__slug="damme-demo").exists()

    # The kick-off day was evaluated: the coordinator reads the results beside it.
    kick_off = next(m for m in meetings if m.method and m.method.key == KICK_OFF_DAY)
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    page = coordinator.get(f"/brugge-demo/overleg/{kick_off.pk}/").content.decode()
    assert "Eindelijk zaten alle diensten samen rond de acties." in page
    assert "Antwoorden: 6 van de 10 deelnemers." in page


def test_a_dozen_agreements_in_every_state_some_late_and_two_teams(demo):
    with platform_scope():
        agreements = list(
            WorkAgreement.unscoped.filter(municipality__slug="brugge-demo").prefetch_related(
                "parties"
            )
        )
        teams = list(
            ClimateTeam.unscoped.filter(municipality__slug="brugge-demo").select_related("theme")
        )
    assert len(agreements) == 12
    assert {a.status for a in agreements} == set(AgreementStatus.values)
    assert all(len(a.parties.all()) >= 2 for a in agreements)
    assert 1 <= sum(a.is_overdue() for a in agreements) <= 3
    assert any(a.is_due_for_review() and not a.is_overdue() for a in agreements)
    assert all(a.meeting_id for a in agreements)
    assert sorted(t.theme.code for t in teams) == ["B1", "B3"]
    with platform_scope():
        team_meetings = Meeting.unscoped.filter(team__in=teams)
        assert team_meetings.filter(starts_at__lt=timezone.now()).exists()
        assert team_meetings.filter(starts_at__gt=timezone.now()).exists()
        linked = CollaborationBody.objects.filter(climate_team__in=teams).count()
        assert linked == 2  # the collaboration model names the same two teams

    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@brugge.demo"))
    dashboard = coordinator.get("/brugge-demo/")
    assert dashboard.status_code == HTTPStatus.OK
    assert "Klimaatlabel in het meerjarenplan" in dashboard.content.decode()
