"""The partners on the action page and on the organisation's page: adding, removing, links."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daadkracht.access.context import platform_scope, tenant_scope
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from daadkracht.testing.factories import ActionFactory
from tests.partners.conftest import add_partner, url


def test_the_editor_adds_a_partner_from_the_action_page_and_sees_it_linked(world, alliance):
    client = world.client_for("editor")
    page = client.get(url("plans:action_detail", world, pk=world.action_a.pk)).content.decode()
    add_url = url("partners:add", world, pk=world.action_a.pk)
    assert "Nog geen externe partners." in page
    assert add_url in page

    response = client.post(
        add_url,
        {"organisation": alliance.fluvius.pk, "role": PartnerRole.EXECUTOR, "note": "laadpalen"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("#partners")

    page = client.get(url("plans:action_detail", world, pk=world.action_a.pk)).content.decode()
    organisation_url = url("stakeholders:organisation", world, pk=alliance.fluvius.pk)
    assert f'<a href="{organisation_url}">Fluvius</a>' in page
    assert "(uitvoerder)" in page
    assert "laadpalen" in page


def test_the_action_page_shows_partners_in_dutch(world, alliance):
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.LEAD_PARTNER)
    client = world.client_for("viewer")
    page = client.get(
        url("plans:action_detail", world, pk=world.action_a.pk), HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert "Partners" in page
    # The lead partner comes first.
    assert page.index("trekkende partner") < page.index("cofinancier")


def test_a_form_with_an_organisation_of_another_municipality_keeps_what_was_typed(world, alliance):
    client = world.client_for("coordinator")
    response = client.post(
        url("partners:add", world, pk=world.action_a.pk),
        {"organisation": alliance.beta_port.pk, "role": PartnerRole.SUPPORTER, "note": "haven"},
    )
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Havenbedrijf Beta" not in text
    assert 'value="haven"' in text
    assert response.context["form"].errors["organisation"]
    assert not ActionPartner.unscoped.exists()


def test_a_duplicate_and_an_empty_form_are_refused_with_a_message(world, alliance):
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    client = world.client_for("coordinator")
    add_url = url("partners:add", world, pk=world.action_a.pk)
    twice = client.post(add_url, {"organisation": alliance.ivbo.pk, "role": "co_financer"})
    assert twice.status_code == HTTPStatus.OK
    assert "al partner in deze rol" in twice.content.decode()
    empty = client.post(add_url, {})
    assert empty.status_code == HTTPStatus.OK
    assert empty.context["form"].errors.keys() >= {"organisation", "role"}
    assert ActionPartner.unscoped.count() == 1


def test_removing_a_partner_asks_first_and_then_removes_it(world, alliance):
    link = add_partner(world, world.action_a, alliance.fluvius)
    client = world.client_for("editor")
    remove_url = url("partners:remove", world, pk=world.action_a.pk, link=link.pk)
    page = client.get(url("plans:action_detail", world, pk=world.action_a.pk)).content.decode()
    assert remove_url in page
    confirm = client.get(remove_url)
    assert "Fluvius als uitvoerder verwijderen?" in confirm.content.decode()
    assert ActionPartner.unscoped.exists()
    assert client.post(remove_url).status_code == HTTPStatus.FOUND
    assert not ActionPartner.unscoped.exists()
    with tenant_scope(world.a):
        assert Organisation.objects.filter(pk=alliance.fluvius.pk).exists()


@pytest.mark.parametrize("who", ["viewer", "coach"])
def test_who_may_not_edit_sees_partners_without_buttons_and_cannot_post(world, alliance, who):
    link = add_partner(world, world.action_a, alliance.fluvius)
    client = world.client_for(who)
    page = client.get(url("plans:action_detail", world, pk=world.action_a.pk)).content.decode()
    assert "Fluvius" in page
    assert url("partners:add", world, pk=world.action_a.pk) not in page
    remove_url = url("partners:remove", world, pk=world.action_a.pk, link=link.pk)
    assert remove_url not in page
    assert client.post(remove_url).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        url("partners:add", world, pk=world.action_a.pk),
        {"organisation": alliance.ivbo.pk, "role": PartnerRole.SUPPORTER},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert ActionPartner.unscoped.count() == 1


def test_the_editor_of_another_department_cannot_change_its_partners(world, alliance):
    link = add_partner(world, world.other_action_a, alliance.ivbo)
    client = world.client_for("editor")
    action_url = url("plans:action_detail", world, pk=world.other_action_a.pk)
    page = client.get(action_url).content.decode()
    assert "IVBO" in page
    assert url("partners:add", world, pk=world.other_action_a.pk) not in page
    add_url = url("partners:add", world, pk=world.other_action_a.pk)
    assert client.get(add_url).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.post(add_url, {"organisation": alliance.fluvius.pk, "role": "executor"}).status_code
        == HTTPStatus.FORBIDDEN
    )
    remove_url = url("partners:remove", world, pk=world.other_action_a.pk, link=link.pk)
    assert client.post(remove_url).status_code == HTTPStatus.FORBIDDEN
    assert ActionPartner.unscoped.count() == 1


def test_another_municipality_reaches_nothing(world, alliance):
    link = add_partner(world, world.action_a, alliance.fluvius)
    client = world.client_for("other_municipality")
    remove_url = url("partners:remove", world, pk=world.action_a.pk, link=link.pk)
    assert client.post(remove_url).status_code == HTTPStatus.NOT_FOUND
    # Its own coordinator, in its own municipality, does not reach A's link by id.
    own = url("partners:remove", world, pk=world.action_b.pk, link=link.pk).replace(
        "/alfa/", "/beta/"
    )
    assert client.post(own).status_code == HTTPStatus.NOT_FOUND
    assert ActionPartner.unscoped.count() == 1


def test_a_link_of_another_action_is_not_removed_through_this_one(world, alliance):
    link = add_partner(world, world.other_action_a, alliance.ivbo)
    client = world.client_for("coordinator")
    wrong = url("partners:remove", world, pk=world.action_a.pk, link=link.pk)
    assert client.post(wrong).status_code == HTTPStatus.NOT_FOUND
    assert ActionPartner.unscoped.count() == 1


def test_the_organisation_page_lists_the_actions_it_partners_in(world, alliance):
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.EXECUTOR)
    add_partner(world, world.other_action_a, alliance.fluvius, PartnerRole.SUPPORTER)
    client = world.client_for("viewer")
    page = client.get(
        url("stakeholders:organisation", world, pk=alliance.fluvius.pk)
    ).content.decode()
    action_url = url("plans:action_detail", world, pk=world.action_a.pk)
    assert f'<a href="{action_url}">B3.01 Fietsstraten in het centrum</a>' in page
    assert "Ontharding van schoolpleinen" in page
    assert "(ondersteuner)" in page
    assert f"?partner={alliance.fluvius.pk}" in page

    other = client.get(url("stakeholders:organisation", world, pk=alliance.ivbo.pk))
    assert "Nog bij geen enkele actie partner." in other.content.decode()


def test_a_trashed_action_leaves_the_organisation_page(world, alliance):
    add_partner(world, world.action_a, alliance.fluvius)
    client = world.client_for("coordinator")
    client.post(url("plans:action_delete", world, pk=world.action_a.pk))
    page = client.get(
        url("stakeholders:organisation", world, pk=alliance.fluvius.pk)
    ).content.decode()
    assert url("plans:action_detail", world, pk=world.action_a.pk) not in page
    assert "Nog bij geen enkele actie partner." in page


def _action_page_queries(client, page_url: str) -> int:
    client.get(page_url)  # warm the caches of the session and the content types
    with CaptureQueriesContext(connection) as context:
        response = client.get(page_url)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_the_action_page_reads_1_or_10_partners_in_as_many_queries(world):
    client = world.client_for("editor")
    page_url = url("plans:action_detail", world, pk=world.action_a.pk)
    counts = []
    for total in (1, 10):
        with tenant_scope(world.a):
            ActionPartner.objects.all().delete()
            for number in range(total):
                organisation = Organisation.objects.create(
                    name=f"Partner {number:02d}", kind=OrganisationKind.CIVIL_SOCIETY
                )
                ActionPartner.objects.create(
                    action=world.action_a, organisation=organisation, role=PartnerRole.SUPPORTER
                )
        counts.append(_action_page_queries(client, page_url))
        assert client.get(page_url).content.decode().count("data-action-partners") == 1
    assert counts[0] == counts[1]


def test_the_organisation_page_reads_1_or_10_actions_in_as_many_queries(world, alliance):
    client = world.client_for("viewer")
    page_url = url("stakeholders:organisation", world, pk=alliance.fluvius.pk)
    counts = []
    for total in (1, 10):
        with tenant_scope(world.a):
            ActionPartner.objects.all().delete()
        with platform_scope():
            actions = [world.action_a] + [
                ActionFactory.create(plan=world.plan_a, identifier=f"Z{n:02d}")
                for n in range(total - 1)
            ]
        for action in actions:
            add_partner(world, action, alliance.fluvius)
        counts.append(_action_page_queries(client, page_url))
    assert counts[0] == counts[1]
