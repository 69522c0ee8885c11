"""Spreadsheets built to hurt a reader: declared sizes, floods and damage, as a probe would send.

Each function returns the bytes of a small upload; the XML is written in blocks, so that building
a file that expands to hundreds of megabytes does not itself need them.
"""

import io
import itertools
import zipfile
from collections.abc import Iterable

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="{TYPES}">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SPREADSHEET}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{SPREADSHEET}.sharedStrings+xml"/>
</Types>"""
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PACKAGE_RELS}">
<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="{RELS}">
<sheets><sheet name="Acties" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
_WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PACKAGE_RELS}">
<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""


def xlsx(
    rows: Iterable[str],
    *,
    dimension: str | None = None,
    shared_strings: Iterable[str] = (),
    prologue: str = "",
    closed: bool = True,
) -> bytes:
    """A workbook whose one sheet holds `rows` (the XML of `<row>` elements) as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        _write(
            archive,
            "xl/sharedStrings.xml",
            [f'{prologue}<sst xmlns="{MAIN}">', *shared_strings, "</sst>"],
        )
        head = f'{prologue}<worksheet xmlns="{MAIN}">'
        if dimension:
            head += f'<dimension ref="{dimension}"/>'
        tail = ["</sheetData></worksheet>"] if closed else []
        _write(archive, "xl/worksheets/sheet1.xml", [head, "<sheetData>", *rows, *tail])
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, parts: Iterable[str]) -> None:
    # force_zip64: the real size is known only at the end, and may pass 2 GB in a probe.
    with archive.open(name, "w", force_zip64=True) as member:
        block: list[str] = []
        size = 0
        for part in parts:
            block.append(part)
            size += len(part)
            if size > 1 << 20:
                member.write("".join(block).encode())
                block, size = [], 0
        member.write("".join(block).encode())


def text_row(number: int, *values: str) -> str:
    cells = "".join(
        f'<c r="{_letters(i + 1)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def headers_row() -> str:
    return text_row(1, "Titel", "Thema")


def dimension_bomb(rows: int = 10_000) -> bytes:
    """A few kilobytes that declare sixteen thousand columns (A1:XFD…) over short rows."""
    lines = (text_row(n, "x") for n in range(2, rows + 1))
    return xlsx(itertools.chain([headers_row()], lines), dimension=f"A1:XFD{rows}")


def shared_strings_bomb(strings: int = 5_000_000) -> bytes:
    """Millions of shared strings that compress to almost nothing."""
    entries = ("<si><t>ab</t></si>" for _ in range(strings))
    return xlsx([headers_row()], shared_strings=entries)


def cell_flood(cells: int = 3_000_000) -> bytes:
    """One row of millions of empty cells without references."""
    flood = "<c/>" * 1000
    row = '<row r="2">' + "".join(flood for _ in range(cells // 1000)) + "</row>"
    return xlsx([headers_row(), row])


def far_row() -> bytes:
    """A header and one value a million rows further down."""
    return xlsx([headers_row(), text_row(1_048_576, "x")])


def beyond_excel() -> bytes:
    """A row number Excel cannot have."""
    return xlsx([headers_row(), text_row(9_999_999, "x")])


def with_doctype() -> bytes:
    """An internal entity in a DTD (the start of every entity-expansion bomb)."""
    prologue = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>'
    return xlsx([headers_row()], prologue=prologue)


def with_number(value: str) -> bytes:
    """A number cell holding `value` as written (1e999, NaN…)."""
    row = f'<row r="2"><c r="A2"><v>{value}</v></c></row>'
    return xlsx([headers_row(), row])


def with_iso_date(value: str) -> bytes:
    """A date cell (t="d") holding `value` as written."""
    row = f'<row r="2"><c r="A2" t="d"><v>{value}</v></c></row>'
    return xlsx([headers_row(), row])


def malformed() -> bytes:
    """XML that breaks off in the middle of a row."""
    return xlsx([headers_row(), '<row r="2"><c r="A2" t="inlineStr"><is><t>x'], closed=False)


def surrogate_reference() -> bytes:
    """A character reference to a lone surrogate, which no XML may hold."""
    return xlsx([headers_row(), text_row(2, "&#xD800;")])


def largest_accepted(rows: int = 5000, columns: int = 99, strings: int = 240_000) -> bytes:
    """Just within every bound, and without a declared dimension: the most a reader must build."""
    entries = (f"<si><t>tekst {n}</t></si>" for n in range(strings))

    def lines() -> Iterable[str]:
        yield text_row(1, *(f"Kolom {c}" for c in range(columns)))
        for n in range(2, rows + 1):
            cells = "".join(
                f'<c r="{_letters(c + 1)}{n}" t="s"><v>{(n * columns + c) % strings}</v></c>'
                for c in range(columns)
            )
            yield f'<row r="{n}">{cells}</row>'

    return xlsx(lines(), shared_strings=entries)
