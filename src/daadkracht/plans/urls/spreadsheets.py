"""URLs: exporting actions to a spreadsheet and importing them from one."""

from django.urls import URLPattern, path

from daadkracht.plans.views import spreadsheets

urlpatterns: list[URLPattern] = [
    path("acties/export/", spreadsheets.actions_export, name="actions_export"),
    path(
        "acties/import/sjabloon/",
        spreadsheets.actions_import_template,
        name="actions_import_template",
    ),
    path("acties/import/", spreadsheets.actions_import, name="actions_import"),
    path(
        "acties/import/bevestigen/",
        spreadsheets.actions_import_confirm,
        name="actions_import_confirm",
    ),
]
