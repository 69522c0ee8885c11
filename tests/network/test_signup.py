"""A person joins the Open Network from the public page and confirms with the link in the mail."""

import time
from http import HTTPStatus

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied
from django.test import Client

from daadkracht.access.context import LinkGrant, link_scope, tenant_scope
from daadkracht.access.links import LinkAlreadyUsed, link_read
from daadkracht.history.models import AuditEntry
from daadkracht.network.models import NetworkMember, SignUp
from daadkracht.network.services import signup_confirm
from daadkracht.network.tokens import CONFIRM_LINK
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    ProcessingBasis,
    Purpose,
)
from daadkracht.stakeholders.services.consents import consent_text_publish
from tests.network.conftest import last_mail_to, link_in, public_url


def test_the_public_page_explains_the_network_and_shows_the_consent_text(world, themes):
    response = Client().get(public_url("join", world))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Sluit aan bij het Open Netwerk van Gemeente Alfa" in page
    assert "Energie" in page
    assert "Mobiliteit" in page
    with tenant_scope(world.a):
        text = ConsentText.objects.get(purpose=Purpose.OPEN_NETWORK)
    assert text.version == 1
    assert "Ik ga ermee akkoord dat de gemeente mijn naam" in text.text
    assert "Ik ga ermee akkoord dat de gemeente mijn naam" in page
    assert 'name="website"' in page
    assert "hidden" in page


def test_the_whole_sign_up_with_double_opt_in(world, themes, visitor):
    response = visitor.join(themes=[themes.energy.pk, themes.mobility.pk])
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == public_url("sent", world)
    assert "Kijk in uw mailbox" in visitor.client.get(response["Location"]).content.decode()
    with tenant_scope(world.a):
        assert not Contact.objects.filter(email__iexact="lotte.vermeulen@example.be").exists()
        assert SignUp.objects.filter(confirmed_at__isnull=True).count() == 1
    message = last_mail_to("lotte.vermeulen@example.be")
    assert "Bevestig" in message.subject  # Dutch, the preferred language
    link = link_in(message)
    assert link.startswith("/open-netwerk/bevestigen/")
    page = visitor.client.get(link).content.decode()
    assert "Lotte Vermeulen" in page
    response = visitor.post(link)
    assert response["Location"] == public_url("welcome", world)
    assert "Open Netwerk" in visitor.client.get(response["Location"]).content.decode()
    with tenant_scope(world.a):
        contact = Contact.objects.get(email="lotte.vermeulen@example.be")
        assert contact.full_name == "Lotte Vermeulen"
        member = NetworkMember.objects.get(contact=contact)
        assert member.organisation_name == "Buurtcomité Sint-Andries"
        assert set(member.themes.values_list("name", flat=True)) == {"Energie", "Mobiliteit"}
        consent = Consent.objects.get(contact=contact)
        assert consent.purpose == Purpose.OPEN_NETWORK
        assert consent.given_how == ConsentChannel.EMAIL_CONFIRMATION
        assert consent.consent_text.version == 1
        basis = ProcessingBasis.objects.get(contact=contact, purpose=Purpose.OPEN_NETWORK)
        assert basis.basis == LawfulBasis.CONSENT
        signup = SignUp.objects.get()
        assert signup.confirmed_at is not None
        assert signup.email == ""
        assert signup.full_name == ""
        assert AuditEntry.objects.filter(object_id=str(member.pk), action="created").exists()
    welcome = last_mail_to("lotte.vermeulen@example.be")
    assert "Welkom" in welcome.subject
    assert "/netwerk-uitschrijven/" in link_in(welcome)


def test_the_mail_is_in_the_preferred_language(world, themes, visitor):
    visitor.join(language="fr", email="claire@example.be", full_name="Claire Dubois")
    message = last_mail_to("claire@example.be")
    assert message.subject == "Confirmez votre inscription au Réseau ouvert de Gemeente Alfa"
    assert "Bonjour" in message.body or "Claire Dubois" in message.body


def test_a_second_sign_up_of_a_member_changes_nothing_and_says_so(world, themes, visitor):
    visitor.join()
    visitor.post(link_in(last_mail_to("lotte.vermeulen@example.be")))
    outbox = len(mail.outbox)
    response = visitor.join(email="Lotte.Vermeulen@Example.be", full_name="Lotte V.")
    # The same answer as for anyone: the page does not tell who is a member.
    assert response["Location"] == public_url("sent", world)
    assert len(mail.outbox) == outbox + 1
    message = mail.outbox[-1]
    assert message.to == ["lotte.vermeulen@example.be"]
    assert "al lid" in message.subject
    assert "/netwerk-uitschrijven/" in link_in(message)
    with tenant_scope(world.a):
        assert Contact.objects.filter(email__iexact="lotte.vermeulen@example.be").count() == 1
        assert SignUp.objects.filter(confirmed_at__isnull=True).count() == 0


