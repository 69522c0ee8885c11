"""The errors of a file once per kind, each with every row it occurs in.

A file with the same unknown status in 120 rows shows one line with 120 row numbers, not 120
lines of which the first 200 are shown.
"""

from dataclasses import dataclass, field

from daadkracht.plans.spreadsheets.cells import CellError

_MARK = "\x00"


@dataclass
class ErrorGroup:
    text: str
    rows: list[int] = field(default_factory=list)

    @property
    def row_ranges(self) -> str:
        """The rows as ranges, such as 4-9, 12, 15-16 (written with en dashes)."""
        ranges: list[str] = []
        start = previous = None
        for row in [*sorted(set(self.rows)), None]:
            if previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None:
                ranges.append(str(start) if start == previous else f"{start}\u2013{previous}")
            start = previous = row
        return ", ".join(ranges)


class ErrorGroups:
    def __init__(self) -> None:
        self._groups: dict[str, ErrorGroup] = {}

    def add(self, row: int, error: CellError) -> None:
        text = error.format(_MARK)  # type: ignore[arg-type]
        if _MARK in text:
            # "Row 12: the title is empty" → "the title is empty", in any language.
            text = text.split(_MARK, 1)[1].lstrip(" :").strip()
            text = text[:1].upper() + text[1:]
        self._groups.setdefault(text, ErrorGroup(text)).rows.append(row)

    def groups(self) -> list[ErrorGroup]:
        return sorted(self._groups.values(), key=lambda g: (-len(g.rows), g.rows[0]))
