"""URLs of a municipality's network (`…/netwerk/`)."""

from django.urls import URLPattern, path

from daadkracht.stakeholders.views import contacts, importing, organisations, privacy

app_name = "stakeholders"

urlpatterns: list[URLPattern] = [
    path("", organisations.organisations, name="organisations"),
    path("organisaties/nieuw/", organisations.organisation_create, name="organisation_create"),
    path("organisaties/<int:pk>/", organisations.organisation_detail, name="organisation"),
    path(
        "organisaties/<int:pk>/bewerken/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisaties/<int:pk>/verwijderen/",
        organisations.organisation_delete,
        name="organisation_delete",
    ),
    path("importeren/", importing.import_upload, name="import"),
    path("importeren/controle/", importing.import_preview, name="import_preview"),
    path("importeren/sjabloon/", importing.import_template, name="import_template"),
    path("contactpersonen/", contacts.contacts, name="contacts"),
    path("contactpersonen/nieuw/", contacts.contact_create, name="contact_create"),
    path("contactpersonen/<int:pk>/", contacts.contact_detail, name="contact"),
    path("contactpersonen/<int:pk>/bewerken/", contacts.contact_edit, name="contact_edit"),
    path("contactpersonen/<int:pk>/verwijderen/", contacts.contact_delete, name="contact_delete"),
    path("contactpersonen/<int:pk>/rechtsgrond/", contacts.basis_add, name="basis_add"),
    path("contactpersonen/<int:pk>/toestemming/", contacts.consent_add, name="consent_add"),
    path(
        "contactpersonen/<int:pk>/toestemming/<int:consent>/intrekken/",
        privacy.consent_withdraw_confirm,
        name="consent_withdraw",
    ),
    path("contactpersonen/<int:pk>/gegevens/", privacy.contact_export, name="contact_export"),
    path(
        "contactpersonen/<int:pk>/gegevens.json",
        privacy.contact_export_json,
        name="contact_export_json",
    ),
    path("contactpersonen/<int:pk>/wissen/", privacy.contact_erase_confirm, name="contact_erase"),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/bewaartermijn/", privacy.retention_save, name="retention_save"),
    path("privacy/toestemmingstekst/", privacy.consent_text_add, name="consent_text_add"),
]
