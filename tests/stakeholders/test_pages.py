"""The coordinator builds the network through its pages: organisations and contact persons."""

from http import HTTPStatus

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.stakeholders.models import Contact, Organisation
from tests.stakeholders.conftest import url


def test_an_empty_network_tells_the_coordinator_how_to_start(world):
    client = world.client_for("coordinator")
    page = client.get(url("stakeholders:organisations", world)).content.decode()
    assert "Nog geen organisaties in het netwerk." in page
    assert "Eerste organisatie toevoegen" in page
    page = client.get(url("stakeholders:contacts", world)).content.decode()
    assert "Nog geen contactpersonen." in page
    assert "Bewaartermijnen instellen" in page


def test_the_main_navigation_leads_to_the_network(world):
    page = world.client_for("viewer").get(url("tenancy:home", world)).content.decode()
    assert url("stakeholders:organisations", world) in page
    assert ">Netwerk<" in page


def test_the_coordinator_adds_an_organisation_with_its_themes(world, network):
    client = world.client_for("coordinator")
    response = client.post(
        url("stakeholders:organisation_create", world),
        {
            "name": "Port of Antwerp-Bruges",
            "kind": "port",
            "website": "https://www.portofantwerpbruges.com",
            "themes": [network.energy.pk, network.mobility.pk],
            "notes": "Zeebrugge: walstroom en waterstof.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        port = Organisation.objects.get(name="Port of Antwerp-Bruges")
        assert set(port.themes.values_list("name", flat=True)) == {"Energie", "Mobiliteit"}
        assert AuditEntry.objects.filter(object_id=str(port.pk), action="created").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Port of Antwerp-Bruges" in page
    assert "Energie" in page
    listing = client.get(url("stakeholders:organisations", world)).content.decode()
    assert "Port of Antwerp-Bruges" in listing


def test_a_form_with_an_error_keeps_what_was_typed(world, network):
    client = world.client_for("coordinator")
    response = client.post(
        url("stakeholders:contact_create", world),
        {
            "full_name": "",
            "function": "Schepen van klimaat",
            "email": "geen-adres",
            "language": "nl",
        },
    )
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Schepen van klimaat" in page
    assert "geen-adres" in page


def test_two_people_editing_an_organisation_do_not_overwrite_each_other(world, network):
    client = world.client_for("coordinator")
    edit = url("stakeholders:organisation_edit", world, pk=network.ivbo.pk)
    first = client.get(edit).context["form"]
    base = first.initial
    form_data = {
        "name": "IVBO",
        "kind": "intermunicipal",
        "website": "",
        "themes": [network.energy.pk],
        "notes": "Afvalverwerking regio Brugge",
        "version": base["version"],
        "base": base["base"],
    }
    # Someone else changes the website in between.
    with world.as_member("coordinator"):
        from daadkracht.stakeholders.services.organisations import organisation_update

        organisation_update(
            actor=world.users["coordinator"],
            organisation=Organisation.objects.get(pk=network.ivbo.pk),
            expected_version=base["version"],
            name="IVBO",
            kind="intermunicipal",
            website="https://www.ivbo.be",
            notes="Afvalverwerking regio Brugge",
            themes=[network.energy, network.mobility],
        )
    form_data["notes"] = "Afvalverwerking en warmtenet"
    response = client.post(edit, form_data)
    # The website only they changed, the notes and themes only this editor: all kept.
    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        stored = Organisation.objects.get(pk=network.ivbo.pk)
        assert stored.website == "https://www.ivbo.be"
        assert stored.notes == "Afvalverwerking en warmtenet"
        assert list(stored.themes.values_list("name", flat=True)) == ["Energie"]


def test_the_coordinator_edits_and_deletes_a_contact(world, network):
    client = world.client_for("coordinator")
    edit = url("stakeholders:contact_edit", world, pk=network.jan.pk)
    form = client.get(edit).context["form"]
    response = client.post(
        edit,
        {
            "full_name": "Jan Declercq",
            "organisation": network.ivbo.pk,
            "function": "Projectleider warmtenet",
            "email": "jan.declercq@ivbo.example",
            "phone": "",
            "language": "nl",
            "notes": "",
            "version": form.initial["version"],
            "base": form.initial["base"],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    page = client.get(url("stakeholders:contact", world, pk=network.jan.pk)).content.decode()
    assert "Projectleider warmtenet" in page
    delete = url("stakeholders:contact_delete", world, pk=network.jan.pk)
    assert "Jan Declercq verwijderen?" in client.get(delete).content.decode()
    client.post(delete)
    with tenant_scope(world.a):
        assert not Contact.objects.filter(pk=network.jan.pk).exists()
        assert not AuditEntry.objects.filter(object_repr__contains="Jan Declercq").exists()


def test_deleting_an_organisation_asks_first_and_keeps_its_people(world, network):
    client = world.client_for("coordinator")
    delete = url("stakeholders:organisation_delete", world, pk=network.fluvius.pk)
    page = client.get(delete).content.decode()
    assert "Fluvius verwijderen?" in page
    assert "blijft, zonder organisatie" in page
    client.post(delete)
    with tenant_scope(world.a):
        assert not Organisation.objects.filter(name="Fluvius").exists()
        assert Contact.objects.get(pk=network.els.pk).organisation is None


def test_the_organisation_page_shows_its_contacts_and_themes(world, network):
    page = (
        world.client_for("coordinator")
        .get(url("stakeholders:organisation", world, pk=network.fluvius.pk))
        .content.decode()
    )
    assert "Els Vandamme" in page
    assert "els.vandamme@fluvius.example" in page
    assert "Energie" in page
    assert "Netbeheerder" in page


def test_a_conflicting_edit_of_a_contact_asks_and_keeps_what_was_typed(world, network):
    client = world.client_for("coordinator")
    edit = url("stakeholders:contact_edit", world, pk=network.els.pk)
    form = client.get(edit).context["form"]
    with world.as_member("coordinator"):
        from daadkracht.stakeholders.services.contacts import contact_update

        contact_update(
            actor=world.users["coordinator"],
            contact=Contact.objects.get(pk=network.els.pk),
            expected_version=form.initial["version"],
            full_name="Els Vandamme",
            organisation=network.fluvius,
            function="Directeur netbeheer",
            email="els.vandamme@fluvius.example",
            phone="050 12 34 56",
            language="nl",
            notes="",
        )
    response = client.post(
        edit,
        {
            "full_name": "Els Vandamme",
            "organisation": network.fluvius.pk,
            "function": "Regiomanager Brugge-Oostende",
            "email": "els.vandamme@fluvius.example",
            "phone": "050 12 34 56",
            "language": "nl",
            "notes": "",
            "version": form.initial["version"],
            "base": form.initial["base"],
        },
    )
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Regiomanager Brugge-Oostende" in page
    assert "Directeur netbeheer" in page
    with tenant_scope(world.a):
        assert Contact.objects.get(pk=network.els.pk).function == "Directeur netbeheer"
