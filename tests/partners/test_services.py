"""Adding and removing partners: who may, and only within the municipality."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.partners.services import partner_add, partner_remove
from tests.partners.conftest import add_partner


def test_the_editor_of_the_lead_department_adds_and_removes_a_partner_with_history(world, alliance):
    with world.as_member("editor"):
        link = partner_add(
            actor=world.users["editor"],
            action=world.action_a,
            organisation=alliance.fluvius,
            role=PartnerRole.EXECUTOR,
            note="  legt de laadpalen aan ",
        )
        assert link.municipality_id == world.a.pk
        assert link.note == "legt de laadpalen aan"
        link_id = link.pk
        partner_remove(actor=world.users["editor"], link=link)
        assert not ActionPartner.objects.exists()
    actions = list(
        AuditEntry.unscoped.filter(
            municipality=world.a,
            content_type=ContentType.objects.get_for_model(ActionPartner),
            object_id=str(link_id),
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATED, AuditAction.REMOVED]


@pytest.mark.parametrize("who", ["viewer", "coach"])
def test_who_may_not_edit_actions_adds_no_partner(world, alliance, who):
    with world.as_member(who), pytest.raises(PermissionDenied):
        partner_add(
            actor=world.users[who],
            action=world.action_a,
            organisation=alliance.fluvius,
            role=PartnerRole.SUPPORTER,
        )
    assert not ActionPartner.unscoped.exists()


def test_an_editor_of_another_department_neither_adds_nor_removes(world, alliance):
    link = add_partner(world, world.other_action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    with world.as_member("editor"):
        with pytest.raises(PermissionDenied):
            partner_add(
                actor=world.users["editor"],
                action=world.other_action_a,
                organisation=alliance.fluvius,
                role=PartnerRole.EXECUTOR,
            )
        with pytest.raises(PermissionDenied):
            partner_remove(actor=world.users["editor"], link=link)
    assert ActionPartner.unscoped.count() == 1


def test_an_organisation_of_another_municipality_is_refused(world, alliance):
    with world.as_member("coordinator"), pytest.raises(ValidationError) as error:
        partner_add(
            actor=world.users["coordinator"],
            action=world.action_a,
            organisation=alliance.beta_port,
            role=PartnerRole.LEAD_PARTNER,
        )
    assert "organisation" in error.value.message_dict
    assert not ActionPartner.unscoped.exists()


def test_an_action_of_another_municipality_is_refused(world, alliance):
    with world.as_member("coordinator"), pytest.raises((ValidationError, PermissionDenied)):
        partner_add(
            actor=world.users["coordinator"],
            action=world.action_b,
            organisation=alliance.fluvius,
            role=PartnerRole.LEAD_PARTNER,
        )
    assert not ActionPartner.unscoped.exists()


def test_the_same_organisation_twice_in_one_role_is_refused_but_a_second_role_is_fine(
    world, alliance
):
    with world.as_member("coordinator"):
        values = {"actor": world.users["coordinator"], "action": world.action_a}
        partner_add(**values, organisation=alliance.ivbo, role=PartnerRole.CO_FINANCER)
        with pytest.raises(ValidationError):
            partner_add(**values, organisation=alliance.ivbo, role=PartnerRole.CO_FINANCER)
        partner_add(**values, organisation=alliance.ivbo, role=PartnerRole.SUPPORTER)
        with pytest.raises(ValidationError):
            partner_add(**values, organisation=alliance.ivbo, role="sponsor")
        with pytest.raises(ValidationError):
            partner_add(
                **values, organisation=alliance.fluvius, role=PartnerRole.EXECUTOR, note="x" * 201
            )
    assert ActionPartner.unscoped.count() == 2
