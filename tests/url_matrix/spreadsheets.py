"""URL matrix rows: spreadsheets (export, import template, import)."""

from tests.url_matrix.rows import ALL_MEMBERS, COORDINATOR_ONLY, FORBIDDEN, NOT_ALLOWED, tenant

EXPECTED: dict[str, dict[str, int]] = {
    "plans:actions_export": ALL_MEMBERS,
    "plans:actions_import_template": ALL_MEMBERS,
    "plans:actions_import": COORDINATOR_ONLY,
    "plans:actions_import_confirm": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
}

SAMPLE_KWARGS: dict = {}
