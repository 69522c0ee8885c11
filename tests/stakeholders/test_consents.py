"""Consents are recorded with the text shown, when and how, and withdrawn as easily: from the
person's page, or by the person with the signed link in a mail."""

from http import HTTPStatus

from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.stakeholders.models import Consent, ProcessingBasis
from daadkracht.stakeholders.tokens import consent_withdraw_path
from tests.stakeholders.conftest import url


def test_the_coordinator_records_a_consent_and_the_basis_becomes_consent(world, network):
    client = world.client_for("coordinator")
    response = client.post(
        url("stakeholders:consent_add", world, pk=network.jan.pk),
        {
            "consent_text": network.newsletter.pk,
            "given_at": "2026-03-14T10:30",
            "given_how": "paper",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        consent = Consent.objects.get(contact=network.jan)
        assert consent.consent_text == network.newsletter
        assert consent.given_how == "paper"
        basis = ProcessingBasis.objects.get(contact=network.jan)
        assert (basis.purpose, basis.basis) == ("newsletter", "consent")
    page = client.get(url("stakeholders:contact", world, pk=network.jan.pk)).content.decode()
    assert "vier keer per jaar" in page


def test_a_consent_cannot_be_recorded_in_the_future(world, network):
    client = world.client_for("coordinator")
    response = client.post(
        url("stakeholders:consent_add", world, pk=network.jan.pk),
        {
            "consent_text": network.newsletter.pk,
            "given_at": "2099-01-01T10:00",
            "given_how": "paper",
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    with tenant_scope(world.a):
        assert not Consent.objects.filter(contact=network.jan).exists()


def test_the_coordinator_records_a_lawful_basis(world, network):
    client = world.client_for("coordinator")
    response = client.post(
        url("stakeholders:basis_add", world, pk=network.jan.pk),
        {
            "purpose": "governance",
            "basis": "public_task",
            "since": "2025-01-01",
            "note": "Beleidsgroep",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        basis = ProcessingBasis.objects.get(contact=network.jan)
    assert basis.basis == "public_task"
    # Recording it again for the purpose changes it.
    client.post(
        url("stakeholders:basis_add", world, pk=network.jan.pk),
        {
            "purpose": "governance",
            "basis": "public_task",
            "since": "2025-01-01",
            "until": "2026-01-01",
            "note": "Mandaat beëindigd",
        },
    )
    with tenant_scope(world.a):
        basis = ProcessingBasis.objects.get(contact=network.jan)
    assert str(basis.until) == "2026-01-01"


def test_withdrawing_from_the_contact_page_asks_for_confirmation(world, network):
    client = world.client_for("coordinator")
    confirm = url(
        "stakeholders:consent_withdraw", world, pk=network.sofie.pk, consent=network.consent.pk
    )
    page = client.get(url("stakeholders:contact", world, pk=network.sofie.pk)).content.decode()
    assert confirm in page
    assert client.get(confirm).status_code == HTTPStatus.OK
    with tenant_scope(world.a):
        assert Consent.objects.get(pk=network.consent.pk).withdrawn_at is None
    assert client.post(confirm).status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        consent = Consent.objects.get(pk=network.consent.pk)
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_how == "contact_page"
    page = client.get(url("stakeholders:contact", world, pk=network.sofie.pk)).content.decode()
    assert confirm not in page


def test_the_person_withdraws_with_the_link_in_a_mail(world, network):
    with tenant_scope(world.a):
        path = consent_withdraw_path(network.consent)
    visitor = world.client_for("anonymous")
    page = visitor.get(path)
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "vier keer per jaar" in text
    assert "Sofie Maertens" not in text
    assert "sofie@welzijnsschakels.example" not in text
    response = visitor.post(path)
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        consent = Consent.objects.get(pk=network.consent.pk)
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_how == "signed_link"
    # Opening the link again says it is withdrawn; posting again changes nothing.
    assert visitor.get(path).status_code == HTTPStatus.OK
    visitor.post(path)
    with tenant_scope(world.a):
        assert Consent.objects.get(pk=network.consent.pk).withdrawn_at == consent.withdrawn_at


def test_a_forged_withdrawal_link_changes_nothing(world, network):
    visitor = world.client_for("anonymous")
    with tenant_scope(world.a):
        path = consent_withdraw_path(network.consent)
    forged = path.rstrip("/")[:-3] + "abc/"
    assert visitor.post(forged).status_code == HTTPStatus.GONE
    assert (
        visitor.get(reverse("network_link:withdraw", kwargs={"token": "nonsense"})).status_code
        == HTTPStatus.GONE
    )
    with tenant_scope(world.a):
        assert Consent.objects.get(pk=network.consent.pk).withdrawn_at is None
