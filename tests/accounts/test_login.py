"""Logging in by e-mail address, and the pause after repeated failures."""

from http import HTTPStatus

from django.test import Client
from django.urls import reverse

LOGIN_URL = reverse("accounts:login")


def log_in(client, email: str, password: str):
    return client.post(LOGIN_URL, {"username": email, "password": password})


def test_login_with_email_lands_in_the_municipality(world, client, password):
    response = client.post(
        LOGIN_URL, {"username": "editor@alfa.test", "password": password}, follow=True
    )

    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0] == "/alfa/"
    assert response.wsgi_request.user == world.users["editor"]
    assert b"Gemeente Alfa" in response.content


def test_login_is_case_insensitive_for_the_email_address(world, client, password):
    response = log_in(client, "Editor@Alfa.test", password)

    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/").url == "/alfa/"


def test_wrong_password_shows_an_error_and_keeps_the_email(world, client):
    response = log_in(client, "editor@alfa.test", "not-the-password")

    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["username"].value() == "editor@alfa.test"
    assert b'value="editor@alfa.test"' in response.content
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_to_the_login_page(world, client):
    response = client.get("/alfa/diensten/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(LOGIN_URL)
    assert "next=/alfa/diensten/" in response.url


def test_login_follows_a_local_next_but_not_a_foreign_one(world, client, password):
    local = client.post(
        f"{LOGIN_URL}?next=/alfa/diensten/",
        {"username": "coordinator@alfa.test", "password": password, "next": "/alfa/diensten/"},
    )
    assert local.url == "/alfa/diensten/"

    client.logout()
    foreign = client.post(
        LOGIN_URL,
        {
            "username": "coordinator@alfa.test",
            "password": password,
            "next": "https://evil.example/",
        },
    )
    assert foreign.status_code == HTTPStatus.FOUND
    assert "evil.example" not in foreign.url


def test_five_failed_logins_lock_the_address_out(world, client, password):
    for _ in range(4):
        assert log_in(client, "editor@alfa.test", "wrong").status_code == HTTPStatus.OK

    assert log_in(client, "editor@alfa.test", "wrong").status_code == HTTPStatus.TOO_MANY_REQUESTS
    locked = log_in(client, "editor@alfa.test", password)

    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert reverse("accounts:password_reset").encode() in locked.content
    assert "_auth_user_id" not in client.session


def test_varying_the_case_of_the_address_does_not_escape_the_lockout(world, client, password):
    for email in ["editor@alfa.test", "Editor@alfa.test", "EDITOR@alfa.test", "editor@ALFA.test"]:
        log_in(client, email, "wrong")
    log_in(client, "Editor@Alfa.Test", "wrong")

    assert log_in(client, "eDiToR@alfa.test", password).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_a_lockout_pauses_the_address_not_the_account(world, client, password):
    for _ in range(5):
        log_in(client, "editor@alfa.test", "wrong")

    colleague = log_in(client, "viewer@alfa.test", password)
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    owner = elsewhere.post(LOGIN_URL, {"username": "editor@alfa.test", "password": password})

    assert colleague.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert owner.status_code == HTTPStatus.FOUND
    assert elsewhere.session["_auth_user_id"] == str(world.users["editor"].pk)


def test_a_successful_login_resets_the_failure_count(world, client, password):
    for _ in range(4):
        log_in(client, "editor@alfa.test", "wrong")
    assert log_in(client, "editor@alfa.test", password).status_code == HTTPStatus.FOUND
    client.logout()

    for _ in range(4):
        assert log_in(client, "editor@alfa.test", "wrong").status_code == HTTPStatus.OK
    assert log_in(client, "editor@alfa.test", password).status_code == HTTPStatus.FOUND


def test_logout_ends_the_session(world, client, password):
    log_in(client, "editor@alfa.test", password)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == LOGIN_URL
    assert client.get("/alfa/").status_code == HTTPStatus.FOUND


def test_changing_the_password_keeps_the_user_logged_in(world, client, password):
    log_in(client, "editor@alfa.test", password)

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": password,
            "new_password1": "een-nieuw-klimaatwachtwoord",
            "new_password2": "een-nieuw-klimaatwachtwoord",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/alfa/").status_code == HTTPStatus.OK
    client.logout()
    assert log_in(client, "editor@alfa.test", password).status_code == HTTPStatus.OK
    assert (
        log_in(client, "editor@alfa.test", "een-nieuw-klimaatwachtwoord").status_code
        == HTTPStatus.FOUND
    )


def test_a_logged_in_user_visiting_the_login_page_goes_home(world, password):
    client = world.client_for("viewer")

    assert client.get(LOGIN_URL, follow=True).redirect_chain[-1][0] == "/alfa/"
