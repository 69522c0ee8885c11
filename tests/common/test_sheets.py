"""Reading uploaded spreadsheets: hostile files are refused before they cost memory."""

import json
import subprocess
import sys
import textwrap
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from daadkracht.common.sheets import (
    MAX_COLUMNS,
    MAX_ROWS,
    RawCell,
    Sheet,
    SheetError,
    read_sheet,
)
from daadkracht.testing import hostile_files

TOO_LARGE = "too large or damaged"
DAMAGED = "Is it damaged?"


def message(data: bytes, name: str = "acties.xlsx") -> str:
    with translation.override("en"), pytest.raises(SheetError) as refused:
        read_sheet(data, name)
    return " ".join(refused.value.messages)


class TestBombs:
    def test_declared_width_is_not_built(self):
        """A 4,999-row sheet that declares 16,384 columns reads as the two columns it holds."""
        sheet = read_sheet(hostile_files.dimension_bomb(rows=5000), "acties.xlsx")

        assert len(sheet.rows) == 4999
        assert max(len(cells) for _n, cells in sheet.rows) == 1

    def test_more_rows_than_allowed(self):
        assert TOO_LARGE in message(hostile_files.dimension_bomb(rows=MAX_ROWS + 2))

    def test_shared_strings_flood(self):
        assert TOO_LARGE in message(hostile_files.shared_strings_bomb(strings=300_000))

    def test_cell_flood_in_one_row(self):
        assert TOO_LARGE in message(hostile_files.cell_flood(cells=20_000))

    def test_row_number_excel_cannot_have(self):
        assert DAMAGED in message(hostile_files.beyond_excel())

    def test_value_far_down_is_read_without_building_the_rows_between(self):
        sheet = read_sheet(hostile_files.far_row(), "acties.xlsx")

        assert [number for number, _cells in sheet.rows] == [1_048_576]

    def test_csv_with_thousands_of_columns(self):
        assert TOO_LARGE in message(b"Titel;Thema\n" + b";" * 20_000 + b"x\n", "acties.csv")

    def test_csv_column_beyond_limit(self):
        data = ";".join(f"K{n}" for n in range(MAX_COLUMNS + 1)).encode()

        assert TOO_LARGE in message(data, "acties.csv")

    def test_peak_memory_of_the_worst_files(self, tmp_path: Path):
        """Measured in a fresh process: its whole peak, interpreter and Django included."""
        files = {
            "dimension": hostile_files.dimension_bomb(),
            "dimension_accepted": hostile_files.dimension_bomb(rows=5000),
            "strings": hostile_files.shared_strings_bomb(),
            "cells": hostile_files.cell_flood(),
        }
        for name, data in files.items():
            (tmp_path / f"{name}.xlsx").write_bytes(data)
        script = textwrap.dedent(
            """
            import json, os, sys

            def peak_mb():
                # This process's own high-water mark: getrusage's would include the parent's.
                for line in open("/proc/self/status"):
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024

            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
            import django
            django.setup()
            from daadkracht.common.sheets import SheetError, read_sheet
            results = {}
            for path in sorted(sys.argv[1:]):
                try:
                    read_sheet(open(path, "rb").read(), path)
                    results[path] = "read"
                except SheetError:
                    results[path] = "refused"
            peak = peak_mb()
            print(json.dumps({"peak_mb": peak, "results": results}))
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, sorted(tmp_path.glob("*.xlsx")))],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        report = json.loads(done.stdout.strip().splitlines()[-1])

        assert sorted(report["results"].values()) == ["read", "refused", "refused", "refused"]
        assert report["peak_mb"] < 150, report


class TestDamage:
    @pytest.mark.parametrize(
        "data",
        [
            hostile_files.with_number("1e999"),
            hostile_files.with_number("NaN"),
            hostile_files.with_number("-inf"),
            hostile_files.with_iso_date("2024-13-45"),
            hostile_files.malformed(),
            hostile_files.surrogate_reference(),
            hostile_files.with_doctype(),
            b"PK\x03\x04 kapot",
        ],
        ids=["1e999", "nan", "-inf", "date", "malformed", "surrogate", "dtd", "truncated"],
    )
    def test_damaged_file_is_reported_as_damaged(self, data):
        assert DAMAGED in message(data)


class TestKeeping:
    def test_a_read_sheet_survives_json_with_its_types(self):
        sheet = Sheet(
            headers=["Titel", "Start"],
            rows=[
                (
                    2,
                    [
                        RawCell("Fietsstraat"),
                        RawCell(datetime(2026, 3, 1, 9, 30), "DD/MM/YYYY"),
                        RawCell(date(2026, 3, 1)),
                        RawCell(time(9, 30)),
                        RawCell(Decimal("1250.50")),
                        RawCell(12.5),
                        RawCell(3),
                        RawCell(True),
                        RawCell(None),
                    ],
                )
            ],
        )

        again = Sheet.from_data(json.loads(json.dumps(sheet.to_data())))

        assert again == sheet
