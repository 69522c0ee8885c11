"""The network's rows are stored per municipality, with the lawful basis and consent per person."""

from datetime import date

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    ProcessingBasis,
    Purpose,
    RetentionRule,
)


def test_an_organisation_with_a_contact_and_a_consent_is_saved_in_its_municipality(world):
    with tenant_scope(world.a):
        theme = world.plan_a.themes.first()
        fluvius = Organisation.objects.create(
            name="Fluvius", kind=OrganisationKind.GRID_OPERATOR, website="https://fluvius.be"
        )
        if theme is not None:
            fluvius.themes.add(theme)
        person = Contact.objects.create(
            full_name="Els Peeters", organisation=fluvius, function="Regiomanager", email="els@x.be"
        )
        ProcessingBasis.objects.create(
            contact=person,
            purpose=Purpose.GOVERNANCE,
            basis=LawfulBasis.PUBLIC_TASK,
            since=date(2024, 1, 1),
        )
        text = ConsentText.objects.create(
            purpose=Purpose.NEWSLETTER,
            version=1,
            text="Ik ontvang graag de nieuwsbrief.",
            published_at=timezone.now(),
        )
        Consent.objects.create(
            contact=person,
            purpose=Purpose.NEWSLETTER,
            consent_text=text,
            given_at=timezone.now(),
            given_how=ConsentChannel.WEB_FORM,
        )
        RetentionRule.objects.create(purpose=Purpose.NEWSLETTER, months=24)

        assert person.municipality_id == world.a.pk
        assert Consent.objects.get().municipality_id == world.a.pk
        assert str(person) == "Els Peeters"
        assert person.bases.get().get_basis_display() == "taak van algemeen belang"
    with tenant_scope(world.b):
        assert not Contact.objects.exists()
        assert not Organisation.objects.exists()
