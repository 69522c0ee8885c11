"""URL matrix rows: plan_settings."""

EXPECTED: dict[str, dict[str, int]] = {}

SAMPLE_KWARGS: dict = {}
