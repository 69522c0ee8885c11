"""Municipalities never see each other's departments, members or invitations."""

import csv
import io
from http import HTTPStatus

import pytest
from openpyxl import load_workbook

from daadkracht.accounts.models import Invitation
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import InvitationFactory, MembershipFactory


def a_names(world) -> set[str]:
    """Things only municipality A's people may ever see."""
    return {"Mobiliteit", "Groendienst", world.users["coordinator"].full_name, "editor@alfa.test"}


@pytest.fixture
def beta(world):
    return world.client_for("other_municipality")


def a_membership(world, who: str = "editor") -> Membership:
    return Membership.unscoped.get(user=world.users[who], municipality=world.a)


@pytest.mark.parametrize("who", ["other_municipality", "no_membership"])
def test_outsiders_get_not_found_on_every_page_of_a(world, who):
    client = world.client_for(who)
    department = world.department_a.pk
    member = a_membership(world).pk
    urls = [
        "/alfa/",
        "/alfa/diensten/",
        "/alfa/diensten/?export=csv",
        "/alfa/diensten/nieuw/",
        "/alfa/diensten/prullenbak/",
        f"/alfa/diensten/{department}/",
        f"/alfa/diensten/{department}/verwijderen/",
        "/alfa/leden/",
        "/alfa/leden/?export=xlsx",
        "/alfa/leden/uitnodigen/",
        f"/alfa/leden/{member}/",
        f"/alfa/leden/{member}/verwijderen/",
        "/alfa/geschiedenis/",
        f"/alfa/geschiedenis/tenancy.department/{department}/",
    ]

    for url in urls:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url
    assert client.post(f"/alfa/diensten/{department}/verwijderen/").status_code == (
        HTTPStatus.NOT_FOUND
    )
    world.department_a.refresh_from_db()
    assert world.department_a.deleted_at is None


def test_a_ids_through_b_urls_are_not_found(world, beta):
    department = world.department_a.pk
    member = a_membership(world).pk
    invitation = InvitationFactory.create(
        municipality=world.a, invited_by=world.users["coordinator"]
    )

    assert beta.get(f"/beta/diensten/{department}/").status_code == HTTPStatus.NOT_FOUND
    assert (
        beta.post(
            f"/beta/diensten/{department}/", {"name": "Overgenomen", "version": 1}
        ).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert beta.post(f"/beta/diensten/{department}/verwijderen/").status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert beta.get(f"/beta/leden/{member}/").status_code == HTTPStatus.NOT_FOUND
    assert (
        beta.post(
            f"/beta/leden/{member}/", {"role": Role.VIEWER, "department": "", "version": 1}
        ).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert beta.post(f"/beta/leden/{member}/verwijderen/").status_code == HTTPStatus.NOT_FOUND
    assert beta.post(f"/beta/uitnodigingen/{invitation.pk}/annuleren/").status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert beta.get(f"/beta/geschiedenis/tenancy.department/{department}/").status_code == (
        HTTPStatus.NOT_FOUND
    )

    world.department_a.refresh_from_db()
    assert world.department_a.name == "Mobiliteit"
    assert world.department_a.deleted_at is None
    assert a_membership(world).role == Role.EDITOR
    assert Invitation.unscoped.get(pk=invitation.pk).cancelled_at is None


def test_a_trashed_department_of_a_cannot_be_restored_from_b(world, coordinator, beta):
    coordinator.post(f"/alfa/diensten/{world.department_a.pk}/verwijderen/")

    response = beta.post(f"/beta/diensten/{world.department_a.pk}/terugzetten/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Department.unscoped.get(pk=world.department_a.pk).deleted_at is not None
    assert b"Mobiliteit" not in beta.get("/beta/diensten/prullenbak/").content


def test_b_pages_show_only_b(world, beta):
    for url in ("/beta/", "/beta/diensten/", "/beta/leden/", "/beta/diensten/nieuw/"):
        response = beta.get(url)
        assert response.status_code == HTTPStatus.OK, url
        for name in a_names(world):
            assert name.encode() not in response.content, (url, name)
    assert b"Omgeving" in beta.get("/beta/diensten/").content


def test_b_exports_do_not_contain_a(world, beta):
    for url in ("/beta/diensten/?export=csv", "/beta/leden/?export=csv"):
        text = beta.get(url).getvalue().decode("utf-8-sig")
        cells = {cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row}
        assert not cells & a_names(world), url
    departments = list(
        csv.reader(
            io.StringIO(beta.get("/beta/diensten/?export=csv").getvalue().decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert [row[0] for row in departments[1:]] == ["Omgeving"]

    for url in ("/beta/diensten/?export=xlsx", "/beta/leden/?export=xlsx"):
        sheet = load_workbook(io.BytesIO(beta.get(url).getvalue()), read_only=True).active
        assert sheet is not None
        cells = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
        assert not cells & a_names(world), url


def test_b_cannot_give_its_department_to_a_or_pick_an_a_department(world, beta):
    response = beta.post(
        "/beta/leden/uitnodigen/",
        {"email": "nieuw@beta.test", "role": Role.EDITOR, "department": world.department_a.pk},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["department"]
    assert not Invitation.unscoped.filter(email="nieuw@beta.test").exists()


def test_a_person_in_both_municipalities_sees_each_separately(world, coordinator):
    MembershipFactory(user=world.users["coordinator"], municipality=world.b, role=Role.VIEWER)

    chooser = coordinator.get("/")
    alfa = coordinator.get("/alfa/diensten/")
    beta = coordinator.get("/beta/diensten/")

    assert chooser.status_code == HTTPStatus.OK
    assert b"Gemeente Alfa" in chooser.content
    assert b"Gemeente Beta" in chooser.content
    assert [d.name for d in alfa.context["departments"]] == ["Groendienst", "Mobiliteit"]
    assert [d.name for d in beta.context["departments"]] == ["Omgeving"]
    assert coordinator.get("/beta/leden/").status_code == HTTPStatus.FORBIDDEN
