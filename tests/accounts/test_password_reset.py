"""Forgetting a password: an e-mail with a one-time link to choose a new one."""

import re
from http import HTTPStatus

from django.core import mail
from django.urls import reverse

NEW_PASSWORD = "klimaat-actie-2030-nieuw"


def reset_link(message) -> str:
    match = re.search(r"http://testserver(/account/wachtwoord-instellen/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_reset_email_link_lets_the_user_choose_a_new_password(world, client, password):
    response = client.post(reverse("accounts:password_reset"), {"email": "viewer@alfa.test"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["viewer@alfa.test"]

    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert form_page.status_code == HTTPStatus.OK
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    saved = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert saved.status_code == HTTPStatus.FOUND
    assert saved.url == reverse("accounts:password_reset_complete")

    client.logout()
    old = client.post(
        reverse("accounts:login"), {"username": "viewer@alfa.test", "password": password}
    )
    assert old.status_code == HTTPStatus.OK
    new = client.post(
        reverse("accounts:login"),
        {"username": "viewer@alfa.test", "password": NEW_PASSWORD},
        follow=True,
    )
    assert new.redirect_chain[-1][0] == "/alfa/"
    assert new.wsgi_request.user == world.users["viewer"]


def test_reset_link_works_only_once(world, client):
    client.post(reverse("accounts:password_reset"), {"email": "viewer@alfa.test"})
    link = reset_link(mail.outbox[0])
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert again.status_code == HTTPStatus.OK
    assert again.context["validlink"] is False
    assert b'name="new_password1"' not in again.content


def test_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(world, client):
    response = client.post(reverse("accounts:password_reset"), {"email": "onbekend@example.test"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_reset_finds_the_account_whatever_the_case_of_the_address(world, client):
    client.post(reverse("accounts:password_reset"), {"email": "Viewer@Alfa.test"})

    assert len(mail.outbox) == 1
