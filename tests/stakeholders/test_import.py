"""Importing organisations and contact persons from the lists municipalities keep: Excel's CSV
with semicolons in Windows-1252, workbooks with Dutch headers, the same organisation written
twice, names that resemble an organisation of the network, and files that must change nothing."""

import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry, ChangeSource
from daadkracht.stakeholders.models import (
    Consent,
    Contact,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    ProcessingBasis,
    Purpose,
)
from daadkracht.testing import hostile_files
from tests.stakeholders.conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def csv_file(text: str, name: str = "netwerk.csv", encoding: str = "cp1252") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows: list[list[object]], name: str = "netwerk.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, world, file, purpose="partnership"):
    return client.post(url("stakeholders:import", world), {"file": file, "purpose": purpose})


def preview(client, world):
    return client.get(url("stakeholders:import_preview", world))


def confirm(client, world, page, **choices):
    form = page.context["form"]
    data = {
        "token": form["token"].value(),
        "fingerprint": form["fingerprint"].value(),
        "confirm": "",
    }
    data.update(choices)
    return client.post(url("stakeholders:import_preview", world), data)


def organisations(world) -> dict[str, Organisation]:
    with tenant_scope(world.a):
        return {o.name: o for o in Organisation.objects.all()}


def test_a_windows_csv_with_semicolons_is_imported_with_its_people(world, network):
    client = world.client_for("coordinator")
    text = (
        "Organisatie;Soort;Website;Thema's;Contactpersoon;Functie;E-mail;Telefoon;Taal\r\n"
        "Natuurpunt Brugge vzw;Vereniging;www.natuurpunt.be;Energie;Ann Vermeulen;"
        "Voorzitter;ann@natuurpunt.example;0470 12 34 56;Nederlands\r\n"
        "Natuurpunt Brugge vzw;;;;Pieter Dewulf;Secretaris;pieter@natuurpunt.example;;NL\r\n"
        "École Saint-François;école;;;Hélène Dubois;Directrice;helene@ecole.example;;Frans\r\n"
        "Haven van Brugge;Havenbedrijf;https://portofantwerpbruges.com;;;;;;\r\n"
    )
    response = upload(client, world, csv_file(text))
    assert response.status_code == HTTPStatus.FOUND
    page = preview(client, world)
    assert page.status_code == HTTPStatus.OK
    counts = page.context["counts"]
    assert counts["organisations_new"] == 3
    assert counts["contacts_new"] == 3
    assert confirm(client, world, page).status_code == HTTPStatus.FOUND
    found = organisations(world)
    natuurpunt = found["Natuurpunt Brugge vzw"]
    assert natuurpunt.kind == OrganisationKind.CIVIL_SOCIETY
    assert natuurpunt.website == "https://www.natuurpunt.be"
    assert found["École Saint-François"].kind == OrganisationKind.SCHOOL
    assert found["Haven van Brugge"].kind == OrganisationKind.PORT
    with tenant_scope(world.a):
        assert [t.name for t in natuurpunt.themes.all()] == ["Energie"]
        helene = Contact.objects.get(email="helene@ecole.example")
        assert helene.full_name == "Hélène Dubois"
        assert helene.language == "fr"
        assert helene.organisation.name == "École Saint-François"
        assert natuurpunt.contacts.count() == 2
        # Every new person is held on the basis chosen for the import, never on consent.
        bases = ProcessingBasis.objects.filter(contact__organisation=natuurpunt)
        assert {(b.purpose, b.basis) for b in bases} == {
            (Purpose.PARTNERSHIP, LawfulBasis.LEGITIMATE_INTEREST)
        }
        assert not Consent.objects.filter(contact=helene).exists()
        sources = set(
            AuditEntry.objects.filter(object_repr="Natuurpunt Brugge vzw").values_list(
                "source", flat=True
            )
        )
        assert sources == {ChangeSource.IMPORT}


