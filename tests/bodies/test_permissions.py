"""Every member reads the bodies; only who manages the network changes them and sees the names of
the people in them. Another municipality finds nothing."""

from http import HTTPStatus

import pytest

from tests.bodies.conftest import url


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_members_read_the_bodies_without_the_names_of_people(world, alliance, who):
    client = world.client_for(who)
    listing = client.get(url("bodies:list", world)).content.decode()
    assert "Beleidsgroep klimaat" in listing
    assert "Orgaan toevoegen" not in listing
    page = client.get(url("bodies:detail", world, pk=alliance.policy_group.pk))
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    # The organisations people sit for, their roles; not their names or contact data.
    assert "Fluvius" in text
    assert "IVBO" in text
    assert "Welzijnsschakels Brugge" in text  # the sounding board's delegate
    for personal in ("Els Vandamme", "Jan Declercq", "Sofie Maertens", "els.vandamme@"):
        assert personal not in text
    assert "Lid toevoegen" not in text
    assert "Plan een vergadering van dit orgaan" not in text


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_members_who_do_not_manage_the_network_cannot_change_bodies(world, alliance, who):
    client = world.client_for(who)
    pk = alliance.policy_group.pk
    for name, kwargs in [
        ("bodies:create", {}),
        ("bodies:edit", {"pk": pk}),
        ("bodies:member_add", {"pk": pk}),
        ("bodies:member_end", {"pk": pk, "membership": alliance.former.pk}),
        ("bodies:meeting_create", {"pk": pk}),
    ]:
        assert client.get(url(name, world, **kwargs)).status_code == HTTPStatus.FORBIDDEN
        assert client.post(url(name, world, **kwargs), {}).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url("bodies:propose", world)).status_code == HTTPStatus.FORBIDDEN


def test_the_coordinator_sees_the_names(world, alliance):
    page = world.client_for("coordinator").get(
        url("bodies:detail", world, pk=alliance.policy_group.pk)
    )
    text = page.content.decode()
    assert "Els Vandamme" in text
    assert "Sofie Maertens" in text


def test_another_municipality_finds_nothing(world, alliance):
    client = world.client_for("other_municipality")
    pk = alliance.policy_group.pk
    for name, kwargs in [
        ("bodies:list", {}),
        ("bodies:detail", {"pk": pk}),
        ("bodies:edit", {"pk": pk}),
        ("bodies:member_end", {"pk": pk, "membership": alliance.former.pk}),
    ]:
        assert client.get(url(name, world, **kwargs)).status_code == HTTPStatus.NOT_FOUND
    # Its own coordinator, in its own municipality, does not reach A's rows by id.
    own = url("bodies:detail", world, pk=pk).replace("/alfa/", "/beta/")
    assert client.get(own).status_code == HTTPStatus.NOT_FOUND
    listing = client.get(url("bodies:list", world).replace("/alfa/", "/beta/")).content.decode()
    assert "Beleidsgroep klimaat" not in listing


def test_a_membership_of_another_body_is_not_ended_through_this_one(world, alliance):
    client = world.client_for("coordinator")
    wrong = url(
        "bodies:member_end", world, pk=alliance.workbench.pk, membership=alliance.delegate.pk
    )
    assert client.get(wrong).status_code == HTTPStatus.NOT_FOUND
