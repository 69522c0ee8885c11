"""`manage.py createsuperuser` makes a platform administrator who logs in with an e-mail address."""

from http import HTTPStatus
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from daadkracht.accounts.models import User

PASSWORD = "platform-beheer-2030"


class TerminalInput(StringIO):
    """Standard input as a person at a terminal gives it."""

    def isatty(self) -> bool:
        return True


def logs_in(email: str, password: str) -> Client:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    assert response.status_code == HTTPStatus.FOUND, response.content
    return client


@pytest.mark.django_db
def test_without_input_from_the_two_environment_variables(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Beheer@Klimaat.example")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    out = StringIO()

    call_command("createsuperuser", interactive=False, stdout=out)

    assert "Superuser created successfully." in out.getvalue()
    user = User.objects.get()
    assert (user.email, user.full_name) == ("beheer@klimaat.example", "")
    assert user.is_superuser
    assert user.is_staff
    client = logs_in("Beheer@Klimaat.example", PASSWORD)
    home = client.get(reverse("home"))
    assert "beheer@klimaat.example" in home.content.decode()  # stands in for the name
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_without_input_with_a_name_and_the_address_as_option(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    monkeypatch.setenv("DJANGO_SUPERUSER_FULL_NAME", "An Claes")

    call_command(
        "createsuperuser", interactive=False, email="an@klimaat.example", stdout=StringIO()
    )

    assert User.objects.get(email="an@klimaat.example").full_name == "An Claes"
    logs_in("an@klimaat.example", PASSWORD)


@pytest.mark.django_db
def test_without_input_an_address_taken_in_other_letters_is_refused(monkeypatch):
    User.objects.create_user("beheer@klimaat.example", password=PASSWORD)
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "BEHEER@klimaat.example")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)

    with pytest.raises(CommandError, match="already taken"):
        call_command("createsuperuser", interactive=False, stdout=StringIO())

    assert User.objects.count() == 1


@pytest.mark.django_db
def test_at_a_terminal_it_asks_the_address_name_and_password_twice():
    answers = iter(["Beheer@Klimaat.example", "Jan Peeters"])
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    with (
        mock.patch("builtins.input", typed),
        mock.patch("getpass.getpass", return_value=PASSWORD) as password,
    ):
        call_command("createsuperuser", stdin=TerminalInput(), stdout=StringIO())

    # The field names in the site's language (Dutch unless the shell asks otherwise).
    assert prompts == ["E-mailadres: ", "Volledige naam: "]
    assert password.call_count == 2  # typed twice
    user = User.objects.get()
    assert (user.email, user.full_name, user.is_superuser) == (
        "beheer@klimaat.example",
        "Jan Peeters",
        True,
    )
    logs_in("beheer@klimaat.example", PASSWORD)
    admin = Client()
    admin_login = admin.post(
        reverse("admin:login"),
        {"username": "Beheer@Klimaat.example", "password": PASSWORD, "next": "/beheer/"},
    )
    assert admin_login.status_code == HTTPStatus.FOUND
    assert admin.get(reverse("admin:index")).status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_at_a_terminal_the_name_may_be_left_empty():
    with (
        mock.patch("builtins.input", side_effect=["beheer@klimaat.example", ""]),
        mock.patch("getpass.getpass", return_value=PASSWORD),
    ):
        call_command("createsuperuser", stdin=TerminalInput(), stdout=StringIO())

    assert User.objects.get().full_name == ""
