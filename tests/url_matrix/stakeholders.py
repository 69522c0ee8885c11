"""URL matrix rows: the network's organisations, contact persons and privacy pages."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.stakeholders.models import (
    Consent,
    ConsentText,
    Contact,
    Organisation,
    OrganisationKind,
    Purpose,
)
from tests.url_matrix.rows import (
    ALL_MEMBERS,
    COORDINATOR_ONLY,
    GONE,
    NOT_ALLOWED,
    REDIRECT,
    everyone,
    tenant,
)


def _organisation(world) -> dict:
    """An organisation of municipality A (made once per world)."""
    organisation = Organisation.unscoped.filter(municipality=world.a).first()
    if organisation is None:
        with tenant_scope(world.a):
            organisation = Organisation.objects.create(
                name="Fluvius", kind=OrganisationKind.GRID_OPERATOR
            )
    return {"pk": organisation.pk}


def _contact(world) -> dict:
    """A contact person of that organisation, with a consent for the newsletter."""
    contact = Contact.unscoped.filter(municipality=world.a, full_name="Els Vandamme").first()
    if contact is None:
        organisation_id = _organisation(world)["pk"]
        with tenant_scope(world.a):
            contact = Contact.objects.create(
                full_name="Els Vandamme",
                organisation_id=organisation_id,
                email="els@fluvius.example",
            )
            text = ConsentText.objects.create(
                purpose=Purpose.NEWSLETTER,
                version=1,
                text="Ik ontvang graag de nieuwsbrief.",
                published_at=timezone.now() - timedelta(days=10),
            )
            Consent.objects.create(
                contact=contact,
                purpose=Purpose.NEWSLETTER,
                consent_text=text,
                given_at=timezone.now() - timedelta(days=5),
                given_how="web_form",
            )
    return {"pk": contact.pk}


def _consent(world) -> dict:
    pk = _contact(world)["pk"]
    consent = Consent.unscoped.filter(contact_id=pk).first()
    return {"pk": pk, "consent": consent.pk}


# Personal data of contact persons: only who manages stakeholders (the coordinator).
POST_ONLY = tenant(NOT_ALLOWED, 403, 403, 403)

EXPECTED = {
    "stakeholders:organisations": ALL_MEMBERS,
    "stakeholders:organisation": ALL_MEMBERS,
    "stakeholders:organisation_create": COORDINATOR_ONLY,
    "stakeholders:organisation_edit": COORDINATOR_ONLY,
    "stakeholders:organisation_delete": COORDINATOR_ONLY,
    "stakeholders:import": COORDINATOR_ONLY,
    # Without a file waiting, the preview sends the coordinator back to the upload.
    "stakeholders:import_preview": tenant(REDIRECT, 403, 403, 403),
    "stakeholders:import_template": COORDINATOR_ONLY,
    "stakeholders:contacts": COORDINATOR_ONLY,
    "stakeholders:contact_create": COORDINATOR_ONLY,
    "stakeholders:contact": COORDINATOR_ONLY,
    "stakeholders:contact_edit": COORDINATOR_ONLY,
    "stakeholders:contact_delete": COORDINATOR_ONLY,
    "stakeholders:basis_add": POST_ONLY,
    "stakeholders:consent_add": POST_ONLY,
    "stakeholders:consent_withdraw": COORDINATOR_ONLY,
    "stakeholders:contact_export": COORDINATOR_ONLY,
    "stakeholders:contact_export_json": COORDINATOR_ONLY,
    "stakeholders:contact_erase": COORDINATOR_ONLY,
    "stakeholders:privacy": COORDINATOR_ONLY,
    "stakeholders:retention_save": POST_ONLY,
    "stakeholders:consent_text_add": POST_ONLY,
    # Public: a person's withdrawal link; one that is not genuine is gone for everyone.
    "network_link:withdraw": everyone(GONE),
}

SAMPLE_KWARGS = {
    "stakeholders:organisation": _organisation,
    "stakeholders:organisation_edit": _organisation,
    "stakeholders:organisation_delete": _organisation,
    "stakeholders:contact": _contact,
    "stakeholders:contact_edit": _contact,
    "stakeholders:contact_delete": _contact,
    "stakeholders:basis_add": _contact,
    "stakeholders:consent_add": _contact,
    "stakeholders:consent_withdraw": _consent,
    "stakeholders:contact_export": _contact,
    "stakeholders:contact_export_json": _contact,
    "stakeholders:contact_erase": _contact,
    "network_link:withdraw": lambda w: {"token": "not-a-valid-token"},
}
