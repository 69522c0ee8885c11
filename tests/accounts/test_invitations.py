"""Inviting a colleague: an e-mail with a personal link that creates the account and membership."""

import re
import time
from datetime import timedelta
from http import HTTPStatus
from unittest import mock

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from daadkracht.accounts.models import Invitation, User
from daadkracht.tenancy.models import Membership
from daadkracht.tenancy.roles import Role

INVITE_URL = "/alfa/leden/uitnodigen/"
NEW_PASSWORD = "klimaat-actie-2030-welkom"


@pytest.fixture
def coordinator(world) -> Client:
    return world.client_for("coordinator")


@pytest.fixture
def invite(world, coordinator, django_capture_on_commit_callbacks):
    """Invite through the page as the coordinator; return the link from the e-mail."""

    def send(email: str = "collega@alfa.test", role: str = Role.EDITOR, department=None) -> str:
        department = department or world.other_department_a
        with django_capture_on_commit_callbacks(execute=True):
            response = coordinator.post(
                INVITE_URL, {"email": email, "role": role, "department": department.pk}
            )
        assert response.status_code == HTTPStatus.FOUND, response.content
        assert response.url == "/alfa/leden/"
        return link_in(mail.outbox[-1])

    return send


def link_in(message) -> str:
    match = re.search(r"http://testserver(/account/uitnodiging/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def accept(client: Client, link: str, full_name: str = "Nieuwe Collega"):
    return client.post(
        link, {"full_name": full_name, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


def test_invited_colleague_creates_an_account_and_lands_in_the_municipality(world, invite):
    link = invite("Collega@Alfa.test", Role.EDITOR, world.other_department_a)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["collega@alfa.test"]

    visitor = Client()
    page = visitor.get(link)
    assert page.status_code == HTTPStatus.OK
    assert b"Gemeente Alfa" in page.content
    assert b"Groendienst" in page.content

    response = accept(visitor, link)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/alfa/"

    home = visitor.get(response.url)
    assert home.status_code == HTTPStatus.OK
    user = User.objects.get(email="collega@alfa.test")
    assert home.wsgi_request.user == user
    assert user.full_name == "Nieuwe Collega"
    assert home.context["tenant"].membership.role == Role.EDITOR
    membership = Membership.unscoped.get(user=user)
    assert membership.municipality == world.a
    assert membership.role == Role.EDITOR
    assert membership.department == world.other_department_a

    visitor.logout()
    log_in = visitor.post(
        reverse("accounts:login"), {"username": "collega@alfa.test", "password": NEW_PASSWORD}
    )
    assert log_in.status_code == HTTPStatus.FOUND


def test_the_invitation_link_cannot_be_used_twice(world, invite):
    link = invite()
    accept(Client(), link)

    again = Client().get(link)
    second_try = accept(Client(), link, full_name="Iemand Anders")

    assert again.status_code == HTTPStatus.GONE
    assert second_try.status_code == HTTPStatus.GONE
    assert User.objects.filter(email="collega@alfa.test").count() == 1
    assert User.objects.get(email="collega@alfa.test").full_name == "Nieuwe Collega"


def test_an_expired_link_no_longer_works(world, invite):
    link = invite()
    fifteen_days_later = time.time() + timedelta(days=15).total_seconds()

    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_later):
        opened = Client().get(link)
        submitted = accept(Client(), link)

    assert opened.status_code == HTTPStatus.GONE
    assert submitted.status_code == HTTPStatus.GONE
    assert not User.objects.filter(email="collega@alfa.test").exists()


def test_a_link_older_than_the_configured_lifetime_no_longer_works(world, invite):
    link = invite()

    with override_settings(INVITATION_MAX_AGE=timedelta(0)):
        assert Client().get(link).status_code == HTTPStatus.GONE
    assert Client().get(link).status_code == HTTPStatus.OK


def test_a_forged_link_does_not_work(world, invite):
    link = invite()

    assert Client().get(link.replace(":", "x", 1)).status_code == HTTPStatus.GONE
    assert Client().get("/account/uitnodiging/niet-echt/").status_code == HTTPStatus.GONE


def test_resending_invalidates_the_old_link(
    world, invite, coordinator, django_capture_on_commit_callbacks
):
    old_link = invite()
    invitation = Invitation.unscoped.get(email="collega@alfa.test")

    with django_capture_on_commit_callbacks(execute=True):
        resent = coordinator.post(f"/alfa/uitnodigingen/{invitation.pk}/opnieuw-versturen/")

    assert resent.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 2
    assert mail.outbox[-1].to == ["collega@alfa.test"]
    new_link = link_in(mail.outbox[-1])
    assert new_link != old_link
    assert Client().get(old_link).status_code == HTTPStatus.GONE
    assert accept(Client(), new_link).status_code == HTTPStatus.FOUND
    assert Membership.unscoped.filter(user__email="collega@alfa.test").exists()


def test_inviting_the_same_address_again_replaces_the_open_invitation(world, invite):
    first = invite()
    second = invite(role=Role.VIEWER)

    assert Client().get(first).status_code == HTTPStatus.GONE
    assert accept(Client(), second).status_code == HTTPStatus.FOUND
    assert Membership.unscoped.get(user__email="collega@alfa.test").role == Role.VIEWER


def test_a_cancelled_invitation_no_longer_works(world, invite, coordinator):
    link = invite()
    invitation = Invitation.unscoped.get(email="collega@alfa.test")

    response = coordinator.post(f"/alfa/uitnodigingen/{invitation.pk}/annuleren/")

    assert response.status_code == HTTPStatus.FOUND
    assert Client().get(link).status_code == HTTPStatus.GONE


def test_inviting_an_existing_member_shows_a_form_error(world, coordinator):
    response = coordinator.post(
        INVITE_URL, {"email": "Editor@alfa.test", "role": Role.VIEWER, "department": ""}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["email"]
    assert response.context["form"]["email"].value() == "Editor@alfa.test"
    assert not Invitation.unscoped.filter(email="editor@alfa.test").exists()
    assert mail.outbox == []


def test_a_member_of_another_municipality_can_be_invited_and_joins_with_their_account(
    world, invite
):
    link = invite("coordinator@beta.test", Role.VIEWER)
    beta_coordinator = world.client_for("other_municipality")

    assert beta_coordinator.get(link).status_code == HTTPStatus.OK
    response = beta_coordinator.post(link)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/alfa/"
    assert beta_coordinator.get("/alfa/").status_code == HTTPStatus.OK
    assert beta_coordinator.get("/beta/").status_code == HTTPStatus.OK
    membership = Membership.unscoped.get(
        user=world.users["other_municipality"], municipality=world.a
    )
    assert membership.role == Role.VIEWER


def test_someone_logged_in_with_another_account_cannot_use_the_link(world, invite):
    link = invite()

    response = world.client_for("viewer").get(link)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Membership.unscoped.filter(user__email="collega@alfa.test").exists()


def test_only_coordinators_may_invite(world):
    for who in ("editor", "viewer", "coach"):
        response = world.client_for(who).post(
            INVITE_URL, {"email": "collega@alfa.test", "role": Role.COORDINATOR}
        )
        assert response.status_code == HTTPStatus.FORBIDDEN, who
    assert not Invitation.unscoped.filter(email="collega@alfa.test").exists()


def test_a_mistyped_password_keeps_the_name_and_the_link_usable(world, invite):
    link = invite()
    visitor = Client()

    response = visitor.post(
        link, {"full_name": "Nieuwe Collega", "password1": NEW_PASSWORD, "password2": "anders"}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["password2"]
    assert response.context["form"]["full_name"].value() == "Nieuwe Collega"
    assert not User.objects.filter(email="collega@alfa.test").exists()
    assert accept(visitor, link).status_code == HTTPStatus.FOUND


def test_a_too_simple_password_is_refused(world, invite):
    link = invite()

    response = Client().post(
        link, {"full_name": "Nieuwe Collega", "password1": "12345678", "password2": "12345678"}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="collega@alfa.test").exists()


def test_someone_with_an_account_is_asked_to_log_in_first(world, invite, password):
    link = invite("coordinator@beta.test", Role.VIEWER)
    visitor = Client()

    response = accept(visitor, link, full_name="Overname")

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].non_field_errors()
    outsider = world.users["other_municipality"]
    outsider.refresh_from_db()
    assert outsider.full_name == "Coordinator Beta"
    assert outsider.check_password(password)
    assert not Membership.unscoped.filter(user=outsider, municipality=world.a).exists()

    visitor.post(
        reverse("accounts:login"), {"username": "coordinator@beta.test", "password": password}
    )
    assert visitor.post(link).url == "/alfa/"
    assert Membership.unscoped.get(user=outsider, municipality=world.a).role == Role.VIEWER
