"""URLs: exporting actions to a spreadsheet and importing them from one."""

from django.urls import URLPattern, path

from daadkracht.plans.views import importing, spreadsheets

urlpatterns: list[URLPattern] = [
    path("acties/export/", spreadsheets.actions_export, name="actions_export"),
    path(
        "acties/import/sjabloon/",
        spreadsheets.actions_import_template,
        name="actions_import_template",
    ),
    path("acties/import/", importing.actions_import, name="actions_import"),
    path(
        "acties/import/kolommen/",
        importing.actions_import_columns,
        name="actions_import_columns",
    ),
    path(
        "acties/import/ontbrekend/",
        importing.actions_import_missing,
        name="actions_import_missing",
    ),
    path(
        "acties/import/soort/",
        importing.actions_import_kind,
        name="actions_import_kind",
    ),
    path(
        "acties/import/bevestigen/",
        importing.actions_import_confirm,
        name="actions_import_confirm",
    ),
]
