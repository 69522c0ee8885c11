"""Password-reset requests: mailed by a background task, limited per address and per account."""

import re
import time
from http import HTTPStatus

from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from daadkracht.access import throttle

RESET_URL = reverse("accounts:password_reset")
DONE_URL = reverse("accounts:password_reset_done")
KNOWN = ["viewer@alfa.test", "editor@alfa.test", "coach@alfa.test", "coordinator@alfa.test"]


def ask(email: str, *, address: str = "127.0.0.1", forwarded: str = ""):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return Client(REMOTE_ADDR=address).post(RESET_URL, {"email": email}, **extra)


def test_twenty_requests_for_one_account_send_three_mails(world):
    responses = [ask("viewer@alfa.test", address=f"203.0.113.{number}") for number in range(20)]

    assert len(mail.outbox) == 3
    assert {(response.status_code, response.url) for response in responses} == {
        (HTTPStatus.FOUND, DONE_URL)
    }


def test_one_address_is_answered_alike_but_sends_five_mails_an_hour(world):
    responses = [ask(KNOWN[number % len(KNOWN)], address="203.0.113.7") for number in range(20)]

    assert len(mail.outbox) == 5
    assert {(response.status_code, response.url) for response in responses} == {
        (HTTPStatus.FOUND, DONE_URL)
    }


def test_the_limits_start_afresh_the_next_hour(world, monkeypatch):
    for _ in range(6):
        ask("viewer@alfa.test", address="203.0.113.7")
    start = time.time()
    monkeypatch.setattr(throttle, "clock", lambda: start + 3601)

    ask("viewer@alfa.test", address="203.0.113.7")

    assert len(mail.outbox) == 4


def test_unknown_addresses_count_for_the_address_like_known_ones(world):
    for number in range(5):
        ask(f"onbekend-{number}@example.test", address="203.0.113.7")

    ask("viewer@alfa.test", address="203.0.113.7")
    ask("viewer@alfa.test", address="198.51.100.8")

    assert [message.to for message in mail.outbox] == [["viewer@alfa.test"]]


def test_behind_a_proxy_each_client_has_its_own_limit(world, settings):
    settings.TRUSTED_PROXIES = 1
    for number in range(5):
        ask(KNOWN[number % len(KNOWN)], address="10.0.0.2", forwarded="203.0.113.7")

    ask("viewer@alfa.test", address="10.0.0.2", forwarded="198.51.100.1, 203.0.113.7")
    ask("editor@alfa.test", address="10.0.0.2", forwarded="198.51.100.8")

    assert len(mail.outbox) == 6
    assert mail.outbox[-1].to == ["editor@alfa.test"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_known_and_an_unknown_address_get_the_same_work_and_answer(world):
    ask("warm-up@example.test")  # sessions, content types and the like, once

    with CaptureQueriesContext(connection) as known_queries:
        known = ask("viewer@alfa.test", address="203.0.113.7")
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = ask("onbekend@example.test", address="198.51.100.8")

    def work(queries: CaptureQueriesContext) -> list[str]:
        return [query["sql"].split(" (")[0] for query in queries.captured_queries]

    assert work(known_queries) == work(unknown_queries)
    assert not any("accounts_user" in sql for sql in work(known_queries))  # no account looked up
    assert any("INSERT" in sql and "dbtaskresult" in sql for sql in work(known_queries))
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert mail.outbox == []  # the request itself sends nothing

    for stored in DBTaskResult.objects.order_by("enqueued_at"):  # as the worker runs them
        stored.task.call(*stored.task_result.args, **stored.task_result.kwargs)

    assert [message.to for message in mail.outbox] == [["viewer@alfa.test"]]


def test_the_task_mails_a_dutch_link_to_the_reset_page(world):
    ask("Viewer@Alfa.test")

    (message,) = mail.outbox
    assert message.subject == "Kies een nieuw wachtwoord voor Daadkracht"
    assert message.to == ["viewer@alfa.test"]
    assert re.search(
        r"http://testserver/account/wachtwoord-instellen/[^/\s]+/[^/\s]+/", message.body
    )
    html = message.alternatives[0].content
    assert 'href="http://testserver/account/wachtwoord-instellen/' in html


def test_the_mail_speaks_the_owner_s_language(world):
    viewer = world.users["viewer"]
    viewer.language = "fr"
    viewer.save(update_fields=["language"])

    ask("viewer@alfa.test")

    assert mail.outbox[0].subject == "Choisissez un nouveau mot de passe pour Daadkracht"


def test_a_deactivated_account_gets_no_mail(world):
    viewer = world.users["viewer"]
    viewer.is_active = False
    viewer.save(update_fields=["is_active"])

    response = ask("viewer@alfa.test")

    assert response.url == DONE_URL
    assert mail.outbox == []
