"""Every member reads the organisations; only who manages stakeholders reads the people."""

from http import HTTPStatus

import pytest

from tests.stakeholders.conftest import url


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_members_read_organisations_without_the_personal_data_of_their_people(world, network, who):
    client = world.client_for(who)
    listing = client.get(url("stakeholders:organisations", world)).content.decode()
    assert "Fluvius" in listing
    assert "Els Vandamme" not in listing
    page = client.get(url("stakeholders:organisation", world, pk=network.fluvius.pk))
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "1 contactpersoon." in text
    assert "Els Vandamme" not in text
    assert "els.vandamme@fluvius.example" not in text
    assert "Organisatie toevoegen" not in listing


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_members_who_do_not_manage_stakeholders_cannot_open_the_people(world, network, who):
    client = world.client_for(who)
    for name, kwargs in [
        ("stakeholders:contacts", {}),
        ("stakeholders:contact", {"pk": network.els.pk}),
        ("stakeholders:contact_export", {"pk": network.els.pk}),
        ("stakeholders:contact_export_json", {"pk": network.els.pk}),
        ("stakeholders:privacy", {}),
        ("stakeholders:organisation_create", {}),
    ]:
        assert client.get(url(name, world, **kwargs)).status_code == HTTPStatus.FORBIDDEN
    response = client.get(url("stakeholders:contacts", world) + "?export=csv")
    assert response.status_code == HTTPStatus.FORBIDDEN
    main = client.get(url("stakeholders:organisations", world)).content.decode()
    assert url("stakeholders:contacts", world) not in main


def test_another_municipality_finds_nothing(world, network):
    client = world.client_for("other_municipality")
    assert (
        client.get(url("stakeholders:organisation", world, pk=network.fluvius.pk)).status_code
        == HTTPStatus.NOT_FOUND
    )
    # Its own coordinator, in its own municipality, does not reach A's rows by id.
    own = url("stakeholders:contact", world, pk=network.els.pk).replace("/alfa/", "/beta/")
    assert client.get(own).status_code == HTTPStatus.NOT_FOUND
    own_org = url("stakeholders:organisation_edit", world, pk=network.ivbo.pk)
    assert client.get(own_org.replace("/alfa/", "/beta/")).status_code == HTTPStatus.NOT_FOUND
    listing = client.get(url("stakeholders:organisations", world).replace("/alfa/", "/beta/"))
    assert "Fluvius" not in listing.content.decode()


def test_the_history_of_people_is_only_for_who_manages_stakeholders(world, network):
    coordinator = world.client_for("coordinator")
    edit = url("stakeholders:contact_edit", world, pk=network.jan.pk)
    form = coordinator.get(edit).context["form"]
    coordinator.post(
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
    recent = url("history:recent", world)
    assert "Projectleider warmtenet" in coordinator.get(recent).content.decode()
    coach = world.client_for("coach")
    assert "Jan Declercq" not in coach.get(recent).content.decode()
    own = url("history:object", world, model_label="stakeholders.contact", object_id=network.jan.pk)
    assert coordinator.get(own).status_code == HTTPStatus.OK
    assert coach.get(own).status_code == HTTPStatus.NOT_FOUND
