"""URL matrix rows: priorities."""

EXPECTED: dict[str, dict[str, int]] = {}

SAMPLE_KWARGS: dict = {}
