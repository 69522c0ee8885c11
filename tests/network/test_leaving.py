"""A member leaves the Open Network in one click, from any mail or from the leave page."""

from datetime import timedelta
from http import HTTPStatus
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.network.models import NetworkMember, SignUp
from daadkracht.network.tasks import purge_signups
from daadkracht.stakeholders.models import Consent, Contact, WithdrawalChannel
from daadkracht.stakeholders.services.privacy import contact_erase
from tests.network.conftest import last_mail_to, link_in, public_url


def _member(visitor) -> None:
    visitor.join()
    visitor.post(link_in(last_mail_to("lotte.vermeulen@example.be")))


def test_the_welcome_mail_withdraws_the_consent_in_one_click(world, themes, visitor):
    _member(visitor)
    withdraw = link_in(last_mail_to("lotte.vermeulen@example.be"))
    page = visitor.client.get(withdraw).content.decode()
    assert "Ik ga ermee akkoord dat de gemeente mijn naam" in page
    assert visitor.post(withdraw).status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        consent = Consent.objects.get()
        assert consent.withdrawn_at is not None
        assert consent.withdrawn_how == WithdrawalChannel.SIGNED_LINK
    # Who left can join again: a new consent, still one person.
    visitor.join()
    visitor.post(link_in(last_mail_to("lotte.vermeulen@example.be")))
    with tenant_scope(world.a):
        assert Consent.objects.filter(withdrawn_at__isnull=True).count() == 1
        assert Consent.objects.count() == 2


def test_the_leave_page_mails_a_member_the_link_and_tells_nobody_else(world, themes, visitor):
    _member(visitor)
    sent = len(mail.outbox)
    response = visitor.send("leave", {"email": "LOTTE.vermeulen@example.be"})
    assert response["Location"] == public_url("leave_sent", world)
    assert len(mail.outbox) == sent + 1
    message = mail.outbox[-1]
    assert message.subject == "Het Open Netwerk van Gemeente Alfa verlaten"
    visitor.post(link_in(message))
    with tenant_scope(world.a):
        assert Consent.objects.get().withdrawn_at is not None
    # A stranger gets the same answer, and no mail goes out.
    sent = len(mail.outbox)
    response = visitor.send("leave", {"email": "onbekend@example.be"})
    assert response["Location"] == public_url("leave_sent", world)
    assert len(mail.outbox) == sent
    # Nor does one who left already.
    visitor.send("leave", {"email": "lotte.vermeulen@example.be"})
    assert len(mail.outbox) == sent


def test_the_leave_page_refuses_bots_and_bad_addresses(world, themes, visitor):
    _member(visitor)
    sent = len(mail.outbox)
    page = visitor.send("leave", {"email": "lotte.vermeulen@example.be", "website": "x"})
    assert "Laat het laatste veld leeg" in page.content.decode()
    page = visitor.send("leave", {"email": "<script>"}, wait=1)
    assert "Voer een geldig e-mailadres in." in page.content.decode()
    assert len(mail.outbox) == sent


def test_unconfirmed_sign_ups_are_deleted_after_a_week(world, themes, visitor):
    visitor.join()
    visitor.join(email="els@example.be", full_name="Els Vandamme")
    visitor.join(email="jan@example.be", full_name="Jan Declercq")
    visitor.post(link_in(last_mail_to("jan@example.be")))
    with tenant_scope(world.a):
        SignUp.objects.filter(email="lotte.vermeulen@example.be").update(
            created_at=timezone.now() - timedelta(days=8)
        )
        SignUp.objects.filter(confirmed_at__isnull=False).update(
            created_at=timezone.now() - timedelta(days=30)
        )
    purge_signups.enqueue(municipality_id=world.a.pk, actor_id=None)
    with tenant_scope(world.a):
        assert not SignUp.objects.filter(email="lotte.vermeulen@example.be").exists()
        assert SignUp.objects.filter(email="els@example.be").exists()
        assert SignUp.objects.filter(confirmed_at__isnull=False).count() == 1
    # The link of a deleted sign-up is gone.
    link = link_in(last_mail_to("lotte.vermeulen@example.be"))
    assert visitor.client.get(link).status_code == HTTPStatus.GONE


def test_the_clean_up_command_enqueues_the_task_for_every_municipality(world):
    out = StringIO()
    call_command("purge_network_signups", stdout=out)
    assert "2 municipalities" in out.getvalue()


def test_an_erased_member_leaves_nothing_of_theirs_in_the_network(world, themes, visitor):
    _member(visitor)
    with world.as_member("coordinator"):
        contact_erase(actor=world.users["coordinator"], contact=Contact.objects.get())
        assert NetworkMember.objects.get().organisation_name == ""
    page = world.client_for("coordinator").get(f"/{world.a.slug}/open-netwerk/").content.decode()
    assert "Buurtcomité" not in page
    assert "Lotte" not in page
