"""URL matrix rows: actions."""

EXPECTED: dict[str, dict[str, int]] = {}

SAMPLE_KWARGS: dict = {}
