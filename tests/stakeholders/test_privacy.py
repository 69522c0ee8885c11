"""Everything held about a person can be exported, and a person erased: their name and contact
data disappear everywhere, the history included, while counts and non-personal records stay."""

import json
from http import HTTPStatus

from django.contrib.contenttypes.models import ContentType

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.stakeholders.models import Consent, Contact, ProcessingBasis
from daadkracht.stakeholders.tokens import consent_withdraw_path
from tests.stakeholders.conftest import url

SOFIE = ("Sofie Maertens", "sofie@welzijnsschakels.example", "Vrijwilliger armoede")


def _history_of_sofie(world, network) -> None:
    """Sofie's data is changed through the pages, so that the history holds it."""
    client = world.client_for("coordinator")
    edit = url("stakeholders:contact_edit", world, pk=network.sofie.pk)
    form = client.get(edit).context["form"]
    client.post(
        edit,
        {
            "full_name": "Sofie Maertens",
            "organisation": network.welzijn.pk,
            "function": "Vrijwilliger armoede",
            "email": "sofie@welzijnsschakels.example",
            "phone": "0470 11 22 33",
            "language": "fr",
            "notes": "",
            "version": form.initial["version"],
            "base": form.initial["base"],
        },
    )
    client.post(
        url("stakeholders:consent_add", world, pk=network.sofie.pk),
        {
            "consent_text": network.newsletter.pk,
            "given_at": "2026-01-10T09:00",
            "given_how": "paper",
        },
    )
    client.post(
        url("stakeholders:basis_add", world, pk=network.sofie.pk),
        {"purpose": "events", "basis": "legitimate_interest", "since": "2025-01-01"},
    )


def _all_history_text(world) -> str:
    with tenant_scope(world.a):
        entries = AuditEntry.objects.all()
        return json.dumps([[e.object_repr, e.changes] for e in entries], ensure_ascii=False)


def test_the_coordinator_exports_everything_about_a_person(world, network):
    _history_of_sofie(world, network)
    client = world.client_for("coordinator")
    response = client.get(url("stakeholders:contact_export_json", world, pk=network.sofie.pk))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["name"] == "Sofie Maertens"
    assert data["person"]["phone"] == "0470 11 22 33"
    assert data["person"]["organisation"] == "Welzijnsschakels Brugge"
    assert {b["purpose"] for b in data["lawful_bases"]} == {"newsletter", "events"}
    assert len(data["consents"]) == 2
    assert data["consents"][0]["text_version"] == 1
    assert "vier keer per jaar" in data["consents"][0]["text"]
    assert any(entry["changes"].get("phone") for entry in data["history"])
    page = client.get(url("stakeholders:contact_export", world, pk=network.sofie.pk))
    text = page.content.decode()
    assert "0470 11 22 33" in text
    assert "vier keer per jaar" in text


def test_erasing_a_person_takes_their_data_out_of_everything_and_the_history(world, network):
    _history_of_sofie(world, network)
    assert "Sofie Maertens" in _all_history_text(world)
    assert "0470 11 22 33" in _all_history_text(world)
    client = world.client_for("coordinator")
    erase = url("stakeholders:contact_erase", world, pk=network.sofie.pk)
    assert client.get(erase).status_code == HTTPStatus.OK
    response = client.post(erase)
    assert response.status_code == HTTPStatus.FOUND

    history = _all_history_text(world)
    for value in (*SOFIE, "0470 11 22 33"):
        assert value not in history
    with tenant_scope(world.a):
        sofie = Contact.objects.get(pk=network.sofie.pk)
        assert sofie.erased_at is not None
        assert (sofie.full_name, sofie.email, sofie.phone, sofie.function) == ("", "", "", "")
        # What is not personal stays: the organisation, the consents and bases, the counts.
        assert sofie.organisation_id == network.welzijn.pk
        assert Consent.objects.filter(contact=sofie).count() == 2
        assert ProcessingBasis.objects.filter(contact=sofie).count() == 2
        assert not ProcessingBasis.objects.filter(contact=sofie, until__isnull=True).exists()
        # The history still knows the entries happened, by the person's id.
        own = AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Contact), object_id=str(sofie.pk)
        )
        # Her edit and her erasure.
        assert own.count() == 2
    page = client.get(url("stakeholders:contact", world, pk=network.sofie.pk)).content.decode()
    assert "Sofie" not in page
    export = client.get(url("stakeholders:contact_export_json", world, pk=network.sofie.pk))
    assert "Sofie" not in export.content.decode()
    assert "0470" not in export.content.decode()


def test_erasing_leaves_the_other_peoples_history_alone(world, network):
    client = world.client_for("coordinator")
    edit = url("stakeholders:contact_edit", world, pk=network.jan.pk)
    form = client.get(edit).context["form"]
    client.post(
        edit,
        {
            "full_name": "Jan Declercq",
            "organisation": network.ivbo.pk,
            "function": "Projectleider",
            "email": "jan.declercq@ivbo.example",
            "phone": "",
            "language": "nl",
            "notes": "",
            "version": form.initial["version"],
            "base": form.initial["base"],
        },
    )
    client.post(url("stakeholders:contact_erase", world, pk=network.sofie.pk))
    assert "Projectleider" in _all_history_text(world)


def test_the_withdrawal_link_of_an_erased_person_still_works_without_naming_them(world, network):
    with tenant_scope(world.a):
        path = consent_withdraw_path(network.consent)
    world.client_for("coordinator").post(
        url("stakeholders:contact_erase", world, pk=network.sofie.pk)
    )
    visitor = world.client_for("anonymous")
    assert visitor.get(path).status_code == HTTPStatus.OK
    visitor.post(path)
    with tenant_scope(world.a):
        assert Consent.objects.get(pk=network.consent.pk).withdrawn_at is not None
