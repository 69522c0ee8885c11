"""A coordinator writes a message, sees who receives it, sends it; each recipient gets it in
their language with a working unsubscribe link, and the message's page logs who got what."""

import csv
import io
import re
from http import HTTPStatus

import pytest
from django.core import mail

from daadkracht.access.context import tenant_scope
from daadkracht.messaging.models import (
    AudienceKind,
    DeliveryStatus,
    MailOptOut,
    Message,
    MessageDelivery,
)
from daadkracht.stakeholders.models import Consent, WithdrawalChannel
from tests.messaging.conftest import url

LINK = re.compile(r"http://testserver(/berichten-uitschrijven/\S+/)")


def _form(network, **data) -> dict:
    return {
        "audience": "body",
        "body": network.body.pk,
        "subject": "Uitnodiging: klimaatwerkbank van 12 maart",
        "text": "Beste leden,\n\nDe volgende klimaatwerkbank gaat door op 12 maart.\n\nTot dan!",
        **data,
    }


def _send(world, network, django_capture_on_commit_callbacks, **data):
    client = world.client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("compose", world), {**_form(network, **data), "send": "1"})
    return response


def test_the_preview_counts_recipients_and_who_is_left_out_and_stores_nothing(world, network):
    client = world.client_for("coordinator")
    response = client.post(url("compose", world), {**_form(network), "preview": "1"})
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "5 personen ontvangen dit bericht." in page
    assert "Persoon gewist: 1" in page
    assert "Geen e-mailadres: 1" in page
    assert "Versturen naar 5 personen" in page
    # What was typed stays in the form.
    assert "De volgende klimaatwerkbank gaat door op 12 maart." in page
    # The mailing list link carries the audience only: no token, no message text.
    (link,) = re.findall(r'href="([^"]*adressenlijst[^"]*)"', page)
    assert "csrfmiddlewaretoken" not in link
    assert "klimaatwerkbank" not in link
    assert "audience=body" in link
    with tenant_scope(world.a):
        assert not Message.objects.exists()
    assert mail.outbox == []