def test_a_workbook_with_dutch_headers_and_a_bom_csv_read_alike(world, network):
    client = world.client_for("coordinator")
    rows = [
        ["Naam organisatie", "Type organisatie", "Naam contactpersoon", "E-mailadres", "Taal"],
        ["Intercommunale Leiedal", "intercommunale", "Bart Claeys", "bart@leiedal.example", "nl"],
        ["Energiecoöperatie Ecopower", "burgercoöperatie", "", "", ""],
    ]
    upload(client, world, xlsx_file(rows), purpose="governance")
    page = preview(client, world)
    assert page.context["preview"].is_valid, page.context["preview"].errors
    confirm(client, world, page)
    found = organisations(world)
    assert found["Intercommunale Leiedal"].kind == OrganisationKind.INTERMUNICIPAL
    assert found["Energiecoöperatie Ecopower"].kind == OrganisationKind.CITIZEN_GROUP
    with tenant_scope(world.a):
        bart = Contact.objects.get(email="bart@leiedal.example")
        basis = bart.bases.get()
        assert (basis.purpose, basis.basis) == (Purpose.GOVERNANCE, LawfulBasis.PUBLIC_TASK)

    bom = "\ufeffOrganisation,Type,Contact person,Email\nBeweging.net,association,,\n"
    upload(client, world, csv_file(bom, encoding="utf-8"))
    page = preview(client, world)
    confirm(client, world, page)
    assert organisations(world)["Beweging.net"].kind == OrganisationKind.CIVIL_SOCIETY


def test_an_unknown_type_becomes_other_with_a_warning(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file("Organisatie;Type\nKringwinkel Brugge;Sociale economie\n"))
    page = preview(client, world)
    assert page.context["preview"].is_valid
    assert page.context["unknown_kinds"] == [("Sociale economie", [2])]
    assert "Sociale economie" in page.content.decode()
    confirm(client, world, page)
    assert organisations(world)["Kringwinkel Brugge"].kind == OrganisationKind.OTHER


def test_a_name_like_an_existing_organisation_is_asked_not_created(world, network):
    """The network has "Fluvius"; the file says "Fluvius System Operator NV"."""
    client = world.client_for("coordinator")
    text = (
        "Organisatie;Type;Contactpersoon;E-mail\n"
        "Fluvius System Operator NV;netbeheerder;Koen Maes;koen@fluvius.example\n"
    )
    upload(client, world, csv_file(text))
    page = preview(client, world)
    draft = page.context["preview"].organisations[0]
    assert [o.pk for o in draft.similar] == [network.fluvius.pk]
    assert draft.outcome == "undecided"
    assert "Fluvius System Operator NV" in page.content.decode()
    # Confirming without a choice imports nothing and asks again.
    again = confirm(client, world, page)
    assert again.status_code == HTTPStatus.OK
    assert again.context["form"].errors
    assert set(organisations(world)) == {"Fluvius", "IVBO", "Welzijnsschakels Brugge"}
    # Linking it to the existing one puts the person there.
    done = confirm(client, world, page, organisation_0=f"org-{network.fluvius.pk}")
    assert done.status_code == HTTPStatus.FOUND
    assert set(organisations(world)) == {"Fluvius", "IVBO", "Welzijnsschakels Brugge"}
    with tenant_scope(world.a):
        assert Contact.objects.get(email="koen@fluvius.example").organisation == network.fluvius


def test_a_similar_name_may_be_created_as_a_new_organisation(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file("Organisatie;Type\nFluvuis;netbeheerder\n"))  # a typo
    page = preview(client, world)
    assert page.context["preview"].organisations[0].similar
    confirm(client, world, page, organisation_0="new")
    assert "Fluvuis" in organisations(world)


def test_an_exact_name_links_and_duplicates_in_the_file_become_one(world, network):
    client = world.client_for("coordinator")
    text = (
        "Organisatie;Contactpersoon;E-mail\n"
        "FLUVIUS;Els Vandamme;ELS.VANDAMME@fluvius.example\n"
        "Stad Brugge Kenniscentrum;Lies Peeters;lies@brugge.example\n"
        "stad brugge kenniscentrum;Tom Wouters;tom@brugge.example\n"
        "Stad Brugge Kenniscentrum vzw;Lies Peeters;lies@brugge.example\n"
    )
    upload(client, world, csv_file(text))
    page = preview(client, world)
    result = page.context["preview"]
    assert result.is_valid, result.errors
    # FLUVIUS is Fluvius; the three spellings of the Kenniscentrum are one new organisation.
    assert page.context["counts"]["organisations_new"] == 1
    assert page.context["counts"]["contacts_new"] == 2
    # Els is known by her e-mail address: she is not added twice.
    assert (
        page.context["counts"]["contacts_new"] + page.context["counts"]["contacts_unchanged"] == 3
    )
    confirm(client, world, page)
    with tenant_scope(world.a):
        assert Contact.objects.filter(email__iexact="els.vandamme@fluvius.example").count() == 1
        assert Organisation.objects.filter(name__icontains="kenniscentrum").count() == 1


