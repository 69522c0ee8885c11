"""The stakeholder audience reads only its grant, in SQL: whatever a view asks for."""

import pytest
from django.utils import timezone

from daadkracht.access.context import AccessRefused, stakeholder_scope, tenant_scope
from daadkracht.bodies.models import BodyMembership, GovernanceBody
from daadkracht.meetings.models import Meeting
from daadkracht.partners.models import ActionPartner
from daadkracht.plans.models import Action, StatusUpdate
from daadkracht.portal.access import portal_grant
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Department


@pytest.fixture
def jan(world):
    return world.stakeholder()


def scope_of(world, jan):
    return stakeholder_scope(world.a, portal_grant(jan.access), actor=jan.user)


def test_actions_are_only_those_their_organisation_partners_in(world, jan):
    with scope_of(world, jan):
        assert list(Action.objects.values_list("identifier", flat=True)) == ["B3.01"]
        assert not Action.objects.filter(pk=world.other_action_a.pk).exists()
        assert not Action.objects.filter(pk=world.action_b.pk).exists()


def test_bodies_meetings_and_seats_are_their_own(world, jan):
    with tenant_scope(world.a):
        other = GovernanceBody.objects.create(name="Klankbord", kind="sounding_board")
        fluvius_elsewhere = Organisation.objects.create(name="IVBO", kind="intermunicipal")
        BodyMembership.objects.create(
            body=other, organisation=fluvius_elsewhere, starts_on=timezone.localdate()
        )
        Meeting.objects.create(
            title="Intern overleg",
            kind="other",
            starts_at=timezone.now(),
            ends_at=timezone.now(),
        )
    with scope_of(world, jan):
        assert [b.name for b in GovernanceBody.objects.all()] == ["Beleidsgroep klimaat"]
        assert [m.title for m in Meeting.objects.all()] == [jan.meeting.title]
        assert list(BodyMembership.objects.values_list("pk", flat=True)) == [jan.seat.pk]
        assert list(ActionPartner.objects.values_list("pk", flat=True)) == [jan.partnership.pk]


def test_a_seat_through_the_organisation_counts_and_an_ended_one_does_not(world, jan):
    with tenant_scope(world.a):
        board = GovernanceBody.objects.create(name="Werkbank energie", kind="workbench")
        BodyMembership.objects.create(
            body=board, organisation=jan.organisation, starts_on=timezone.localdate()
        )
        BodyMembership.objects.filter(pk=jan.seat.pk).update(
            starts_on="2024-01-01", ends_on="2024-12-31"
        )
    with scope_of(world, jan):
        assert [b.name for b in GovernanceBody.objects.all()] == ["Werkbank energie"]


def test_every_other_model_is_refused(world, jan):
    with scope_of(world, jan):
        for model in (Contact, Department):
            with pytest.raises(AccessRefused):
                list(model.objects.all())


def test_timeline_entries_only_of_partner_actions(world, jan):
    with tenant_scope(world.a):
        for action in (world.action_a, world.other_action_a):
            StatusUpdate.objects.create(
                action=action, date=timezone.localdate(), text=f"Nieuws over {action.identifier}"
            )
    with scope_of(world, jan):
        assert list(StatusUpdate.objects.values_list("text", flat=True)) == ["Nieuws over B3.01"]


def test_a_stakeholder_context_without_grant_reads_nothing(world, jan):
    from daadkracht.access.context import PortalGrant

    with stakeholder_scope(world.a, PortalGrant(contact_id=0, organisation_id=None), actor=None):
        assert list(Action.objects.all()) == []