def test_sending_mails_everyone_in_their_language_with_an_unsubscribe_link(
    world, network, django_capture_on_commit_callbacks
):
    response = _send(
        world,
        network,
        django_capture_on_commit_callbacks,
        subject_fr="Invitation : atelier climat du 12 mars",
        text_fr="Chers membres,\n\nLe prochain atelier a lieu le 12 mars.",
    )
    with tenant_scope(world.a):
        message = Message.objects.get()
    assert response["Location"] == url("detail", world, pk=message.pk)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {
        "an.peeters@fluvius.be",
        "bram.desmet@fluvius.be",
        "chloe.dubois@portofantwerpbruges.com",
        "els@example.org",
        "hilde@example.be",
    }
    french = by_address["chloe.dubois@portofantwerpbruges.com"]
    assert french.subject == "Invitation : atelier climat du 12 mars"
    assert "Le prochain atelier a lieu le 12 mars." in french.body
    assert "Vous recevez ce message de Gemeente Alfa." in french.body
    # No English version: Els gets the Dutch one, and so does Hilde, who reads German.
    for address in ("els@example.org", "hilde@example.be", "an.peeters@fluvius.be"):
        dutch = by_address[address]
        assert dutch.subject == "Uitnodiging: klimaatwerkbank van 12 maart"
        assert "U ontvangt dit bericht van Gemeente Alfa." in dutch.body
    for sent in mail.outbox:
        link = LINK.search(sent.body)
        assert link, sent.body
        assert sent.extra_headers["List-Unsubscribe"] == f"<http://testserver{link.group(1)}>"
        assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        header = sent.message()
        assert header["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with tenant_scope(world.a):
        deliveries = MessageDelivery.objects.filter(message=message)
        assert deliveries.filter(status=DeliveryStatus.SENT).count() == 5
        assert deliveries.filter(status=DeliveryStatus.SKIPPED).count() == 2
        chloe = deliveries.get(contact=network.people["chloe"])
        assert chloe.language == "fr"
        assert chloe.sent_at is not None
        assert deliveries.get(contact=network.people["els"]).language == "nl"
    page = world.client_for("coordinator").get(url("detail", world, pk=message.pk)).content.decode()
    assert "5 van 5 verzonden." in page
    assert "chloe.dubois@portofantwerpbruges.com" in page


def test_html_typed_in_a_message_is_refused_and_nothing_is_sent(world, network):
    client = world.client_for("coordinator")
    cases = [
        ({"subject": ""}, "subject", "Dit veld is verplicht."),
        ({"text": "   "}, "text", "Dit veld is verplicht."),
        ({"subject": "x" * 201}, "subject", "201"),
        (
            {"text": "Kom zeker! <script>alert('hallo')</script>"},
            "text",
            "HTML-tags",
        ),
        (
            {"subject_fr": "Invitation", "text_fr": ""},
            "text_fr",
            "zowel het onderwerp als het bericht",
        ),
        ({"audience": "body", "body": ""}, "body", "Kies een overlegorgaan."),
    ]
    for change, field, expected in cases:
        response = client.post(url("compose", world), {**_form(network, **change), "send": "1"})
        assert response.status_code == HTTPStatus.OK, change
        page = response.content.decode()
        assert expected in page, (change, field)
        assert f'id="id_{field}_error"' in page, change
    with tenant_scope(world.a):
        assert not Message.objects.exists()
        assert not MessageDelivery.objects.exists()
    assert mail.outbox == []


def test_a_message_to_nobody_is_not_sent(world, network):
    with tenant_scope(world.a):
        for contact in network.people.values():
            MailOptOut.objects.create(contact=contact, kind=AudienceKind.BODY)
    response = world.client_for("coordinator").post(
        url("compose", world), {**_form(network), "send": "1"}
    )
    assert "Niemand zou dit bericht ontvangen." in response.content.decode()
    with tenant_scope(world.a):
        assert not Message.objects.exists()


def _unsubscribe_link(address: str) -> str:
    sent = [m for m in mail.outbox if m.to == [address]][-1]
    return LINK.search(sent.body).group(1)  # type: ignore[union-attr]


def test_unsubscribing_asks_once_then_leaves_out_of_the_next_message(
    world, network, django_capture_on_commit_callbacks
):
    _send(world, network, django_capture_on_commit_callbacks)
    link = _unsubscribe_link("els@example.org")
    visitor = world.client_for("anonymous")
    page = visitor.get(link)
    assert page.status_code == HTTPStatus.OK
    assert (
        "Wilt u de berichten van Gemeente Alfa aan de leden van haar overlegorganen niet meer "
        "ontvangen?" in page.content.decode()
    )
    with tenant_scope(world.a):
        assert not MailOptOut.objects.exists()
    # The page's button works without a CSRF cookie: the signed link is the protection.
    response = visitor.post(link)
    assert response.status_code == HTTPStatus.FOUND
    assert "U bent uitgeschreven" in visitor.get(link).content.decode()
    with tenant_scope(world.a):
        assert MailOptOut.objects.get().contact == network.people["els"]
    mail.outbox.clear()
    _send(world, network, django_capture_on_commit_callbacks)
    assert "els@example.org" not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == 4


def test_one_click_from_the_mail_program_unsubscribes_and_withdraws_the_consent(
    world, network, django_capture_on_commit_callbacks
):
    _send(
        world,
        network,
        django_capture_on_commit_callbacks,
        audience="theme",
        body="",
        theme=network.energy.pk,
    )
    link = _unsubscribe_link("gwen.claes@skynet.be")
    client = world.client_for("anonymous")
    client.handler.enforce_csrf_checks = True
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert MailOptOut.objects.filter(kind=AudienceKind.THEME).count() == 1
        consent = Consent.objects.get(contact=network.people["gwen"])
        assert consent.withdrawn_at is not None
        assert consent.withdrawn_how == WithdrawalChannel.SIGNED_LINK
    # A second click changes nothing.
    assert client.post(link, {"List-Unsubscribe": "One-Click"}).status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert MailOptOut.objects.count() == 1


@pytest.mark.parametrize("how", ["tampered", "other_purpose"])
def test_a_tampered_link_unsubscribes_nobody(
    world, network, django_capture_on_commit_callbacks, how
):
    _send(world, network, django_capture_on_commit_callbacks)
    link = _unsubscribe_link("els@example.org")
    if how == "tampered":
        token = link.rstrip("/").rsplit("/", 1)[1]
        forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
        link = f"/berichten-uitschrijven/{forged}/"
    else:
        link = link.replace("/berichten-uitschrijven/", "/netwerk-uitschrijven/")
    response = world.client_for("anonymous").post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == HTTPStatus.GONE
    with tenant_scope(world.a):
        assert not MailOptOut.objects.exists()


def test_the_log_exports_as_csv_for_a_spreadsheet(
    world, network, django_capture_on_commit_callbacks
):
    _send(
        world,
        network,
        django_capture_on_commit_callbacks,
        subject_fr="Invitation ; atelier climat",
        text_fr="=Le prochain atelier a lieu le 12 mars.",
    )
    with tenant_scope(world.a):
        message = Message.objects.get()
    response = world.client_for("coordinator").get(
        url("detail", world, pk=message.pk), {"export": "csv"}
    )
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Naam", "E-mailadres", "Taal", "Grond", "Status"]
    chloe = next(row for row in rows if row[1] == "chloe.dubois@portofantwerpbruges.com")
    assert chloe[0] == "Chloé Dubois"
    assert chloe[2] == "fr"
    assert chloe[4] == "verstuurd"
    assert len(rows) == 1 + 7


def test_the_mailing_list_downloads_the_recipients_once_each(world, network):
    response = world.client_for("coordinator").get(
        url("mailing_list", world), {"audience": "theme", "theme": network.energy.pk}
    )
    assert response.status_code == HTTPStatus.OK
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == ["Naam", "E-mailadres", "Organisatie", "Taal", "Grond"]
    assert sorted(row[1] for row in rows[1:]) == [
        "Bram.DeSmet@Fluvius.be",
        "an.peeters@fluvius.be",
        "chloe.dubois@portofantwerpbruges.com",
        "gwen.claes@skynet.be",
    ]
    gwen = next(row for row in rows if row[1] == "gwen.claes@skynet.be")
    assert gwen[4] == "toestemming: lid van het Open Netwerk"
    # Without an audience the page asks for one.
    page = world.client_for("coordinator").get(url("mailing_list", world))
    assert page.status_code == HTTPStatus.OK
    assert "CSV downloaden" in page.content.decode()


@pytest.mark.parametrize("who", ["editor", "viewer", "coach", "other_municipality"])
def test_only_coordinators_of_the_municipality_send_or_read_the_log(
    world, network, django_capture_on_commit_callbacks, who
):
    _send(world, network, django_capture_on_commit_callbacks)
    with tenant_scope(world.a):
        message = Message.objects.get()
    client = world.client_for(who)
    expected = HTTPStatus.NOT_FOUND if who == "other_municipality" else HTTPStatus.FORBIDDEN
    assert client.get(url("list", world)).status_code == expected
    assert client.get(url("detail", world, pk=message.pk)).status_code == expected
    assert (
        client.get(
            url("mailing_list", world), {"audience": "body", "body": network.body.pk}
        ).status_code
        == expected
    )
    response = client.post(url("compose", world), {**_form(network), "send": "1"})
    assert response.status_code == expected
    with tenant_scope(world.a):
        assert Message.objects.count() == 1


def test_erasing_a_person_blanks_the_address_their_messages_went_to(
    world, network, django_capture_on_commit_callbacks
):
    from daadkracht.stakeholders.services.privacy import contact_erase

    _send(world, network, django_capture_on_commit_callbacks)
    with tenant_scope(world.a):
        delivery = MessageDelivery.objects.exclude(contact=None).exclude(email="").first()
        contact = delivery.contact
        address = delivery.email
    with world.as_member("coordinator"):
        contact_erase(actor=world.users["coordinator"], contact=contact)
    with tenant_scope(world.a):
        delivery.refresh_from_db()
        assert delivery.email == ""
        assert delivery.status == DeliveryStatus.SENT
        assert not MessageDelivery.objects.filter(email=address).exists()
    log = world.client_for("coordinator").get(url("detail", world, pk=delivery.message_id))
    assert address not in log.content.decode()
