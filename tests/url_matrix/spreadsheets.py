"""URL matrix rows: spreadsheets (export, import template, import)."""

from tests.url_matrix.rows import (
    ALL_MEMBERS,
    COORDINATOR_ONLY,
    FORBIDDEN,
    NOT_ALLOWED,
    REDIRECT,
    tenant,
)

EXPECTED: dict[str, dict[str, int]] = {
    "plans:actions_export": ALL_MEMBERS,
    "plans:actions_import_template": ALL_MEMBERS,
    "plans:actions_import": COORDINATOR_ONLY,
    # Without a file waiting for its columns, the coordinator is sent back to the upload.
    "plans:actions_import_columns": tenant(REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "plans:actions_import_missing": tenant(REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "plans:actions_import_kind": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "plans:actions_import_confirm": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
}

SAMPLE_KWARGS: dict = {}