def test_two_similar_names_in_one_file_are_asked(world, network):
    client = world.client_for("coordinator")
    text = "Organisatie;Type\nDe Lijn;andere\nDe Lijn West-Vlaanderen;andere\n"
    upload(client, world, csv_file(text))
    page = preview(client, world)
    second = page.context["preview"].organisations[1]
    assert [o.name for o in second.similar_in_file] == ["De Lijn"]
    confirm(client, world, page, organisation_1="file-0")
    names = set(organisations(world))
    assert "De Lijn" in names
    assert "De Lijn West-Vlaanderen" not in names


def test_a_known_email_updates_the_person(world, network):
    client = world.client_for("coordinator")
    text = (
        "Organisatie;Contactpersoon;Functie;E-mail;Taal\n"
        "Fluvius;Els Vandamme;Directeur Brugge;els.vandamme@fluvius.example;FR\n"
    )
    upload(client, world, csv_file(text))
    page = preview(client, world)
    assert page.context["counts"]["contacts_updated"] == 1
    confirm(client, world, page)
    with tenant_scope(world.a):
        els = Contact.objects.get(pk=network.els.pk)
        assert (els.function, els.language, els.version) == ("Directeur Brugge", "fr", 2)
        # She already had a basis (governance); the import's purpose is added beside it.
        assert set(els.bases.values_list("purpose", flat=True)) == {"governance", "partnership"}


def test_a_bad_email_stores_nothing_and_says_where(world, network):
    client = world.client_for("coordinator")
    text = (
        "Organisatie;Contactpersoon;E-mail;Taal\n"
        "Nieuwe Organisatie;Ann;ann@example.be;NL\n"
        "Andere Organisatie;Bert;bert(at)example.be;Klingon\n"
    )
    upload(client, world, csv_file(text))
    page = preview(client, world)
    errors = page.context["preview"].errors
    assert [(e.row, e.column) for e in errors] == [(3, "C “E-mail”"), (3, "D “Taal”")]
    assert "bert(at)example.be" in errors[0].message
    assert "Import" not in [b for b in ["Import"] if 'name="confirm"' in page.content.decode()]
    response = confirm(client, world, page)
    assert response.status_code == HTTPStatus.OK
    assert set(organisations(world)) == {"Fluvius", "IVBO", "Welzijnsschakels Brugge"}


def test_contact_details_without_a_name_are_a_row_error(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file("Organisatie;Contactpersoon;E-mail\nIVBO;;info@ivbo.example\n"))
    errors = preview(client, world).context["preview"].errors
    assert [(e.row, e.column) for e in errors] == [(2, "C “E-mail”")]


def test_a_file_declaring_sixteen_thousand_columns_is_refused(world, network):
    client = world.client_for("coordinator")
    wide = hostile_files.xlsx([hostile_files.text_row(1, *(["Organisatie"] * 16_000))])
    assert len(wide) < 64 * 1024
    response = upload(client, world, SimpleUploadedFile("breed.xlsx", wide))
    assert response.status_code == HTTPStatus.OK
    assert "meer dan 200 kolommen" in " ".join(response.context["form"].errors["file"])
    declared = hostile_files.dimension_bomb(rows=6000)
    response = upload(client, world, SimpleUploadedFile("breed.xlsx", declared))
    assert response.context["form"].errors["file"]


def test_too_long_cells_are_row_errors(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file(f"Organisatie;Type\n{'x' * 201};vzw\n"))
    errors = preview(client, world).context["preview"].errors
    assert [(e.row, e.column) for e in errors] == [(2, "A “Organisatie”")]


