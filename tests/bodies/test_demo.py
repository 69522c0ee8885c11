"""The demo's governance bodies: Bruges' light structure, built on the demo municipality."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import User
from daadkracht.bodies.models import BodyKind, BodyMeeting, BodyMembership, GovernanceBody
from daadkracht.stakeholders.models import Contact, Organisation, ProcessingBasis
from daadkracht.tenancy.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def bruges(method_catalogue) -> Municipality:
    call_command("demo", stdout=StringIO())  # which builds the bodies
    return Municipality.objects.get(slug="brugge-demo")


def test_bruges_has_the_light_structure_of_its_climate_alliance(bruges):
    with tenant_scope(bruges):
        bodies = {b.kind: b for b in GovernanceBody.objects.all()}
        assert GovernanceBody.objects.filter(kind=BodyKind.WORKBENCH).count() == 3
        workbench_themes = sorted(
            theme.code
            for body in GovernanceBody.objects.filter(kind=BodyKind.WORKBENCH)
            for theme in body.themes.all()
        )
        assert workbench_themes == ["B1", "B3", "B6"]
        assert set(bodies) == set(BodyKind.values) - {BodyKind.OTHER}
        policy = bodies[BodyKind.POLICY_GROUP]
        sitting = {
            m.member_organisation.name
            for m in BodyMembership.objects.filter(body=policy, ends_on__isnull=True)
        }
        assert {"IVBO", "WVI", "Port of Antwerp-Bruges", "Fluvius", "Stad Brugge"} <= sitting
        # The sounding board's delegate in the policy group.
        delegate = BodyMembership.objects.get(delegated_to=policy)
        assert delegate.body == bodies[BodyKind.SOUNDING_BOARD]
        kinds = {
            m.member_organisation.kind
            for m in BodyMembership.objects.filter(body=bodies[BodyKind.SOUNDING_BOARD])
        }
        assert {"civil_society", "poverty", "business"} <= kinds
        assert BodyMeeting.objects.filter(body=policy).count() == 2
        # Everyone who sits in a governance body has public task as basis; nobody twice.
        people = Contact.objects.filter(body_memberships__isnull=False).distinct()
        assert (
            ProcessingBasis.objects.filter(
                purpose="governance", basis="public_task", contact__in=people
            ).count()
            == people.count()
        )
        names = list(Contact.objects.values_list("full_name", flat=True))
        assert len(names) == len(set(names))
        assert Organisation.objects.filter(name="Fluvius").count() == 1


def test_the_demo_bodies_show_on_their_pages(bruges):
    client = Client()
    client.force_login(User.objects.get(email="coordinator@brugge.demo"))
    listing = client.get(reverse("bodies:list", kwargs={"municipality": bruges.slug}))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Beleidsgroep klimaat" in page
    assert "Klimaatwerkbank fossielvrij verwarmen" in page
    with tenant_scope(bruges):
        policy = GovernanceBody.objects.get(kind=BodyKind.POLICY_GROUP)
    detail = client.get(
        reverse("bodies:detail", kwargs={"municipality": bruges.slug, "pk": policy.pk})
    ).content.decode()
    assert "Saar Verhaeghe" in detail  # the delegate
    assert "Griet Mortier" in detail.split('id="past-members"')[1]
    assert "Beleidsgroep klimaat: najaar" in detail
