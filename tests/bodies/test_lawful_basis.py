"""Sitting in a governance body is a public task: adding a person records that lawful basis for
the purpose governance, ending their last membership ends it. A person of another municipality
cannot be added."""

from datetime import date, timedelta
from http import HTTPStatus

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyMembership, GovernanceBody
from daadkracht.stakeholders.models import Contact, ProcessingBasis
from tests.bodies.conftest import url


def _basis(world, contact) -> ProcessingBasis | None:
    with tenant_scope(world.a):
        return ProcessingBasis.objects.filter(contact=contact, purpose="governance").first()


def test_a_new_member_gets_public_task_as_basis_and_loses_it_when_it_ends(world, alliance):
    client = world.client_for("coordinator")
    assert _basis(world, alliance.jan) is None
    response = client.post(
        url("bodies:member_add", world, pk=alliance.workbench.pk),
        {"contact": alliance.jan.pk, "role": "chair", "starts_on": "2025-09-01"},
    )
    assert response.status_code == HTTPStatus.FOUND
    basis = _basis(world, alliance.jan)
    assert basis is not None
    assert (basis.basis, basis.since, basis.until) == ("public_task", date(2025, 9, 1), None)
    assert "Klimaatwerkbank warmte" in basis.note
    # The person's page shows it.
    person = client.get(url("stakeholders:contact", world, pk=alliance.jan.pk)).content.decode()
    assert "taak van algemeen belang" in person
    with tenant_scope(world.a):
        membership = BodyMembership.objects.get(body=alliance.workbench, contact=alliance.jan)
    ended = timezone.localdate() - timedelta(days=2)
    client.post(
        url("bodies:member_end", world, pk=alliance.workbench.pk, membership=membership.pk),
        {"ends_on": ended.isoformat()},
    )
    basis = _basis(world, alliance.jan)
    assert basis is not None
    assert basis.until == ended


def test_the_basis_stays_open_while_another_membership_runs(world, alliance):
    client = world.client_for("coordinator")
    for body in (alliance.workbench, alliance.sounding_board):
        client.post(
            url("bodies:member_add", world, pk=body.pk),
            {"contact": alliance.els.pk, "role": "member", "starts_on": "2025-01-01"},
        )
    with tenant_scope(world.a):
        membership = BodyMembership.objects.get(body=alliance.workbench, contact=alliance.els)
    client.post(
        url("bodies:member_end", world, pk=alliance.workbench.pk, membership=membership.pk),
        {"ends_on": (timezone.localdate() - timedelta(days=1)).isoformat()},
    )
    basis = _basis(world, alliance.els)
    assert basis is not None
    assert basis.until is None
    assert basis.since == date(2024, 1, 1)  # the first membership, in the policy group


def test_an_organisation_as_member_records_no_basis(world, alliance):
    world.client_for("coordinator").post(
        url("bodies:member_add", world, pk=alliance.workbench.pk),
        {"organisation": alliance.welzijn.pk, "role": "member", "starts_on": "2025-01-01"},
    )
    with tenant_scope(world.a):
        assert ProcessingBasis.objects.filter(purpose="governance").count() == 0


def test_a_person_of_another_municipality_is_refused(world, alliance):
    with tenant_scope(world.b):
        stranger = Contact.objects.create(full_name="Bart Buitenstad")
    client = world.client_for("coordinator")
    page = client.get(url("bodies:member_add", world, pk=alliance.workbench.pk)).content.decode()
    assert "Bart Buitenstad" not in page
    response = client.post(
        url("bodies:member_add", world, pk=alliance.workbench.pk),
        {"contact": stranger.pk, "role": "member", "starts_on": "2025-01-01"},
    )
    assert response.status_code == HTTPStatus.OK
    assert 'id="id_contact_error"' in response.content.decode()
    with tenant_scope(world.a):
        assert not BodyMembership.objects.filter(body=alliance.workbench).exists()
    with tenant_scope(world.b):
        assert not ProcessingBasis.objects.filter(contact=stranger).exists()


def test_an_erased_person_cannot_be_added(world, alliance):
    with tenant_scope(world.a):
        alliance.jan.erased_at = timezone.now()
        alliance.jan.full_name = ""
        alliance.jan.save()
    response = world.client_for("coordinator").post(
        url("bodies:member_add", world, pk=alliance.workbench.pk),
        {"contact": alliance.jan.pk, "role": "member", "starts_on": "2025-01-01"},
    )
    assert response.status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert not BodyMembership.objects.filter(body=alliance.workbench).exists()


def test_the_open_network_records_no_public_task(world, alliance):
    with tenant_scope(world.a):
        network = GovernanceBody.objects.create(name="Open Netwerk", kind="open_network")
        lien = Contact.objects.create(full_name="Lien Deprez", organisation=alliance.welzijn)
    world.client_for("coordinator").post(
        url("bodies:member_add", world, pk=network.pk),
        {"contact": lien.pk, "role": "member", "starts_on": "2025-01-01"},
    )
    with tenant_scope(world.a):
        assert BodyMembership.objects.filter(body=network, contact=lien).exists()
    assert _basis(world, lien) is None
