"""URL matrix rows: the dashboard (its overview is tenancy:home, in foundation)."""

EXPECTED: dict[str, dict[str, int]] = {}

SAMPLE_KWARGS: dict = {}
