"""Peak memory and time of reading hostile and very large uploads, each in a fresh process.

    .venv/bin/python bench/hostile_uploads.py

Prints one line per file: its size, whether it was read or refused, the seconds spent reading
and the process's peak resident memory (interpreter and Django included). Target: every peak
well under 200 MB.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from daadkracht.testing import hostile_files  # noqa: E402

FILES = {
    "dimension bomb (A1:XFD10000)": lambda: hostile_files.dimension_bomb(),
    "declared 16,384 columns, 5,000 rows": lambda: hostile_files.dimension_bomb(rows=5000),
    "shared strings bomb (5 million)": lambda: hostile_files.shared_strings_bomb(),
    "cell flood (3 million in one row)": lambda: hostile_files.cell_flood(),
    "value on row 1,048,576": hostile_files.far_row,
    "largest accepted (5,000 x 99, no dimension)": lambda: hostile_files.largest_accepted(),
}

READER = """
import json, os, sys, time

def peak_mb():
    # The high-water mark of this process's memory (not inherited from its parent, as
    # getrusage's maximum is across exec).
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daadkracht.config.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")
import django
django.setup()
from daadkracht.common.sheets import SheetError, read_sheet
data = open(sys.argv[1], "rb").read()
started = time.perf_counter()
try:
    outcome = f"read, {len(read_sheet(data, 'upload.xlsx').rows)} rows"
except SheetError:
    outcome = "refused"
print(json.dumps({
    "outcome": outcome,
    "seconds": time.perf_counter() - started,
    "peak_mb": peak_mb(),
}))
"""


def main() -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name, build in FILES.items():
            path = Path(folder) / "upload.xlsx"
            data = build()
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, "-c", READER, str(path)],
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                cwd=ROOT,
            )
            report = json.loads(done.stdout.strip().splitlines()[-1])
            worst = max(worst, report["peak_mb"])
            print(
                f"{name:46} {len(data) / 1024:8.1f} KB  {report['outcome']:18}"
                f" {report['seconds']:6.2f} s  peak {report['peak_mb']:5.0f} MB"
            )
    print(f"worst peak: {worst:.0f} MB")
    return 0 if worst < 200 else 1


if __name__ == "__main__":
    raise SystemExit(main())
