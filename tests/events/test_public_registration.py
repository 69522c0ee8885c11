"""The public registration page: anyone registers without an account, gets a confirmation with
a calendar file at the right Brussels time and a cancel link; a full event puts them on the
waiting list, and cancelling moves the first one waiting up and tells them."""

from datetime import datetime, time
from http import HTTPStatus

import pytest
from django.core import mail

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import RegistrationState
from daadkracht.stakeholders.models import Consent, Contact, Purpose
from tests.events.conftest import (
    BRUSSELS,
    calendar_of,
    form_data,
    link_in,
    next_week,
    public_url,
    registrations_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(client, slow_clock, django_capture_on_commit_callbacks):
    def post(event, **values):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(public_url(event), form_data(slow_clock(60), **values))

    return post


def test_the_page_shows_the_event_and_the_consent_text_without_log_in(
    client, world, alliance, make_event
):
    event = make_event(capacity=30)
    response = client.get(public_url(event))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Open netwerkmoment: warmte in de wijk" in page
    assert "Stadshallen, Markt 7" in page
    assert "om mij in te schrijven voor dit evenement" in page
    assert "30 plaatsen vrij" in page


def test_a_citizen_registers_and_gets_a_confirmation_with_the_event_in_their_calendar(
    world, alliance, make_event, register
):
    event = make_event()
    response = register(event)

    assert response.status_code == HTTPStatus.OK
    assert "U bent ingeschreven" in response.content.decode()
    (registration,) = registrations_of(world, event)
    assert registration.state == RegistrationState.REGISTERED
    assert registration.organisation == "Buurtwerk Sint-Pieters"
    with tenant_scope(world.a):
        contact = Contact.objects.get(email="lotte.peeters@example.org")
        consent = Consent.objects.get(contact=contact)
    assert contact.full_name == "Lotte Peeters"
    assert consent.purpose == Purpose.EVENTS
    assert consent.consent_text == alliance.consent_text

    (message,) = mail.outbox
    assert message.to == ["lotte.peeters@example.org"]
    assert message.subject.startswith("U bent ingeschreven: Open netwerkmoment")
    assert "Dag Lotte Peeters," in message.body
    assert "/evenement/annuleren/" in message.body
    # The consent given on the form can be withdrawn from every mail sent on it.
    assert "Uw toestemming intrekken:" in message.body
    assert "/netwerk-uitschrijven/" in message.body
    calendar = calendar_of(message)
    (item,) = calendar.walk("VEVENT")
    start = item.decoded("DTSTART")
    assert start == datetime.combine(next_week(), time(19, 0), tzinfo=BRUSSELS)
    assert item["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert item.decoded("DTEND").astimezone(BRUSSELS).time() == time(21, 30)
    assert str(item["LOCATION"]) == "Stadshallen, Markt 7"


def test_a_known_email_address_finds_the_contact_instead_of_adding_a_second_one(
    world, alliance, make_event, register
):
    event = make_event()
    register(event, full_name="Els V.", email="Els.Vandamme@fluvius.example")

    with tenant_scope(world.a):
        assert Contact.objects.filter(email__iexact="els.vandamme@fluvius.example").count() == 1
    (registration,) = registrations_of(world, event)
    assert registration.contact_id == alliance.els.pk


def test_registering_twice_with_the_same_address_gives_a_clear_message(
    world, alliance, make_event, register
):
    event = make_event()
    register(event)
    response = register(event, full_name="Lotte P.")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dit e-mailadres is al ingeschreven voor dit evenement" in response.content.decode()
    assert len(registrations_of(world, event)) == 1
    assert len(mail.outbox) == 1


def test_a_full_event_says_so_and_puts_the_person_on_the_waiting_list(
    client, world, alliance, make_event, register
):
    event = make_event(capacity=1)
    register(event)
    page = client.get(public_url(event)).content.decode()
    assert "Dit evenement is volzet." in page
    assert "wachtlijst" in page

    response = register(event, full_name="Pieter Claes", email="pieter@example.org")

    assert "U staat op de wachtlijst" in response.content.decode()
    _first, second = registrations_of(world, event)
    assert second.state == RegistrationState.WAITING
    assert second.waiting_position == 1
    waiting_mail = next(m for m in mail.outbox if m.to == ["pieter@example.org"])
    assert waiting_mail.subject.startswith("Op de wachtlijst:")
    assert "u staat op plaats 1 op de wachtlijst" in waiting_mail.body
    assert waiting_mail.attachments == []


def test_cancelling_with_the_link_moves_the_first_on_the_waiting_list_up_and_tells_them(
    client, world, alliance, make_event, register, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    register(event)
    register(event, full_name="Pieter Claes", email="pieter@example.org")
    register(event, full_name="Ann Wouters", email="ann@example.org")
    confirmation = next(m for m in mail.outbox if m.to == ["lotte.peeters@example.org"])
    link = link_in(confirmation)
    mail.outbox.clear()

    page = client.get(link)
    assert page.status_code == HTTPStatus.OK
    assert "Annuleer mijn inschrijving" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link, follow=True)

    assert "Uw inschrijving is geannuleerd" in done.content.decode()
    lotte, pieter, ann = registrations_of(world, event)
    assert lotte.state == RegistrationState.CANCELLED
    assert pieter.state == RegistrationState.REGISTERED
    assert pieter.waiting_position is None
    assert ann.state == RegistrationState.WAITING
    assert ann.waiting_position == 1
    moved = next(m for m in mail.outbox if m.to == ["pieter@example.org"])
    assert moved.subject.startswith("Een plaats voor u:")
    (item,) = calendar_of(moved).walk("VEVENT")
    assert item.decoded("DTSTART").astimezone(BRUSSELS).time() == time(19, 0)
    assert [m.to for m in mail.outbox if m.to != ["coordinator@alfa.test"]] == [
        ["pieter@example.org"]
    ]


def test_a_tampered_cancel_link_changes_nothing(client, world, alliance, make_event, register):
    event = make_event(capacity=5)
    register(event)
    link = link_in(mail.outbox[0])
    tampered = link.replace(link.split("/")[-2], link.split("/")[-2][:-2] + "xx")

    assert client.get(tampered).status_code == HTTPStatus.GONE
    assert client.post(tampered).status_code == HTTPStatus.GONE
    assert client.get("/evenement/annuleren/not-a-token/").status_code == HTTPStatus.GONE
    (registration,) = registrations_of(world, event)
    assert registration.state == RegistrationState.REGISTERED


def test_an_old_link_stops_working_after_registering_anew(
    client, world, alliance, make_event, register, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    register(event)
    first_link = link_in(mail.outbox[0])
    client.post(first_link)
    register(event)

    assert client.post(first_link).status_code == HTTPStatus.GONE
    (registration,) = registrations_of(world, event)
    assert registration.state == RegistrationState.REGISTERED


def test_a_french_speaking_visitor_gets_the_mail_in_french(
    world, alliance, make_event, client, slow_clock, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            public_url(event),
            form_data(slow_clock(60), email="marie@example.be"),
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    (message,) = mail.outbox
    assert message.subject.startswith("Vous êtes inscrit")
