"""The coordinator sees who is in the Open Network, filters by theme, exports the mailing list,
and writes the text of the public page; nobody else reads the members."""

import csv
import io
from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.network.conftest import Visitor, last_mail_to, link_in, public_url


def url(name: str, world) -> str:
    return reverse(f"network:{name}", kwargs={"municipality": world.a.slug})


def _members(world, visitor, themes, count: int = 2) -> None:
    people = [
        ("Lotte Vermeulen", "lotte@example.be", "Buurtcomité Sint-Andries", [themes.energy.pk]),
        ("Karim El Amrani", "karim@example.be", "", [themes.mobility.pk]),
        ("Griet Claeys", "griet@example.be", '=HYPERLINK("x")', [themes.energy.pk]),
        ("Pieter Goethals", "pieter@example.be", "VZW Fietsbel", []),
    ]
    for number, (name, email, organisation, chosen) in enumerate(people[:count]):
        person = Visitor(world, visitor.monkeypatch, visitor.capture, address=f"192.0.2.{number}")
        person.offset = visitor.offset
        person.join(full_name=name, email=email, organisation_name=organisation, themes=chosen)
        person.post(link_in(last_mail_to(email)))
        visitor.offset = person.offset


def test_the_coordinator_sees_the_members_and_the_pending_sign_ups(world, themes, visitor):
    _members(world, visitor, themes)
    visitor.join(full_name="Nog Niet", email="wacht@example.be")
    page = world.client_for("coordinator").get(url("members", world)).content.decode()
    assert "Lotte Vermeulen" in page
    assert "Buurtcomité Sint-Andries" in page
    assert "Karim El Amrani" in page
    assert "Energie" in page
    assert "Mobiliteit" in page
    assert "gegeven op" in page
    assert "(tekst v1)" in page
    assert "Nog Niet" not in page
    assert "1 inschrijving wacht op bevestiging." in page
    assert public_url("join", world) in page


def test_the_list_filters_by_theme(world, themes, visitor):
    _members(world, visitor, themes)
    client = world.client_for("coordinator")
    page = client.get(url("members", world), {"theme": themes.mobility.pk}).content.decode()
    assert "Karim El Amrani" in page
    assert "Lotte Vermeulen" not in page
    page = client.get(url("members", world), {"theme": "<script>"}).content.decode()
    assert "Lotte Vermeulen" in page


def test_who_left_is_not_on_the_mailing_list(world, themes, visitor):
    _members(world, visitor, themes)
    withdraw = link_in(last_mail_to("lotte@example.be"))
    visitor.post(withdraw)
    page = world.client_for("coordinator").get(url("members", world)).content.decode()
    assert "Lotte Vermeulen" not in page
    assert "Karim El Amrani" in page


def test_the_mailing_list_exports_as_csv_and_xlsx(world, themes, visitor):
    _members(world, visitor, themes, count=3)
    client = world.client_for("coordinator")
    response = client.get(url("members", world), {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[0][:3] == ["Naam", "E-mailadres", "Organisatie"]
    by_email = {row[1]: row for row in rows[1:]}
    assert set(by_email) == {"lotte@example.be", "karim@example.be", "griet@example.be"}
    assert by_email["lotte@example.be"][4] == "E Energie"
    # Text that a spreadsheet would run is neutralised.
    assert by_email["griet@example.be"][2].startswith("'=")
    response = client.get(url("members", world), {"export": "xlsx", "theme": themes.energy.pk})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Griet Claeys", "Lotte Vermeulen"]


def test_the_list_takes_a_fixed_number_of_queries(world, themes, visitor):
    client = world.client_for("coordinator")
    _members(world, visitor, themes, count=1)
    with CaptureQueriesContext(connection) as few:
        client.get(url("members", world))
    _members(world, visitor, themes, count=4)
    with CaptureQueriesContext(connection) as many:
        client.get(url("members", world))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_only_who_manages_stakeholders_reads_the_members(world, themes, visitor):
    _members(world, visitor, themes, count=1)
    for who in ("editor", "viewer", "coach"):
        response = world.client_for(who).get(url("members", world))
        assert response.status_code == HTTPStatus.FORBIDDEN, who
        assert "Lotte" not in response.content.decode()
    assert world.client_for("other_municipality").get(url("members", world)).status_code == 404
    assert world.client_for("viewer").get(url("page_edit", world)).status_code == 403
    assert (
        world.client_for("viewer").post(url("page_edit", world), {"intro": "x"}).status_code == 403
    )


def test_the_coordinator_writes_the_text_of_the_public_page(world, themes, client):
    coordinator = world.client_for("coordinator")
    page = coordinator.get(url("page_edit", world)).content.decode()
    assert "Het Open Netwerk brengt iedereen samen" in page
    response = coordinator.post(
        url("page_edit", world),
        {"intro": "Samen maken we Alfa klimaatrobuust. Doe mee met het Open Netwerk!"},
    )
    assert response.status_code == HTTPStatus.FOUND
    public = client.get(public_url("join", world)).content.decode()
    assert "Samen maken we Alfa klimaatrobuust." in public
    page = coordinator.get(url("page_edit", world)).content.decode()
    response = coordinator.post(url("page_edit", world), {"intro": "  "})
    assert response.status_code == HTTPStatus.OK


def test_the_network_pages_link_to_the_open_network(world):
    page = world.client_for("coordinator").get(
        reverse("stakeholders:contacts", kwargs={"municipality": world.a.slug})
    )
    assert url("members", world) in page.content.decode()
