"""Importing actions from Excel and CSV: preview, row errors, all-or-nothing, re-import."""

import csv
import io
import time
from datetime import date, datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.history.selectors import entries_mentioning
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    StatusCategory,
    Tag,
    Theme,
)
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.roles import Role
from daadkracht.testing import hostile_files
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import MembershipFactory, MunicipalityFactory, as_platform

IMPORT_URL = "/alfa/plan/acties/import/"
CONFIRM_URL = "/alfa/plan/acties/import/bevestigen/"
EXPORT_URL = "/alfa/plan/acties/export/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    """Uploads wait between preview and confirmation in the media storage."""
    settings.MEDIA_ROOT = tmp_path / "media"


def xlsx_bytes(rows: list[list[object]], title: str = "Acties") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[object]], encoding: str = "utf-8-sig") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    return text.getvalue().encode(encoding)


def upload(client, data: bytes, name: str = "acties.xlsx"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data, XLSX)})


def confirm(client, preview_response, **extra):
    pending = preview_response.context["pending"]
    data = {
        "token": pending.token,
        "fingerprint": preview_response.context["preview"].fingerprint,
        "apply": "1",
        **extra,
    }
    return client.post(CONFIRM_URL, data)


def actions_of(municipality) -> dict[str, Action]:
    with tenant_scope(municipality):
        return {
            a.identifier: a
            for a in Action.objects.select_related("status", "lead_department", "responsible")
        }


def form_errors(response) -> str:
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


@pytest.fixture
@as_platform
def themes(world):
    return [
        Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B3", name="Slim"),
        Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B7", name="Samen"),
    ]


NEW_ROWS = [
    [
        "Nummer",
        "Titel",
        "Thema's",
        "Trekkende dienst",
        "Betrokken diensten",
        "Verantwoordelijke (e-mail)",
        "Voortgang (%)",
        "Startdatum",
        "Deadline",
        "Budget gepland (€)",
        "CO2-reductie (t/jaar)",
        "Tags",
    ],
    [
        "B3.10",
        "Deelfietsen aan elk station",
        "B3; B7",
        "Mobiliteit",
        "Groendienst (geraadpleegd)",
        "EDITOR@alfa.test",
        "45%",
        "01/09/2025",
        "2027-06-30",
        "1.250,50",
        "12,5",
        "fiets; nieuw label",
    ],
    ["B7.02", "Klimaatteam per brug", "b7", "groendienst", "", "", 0, date(2025, 1, 15), None],
]


class TestImportNewActions:
    def test_preview_counts_and_writes_nothing(self, world, themes):
        coordinator = world.client_for("coordinator")

        response = upload(coordinator, xlsx_bytes(NEW_ROWS))

        assert response.status_code == HTTPStatus.OK
        preview = response.context["preview"]
        assert preview.errors == []
        assert preview.counts == {"new": 2, "updated": 0, "unchanged": 0}
        assert preview.new_tags == ["fiets", "nieuw label"]
        assert set(actions_of(world.a)) == {"B3.01", "B6.01"}

    def test_confirm_creates_actions_with_departments_themes_and_tags(self, world, themes):
        coordinator = world.client_for("coordinator")

        response = confirm(coordinator, upload(coordinator, xlsx_bytes(NEW_ROWS)))

        assert response.status_code == HTTPStatus.FOUND
        actions = actions_of(world.a)
        assert set(actions) == {"B3.01", "B6.01", "B3.10", "B7.02"}
        new = actions["B3.10"]
        with tenant_scope(world.a):
            assert {t.code for t in new.themes.all()} == {"B3", "B7"}
            assert {t.name for t in new.tags.all()} == {"fiets", "nieuw label"}
            involved = list(ActionDepartment.objects.filter(action=new))
        assert new.lead_department == world.department_a
        assert [(i.department, i.role) for i in involved] == [
            (world.other_department_a, "consulted")
        ]
        assert new.responsible == world.users["editor"]
        assert new.progress == 45
        assert new.start_date == date(2025, 9, 1)
        assert new.deadline == date(2027, 6, 30)
        assert new.budget_planned == Decimal("1250.50")
        assert new.co2_reduction == Decimal("12.5")
        # The file has no status column: the source does not say, so neither does the action.
        assert (new.status.name, new.status.category) == ("onbekend", StatusCategory.UNKNOWN)
        assert new.com_kind == "mitigation"  # its themes have no actions to go by
        other = actions["B7.02"]
        assert other.lead_department == world.other_department_a
        assert other.start_date == date(2025, 1, 15)
        assert other.phase == "idea"

    def test_history_records_the_new_actions(self, world, themes):
        coordinator = world.client_for("coordinator")

        confirm(coordinator, upload(coordinator, xlsx_bytes(NEW_ROWS)))

        new = actions_of(world.a)["B3.10"]
        entry = AuditEntry.unscoped.get(
            content_type=ContentType.objects.get_for_model(Action), object_id=str(new.pk)
        )
        assert entry.action == "created"
        assert entry.actor == world.users["coordinator"]
        assert entry.changes["title"] == ["", "Deelfietsen aan elk station"]
        assert entry.changes["themes"][1] == "B3 Slim, B7 Samen"

    def test_history_refers_to_the_people_and_objects_by_id_in_one_statement(self, world, themes):
        coordinator = world.client_for("coordinator")
        response = upload(coordinator, xlsx_bytes(NEW_ROWS))

        with CaptureQueriesContext(connection) as queries:
            confirm(coordinator, response)

        def inserts(table: str) -> int:
            return sum(q["sql"].startswith(f'INSERT INTO "{table}"') for q in queries)

        # One statement for the references of each statement of entries: one per new tag, and
        # one for all the actions.
        assert inserts("history_auditreference") == inserts("history_auditentry") == 3
        new = actions_of(world.a)["B3.10"]
        with tenant_scope(world.a):
            fiets = Tag.objects.get(name="fiets")
            for mentioned in [
                new,
                world.users["coordinator"],
                world.users["editor"],
                world.department_a,
                world.other_department_a,
                themes[0],
                fiets,
            ]:
                found = entries_mentioning(obj=mentioned).filter(action="created")
                assert str(new.pk) in {e.object_id for e in found}, mentioned
            assert [e.object_id for e in entries_mentioning(obj=world.users["editor"])] == [
                str(new.pk)
            ]

    def test_csv_in_windows_encoding_with_semicolons(self, world):
        rows = [["Nummer", "Titel", "Trekkende dienst"], ["B9.01", "Café-terrassen ontharden", ""]]

        coordinator = world.client_for("coordinator")
        response = upload(coordinator, csv_bytes(rows, encoding="cp1252"), "acties.csv")
        confirm(coordinator, response)

        assert actions_of(world.a)["B9.01"].title == "Café-terrassen ontharden"

    def test_tenant_isolation(self, world):
        """B's identifier is just a new identifier in A; B's department is unknown in A."""
        rows = [["Nummer", "Titel", "Trekkende dienst"], ["B1.01", "Eigen actie van Alfa", ""]]
        coordinator = world.client_for("coordinator")

        confirm(coordinator, upload(coordinator, xlsx_bytes(rows)))
        bad = upload(coordinator, xlsx_bytes([rows[0], ["C1", "Titel", "Omgeving"]]))

        assert actions_of(world.a)["B1.01"].title == "Eigen actie van Alfa"
        assert actions_of(world.b)["B1.01"].title == "Geheime actie van Beta"
        missing = coordinator.get(bad["Location"]).context["items"]
        assert [(e["item"].name, e["item"].suggestion) for e in missing] == [("Omgeving", None)]
        offered = dict(missing[0]["use"].field.choices)
        assert "Omgeving" not in offered.values(), "B's department is not offered in A"


class TestRowErrors:
    def rows_with(self, *bad_rows: list[object]) -> list[list[object]]:
        header = ["Nummer", "Titel", "Trekkende dienst", "Status", "Deadline", "Voortgang (%)"]
        good = [[f"X{n}", f"Actie {n}", "Mobiliteit", "", "", ""] for n in range(1, 13)]
        return [header, *good, *bad_rows]

    def test_one_bad_row_writes_nothing_and_names_the_row_and_a_suggestion(self, world):
        coordinator = world.client_for("coordinator")
        data = xlsx_bytes(self.rows_with(["X13", "Fietsstraten", "Mobilitiet", "", "", ""]))

        response = upload(coordinator, data)

        # An unknown department is asked about once, with the closest one suggested.
        missing = coordinator.get(response["Location"]).context["items"]
        assert [(e["item"].name, e["item"].rows) for e in missing] == [("Mobilitiet", [14])]
        assert missing[0]["item"].suggestion == world.department_a
        assert set(actions_of(world.a)) == {"B3.01", "B6.01"}

    def test_status_theme_and_phase_suggestions(self, world, themes):
        status = ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position")[2]
        misspelt = status.name[:-1] + "x"
        rows = [
            ["Nummer", "Titel", "Status", "Thema's", "Fase"],
            ["Y1", "Eén", misspelt, "", ""],
            ["Y2", "Twee", "", "", ""],
            ["Y3", "Drie", "", "", "executoin"],
        ]
        coordinator = world.client_for("coordinator")

        # A status the plan does not have is decided once, the closest one suggested.
        response = upload(coordinator, xlsx_bytes(rows))
        missing = coordinator.get(response["Location"])
        ((item, choice, use),) = missing.context["form"].items
        assert (item.kind, item.name, item.suggestion) == ("status", misspelt, status)
        assert missing.context["form"].initial[use] == str(status.pk)
        response = coordinator.post(response["Location"], {choice: "use", use: str(status.pk)})

        errors = response.context["preview"].errors
        assert len(errors) == 1
        assert "“executoin”" in errors[0]
        assert "4" in errors[0]

    def test_dates_numbers_and_percentages(self, world):
        coordinator = world.client_for("coordinator")
        data = xlsx_bytes(
            self.rows_with(
                ["Z1", "Datum in Excel", "", "", datetime(2030, 12, 31), 0.5],
                ["Z2", "Tekstdatum", "", "", "31/12/2030", "100"],
                ["Z3", "ISO-datum", "", "", "2030-12-31", "12,0"],
            )
        )
        # An Excel cell formatted as a percentage holds 0.5 for 50 %.
        workbook = load_workbook(io.BytesIO(data))
        workbook.active["F14"].number_format = "0%"
        buffer = io.BytesIO()
        workbook.save(buffer)

        confirm(coordinator, upload(coordinator, buffer.getvalue()))

        actions = actions_of(world.a)
        assert {actions[i].deadline for i in ("Z1", "Z2", "Z3")} == {date(2030, 12, 31)}
        assert [actions[i].progress for i in ("Z1", "Z2", "Z3")] == [50, 100, 12]

    def test_wrong_dates_and_percentages(self, world):
        data = xlsx_bytes(
            self.rows_with(
                ["Z1", "Geen datum", "", "", "31/02/2030", ""],
                ["Z2", "Te veel", "", "", "", "150"],
                ["Z3", "", "", "", "", ""],
                ["Z1", "Dubbel", "", "", "", ""],
            )
        )

        errors = upload(world.client_for("coordinator"), data).context["preview"].errors

        assert len(errors) == 4
        assert "14" in errors[0]
        assert "31/02/2030" in errors[0]
        assert "15" in errors[1]
        assert "150" in errors[1]
        assert "16" in errors[2]
        assert "17" in errors[3]
        assert "14" in errors[3], "a duplicate names the row where the identifier came first"

    def test_deadline_before_start(self, world):
        rows = [
            ["Nummer", "Titel", "Startdatum", "Deadline"],
            ["Q1", "Q", "01/01/2030", "1/1/2029"],
        ]

        errors = upload(world.client_for("coordinator"), xlsx_bytes(rows)).context["preview"].errors

        assert len(errors) == 1
        assert "01/01/2030" in errors[0]


class TestFileErrors:
    def test_wrong_file_type(self, world):
        response = upload(world.client_for("coordinator"), b"%PDF-1.7 ...", "plan.pdf")

        assert response.status_code == HTTPStatus.OK
        assert form_errors(response)
        assert "preview" not in response.context

    def test_old_excel_format(self, world):
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100

        response = upload(world.client_for("coordinator"), data, "acties.xls")

        assert ".xlsx" in form_errors(response)

    def test_damaged_excel_file(self, world):
        response = upload(world.client_for("coordinator"), b"PK\x03\x04 kapot", "acties.xlsx")

        assert form_errors(response)

    @pytest.mark.parametrize(
        "build",
        [
            hostile_files.dimension_bomb,
            hostile_files.cell_flood,
            hostile_files.malformed,
            lambda: hostile_files.with_number("1e999"),
        ],
        ids=["dimension", "cells", "malformed", "infinite"],
    )
    def test_hostile_workbook_is_refused_with_a_message_and_changes_nothing(self, world, build):
        before = Action.unscoped.count()

        response = upload(world.client_for("coordinator"), build())

        assert response.status_code == HTTPStatus.OK
        errors = form_errors(response)
        assert "te groot of beschadigd" in errors or "Is het beschadigd?" in errors
        assert response.context.get("pending") is None
        assert Action.unscoped.count() == before

    def test_empty_file_and_file_without_rows(self, world):
        coordinator = world.client_for("coordinator")

        empty = upload(coordinator, b"", "acties.csv")
        header_only = upload(coordinator, xlsx_bytes([["Nummer", "Titel"]]))

        assert form_errors(empty)
        assert form_errors(header_only)

    def test_a_file_with_its_own_headers_goes_to_the_matching_of_its_columns(self, world):
        rows = [
            ["Nummer", "Titl", "Trekende dienst", "Opmerking"],
            ["A1", "Iets", "Mobiliteit", "x"],
        ]
        coordinator = world.client_for("coordinator")

        response = upload(coordinator, xlsx_bytes(rows))
        page = coordinator.get(response["Location"])

        assert response.status_code == HTTPStatus.FOUND
        form = page.context["form"]
        assert [form.initial[f"column_{i}"] for i in range(4)] == [
            "identifier",
            "title",
            "lead_department",
            None,
        ]
        assert [c["samples"] for c in page.context["columns"]] == [
            ["A1"],
            ["Iets"],
            ["Mobiliteit"],
            ["x"],
        ]

    def test_too_large(self, world):
        data = b"Nummer;Titel\n" + b"A;" + b"x" * (5 * 1024 * 1024)

        response = upload(world.client_for("coordinator"), data, "groot.csv")

        assert form_errors(response)
        assert "preview" not in response.context


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_only_coordinators_import(world, who):
    client = world.client_for(who)

    assert client.get(IMPORT_URL).status_code == HTTPStatus.FORBIDDEN
    assert upload(client, xlsx_bytes(NEW_ROWS)).status_code == HTTPStatus.FORBIDDEN
    assert client.post(CONFIRM_URL, {"token": "x"}).status_code == HTTPStatus.FORBIDDEN
    assert set(actions_of(world.a)) == {"B3.01", "B6.01"}


def _export(client, fmt: str) -> bytes:
    response = client.get(f"{EXPORT_URL}?format={fmt}")
    return response.getvalue()


def test_dates_before_1900_or_after_2100_are_row_errors(world):
    rows = [
        ["Nummer", "Titel", "Startdatum", "Deadline"],
        ["X.1", "Oud", "01/01/0001", ""],
        ["X.2", "Ver", "", "2101-01-01"],
        ["X.3", "Goed", "01/01/1900", "31/12/2100"],
    ]

    preview = upload(world.client_for("coordinator"), csv_bytes(rows), "a.csv").context["preview"]

    assert len(preview.errors) == 2
    assert all("vóór 1900 of na 2100" in e for e in preview.errors), preview.errors


class TestThemeNames:
    @as_platform
    def test_a_name_two_themes_carry_is_not_guessed(self, world):
        for code in ("B1", "B2"):
            Theme.unscoped.create(
                municipality=world.a, plan=world.plan_a, code=code, name="Energie"
            )
        rows = [["Nummer", "Titel", "Thema's"], ["X.1", "Zonnepanelen", "Energie"]]

        response = upload(world.client_for("coordinator"), xlsx_bytes(rows))

        preview = response.context["preview"]
        assert preview.counts["new"] == 0
        assert any("several themes" in e or "meerdere thema" in e for e in preview.errors)

    @as_platform
    def test_a_code_wins_over_a_name_and_the_unique_name_still_works(self, world):
        Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B1", name="Energie")
        Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B2", name="Wonen")
        rows = [["Nummer", "Titel", "Thema's"], ["X.1", "Isolatie", "Wonen; B1"]]

        preview = upload(world.client_for("coordinator"), xlsx_bytes(rows)).context["preview"]

        assert preview.errors == []
        assert preview.counts["new"] == 1


class TestReimport:
    @as_platform
    def test_exported_file_imports_without_changes(self, world, themes):
        coordinator = world.client_for("coordinator")
        confirm(coordinator, upload(coordinator, xlsx_bytes(NEW_ROWS)))
        Action.unscoped.filter(pk=world.action_a.pk).update(
            description='=1+1 "tussen aanhalingstekens"; met puntkomma\nen een tweede regel',
            funding_source="eu",
            com_sector="transport",
            com_area="walking_cycling",
            com_instrument="mobility",
            com_kind="both",
            co_benefits=["health", "air_quality"],
            visibility="public",
            priority="high",
            budget_spent=Decimal("1234567.89"),
            energy_saved=Decimal("0.5"),
        )

        for fmt in ("xlsx", "csv"):
            response = upload(coordinator, _export(coordinator, fmt), f"export.{fmt}")
            preview = response.context["preview"]
            assert preview.errors == []
            assert preview.counts == {"new": 0, "updated": 0, "unchanged": 4}, fmt

    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    @as_platform
    def test_names_that_start_like_a_formula_come_back_unchanged(self, world, fmt):
        """The export puts an apostrophe before them; the import takes exactly that one off."""
        action = world.action_a
        names = ["-ontharding", "=x", "'=quoted"]
        for name in names:
            theme = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name=name)
            action.themes.add(theme)
            action.tags.add(Tag.unscoped.create(municipality=world.a, name=name))
        Action.unscoped.filter(pk=action.pk).update(title="=x", description="-ontharding")
        ActionStatus.unscoped.filter(pk=action.status_id).update(name="+groen")
        coordinator = world.client_for("coordinator")

        exported = _export(coordinator, fmt)
        response = upload(coordinator, exported, f"export.{fmt}")

        assert b"'-ontharding" in exported or fmt == "xlsx"
        preview = response.context["preview"]
        assert preview.errors == []
        assert preview.counts == {"new": 0, "updated": 0, "unchanged": 2}, fmt
        confirm(coordinator, response)
        with tenant_scope(world.a):
            stored = Action.objects.get(pk=action.pk)
            assert {t.name for t in stored.themes.all()} == set(names)
            assert {t.name for t in stored.tags.all()} == set(names)
            assert (stored.title, stored.description) == ("=x", "-ontharding")
            assert stored.status.name == "+groen"
            assert Tag.objects.count() == len(names), "no tag was added under another name"

    def test_edited_cells_update_exactly_those_actions(self, world, themes):
        coordinator = world.client_for("coordinator")
        confirm(coordinator, upload(coordinator, xlsx_bytes(NEW_ROWS)))
        workbook = load_workbook(io.BytesIO(_export(coordinator, "xlsx")))
        sheet = workbook["Acties"]
        headers = [c.value for c in sheet[1]]
        rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
        rows["B3.01"][headers.index("Titel")].value = "Fietsstraten in de hele binnenstad"
        rows["B3.10"][headers.index("Thema's")].value = "B3"
        rows["B3.10"][headers.index("Voortgang (%)")].value = 60
        buffer = io.BytesIO()
        workbook.save(buffer)
        versions = {k: a.version for k, a in actions_of(world.a).items()}

        preview_response = upload(coordinator, buffer.getvalue())
        preview = preview_response.context["preview"]
        changed = {row.identifier: [c.column.key for c in row.changes] for row in preview.rows}
        response = confirm(coordinator, preview_response)

        assert response.status_code == HTTPStatus.FOUND
        assert preview.counts == {"new": 0, "updated": 2, "unchanged": 2}
        assert changed["B3.01"] == ["title"]
        assert sorted(changed["B3.10"]) == ["progress", "themes"]
        actions = actions_of(world.a)
        assert len(actions) == 4, "no duplicates"
        assert actions["B3.01"].title == "Fietsstraten in de hele binnenstad"
        assert actions["B3.10"].progress == 60
        with tenant_scope(world.a):
            assert [t.code for t in actions["B3.10"].themes.all()] == ["B3"]
            assert {t.name for t in actions["B3.10"].tags.all()} == {"fiets", "nieuw label"}
        assert actions["B3.01"].version == versions["B3.01"] + 1
        assert actions["B7.02"].version == versions["B7.02"]
        entry = AuditEntry.unscoped.filter(object_id=str(actions["B3.10"].pk)).first()
        assert set(entry.changes) == {"progress", "themes"}
        with tenant_scope(world.a):
            b7_entries = list(entries_mentioning(obj=themes[1]))
        assert [(e, e.changes["themes"]) for e in b7_entries[:1]] == [
            (entry, ["B3 Slim, B7 Samen", "B3 Slim"])
        ]
        with tenant_scope(world.a):
            theme_mentions = set(
                entry.references.filter(content_type__model="theme").values_list(
                    "role", "object_id"
                )
            )
        assert theme_mentions == {
            ("old", str(themes[0].pk)),
            ("old", str(themes[1].pk)),
            ("new", str(themes[0].pk)),
        }

    def test_changes_after_the_preview_ask_for_a_new_upload(self, world):
        coordinator = world.client_for("coordinator")
        rows = [["Nummer", "Titel", "Voortgang (%)"], ["B3.01", "Fietsstraten", 80]]
        preview_response = upload(coordinator, xlsx_bytes(rows))
        with tenant_scope(world.a):
            timeline_update_post(
                actor=world.users["editor"],
                action=Action.objects.get(pk=world.action_a.pk),
                text="Al verder dan gedacht.",
                new_progress=90,
            )

        response = confirm(coordinator, preview_response)

        assert response.status_code == HTTPStatus.FOUND
        action = actions_of(world.a)["B3.01"]
        assert action.progress == 90
        assert action.title == "Fietsstraten in het centrum"
        page = coordinator.get(IMPORT_URL)
        assert page.context["pending"] is None, "the outdated upload is discarded"

    def test_cancel_and_expired_previews(self, world):
        coordinator = world.client_for("coordinator")
        preview_response = upload(coordinator, xlsx_bytes([NEW_ROWS[0], ["N1", "Nieuw"]]))

        wrong = confirm(coordinator, preview_response, token="verkeerd")
        pending = coordinator.get(IMPORT_URL).context["pending"]
        cancelled = confirm(coordinator, preview_response, cancel="1")
        again = confirm(coordinator, preview_response)

        assert wrong.status_code == cancelled.status_code == again.status_code == HTTPStatus.FOUND
        assert pending is not None
        assert coordinator.get(IMPORT_URL).context["pending"] is None
        assert "N1" not in actions_of(world.a)

    def test_preview_can_be_shown_again(self, world):
        coordinator = world.client_for("coordinator")
        upload(coordinator, xlsx_bytes([["Nummer", "Titel"], ["N1", "Nieuw"]]))

        response = coordinator.get(f"{IMPORT_URL}?voorbeeld=1")

        assert response.context["preview"].counts["new"] == 1
        assert confirm(coordinator, response).status_code == HTTPStatus.FOUND
        assert "N1" in actions_of(world.a)


@pytest.fixture
def large(db, client):
    municipality = MunicipalityFactory.create(name="Grote Stad", slug="groot")
    membership = MembershipFactory.create(municipality=municipality, role=Role.COORDINATOR)
    client.force_login(membership.user)
    return municipality, client


def test_a_thousand_new_rows_import_in_a_fixed_number_of_queries(large):
    municipality, client = large
    bulk = bulk_plan(municipality=municipality, actions=0, themes=7, departments=15)
    departments = [d.name for d in bulk.departments]
    header = ["Nummer", "Titel", "Thema's", "Trekkende dienst", "Deadline", "Budget gepland (€)"]
    rows = [header] + [
        [f"N{n:04d}", f"Actie {n}", f"T{n % 7 + 1}", departments[n % 15], "31/12/2029", "1000,5"]
        for n in range(1000)
    ]

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as preview_queries:
        preview_response = client.post(
            "/groot/plan/acties/import/",
            {"file": SimpleUploadedFile("groot.xlsx", xlsx_bytes(rows), XLSX)},
        )
    checked = time.perf_counter()
    with CaptureQueriesContext(connection) as import_queries:
        response = client.post(
            "/groot/plan/acties/import/bevestigen/",
            {
                "token": preview_response.context["pending"].token,
                "fingerprint": preview_response.context["preview"].fingerprint,
                "apply": "1",
            },
        )
    done = time.perf_counter()

    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(municipality):
        assert Action.objects.count() == 1000
        assert Action.themes.through.objects.count() == 1000
    print(f"\n1,000 new rows: preview {checked - started:.2f} s, import {done - checked:.2f} s")
    print(f"queries: preview {len(preview_queries)}, import {len(import_queries)}")
    # Written in bulk: the number of queries does not grow with the rows (speed: bench/).
    assert len(preview_queries) < 60
    assert len(import_queries) < 120


def test_a_thousand_row_round_trip(large):
    municipality, client = large
    bulk_plan(municipality=municipality, actions=1000)
    exported = client.get("/groot/plan/acties/export/?format=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(exported.streaming_content)))
    sheet = workbook["Acties"]
    progress = [c.value for c in sheet[1]].index("Voortgang (%)")
    for row in sheet.iter_rows(min_row=2, max_row=101):
        row[progress].value = 100 if row[progress].value != 100 else 99
    buffer = io.BytesIO()
    workbook.save(buffer)

    started = time.perf_counter()
    preview_response = client.post(
        "/groot/plan/acties/import/",
        {"file": SimpleUploadedFile("groot.xlsx", buffer.getvalue(), XLSX)},
    )
    preview = preview_response.context["preview"]
    checked = time.perf_counter()
    response = client.post(
        "/groot/plan/acties/import/bevestigen/",
        {
            "token": preview_response.context["pending"].token,
            "fingerprint": preview.fingerprint,
            "apply": "1",
        },
    )
    done = time.perf_counter()

    assert preview.errors == []
    assert preview.counts == {"new": 0, "updated": 100, "unchanged": 900}
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(municipality):
        assert Action.objects.count() == 1000
        assert Tag.objects.count() == 0
    print(
        f"\n1,000-row round trip: preview {checked - started:.2f} s, import {done - checked:.2f} s"
    )
    assert done - started < 15


def test_a_municipality_without_a_plan_is_told_how_to_start(db, client):
    municipality = MunicipalityFactory.create(name="Nieuwe Gemeente", slug="nieuw")
    membership = MembershipFactory.create(municipality=municipality, role=Role.COORDINATOR)
    client.force_login(membership.user)

    page = client.get("/nieuw/plan/acties/import/")
    export = client.get("/nieuw/plan/acties/export/?format=csv")
    template = client.get("/nieuw/plan/acties/import/sjabloon/")

    assert page.status_code == HTTPStatus.OK
    assert page.context["plan"] is None
    assert b"".join(export.streaming_content).count(b"\r\n") == 1, "only the header row"
    assert template.status_code == HTTPStatus.FOUND


def test_a_trashed_department_re_imports_where_it_leads_but_is_not_chosen_anew(world):
    from daadkracht.tenancy.models import Department

    with world.as_member("coordinator"):
        Department.objects.filter(pk=world.other_department_a.pk).update(deleted_at=timezone.now())
    coordinator = world.client_for("coordinator")

    untouched = upload(coordinator, _export(coordinator, "csv"), "export.csv").context["preview"]
    rows = [["Nummer", "Titel", "Trekkende dienst"], ["X.9", "Nieuw", "Groendienst"]]
    anew = upload(coordinator, csv_bytes(rows), "nieuw.csv").context["preview"]

    assert untouched.errors == []
    assert untouched.counts["updated"] == 0
    assert len(anew.errors) == 1
    assert "prullenbak" in anew.errors[0]
