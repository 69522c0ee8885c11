"""Exporting actions to Excel and CSV, and the import template."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from daadkracht.plans.models import ActionDepartment, ActionStatus, DepartmentRole, Tag, Theme
from daadkracht.plans.spreadsheets.columns import COLUMNS
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    as_platform,
)

EXPORT_URL = "/alfa/plan/acties/export/"
TEMPLATE_URL = "/alfa/plan/acties/import/sjabloon/"
HEADERS = [column.header for column in COLUMNS]


def xlsx_sheet(response, title: str = "Acties"):
    assert response.status_code == HTTPStatus.OK
    content = response.getvalue()
    workbook = load_workbook(io.BytesIO(content))
    return workbook, workbook[title]


def xlsx_records(response) -> list[dict[str, object]]:
    _workbook, sheet = xlsx_sheet(response)
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]


def csv_records(response) -> list[dict[str, str]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    content = response.getvalue()
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]


@pytest.fixture
@as_platform
def rich(world):
    """Action B3.01 of A with every kind of value filled in."""
    action = world.action_a
    theme = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B3", name="Slim")
    tag = Tag.unscoped.create(municipality=world.a, name="fiets")
    action.themes.add(theme)
    action.tags.add(tag)
    ActionDepartment.unscoped.create(
        municipality=world.a,
        action=action,
        department=world.other_department_a,
        role=DepartmentRole.CONSULTED,
    )
    action.responsible = world.users["editor"]
    action.description = "Zes straten worden fietsstraat."
    action.progress = 45
    action.start_date = date(2024, 3, 1)
    action.deadline = date(2026, 12, 31)
    action.budget_planned = Decimal("125000.50")
    action.co2_reduction = Decimal("12.5")
    action.co_benefits = ["health", "air_quality"]
    action.visibility = "public"
    action.save()
    return world


class TestExcelExport:
    def test_one_row_per_action_of_this_municipality_only(self, rich):
        records = xlsx_records(rich.client_for("viewer").get(f"{EXPORT_URL}?format=xlsx"))

        assert [r["Nummer"] for r in records] == ["B3.01", "B6.01"]
        assert "B1.01" not in {r["Nummer"] for r in records}

    def test_every_field_is_written(self, rich):
        record = xlsx_records(rich.client_for("viewer").get(EXPORT_URL))[0]

        assert record["Titel"] == "Fietsstraten in het centrum"
        assert record["Beschrijving"] == "Zes straten worden fietsstraat."
        assert record["Thema's"] == "B3"
        assert record["Trekkende dienst"] == "Mobiliteit"
        assert str(record["Betrokken diensten"]).startswith("Groendienst (")
        assert record["Verantwoordelijke (e-mail)"] == "editor@alfa.test"
        assert record["Status"] == rich.action_a.status.name
        assert record["Voortgang (%)"] == 45
        assert record["Tags"] == "fiets"
        assert record["Budget gepland (€)"] == pytest.approx(125000.5)
        assert record["CO2-reductie (t/jaar)"] == pytest.approx(12.5)
        assert record["Nevenvoordelen"].count(";") == 1

    def test_dates_are_dates_and_numbers_are_numbers(self, rich):
        _workbook, sheet = xlsx_sheet(rich.client_for("viewer").get(EXPORT_URL))
        cells = dict(zip(HEADERS, sheet[2], strict=True))

        assert cells["Startdatum"].is_date
        assert cells["Startdatum"].value == datetime(2024, 3, 1)
        assert cells["Deadline"].number_format == "DD/MM/YYYY"
        assert cells["Budget gepland (€)"].data_type == "n"
        assert cells["Voortgang (%)"].data_type == "n"

    def test_header_is_styled_frozen_and_filterable(self, rich):
        _workbook, sheet = xlsx_sheet(rich.client_for("viewer").get(EXPORT_URL))

        assert sheet["A1"].font.bold
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["B"].width == 40

    @as_platform
    def test_text_that_looks_like_a_formula_stays_text(self, world):
        world.action_a.title = '=HYPERLINK("http://example.test","klik")'
        world.action_a.save()

        _workbook, sheet = xlsx_sheet(world.client_for("viewer").get(EXPORT_URL))

        assert sheet["B2"].data_type == "s"
        records = csv_records(world.client_for("viewer").get(f"{EXPORT_URL}?format=csv"))
        assert records[0]["Titel"].startswith("'=")


class TestCsvExport:
    def test_semicolons_decimal_commas_and_belgian_dates(self, rich):
        records = csv_records(rich.client_for("coach").get(f"{EXPORT_URL}?format=csv"))

        record = records[0]
        assert record["Nummer"] == "B3.01"
        assert record["Budget gepland (€)"] == "125000,50"
        assert record["CO2-reductie (t/jaar)"] == "12,5"
        assert record["Startdatum"] == "01/03/2024"
        assert record["Voortgang (%)"] == "45"
        assert [r["Nummer"] for r in records] == ["B3.01", "B6.01"]

    def test_file_name(self, world):
        response = world.client_for("viewer").get(f"{EXPORT_URL}?format=csv")

        assert 'filename="acties-alfa-' in response["Content-Disposition"]
        assert response["Content-Disposition"].endswith('.csv"')


class TestExportFilters:
    def test_department_filter(self, world):
        url = f"{EXPORT_URL}?format=csv&department={world.other_department_a.pk}"

        records = csv_records(world.client_for("viewer").get(url))

        assert [r["Nummer"] for r in records] == ["B6.01"]

    def test_search_and_status(self, world):
        viewer = world.client_for("viewer")

        found = csv_records(viewer.get(f"{EXPORT_URL}?format=csv&q=schoolpleinen"))
        other_status = (
            ActionStatus.unscoped.filter(plan=world.plan_a)
            .exclude(pk=world.action_a.status_id)
            .first()
        )
        none = csv_records(viewer.get(f"{EXPORT_URL}?format=csv&status={other_status.pk}"))

        assert [r["Nummer"] for r in found] == ["B6.01"]
        assert none == []

    def test_same_order_as_the_list(self, world):
        viewer = world.client_for("viewer")

        default = csv_records(viewer.get(f"{EXPORT_URL}?format=csv"))
        reversed_ = csv_records(viewer.get(f"{EXPORT_URL}?format=csv&sort=-identifier"))

        assert [r["Nummer"] for r in default] == ["B3.01", "B6.01"]
        assert [r["Nummer"] for r in reversed_] == ["B6.01", "B3.01"]

    def test_another_municipalitys_department_gives_nothing(self, world):
        url = f"{EXPORT_URL}?format=xlsx&department={world.department_b.pk}"

        assert xlsx_records(world.client_for("viewer").get(url)) == []

    def test_outsiders_get_no_export(self, world):
        assert world.client_for("other_municipality").get(EXPORT_URL).status_code == 404


@as_platform
def _municipality_with_actions(slug: str, count: int):
    municipality = MunicipalityFactory.create(name=f"Gemeente {slug}", slug=slug)
    membership = MembershipFactory.create(municipality=municipality, role=Role.VIEWER)
    bulk = bulk_plan(municipality=municipality, actions=count, themes=3, departments=4)
    tag = Tag.unscoped.create(municipality=municipality, name="pilot")
    action = ActionFactory.create(plan=bulk.plan, identifier="Z1", lead_department=None)
    action.tags.add(tag)
    ActionDepartment.unscoped.create(
        municipality=municipality, action=action, department=bulk.departments[0]
    )
    return membership.user


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_query_count_does_not_grow_with_the_number_of_actions(client, db, fmt):
    counts = []
    for slug, size in (("klein", 10), ("groot", 1000)):
        client.force_login(_municipality_with_actions(slug, size))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/{slug}/plan/acties/export/?format={fmt}")
            content = response.getvalue()
        assert response.status_code == HTTPStatus.OK
        if fmt == "csv":
            lines = content.count(b"\r\n")
        else:
            sheet = load_workbook(io.BytesIO(content), read_only=True)["Acties"]
            lines = sum(1 for _row in sheet.iter_rows())
        assert lines == size + 2, "the header, the generated actions and Z1"
        counts.append(len(queries))

    assert counts[0] == counts[1]


class TestTemplate:
    def test_has_the_columns_and_the_explanation(self, world):
        workbook, sheet = xlsx_sheet(world.client_for("coordinator").get(TEMPLATE_URL))

        headers = [cell.value for cell in sheet[1]]
        assert headers[:2] == ["Nummer", "Titel"]
        assert set(headers) == {c.header for c in COLUMNS if c.importable}
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == 1, "the template holds no example row that could be imported"
        assert workbook.sheetnames[:2] == ["Acties", "Uitleg"]

    @as_platform
    def test_lists_this_plans_values(self, world):
        Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B3", name="Slim")
        workbook, _sheet = xlsx_sheet(world.client_for("viewer").get(TEMPLATE_URL))

        text = "\n".join(
            str(value)
            for row in workbook["Uitleg"].iter_rows(values_only=True)
            for value in row
            if value
        )
        explained = {c.header for c in COLUMNS if c.importable}
        assert all(header in text for header in explained)
        assert "Mobiliteit" in text
        assert "Groendienst" in text
        assert "Omgeving" not in text, "departments of another municipality never show"
        assert "B3 Slim" in text
        for status in ActionStatus.unscoped.filter(plan=world.plan_a):
            assert status.name in text

    def test_has_dropdowns(self, world):
        workbook, sheet = xlsx_sheet(world.client_for("coordinator").get(TEMPLATE_URL))

        validations = sheet.data_validations.dataValidation
        status_letter = "H"
        assert sheet[f"{status_letter}1"].value == "Status"
        assert any(v.type == "list" and f"{status_letter}2" in str(v.sqref) for v in validations)
        assert workbook["Keuzelijsten"].sheet_state == "hidden"