def test_a_changed_network_after_the_preview_imports_nothing(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file("Organisatie;Type\nNieuw Bedrijf;bedrijf\n"))
    page = preview(client, world)
    with tenant_scope(world.a):
        Organisation.objects.create(name="Iets anders", kind=OrganisationKind.OTHER)
    response = confirm(client, world, page)
    assert response.status_code == HTTPStatus.OK
    assert "Nieuw Bedrijf" not in organisations(world)


def test_the_export_of_the_organisations_reads_back_unchanged(world, network):
    client = world.client_for("coordinator")
    export = client.get(url("stakeholders:organisations", world), {"export": "xlsx"})
    data = b"".join(export.streaming_content)
    upload(client, world, SimpleUploadedFile("organisaties.xlsx", data))
    page = preview(client, world)
    counts = page.context["counts"]
    assert page.context["preview"].is_valid, page.context["preview"].errors
    assert counts["organisations_new"] == counts["organisations_updated"] == 0
    assert counts["organisations_unchanged"] == 3

    export = client.get(url("stakeholders:contacts", world), {"export": "csv"})
    data = b"".join(export.streaming_content)
    upload(client, world, SimpleUploadedFile("contactpersonen.csv", data))
    page = preview(client, world)
    counts = page.context["counts"]
    assert page.context["preview"].is_valid, page.context["preview"].errors
    assert counts["contacts_new"] == counts["contacts_updated"] == 0
    assert counts["contacts_unchanged"] == 3


def test_the_template_reads_back_as_its_own_columns(world, network):
    client = world.client_for("coordinator")
    response = client.get(url("stakeholders:import_template", world))
    assert response.status_code == HTTPStatus.OK
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.append(["Provincie West-Vlaanderen", "overheid", "", "", "", "Mieke", "", "", "", "nl"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload(client, world, SimpleUploadedFile("sjabloon.xlsx", buffer.getvalue()))
    page = preview(client, world)
    assert len(headers) == 10
    assert page.context["preview"].ignored_columns == []
    assert page.context["counts"]["contacts_new"] == 1


def test_cancel_discards_the_file(world, network):
    client = world.client_for("coordinator")
    upload(client, world, csv_file("Organisatie\nNieuw\n"))
    page = preview(client, world)
    form = page.context["form"]
    client.post(
        url("stakeholders:import_preview", world), {"token": form["token"].value(), "cancel": ""}
    )
    assert preview(client, world).status_code == HTTPStatus.FOUND
    assert "Nieuw" not in organisations(world)


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_only_who_manages_the_network_imports(world, network, who):
    client = world.client_for(who)
    for name in (
        "stakeholders:import",
        "stakeholders:import_preview",
        "stakeholders:import_template",
    ):
        assert client.get(url(name, world)).status_code == HTTPStatus.FORBIDDEN
    response = upload(client, world, csv_file("Organisatie\nNieuw\n"))
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_another_municipality_does_not_see_or_match_this_network(world, network):
    """Beta's coordinator imports "Fluvius": nothing of Alfa's network is offered or touched."""
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(world.users["other_municipality"])
    base = {"municipality": world.b.slug}
    client.post(
        reverse("stakeholders:import", kwargs=base),
        {
            "file": csv_file(
                "Organisatie;E-mail;Contactpersoon\nFluvius;els.vandamme@fluvius.example;Els\n"
            ),
            "purpose": "partnership",
        },
    )
    page = client.get(reverse("stakeholders:import_preview", kwargs=base))
    assert page.context["counts"]["organisations_new"] == 1
    assert page.context["counts"]["contacts_new"] == 1
    assert (
        world.client_for("coordinator").get(url("stakeholders:import_preview", world)).status_code
        == HTTPStatus.FOUND
    )


def test_the_preview_of_a_thousand_rows_takes_a_fixed_number_of_queries(
    world, network, django_assert_max_num_queries
):
    client = world.client_for("coordinator")
    lines = ["Organisatie;Type;Contactpersoon;E-mail"]
    lines += [f"Organisatie {n};vzw;Persoon {n};persoon{n}@example.be" for n in range(1000)]
    upload(client, world, csv_file("\n".join(lines)))
    with django_assert_max_num_queries(15):
        page = preview(client, world)
    assert page.context["counts"]["organisations_new"] == 1000
    response = confirm(client, world, page)
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        assert Contact.objects.count() == 1003
