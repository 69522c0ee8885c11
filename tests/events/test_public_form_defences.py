"""Bad input on the public registration form: a clear, translated error and nothing stored."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.core.cache import cache

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import Registration
from daadkracht.events.views import public as public_views
from daadkracht.stakeholders.models import Consent, Contact
from tests.events.conftest import form_data, public_url

pytestmark = pytest.mark.django_db


def stored(world) -> tuple[int, int, int]:
    with tenant_scope(world.a):
        return Registration.objects.count(), Contact.objects.count(), Consent.objects.count()


@pytest.fixture
def event(world, alliance, make_event):
    return make_event(capacity=10)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"full_name": ""}, "Dit veld is verplicht."),
        ({"full_name": "   "}, "Dit veld is verplicht."),
        ({"email": ""}, "Dit veld is verplicht."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"full_name": "L" * 201}, "niet meer dan 200 tekens"),
        ({"organisation": "O" * 201}, "niet meer dan 200 tekens"),
        ({"email": ("a" * 250) + "@example.org"}, "niet meer dan 254 tekens"),
        ({"full_name": "<script>alert(1)</script>"}, "geen &lt; of &gt;"),
        ({"organisation": "Buurtwerk <b>vet</b>"}, "geen &lt; of &gt;"),
        ({"consent": ""}, "Vink het vakje aan om akkoord te gaan"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_is_stored(
    client, world, event, slow_clock, values, message
):
    before = stored(world)
    response = client.post(public_url(event), form_data(slow_clock(60), **values))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert stored(world) == before
    assert mail.outbox == []


def test_a_bot_that_fills_the_hidden_field_is_refused(client, world, event, slow_clock):
    before = stored(world)
    response = client.post(
        public_url(event), form_data(slow_clock(60), website="https://spam.example")
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Laat het laatste veld leeg" in response.content.decode()
    assert stored(world) == before


def test_a_form_sent_within_seconds_is_refused(client, world, event, slow_clock):
    before = stored(world)
    response = client.post(public_url(event), form_data(slow_clock(1)))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dat ging wel heel snel" in response.content.decode()
    assert stored(world) == before


@pytest.mark.parametrize("shown", ["", "forged:token", "eyJ0IjoxfQ:1abc:def"])
def test_a_form_without_a_genuine_time_stamp_is_refused(client, world, event, shown):
    before = stored(world)
    response = client.post(public_url(event), form_data(shown))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dit formulier stond te lang open" in response.content.decode()
    assert stored(world) == before


def test_a_form_shown_more_than_a_day_ago_is_refused(client, world, event, slow_clock):
    before = stored(world)
    response = client.post(public_url(event), form_data(slow_clock(2 * 24 * 3600)))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dit formulier stond te lang open" in response.content.decode()
    assert stored(world) == before


def test_one_address_cannot_send_registration_after_registration(
    client, world, event, slow_clock, monkeypatch
):
    monkeypatch.setattr(public_views, "REGISTRATIONS_PER_WINDOW", 2)
    cache.clear()
    statuses = [
        client.post(
            public_url(event), form_data(slow_clock(60), email=f"p{n}@example.org")
        ).status_code
        for n in range(3)
    ]

    assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
    with tenant_scope(world.a):
        assert Registration.objects.count() == 2


def test_closed_and_unknown_events_take_no_registrations(
    client, world, alliance, make_event, slow_clock
):
    from datetime import timedelta

    from django.utils import timezone

    closed = make_event(registration_until=timezone.now() - timedelta(hours=1))
    page = client.get(public_url(closed)).content.decode()
    assert "De inschrijvingen voor dit evenement zijn afgesloten." in page
    client.post(public_url(closed), form_data(slow_clock(60)))
    assert stored(world)[0] == 0

    assert client.get("/evenement/alfa/999999/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/evenement/bestaat-niet/1/").status_code == HTTPStatus.NOT_FOUND


def test_an_event_of_another_municipality_is_not_found_under_this_one(
    client, world, alliance, make_event
):
    event = make_event()
    response = client.get(f"/evenement/beta/{event.pk}/")
    assert response.status_code == HTTPStatus.NOT_FOUND
