"""URL matrix rows: spreadsheets."""

EXPECTED: dict[str, dict[str, int]] = {}

SAMPLE_KWARGS: dict = {}
