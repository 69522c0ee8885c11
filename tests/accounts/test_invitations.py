"""Inviting a colleague: an e-mail with a personal link that creates the account and membership."""

import re
import time
from datetime import timedelta
from http import HTTPStatus
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse

from daadkracht.accounts.models import Invitation, User
from daadkracht.accounts.services import invitation_create
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
        """An editor works for a department (by default the Groendienst); `department=""` invites
        without one, which only the other roles allow."""
        if department is None:
            department = world.other_department_a
        with django_capture_on_commit_callbacks(execute=True):
            response = coordinator.post(
                INVITE_URL,
                {"email": email, "role": role, "department": department and department.pk},
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


def test_someone_with_an_account_is_asked_to_log_in_instead_of_choosing_a_password(
    world, invite, password
):
    link = invite("Coordinator@Beta.test", Role.VIEWER)
    visitor = Client()

    page = visitor.get(link)

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "U hebt al een Daadkracht-account met coordinator@beta.test" in html
    assert "Aanmelden om te aanvaarden" in html
    assert 'name="password1"' not in html
    assert 'value="coordinator@beta.test"' in html

    # A new password and a new name change nothing of the existing account.
    response = accept(visitor, link, full_name="Overname")

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["password"]
    outsider = world.users["other_municipality"]
    outsider.refresh_from_db()
    assert outsider.full_name == "Coordinator Beta"
    assert outsider.check_password(password)
    assert not Membership.unscoped.filter(user=outsider, municipality=world.a).exists()


def test_logging_in_on_the_invitation_accepts_it_with_the_existing_account(world, invite, password):
    link = invite("coordinator@beta.test", Role.VIEWER)
    visitor = Client()

    response = visitor.post(link, {"username": "iemand@anders.test", "password": password})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/alfa/"
    outsider = world.users["other_municipality"]
    assert visitor.get("/alfa/").wsgi_request.user == outsider
    assert visitor.get("/beta/").status_code == HTTPStatus.OK
    assert Membership.unscoped.get(user=outsider, municipality=world.a).role == Role.VIEWER
    assert User.objects.filter(email="coordinator@beta.test").count() == 1
    assert not User.objects.filter(email="iemand@anders.test").exists()
    assert Client().get(link).status_code == HTTPStatus.GONE


def test_a_wrong_password_on_the_invitation_keeps_it_open(world, invite, password):
    link = invite("coordinator@beta.test", Role.VIEWER)
    visitor = Client()

    response = visitor.post(link, {"password": "niet-het-wachtwoord"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].non_field_errors()
    assert not response.wsgi_request.user.is_authenticated
    outsider = world.users["other_municipality"]
    assert not Membership.unscoped.filter(user=outsider, municipality=world.a).exists()
    assert visitor.post(link, {"password": password}).url == "/alfa/"
    assert Membership.unscoped.filter(user=outsider, municipality=world.a).exists()


def test_someone_already_logged_in_with_the_invited_account_joins_with_one_click(
    world, invite, password
):
    link = invite("coordinator@beta.test", Role.VIEWER)
    visitor = Client()
    visitor.post(
        reverse("accounts:login"), {"username": "coordinator@beta.test", "password": password}
    )

    page = visitor.get(link)

    assert "Aanmelden om te aanvaarden" not in page.content.decode()
    assert visitor.post(link).url == "/alfa/"
    outsider = world.users["other_municipality"]
    assert Membership.unscoped.get(user=outsider, municipality=world.a).role == Role.VIEWER


def test_another_logged_in_account_cannot_accept_someone_else_s_invitation(world, invite, password):
    link = invite("coordinator@beta.test", Role.VIEWER)
    viewer = world.client_for("viewer")

    posted = viewer.post(link, {"password": password})

    assert posted.status_code == HTTPStatus.FORBIDDEN
    outsider = world.users["other_municipality"]
    assert not Membership.unscoped.filter(user=outsider, municipality=world.a).exists()
    assert world.membership("viewer").municipality == world.a
    assert Client().get(link).status_code == HTTPStatus.OK


def test_an_editor_cannot_be_invited_without_a_department(world, coordinator):
    response = coordinator.post(
        INVITE_URL, {"email": "collega@alfa.test", "role": Role.EDITOR, "department": ""}
    )

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Een bewerker past de acties van de eigen dienst aan" in html
    assert 'aria-invalid="true"' in html
    assert response.context["form"]["email"].value() == "collega@alfa.test"
    assert not Invitation.unscoped.filter(email="collega@alfa.test").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("role", [Role.VIEWER, Role.COORDINATOR, Role.COACH])
def test_other_roles_are_invited_without_a_department(world, invite, role):
    link = invite(role=role, department="")

    accept(Client(), link)

    membership = Membership.unscoped.get(user__email="collega@alfa.test")
    assert (membership.role, membership.department) == (role, None)


def test_the_invitation_service_refuses_an_editor_without_a_department(world):
    with world.as_member("coordinator"), pytest.raises(ValidationError) as refused:
        invitation_create(
            actor=world.users["coordinator"],
            municipality=world.a,
            email="collega@alfa.test",
            role=Role.EDITOR,
            department=None,
        )

    assert "department" in refused.value.message_dict
    assert not Invitation.unscoped.filter(email="collega@alfa.test").exists()
