"""The retention job erases the people whose every lawful basis ended longer ago than the
retention period of its purpose; the others stay."""

from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.access.tasks import enqueue
from daadkracht.stakeholders.models import (
    Consent,
    Contact,
    LawfulBasis,
    ProcessingBasis,
    Purpose,
    RetentionRule,
    WithdrawalChannel,
)
from daadkracht.stakeholders.services.retention import add_months, expired_contact_ids
from daadkracht.stakeholders.tasks import apply_retention
from tests.stakeholders.conftest import url


def _expire(world, network) -> None:
    """Els's mandate ended two years ago; Sofie withdrew her consent 13 months ago; Jan has no
    lawful basis at all."""
    with tenant_scope(world.a):
        ProcessingBasis.objects.filter(contact=network.els).update(
            until=timezone.localdate() - timedelta(days=730)
        )
        Consent.objects.filter(pk=network.consent.pk).update(
            withdrawn_at=timezone.now() - timedelta(days=400),
            withdrawn_how=WithdrawalChannel.SIGNED_LINK,
        )
        RetentionRule.objects.create(purpose=Purpose.GOVERNANCE, months=12)
        RetentionRule.objects.create(purpose=Purpose.NEWSLETTER, months=12)


def test_months_are_added_as_a_calendar_does():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 14) == date(2027, 1, 15)


def test_the_task_erases_the_people_whose_every_basis_expired(world, network):
    _expire(world, network)
    with tenant_scope(world.a):
        assert expired_contact_ids() == sorted([network.els.pk, network.sofie.pk])
        enqueue(apply_retention)
        erased = set(Contact.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {network.els.pk, network.sofie.pk}
    page = world.client_for("coordinator").get(url("stakeholders:contacts", world))
    text = page.content.decode()
    assert "Jan Declercq" in text
    assert "Els Vandamme" not in text


def test_a_basis_that_still_holds_keeps_the_person(world, network):
    _expire(world, network)
    with tenant_scope(world.a):
        # Els also has consent for the newsletter, not withdrawn.
        Consent.objects.create(
            contact=network.els,
            purpose=Purpose.NEWSLETTER,
            consent_text=network.newsletter,
            given_at=timezone.now() - timedelta(days=30),
            given_how="web_form",
        )
        ProcessingBasis.objects.create(
            contact=network.els,
            purpose=Purpose.NEWSLETTER,
            basis=LawfulBasis.CONSENT,
            since=timezone.localdate() - timedelta(days=30),
        )
        assert expired_contact_ids() == [network.sofie.pk]


def test_nothing_is_erased_for_a_purpose_without_a_retention_period(world, network):
    _expire(world, network)
    with tenant_scope(world.a):
        RetentionRule.objects.filter(purpose=Purpose.NEWSLETTER).delete()
        assert expired_contact_ids() == [network.els.pk]


def test_a_recent_end_is_kept_until_the_period_passed(world, network):
    _expire(world, network)
    with tenant_scope(world.a):
        RetentionRule.objects.filter(purpose=Purpose.NEWSLETTER).update(months=24)
        assert expired_contact_ids() == [network.els.pk]


def test_the_command_runs_the_job_for_every_municipality(world, network):
    _expire(world, network)
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "2 municipalities" in out.getvalue()
    with tenant_scope(world.a):
        assert Contact.objects.filter(erased_at__isnull=False).count() == 2


def test_the_coordinator_sets_retention_periods_and_publishes_consent_texts(world, network):
    client = world.client_for("coordinator")
    client.post(
        url("stakeholders:retention_save", world),
        {"retention-purpose": "events", "retention-months": "18"},
    )
    client.post(
        url("stakeholders:consent_text_add", world),
        {"text-purpose": "newsletter", "text-text": "Nieuwe tekst: maandelijks."},
    )
    with tenant_scope(world.a):
        assert RetentionRule.objects.get(purpose="events").months == 18
        versions = list(
            network.newsletter.__class__.objects.filter(purpose="newsletter")
            .order_by("version")
            .values_list("version", flat=True)
        )
    assert versions == [1, 2]
    page = client.get(url("stakeholders:privacy", world)).content.decode()
    assert "Nieuwe tekst: maandelijks." in page
    response = client.post(
        url("stakeholders:retention_save", world),
        {"retention-purpose": "events", "retention-months": "0"},
    )
    assert response.status_code == 400
