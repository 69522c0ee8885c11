"""Failed log-ins lock out the client's address, behind a proxy too; an account is only slowed."""

import time
from http import HTTPStatus

import pytest
from django.forms.forms import NON_FIELD_ERRORS
from django.test import Client
from django.urls import reverse

from daadkracht.access import throttle
from daadkracht.testing.factories import UserFactory

LOGIN_URL = reverse("accounts:login")
ADMIN_LOGIN_URL = reverse("admin:login")
PROXY = "10.0.0.2"
COORDINATOR = "coordinator@alfa.test"


def attempt(email: str, password: str, *, address: str = "127.0.0.1", forwarded: str = ""):
    """A log-in from a fresh browser at `address` (the proxy's when `forwarded` is given)."""
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN_URL, {"username": email, "password": password}, **extra)
    response.logged_in = "_auth_user_id" in client.session
    return response


def paused(response) -> bool:
    form = response.context["form"] if response.context else None
    return form is not None and form.has_error(NON_FIELD_ERRORS, code="account_paused")


@pytest.fixture
def a_minute_later(monkeypatch):
    def advance() -> None:
        start = time.time()
        monkeypatch.setattr(throttle, "clock", lambda: start + 61)

    return advance


def test_a_spoofed_forwarded_for_without_trusted_proxies_is_ignored(world, settings, password):
    settings.TRUSTED_PROXIES = 0
    emails = ["editor@alfa.test", "viewer@alfa.test", "coach@alfa.test", COORDINATOR, "x@y.test"]

    statuses = [
        attempt(email, "Zomer2025!", forwarded=f"203.0.113.{number}").status_code
        for number, email in enumerate(emails)
    ]
    again = attempt(COORDINATOR, password, forwarded="198.51.100.99")

    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]
    assert again.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not again.logged_in


def test_behind_a_proxy_failures_from_a_do_not_lock_the_coordinator_out_at_b(
    world, settings, password
):
    settings.TRUSTED_PROXIES = 1

    statuses = [
        attempt(COORDINATOR, "wrong", address=PROXY, forwarded="203.0.113.7").status_code
        for _ in range(5)
    ]
    from_a = attempt(COORDINATOR, password, address=PROXY, forwarded="203.0.113.7")
    from_b = attempt(COORDINATOR, password, address=PROXY, forwarded="198.51.100.8")

    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]
    assert from_a.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert from_b.status_code == HTTPStatus.FOUND
    assert from_b.logged_in


def test_behind_a_proxy_a_forged_entry_does_not_help(world, settings, password):
    settings.TRUSTED_PROXIES = 1
    # The client at 203.0.113.7 writes someone else's address first; the proxy appends its own.
    for number in range(5):
        attempt(COORDINATOR, "wrong", address=PROXY, forwarded=f"198.51.100.{number}, 203.0.113.7")

    forged = attempt(COORDINATOR, password, address=PROXY, forwarded="198.51.100.8, 203.0.113.7")
    other = attempt(COORDINATOR, password, address=PROXY, forwarded="198.51.100.8")

    assert forged.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not forged.logged_in
    assert other.logged_in


def test_spraying_one_password_over_thirty_accounts_locks_the_address(world, password):
    emails = [UserFactory().email for _ in range(30)]

    statuses = [
        attempt(email, "Welkom2025!", address="203.0.113.7").status_code for email in emails
    ]
    own = attempt(COORDINATOR, password, address="203.0.113.7")
    elsewhere = attempt(COORDINATOR, password, address="198.51.100.8")

    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS] * 26
    assert own.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert elsewhere.logged_in


def test_logging_in_with_an_account_of_one_s_own_does_not_clear_the_address(world, password):
    sprayed = ["editor@alfa.test", "coach@alfa.test", COORDINATOR, "nobody@example.test"]
    for email in sprayed:
        attempt(email, "Welkom2025!", address="203.0.113.7")

    assert attempt("viewer@alfa.test", password, address="203.0.113.7").logged_in
    fifth = attempt("editor@alfa.test", "Lente2025!", address="203.0.113.7")

    assert fifth.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_an_account_attacked_from_many_addresses_is_slowed_for_a_minute_only(
    world, password, a_minute_later
):
    for number in range(10):
        response = attempt(COORDINATOR, f"gok-{number}", address=f"203.0.113.{number}")
        assert response.status_code == HTTPStatus.OK

    during = attempt(COORDINATOR, password, address="198.51.100.8")
    a_minute_later()
    after = attempt(COORDINATOR, password, address="198.51.100.8")

    assert during.status_code == HTTPStatus.OK
    assert paused(during)
    assert not during.logged_in
    assert after.status_code == HTTPStatus.FOUND
    assert after.logged_in


@pytest.mark.parametrize(
    ("language", "text"),
    [("nl", "Wacht een minuut"), ("fr", "Patientez une minute"), ("en", "Wait a minute")],
)
def test_the_pause_of_an_account_is_told_in_the_visitor_s_language(
    world, settings, password, language, text
):
    for number in range(10):
        attempt(COORDINATOR, "wrong", address=f"203.0.113.{number}")
    client = Client(REMOTE_ADDR="198.51.100.8")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = client.post(LOGIN_URL, {"username": COORDINATOR, "password": password})

    assert text in response.content.decode()


def test_the_lockout_page_speaks_of_the_connection_not_the_account(world):
    for _ in range(5):
        response = attempt(COORDINATOR, "wrong")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "vanaf deze internetverbinding" in response.content.decode()


def test_a_paused_account_does_not_count_against_its_owner_s_address(world, password):
    for number in range(10):
        attempt(COORDINATOR, "wrong", address=f"203.0.113.{number}")

    tries = [attempt(COORDINATOR, password, address="198.51.100.8") for _ in range(6)]
    colleague = attempt("viewer@alfa.test", password, address="198.51.100.8")

    assert all(paused(response) for response in tries)
    assert colleague.logged_in


def test_other_accounts_are_not_slowed(world, password):
    for number in range(10):
        attempt(COORDINATOR, "wrong", address=f"203.0.113.{number}")

    assert attempt("editor@alfa.test", password, address="198.51.100.8").logged_in


def test_failures_at_the_admin_log_in_count_for_the_account_too(world, password):
    for number in range(10):
        Client(REMOTE_ADDR=f"203.0.113.{number}").post(
            ADMIN_LOGIN_URL, {"username": COORDINATOR, "password": "wrong"}
        )

    response = Client(REMOTE_ADDR="198.51.100.8").post(
        ADMIN_LOGIN_URL, {"username": COORDINATOR, "password": password}
    )

    assert paused(attempt(COORDINATOR, password, address="198.51.100.8"))
    assert response.context["form"].has_error(NON_FIELD_ERRORS, code="account_paused")