def test_a_known_contact_who_joins_is_not_stored_twice(world, themes, visitor):
    with tenant_scope(world.a):
        known = Contact.objects.create(full_name="Els Vandamme", email="els@fluvius.example")
    visitor.join(full_name="Els Vandamme", email="ELS@fluvius.example")
    visitor.post(link_in(last_mail_to("ELS@fluvius.example")))
    with tenant_scope(world.a):
        assert Contact.objects.filter(email__iexact="els@fluvius.example").count() == 1
        assert NetworkMember.objects.get().contact_id == known.pk
        assert Consent.objects.get().contact_id == known.pk


def test_the_confirmation_link_works_once(world, themes, visitor):
    visitor.join()
    link = link_in(last_mail_to("lotte.vermeulen@example.be"))
    assert visitor.post(link).status_code == HTTPStatus.FOUND
    again = visitor.post(link)
    assert again.status_code == HTTPStatus.GONE
    assert "Deze link werkt niet" in again.content.decode()
    assert visitor.client.get(link).status_code == HTTPStatus.GONE
    with tenant_scope(world.a):
        assert Consent.objects.count() == 1


def test_a_tampered_confirmation_link_is_gone(world, themes, visitor):
    visitor.join()
    link = link_in(last_mail_to("lotte.vermeulen@example.be"))
    tampered = link[:-6] + ("A" if link[-6] != "A" else "B") + link[-5:]
    assert visitor.client.get(tampered).status_code == HTTPStatus.GONE
    assert visitor.post(tampered).status_code == HTTPStatus.GONE
    assert visitor.client.get("/open-netwerk/bevestigen/not-a-token/").status_code == 410
    with tenant_scope(world.a):
        assert not Contact.objects.exists()


def test_an_expired_confirmation_link_is_gone(world, themes, visitor, monkeypatch):
    visitor.join()
    link = link_in(last_mail_to("lotte.vermeulen@example.be"))
    later = time.time() + 8 * 24 * 60 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert visitor.client.get(link).status_code == HTTPStatus.GONE
    with tenant_scope(world.a):
        assert not Contact.objects.exists()


def test_a_new_consent_text_version_applies_to_new_sign_ups(world, themes, visitor):
    visitor.client.get(public_url("join", world))
    with world.as_member("coordinator"):
        consent_text_publish(
            actor=world.users["coordinator"],
            purpose=Purpose.OPEN_NETWORK,
            text="Versie twee: ik ontvang uitnodigingen voor het Open Netwerk.",
        )
    page = visitor.client.get(public_url("join", world)).content.decode()
    assert "Versie twee" in page
    visitor.join()
    visitor.post(link_in(last_mail_to("lotte.vermeulen@example.be")))
    with tenant_scope(world.a):
        assert Consent.objects.get().consent_text.version == 2


def test_two_sign_ups_confirmed_make_one_member_with_both_choices(world, themes, visitor):
    visitor.join(themes=[themes.energy.pk])
    first = link_in(last_mail_to("lotte.vermeulen@example.be"))
    visitor.join(themes=[themes.mobility.pk], organisation_name="")
    second = link_in(last_mail_to("lotte.vermeulen@example.be"))
    assert first != second
    visitor.post(first)
    with tenant_scope(world.a):
        joined = NetworkMember.objects.get().joined_at
    assert visitor.post(second).status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        member = NetworkMember.objects.get()
        assert member.joined_at == joined
        assert member.organisation_name == "Buurtcomité Sint-Andries"
        assert set(member.themes.values_list("name", flat=True)) == {"Energie", "Mobiliteit"}
        assert Contact.objects.count() == 1
        assert Consent.objects.count() == 1


def test_two_confirmations_at_once_make_one_member(world, themes, visitor):
    """Both requests passed the entry point before either used the link up: the second is
    refused by the used link's unique record, and nothing is stored twice."""
    visitor.join()
    token = link_in(last_mail_to("lotte.vermeulen@example.be")).rstrip("/").rsplit("/", 1)[1]
    claim = link_read(CONFIRM_LINK, token)
    assert claim is not None
    with link_scope(world.a, claim.grant):
        first, second = SignUp.objects.get(), SignUp.objects.get()
        signup_confirm(signup=first, grant=claim.grant)
        with pytest.raises(LinkAlreadyUsed):
            signup_confirm(signup=second, grant=claim.grant)
    with tenant_scope(world.a):
        assert Consent.objects.count() == 1
        assert NetworkMember.objects.count() == 1


def test_the_confirmation_cannot_be_called_without_its_link(world, themes, visitor):

    visitor.join()
    with tenant_scope(world.a):
        signup = SignUp.objects.get()
        with pytest.raises(PermissionDenied):
            signup_confirm(
                signup=signup,
                grant=LinkGrant("network_signup_confirm", "network.SignUp", signup.pk),
            )
        assert not Consent.objects.exists()
