"""The public sign-up form refuses bad input, bots and floods with a clear message, and stores
nothing then."""

from http import HTTPStatus

import pytest
from django.core import mail

from daadkracht.access import form_guard
from daadkracht.access.context import tenant_scope
from daadkracht.network import guard
from daadkracht.network.models import SignUp
from daadkracht.stakeholders.models import Contact
from tests.network.conftest import Visitor

LONG = "Lotte " * 40 + "Vermeulen"


def _nothing_stored(world) -> None:
    with tenant_scope(world.a):
        assert not SignUp.objects.exists()
        assert not Contact.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"full_name": ""}, "full_name", "Dit veld is verplicht."),
        ({"full_name": "   "}, "full_name", "Dit veld is verplicht."),
        ({"full_name": LONG}, "full_name", "niet meer dan 200 tekens"),
        ({"full_name": "<script>alert(1)</script>"}, "full_name", "zonder de tekens &lt; en &gt;"),
        ({"full_name": "Lotte\x00Vermeulen"}, "full_name", "Null-tekens zijn niet toegestaan"),
        ({"email": ""}, "email", "Dit veld is verplicht."),
        ({"email": "lotte.vermeulen"}, "email", "Voer een geldig e-mailadres in."),
        ({"email": "a" * 250 + "@example.be"}, "email", "niet meer dan 254 tekens"),
        ({"email": "<script>@example.be"}, "email", "Voer een geldig e-mailadres in."),
        ({"organisation_name": "x" * 201}, "organisation_name", "niet meer dan 200 tekens"),
        ({"organisation_name": "<b>Buurt</b>"}, "organisation_name", "zonder de tekens"),
        ({"language": "xx"}, "language", "Selecteer een geldige keuze"),
        ({"language": ""}, "language", "Dit veld is verplicht."),
        ({"themes": ["999999"]}, "themes", "Selecteer een geldige keuze"),
        ({"themes": ["abc"]}, "themes", "is geen geldige waarde"),
        ({"consent": None}, "consent", "Vink het vakje aan om akkoord te gaan"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(world, themes, visitor, data, field, message):
    response = visitor.join(**data)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert message in page, field
    assert f'id="id_{field}_error"' in page or field == "themes"
    _nothing_stored(world)


def test_a_form_with_an_error_keeps_what_was_typed(world, themes, visitor):
    page = visitor.join(
        email="geen-adres", organisation_name="Buurtcomité Sint-Andries", themes=[themes.energy.pk]
    ).content.decode()
    assert 'value="Lotte Vermeulen"' in page
    assert 'value="Buurtcomité Sint-Andries"' in page
    assert f'value="{themes.energy.pk}" id="id_themes_0" checked' in page


def test_a_bot_that_fills_the_honeypot_is_refused(world, themes, visitor):
    response = visitor.join(website="https://spam.example")
    assert response.status_code == HTTPStatus.OK
    assert "Laat het laatste veld leeg" in response.content.decode()
    _nothing_stored(world)


def test_a_form_sent_back_too_fast_is_refused(world, themes, visitor):
    response = visitor.join(wait=1)
    assert "Dat ging wel erg snel" in response.content.decode()
    _nothing_stored(world)


def test_a_form_shown_more_than_a_day_ago_is_refused(world, themes, visitor):
    response = visitor.join(wait=form_guard.MAX_SECONDS + 60)
    assert "Dit formulier stond te lang open" in response.content.decode()
    _nothing_stored(world)


@pytest.mark.parametrize("stamp", ["", "forged", "eyJ0IjoxfQ:1abc:def"])
def test_a_missing_or_forged_time_stamp_is_refused(world, themes, visitor, stamp):
    visitor._tick(60)
    response = visitor.post(
        "/open-netwerk/alfa/",
        {
            "full_name": "Lotte Vermeulen",
            "email": "lotte@example.be",
            "language": "nl",
            "consent": "on",
            "shown": stamp,
        },
    )
    assert "Dit formulier stond te lang open" in response.content.decode()
    _nothing_stored(world)


def test_an_address_that_signs_up_too_often_is_stopped(world, themes, visitor):
    for number in range(guard.SIGNUPS_PER_HOUR):
        response = visitor.join(email=f"lotte{number}@example.be")
        assert response.status_code == HTTPStatus.FOUND
    response = visitor.join(email="lotte-extra@example.be")
    assert response.status_code == 429
    with tenant_scope(world.a):
        assert SignUp.objects.count() == guard.SIGNUPS_PER_HOUR
    # Another address is not hindered.
    other = Visitor(world, visitor.monkeypatch, visitor.capture, address="198.51.100.4")
    other.offset = visitor.offset
    assert other.join(email="els@example.be").status_code == HTTPStatus.FOUND


def test_an_unknown_municipality_has_no_page(db, client):
    assert client.get("/open-netwerk/nergensdorp/").status_code == HTTPStatus.NOT_FOUND
