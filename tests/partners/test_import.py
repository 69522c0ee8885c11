"""The action import reads the "Partners" column: organisations of the network by name, each with
its role; a name the network does not know exactly is asked about, never created silently."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry, ChangeSource
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action
from daadkracht.plans.spreadsheets.mapping import auto_mapping
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory
from tests.partners.conftest import add_partner
from tests.plans.test_spreadsheets_import import csv_bytes, xlsx_bytes

IMPORT_URL = "/alfa/plan/acties/import/"
CONFIRM_URL = "/alfa/plan/acties/import/bevestigen/"
MISSING_URL = "/alfa/plan/acties/import/ontbrekend/"
EXPORT_URL = "/alfa/plan/acties/export/"
HEADER = ["Nummer", "Titel", "Partners"]


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def send(client, data: bytes, name: str = "acties.csv", url: str = IMPORT_URL):
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def confirm(client, response, url: str = CONFIRM_URL):
    return client.post(
        url,
        {
            "token": response.context["pending"].token,
            "fingerprint": response.context["preview"].fingerprint,
            "apply": "1",
        },
    )


def partners_of(world, identifier: str) -> set[tuple[str, str]]:
    with tenant_scope(world.a):
        return set(
            ActionPartner.objects.filter(action__identifier=identifier).values_list(
                "organisation__name", "role"
            )
        )


def organisation_names(world) -> set[str]:
    with tenant_scope(world.a):
        return set(Organisation.objects.values_list("name", flat=True))


def answer(client, choices: dict[str, str]):
    """Post the missing-values page with a choice per partner question, by its name."""
    form = client.get(MISSING_URL).context["form"]
    data = {}
    for question, choice_name, detail_name in form.questions:
        chosen = choices[question.name]
        value, _sep, detail = chosen.partition("=")
        data[choice_name] = value
        if detail:
            data[detail_name] = detail
    return client.post(MISSING_URL, data)


def test_real_world_cells_with_roles_in_three_languages(world, alliance):
    with tenant_scope(world.a):
        Organisation.objects.create(name="Énergie Partagée", kind=OrganisationKind.CIVIL_SOCIETY)
    rows = [
        HEADER,
        ["B3.01", "Fietsstraten in het centrum", "Fluvius (trekker);  IVBO ;"],
        [
            "B6.01",
            "Ontharding van schoolpleinen",
            "energie partagee (cofinanceur)\nIVBO (exécutant)",
        ],
    ]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows, encoding="cp1252"))
    preview = response.context["preview"]
    assert preview.errors == []
    assert preview.counts == {"new": 0, "updated": 2, "unchanged": 0}
    text = response.content.decode()
    assert "zonder rol tussen haakjes" in text  # the default role is said
    assert "toegevoegd: Fluvius (trekkende partner)" in text
    assert confirm(coordinator, response).status_code == HTTPStatus.FOUND
    assert partners_of(world, "B3.01") == {
        ("Fluvius", PartnerRole.LEAD_PARTNER),
        ("IVBO", PartnerRole.SUPPORTER),
    }
    assert partners_of(world, "B6.01") == {
        ("Énergie Partagée", PartnerRole.CO_FINANCER),
        ("IVBO", PartnerRole.EXECUTOR),
    }
    with tenant_scope(world.a):
        assert (
            AuditEntry.objects.filter(
                content_type__model="actionpartner", source=ChangeSource.IMPORT
            ).count()
            == 4
        )


def test_the_listed_partners_replace_the_others_and_keep_their_note(world, alliance):
    add_partner(
        world, world.action_a, alliance.fluvius, PartnerRole.EXECUTOR, note="netaansluiting"
    )
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.SUPPORTER)
    add_partner(world, world.other_action_a, alliance.ivbo, PartnerRole.SUPPORTER)
    rows = [
        HEADER,
        ["B3.01", "Fietsstraten in het centrum", "Fluvius (uitvoerder)"],
        ["B6.01", "Ontharding van schoolpleinen", ""],
    ]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    assert response.context["preview"].counts["updated"] == 2
    assert "verwijderd: IVBO (ondersteuner)" in response.content.decode()
    confirm(coordinator, response)
    assert partners_of(world, "B3.01") == {("Fluvius", PartnerRole.EXECUTOR)}
    assert partners_of(world, "B6.01") == set()
    with tenant_scope(world.a):
        assert ActionPartner.objects.get(action=world.action_a).note == "netaansluiting"


def test_a_file_without_the_column_leaves_the_partners_alone(world, alliance):
    add_partner(world, world.action_a, alliance.fluvius)
    rows = [["Nummer", "Titel"], ["B3.01", "Fietsstraten in het centrum (nieuw)"]]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    confirm(coordinator, response)
    assert partners_of(world, "B3.01") == {("Fluvius", PartnerRole.EXECUTOR)}


def test_an_unknown_role_is_a_row_error_that_names_the_roles(world, alliance):
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Fluvius (sponsor); IVBO"]]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    preview = response.context["preview"]
    assert not preview.is_valid
    assert "Rij 2" in preview.errors[0]
    assert "sponsor" in preview.errors[0]
    assert "trekkende partner" in preview.errors[0]
    assert partners_of(world, "B3.01") == set()


def test_a_similar_name_is_asked_and_the_existing_organisation_used(world, alliance):
    with tenant_scope(world.a):
        system = Organisation.objects.create(
            name="Fluvius System Operator NV", kind=OrganisationKind.GRID_OPERATOR
        )
        Organisation.objects.filter(pk=alliance.fluvius.pk).delete()
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Fluvius (trekker)"]]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == MISSING_URL
    page = coordinator.get(MISSING_URL)
    text = page.content.decode()
    assert "De bestaande “Fluvius System Operator NV” gebruiken" in text
    assert "Een nieuwe organisatie “Fluvius” maken" in text
    assert "Deze partner weglaten" in text
    preview_page = answer(coordinator, {"Fluvius": f"use:{system.pk}"})
    assert preview_page.context["preview"].errors == []
    confirm(coordinator, preview_page)
    assert partners_of(world, "B3.01") == {("Fluvius System Operator NV", PartnerRole.LEAD_PARTNER)}
    assert organisation_names(world) == {"Fluvius System Operator NV", "IVBO"}


def test_a_new_organisation_is_created_only_when_chosen_with_its_type(world, alliance):
    rows = [
        HEADER,
        ["B3.01", "Fietsstraten in het centrum", "Natuurpunt (uitvoerder); VIVES (supporter)"],
        ["B6.01", "Ontharding van schoolpleinen", "Natuurpunt"],
    ]
    coordinator = world.client_for("coordinator")
    send(coordinator, csv_bytes(rows))
    # Nothing is chosen yet: the import does not go on, and nothing is created.
    unchosen = coordinator.post(MISSING_URL, {"extra_1": "leave"})
    assert "Kies wat de import doet met “Natuurpunt”." in unchosen.content.decode()
    # "Create" without a type is not enough.
    typeless = answer(coordinator, {"Natuurpunt": "create", "VIVES": "leave"})
    assert typeless.status_code == HTTPStatus.OK
    assert "Type van de nieuwe organisatie" in typeless.content.decode()
    assert organisation_names(world) == {"Fluvius", "IVBO"}
    preview_page = answer(coordinator, {"Natuurpunt": "create=civil_society", "VIVES": "leave"})
    preview = preview_page.context["preview"]
    assert preview.errors == []
    text = preview_page.content.decode()
    assert "De import maakt ook de organisatie “Natuurpunt” (middenveldorganisatie)." in text
    assert "Weggelaten, zoals je koos: VIVES." in text
    assert organisation_names(world) == {"Fluvius", "IVBO"}
    confirm(coordinator, preview_page)
    with tenant_scope(world.a):
        natuurpunt = Organisation.objects.get(name="Natuurpunt")
        assert natuurpunt.kind == OrganisationKind.CIVIL_SOCIETY
        assert AuditEntry.objects.filter(
            content_type__model="organisation",
            object_id=str(natuurpunt.pk),
            source=ChangeSource.IMPORT,
        ).exists()
    assert partners_of(world, "B3.01") == {("Natuurpunt", PartnerRole.EXECUTOR)}
    assert partners_of(world, "B6.01") == {("Natuurpunt", PartnerRole.SUPPORTER)}
    assert "VIVES" not in organisation_names(world)


def test_an_error_anywhere_creates_no_organisation_and_no_partner(world, alliance):
    rows = [
        HEADER,
        ["B3.01", "Fietsstraten in het centrum", "Natuurpunt (uitvoerder)"],
        ["B6.01", "Ontharding van schoolpleinen", "IVBO"],
    ]
    coordinator = world.client_for("coordinator")
    send(coordinator, csv_bytes(rows))
    preview_page = answer(coordinator, {"Natuurpunt": "create=civil_society"})
    assert preview_page.context["preview"].errors == []
    # Someone changes an action after the preview: the import is refused as a whole.
    with tenant_scope(world.a):
        add_partner(world, world.other_action_a, alliance.fluvius)
    response = confirm(coordinator, preview_page)
    assert response.status_code == HTTPStatus.FOUND
    assert organisation_names(world) == {"Fluvius", "IVBO"}
    assert partners_of(world, "B3.01") == set()
    assert partners_of(world, "B6.01") == {("Fluvius", PartnerRole.EXECUTOR)}


def test_a_crafted_choice_decides_nothing(world, alliance):
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Natuurpunt"]]
    coordinator = world.client_for("coordinator")
    send(coordinator, csv_bytes(rows))
    foreign = f"use:{alliance.beta_port.pk}"
    for hostile in [foreign, "create:rocket", "use:-1", "<script>", "use:" + "9" * 30]:
        response = coordinator.post(MISSING_URL, {"extra_0": hostile, "extra_0_detail": "rocket"})
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors
    # A forged resolution in the session is no answer either: the file shows a row error.
    session = coordinator.session
    key = f"plans_import:{world.a.pk}"
    stored = session[key]
    stored["resolutions"] = {"partner:natuurpunt": [foreign, "Natuurpunt"]}
    session[key] = stored
    session.save()
    preview = coordinator.get(f"{IMPORT_URL}?voorbeeld=1")
    assert preview.status_code == HTTPStatus.FOUND  # back to the question
    assert partners_of(world, "B3.01") == set()
    assert "Havenbedrijf Beta" not in {n for n, _r in partners_of(world, "B3.01")}


def test_another_municipality_s_organisation_is_never_matched(world, alliance):
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Havenbedrijf Beta (trekker)"]]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    assert response.url == MISSING_URL
    page = coordinator.get(MISSING_URL).content.decode()
    assert "De bestaande" not in page
    assert "Het netwerk heeft geen organisatie met deze naam." in page


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_only_who_may_import_actions_decides_partners(world, alliance, who):
    client = world.client_for(who)
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Natuurpunt"]]
    assert send(client, csv_bytes(rows)).status_code == HTTPStatus.FORBIDDEN
    assert client.post(MISSING_URL, {"extra_0": "leave"}).status_code == HTTPStatus.FORBIDDEN
    assert organisation_names(world) == {"Fluvius", "IVBO"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_imports_back_without_partner_changes(world, alliance, fmt):
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.LEAD_PARTNER)
    add_partner(world, world.other_action_a, alliance.fluvius, PartnerRole.SUPPORTER)
    coordinator = world.client_for("coordinator")
    exported = coordinator.get(f"{EXPORT_URL}?format={fmt}").getvalue()
    response = send(coordinator, exported, f"export.{fmt}")
    preview = response.context["preview"]
    assert preview.errors == []
    assert preview.counts == {"new": 0, "updated": 0, "unchanged": 2}
    assert preview.extras["partners"].changes == {}


def test_new_actions_get_their_partners(world, alliance):
    rows = [
        HEADER,
        ["N1", "Deelfietsen aan het station", "Fluvius (lead partner); IVBO (co-financer)"],
    ]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, xlsx_bytes(rows), "acties.xlsx")
    assert response.context["preview"].counts["new"] == 1
    confirm(coordinator, response)
    assert partners_of(world, "N1") == {
        ("Fluvius", PartnerRole.LEAD_PARTNER),
        ("IVBO", PartnerRole.CO_FINANCER),
    }


def test_foreign_headers_are_matched_to_the_partners_column():
    keys = auto_mapping(["Titel", "Partner(s)", "Partenaires", "Externe partners"])
    assert keys[:2] == ["title", "partners"]
    assert auto_mapping(["Title", "Partenaires"]) == ["title", "partners"]
    assert auto_mapping(["Title", "Externe partners"]) == ["title", "partners"]


def test_the_preview_of_500_rows_with_partners_takes_a_bounded_number_of_queries(db, client):
    municipality = MunicipalityFactory.create(name="Grote Stad", slug="groot")
    membership = MembershipFactory.create(municipality=municipality, role=Role.COORDINATOR)
    client.force_login(membership.user)
    bulk_plan(municipality=municipality, actions=0)
    with tenant_scope(municipality):
        for name in ("Fluvius", "IVBO", "Natuurpunt", "VIVES"):
            Organisation.objects.create(name=name, kind=OrganisationKind.OTHER)
    rows = [HEADER] + [
        [f"N{n:03d}", f"Actie {n}", "Fluvius (trekker); IVBO; Natuurpunt (uitvoerder)"]
        for n in range(500)
    ]
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/groot/plan/acties/import/",
            {"file": SimpleUploadedFile("groot.csv", csv_bytes(rows))},
        )
    assert response.context["preview"].errors == []
    assert len(queries) < 60
    with CaptureQueriesContext(connection) as writes:
        done = confirm(client, response, "/groot/plan/acties/import/bevestigen/")
    assert done.status_code == HTTPStatus.FOUND
    with tenant_scope(municipality):
        assert Action.objects.count() == 500
        assert ActionPartner.objects.count() == 1500
    assert len(writes) < 120


def test_brackets_that_belong_to_a_known_name_are_no_role(world, alliance):
    with tenant_scope(world.a):
        Organisation.objects.create(
            name="Vlaams Energie- en Klimaatagentschap (VEKA)", kind=OrganisationKind.OTHER
        )
    rows = [
        HEADER,
        ["B3.01", "Fietsstraten in het centrum", "Vlaams Energie- en Klimaatagentschap (VEKA)"],
    ]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    assert response.context["preview"].errors == []
    confirm(coordinator, response)
    assert partners_of(world, "B3.01") == {
        ("Vlaams Energie- en Klimaatagentschap (VEKA)", PartnerRole.SUPPORTER)
    }


def test_back_from_the_preview_the_choices_are_kept(world, alliance):
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "Natuurpunt; VIVES"]]
    coordinator = world.client_for("coordinator")
    send(coordinator, csv_bytes(rows))
    preview_page = answer(coordinator, {"Natuurpunt": "create=school", "VIVES": "leave"})
    assert "Deze keuzes wijzigen" in preview_page.content.decode()
    form = coordinator.get(MISSING_URL).context["form"]
    chosen = {q.name: (form[c].value(), form[d].value()) for q, c, d in form.questions}
    assert chosen == {"Natuurpunt": ("create", "school"), "VIVES": ("leave", None)}


def test_a_change_of_partners_only_leaves_the_action_and_its_history_alone(world, alliance):
    version = world.action_a.version
    rows = [HEADER, ["B3.01", "Fietsstraten in het centrum", "IVBO (uitvoerder)"]]
    coordinator = world.client_for("coordinator")
    response = send(coordinator, csv_bytes(rows))
    assert response.context["preview"].counts["updated"] == 1
    confirm(coordinator, response)
    assert partners_of(world, "B3.01") == {("IVBO", PartnerRole.EXECUTOR)}
    with tenant_scope(world.a):
        assert Action.objects.get(pk=world.action_a.pk).version == version
        assert not AuditEntry.objects.filter(
            content_type__model="action", object_id=str(world.action_a.pk)
        ).exists()
        assert AuditEntry.objects.filter(content_type__model="actionpartner").count() == 1
