"""A platform administrator adds a municipality and invites its first coordinator in one step."""

import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import Invitation, User
from daadkracht.history.models import AuditEntry
from daadkracht.tenancy import platform
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import MunicipalityFactory, UserFactory

NEW = reverse("platform:municipality_create")
PASSWORD = "groene-daken-overal-2030"


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser(
        "beheer@platform.test", password=PASSWORD, full_name="Bea Beheer"
    )


@pytest.fixture
def admin_client(superuser) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def create(admin_client, django_capture_on_commit_callbacks):
    def post(**values: str):
        data = {
            "name": "Gemeente Zonnedorp",
            "slug": "",
            "coordinator_email": "Klimaat@Zonnedorp.test",
            "language": "nl",
            **values,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(NEW, data)

    return post


def invitation_link(message) -> str:
    match = re.search(r"http://testserver(/account/uitnodiging/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def value_of(content: str, name: str) -> str:
    match = re.search(rf'<input [^>]*name="{name}"[^>]*>', content)
    assert match, name
    found = re.search(r'value="([^"]*)"', match.group(0))
    return found.group(1) if found else ""


def test_the_landing_page_offers_to_add_a_municipality(admin_client):
    MunicipalityFactory(name="Gemeente Alfa", slug="alfa")

    page = admin_client.get(reverse("home"))

    content = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert f'href="{NEW}"' in content
    assert "Gemeente Alfa" in content
    assert "/alfa/" in content
    assert "Vraag de klimaatcoördinator" not in content  # no "ask your coordinator"
    assert "<h1>Platformbeheer</h1>" in content


def test_the_page_explains_the_address_and_proposes_dutch(admin_client):
    page = admin_client.get(NEW)

    content = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert '<label for="id_slug">Korte naam in het webadres' in content
    assert "http://testserver/<strong data-slug-preview>" in content
    assert 'data-slug-from="id_name"' in content
    assert re.search(r'<input [^>]*value="nl"[^>]*checked', content)
    assert 'aria-describedby="id_slug_helptext"' in content


def test_one_step_creates_the_municipality_and_invites_its_coordinator(
    superuser, create, admin_client
):
    response = create()

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("home")
    municipality = Municipality.objects.get(name="Gemeente Zonnedorp")
    assert municipality.slug == "gemeente-zonnedorp"  # made from the name
    invitation = Invitation.unscoped.get()
    assert invitation.municipality == municipality
    assert (invitation.email, invitation.role) == ("klimaat@zonnedorp.test", Role.COORDINATOR)
    assert invitation.invited_by == superuser
    assert not Membership.unscoped.filter(user=superuser).exists()
    # Recorded: the municipality as platform data, the invitation in the municipality's history.
    created = AuditEntry.unscoped.filter(actor=superuser).order_by("id")
    assert [(e.object_repr, e.municipality_id) for e in created] == [
        ("Gemeente Zonnedorp", None),
        ("klimaat@zonnedorp.test", municipality.pk),
    ]
    landing = admin_client.get(response.url).content.decode()
    assert (
        "Gemeente Zonnedorp staat op het platform, op /gemeente-zonnedorp/, en "
        "klimaat@zonnedorp.test is uitgenodigd om er klimaatcoördinator te worden."
    ) in landing


def test_the_invitation_is_dutch_and_makes_the_invitee_coordinator(create):
    create(slug="zonnedorp")

    (message,) = mail.outbox
    assert message.to == ["klimaat@zonnedorp.test"]
    assert message.subject == "Uitnodiging voor Gemeente Zonnedorp op Daadkracht"
    assert "Bea Beheer nodigt u uit om als coördinator mee te werken" in message.body
    link = invitation_link(message)

    invitee = Client()
    assert invitee.get(link).status_code == HTTPStatus.OK
    accepted = invitee.post(
        link, {"full_name": "Lies Peeters", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert accepted.status_code == HTTPStatus.FOUND
    assert accepted.url == "/zonnedorp/"
    home = invitee.get(accepted.url)
    assert home.status_code == HTTPStatus.OK
    assert home.context["tenant"].membership.role == Role.COORDINATOR
    assert home.context["tenant"].membership.user.full_name == "Lies Peeters"
    # Their first page leads them through setting the municipality up.
    assert home.context["show_checklist"] is True
    assert 'class="checklist"' in home.content.decode()


def test_the_invitation_speaks_the_chosen_language_not_the_administrator_s(
    superuser, admin_client, create
):
    superuser.language = "en"
    superuser.save()

    create(language="fr")

    assert mail.outbox[0].subject == "Invitation à rejoindre Gemeente Zonnedorp sur Daadkracht"


def test_errors_keep_what_was_typed(create):
    response = create(name="", slug="Zonnedorp Centrum", coordinator_email="klimaat@zonnedorp")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors.keys() == {"name", "slug", "coordinator_email"}
    assert "Gebruik enkel kleine letters, cijfers en koppeltekens" in content
    assert value_of(content, "slug") == "Zonnedorp Centrum"
    assert value_of(content, "coordinator_email") == "klimaat@zonnedorp"
    assert 'role="alert"' in content or 'class="errors"' in content
    assert not Municipality.objects.exists()
    assert mail.outbox == []


def test_an_address_in_use_is_refused_with_a_free_one_proposed(create):
    MunicipalityFactory(name="Zonnedorp-Oost", slug="zonnedorp")

    response = create(slug="ZONNEDORP")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["slug"] == [
        "Het adres /zonnedorp/ wordt al gebruikt door Zonnedorp-Oost. Kies een andere korte "
        "naam, bijvoorbeeld zonnedorp-2."
    ]
    assert value_of(content, "name") == "Gemeente Zonnedorp"
    assert value_of(content, "coordinator_email") == "Klimaat@Zonnedorp.test"
    assert Municipality.objects.count() == 1
    assert not Invitation.unscoped.exists()
    assert mail.outbox == []


def test_a_taken_address_is_told_at_once_with_the_other_errors(create):
    MunicipalityFactory(name="Zonnedorp-Oost", slug="gemeente-zonnedorp")

    response = create(coordinator_email="klimaat@")  # the address would come from the name

    errors = response.context["form"].errors
    assert errors.keys() == {"slug", "coordinator_email"}
    assert "gemeente-zonnedorp-2" in errors["slug"][0]


def test_the_service_itself_refuses_a_taken_address(superuser, db):
    MunicipalityFactory(name="Zonnedorp-Oost", slug="zonnedorp")

    with platform_scope(actor=superuser), pytest.raises(ValidationError) as refused:
        platform.municipality_create(
            actor=superuser,
            name="Gemeente Zonnedorp",
            slug="zonnedorp",
            coordinator_email="klimaat@zonnedorp.test",
        )

    assert "zonnedorp-2" in refused.value.message_dict["slug"][0]
    assert Municipality.objects.count() == 1


def test_the_platform_s_own_addresses_and_a_known_name_are_refused(create):
    MunicipalityFactory(name="Gemeente Zonnedorp", slug="zonnedorp")

    reserved = create(name="Account", slug="")
    same_name = create(name="gemeente  zonnedorp", slug="zonnedorp-nieuw")

    assert "is voorbehouden" in reserved.context["form"].errors["slug"][0]
    assert same_name.context["form"].errors["name"] == [
        "Gemeente Zonnedorp staat al op het platform, op /zonnedorp/."
    ]
    assert Municipality.objects.count() == 1


def test_the_proposed_address_skips_what_is_taken(db):
    MunicipalityFactory(name="Zonnedorp", slug="zonnedorp")
    MunicipalityFactory(name="Zonnedorp 2", slug="zonnedorp-2")

    assert platform.free_address("zonnedorp") == "zonnedorp-3"
    assert platform.free_address("beheer") == "beheer-2"
    assert platform.address_from_name("Sint-Genesius-Rode (Rhode-Saint-Genèse)") == (
        "sint-genesius-rode-rhode-saint-genese"
    )


@pytest.mark.parametrize("visitor", ["coordinator", "editor", "no_membership", "staff"])
def test_others_than_superusers_do_not_find_the_page(world, visitor):
    if visitor == "staff":
        user = UserFactory(email="staf@platform.test")
        user.is_staff = True
        user.save()
        client = Client()
        client.force_login(user)
    else:
        client = world.client_for(visitor)

    for method in ("get", "post"):
        response = getattr(client, method)(NEW, {"name": "Gemeente Stiekem", "slug": "stiekem"})
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Municipality.objects.filter(slug="stiekem").exists()
    assert "/beheer/gemeenten/nieuw/" not in client.get(reverse("home")).content.decode()


def test_a_visitor_who_is_not_logged_in_is_asked_to_log_in(db):
    response = Client().get(NEW)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("accounts:login"))


def test_the_service_refuses_anyone_but_the_platform(world):
    with world.as_member("coordinator"), pytest.raises(PermissionDenied):
        platform.municipality_create(
            actor=world.users["coordinator"],
            name="Gemeente Stiekem",
            coordinator_email="stiekem@example.test",
        )
    assert not Municipality.objects.filter(name="Gemeente Stiekem").exists()


def test_the_admin_adds_a_municipality_through_the_same_page(admin_client):
    response = admin_client.get(reverse("admin:tenancy_municipality_add"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == NEW


def test_a_coordinator_invited_at_a_wrong_address_is_invited_again(
    create, admin_client, django_capture_on_commit_callbacks
):
    create(slug="zonnedorp", coordinator_email="klimaat@zonedorp.test")  # a typo
    invite_again = reverse("platform:coordinator_invite", kwargs={"address": "zonnedorp"})
    assert f'href="{invite_again}"' in admin_client.get(reverse("home")).content.decode()

    page = admin_client.get(invite_again)
    with django_capture_on_commit_callbacks(execute=True):
        sent = admin_client.post(
            invite_again, {"coordinator_email": "klimaat@zonnedorp.test", "language": "nl"}
        )

    assert page.status_code == HTTPStatus.OK
    assert "Een coördinator uitnodigen voor Gemeente Zonnedorp" in page.content.decode()
    assert sent.status_code == HTTPStatus.FOUND
    invitations = Invitation.unscoped.order_by("id")
    assert [(i.email, i.role) for i in invitations] == [
        ("klimaat@zonedorp.test", Role.COORDINATOR),
        ("klimaat@zonnedorp.test", Role.COORDINATOR),
    ]
    assert mail.outbox[-1].to == ["klimaat@zonnedorp.test"]
    invitee = Client()
    accepted = invitee.post(
        invitation_link(mail.outbox[-1]),
        {"full_name": "Lies Peeters", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert accepted.url == "/zonnedorp/"


def test_a_member_is_not_invited_again_and_is_told_so(world, admin_client):
    invite = reverse("platform:coordinator_invite", kwargs={"address": "alfa"})

    response = admin_client.post(
        invite, {"coordinator_email": "viewer@alfa.test", "language": "nl"}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["coordinator_email"] == [
        "viewer@alfa.test is al lid van Gemeente Alfa."
    ]


@pytest.mark.parametrize("visitor", ["coordinator", "no_membership"])
def test_only_superusers_invite_a_coordinator_from_the_platform(world, visitor):
    client = world.client_for(visitor)
    invite = reverse("platform:coordinator_invite", kwargs={"address": "alfa"})

    for method in ("get", "post"):
        response = getattr(client, method)(
            invite, {"coordinator_email": "stiekem@alfa.test", "language": "nl"}
        )
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Invitation.unscoped.filter(email="stiekem@alfa.test").exists()


def test_an_unknown_municipality_has_no_invitation_page(admin_client):
    invite = reverse("platform:coordinator_invite", kwargs={"address": "nergens"})

    assert admin_client.get(invite).status_code == HTTPStatus.NOT_FOUND
