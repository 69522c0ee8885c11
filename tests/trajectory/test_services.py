"""Starting the trajectory, and changing its agreements, phases and checklist, through services."""

import itertools
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from daadkracht.common.concurrency import ConcurrentEditError
from daadkracht.history.models import AuditEntry
from daadkracht.testing.trajectory import started_trajectory
from daadkracht.trajectory.defaults import RESPONSIBILITIES
from daadkracht.trajectory.models import (
    ChecklistItem,
    Party,
    Phase,
    PhaseKind,
    PhaseState,
    Trajectory,
)
from daadkracht.trajectory.services import (
    checklist_item_create,
    checklist_item_delete,
    checklist_item_set_done,
    checklist_item_update,
    phase_update,
    trajectory_start,
    trajectory_update_agreements,
)

START = date(2026, 3, 2)


def test_starting_makes_the_six_phases_in_order_and_the_responsibilities(world):
    with world.as_member("coordinator"):
        trajectory = trajectory_start(
            actor=world.users["coordinator"], municipality=world.a, started_on=START
        )
        phases = list(Phase.objects.filter(trajectory=trajectory))
        items = list(ChecklistItem.objects.filter(trajectory=trajectory))

    assert [p.kind for p in phases] == list(PhaseKind.values)
    assert all(p.state == PhaseState.NOT_STARTED for p in phases)
    assert phases[0].planned_start == START
    # Each phase starts the day after the one before ends.
    for before, after in itertools.pairwise(phases):
        assert after.planned_start == before.planned_end + timedelta(days=1)
    assert [i.key for i in items] == [r.key for r in RESPONSIBILITIES]
    assert all(i.phase_id is None and i.owner == Party.MUNICIPALITY for i in items)
    assert all(i.due_date is not None and i.due_date >= START for i in items)
    contact = next(i for i in items if i.key == "contact-person")
    assert contact.due_date == phases[0].planned_end
    assert AuditEntry.unscoped.filter(object_id=str(trajectory.pk)).exists()


def test_a_coach_starts_it_too(world):
    with world.as_member("coach"):
        trajectory_start(actor=world.users["coach"], municipality=world.a, started_on=START)

    assert Trajectory.unscoped.filter(municipality=world.a).count() == 1


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_editors_and_viewers_cannot_start_or_change_it(world, role):
    trajectory = started_trajectory(world.a)
    with world.as_member(role):
        phase = Phase.objects.first()
        item = ChecklistItem.objects.first()
        assert phase is not None
        assert item is not None
        with pytest.raises(PermissionDenied):
            trajectory_update_agreements(
                actor=world.users[role],
                trajectory=trajectory,
                expected_version=trajectory.version,
                alderman="Schepen Peeters",
            )
        with pytest.raises(PermissionDenied):
            phase_update(
                actor=world.users[role],
                phase=phase,
                expected_version=phase.version,
                state=PhaseState.DONE,
            )
        with pytest.raises(PermissionDenied):
            checklist_item_set_done(actor=world.users[role], item=item, done=True)
        with pytest.raises(PermissionDenied):
            checklist_item_create(
                actor=world.users[role],
                trajectory=trajectory,
                phase=None,
                text="Iets",
                owner=Party.MUNICIPALITY,
            )
        with pytest.raises(PermissionDenied):
            checklist_item_delete(actor=world.users[role], item=item)
    assert ChecklistItem.unscoped.get(pk=item.pk).done_at is None


def test_a_municipality_has_one_trajectory(world):
    started_trajectory(world.a)
    with world.as_member("coordinator"), pytest.raises(ValidationError):
        trajectory_start(actor=world.users["coordinator"], municipality=world.a, started_on=START)

    assert Trajectory.unscoped.filter(municipality=world.a).count() == 1


def test_the_agreements_name_a_member_as_contact_person(world):
    trajectory = started_trajectory(world.a)
    with world.as_member("coordinator"):
        trajectory_update_agreements(
            actor=world.users["coordinator"],
            trajectory=trajectory,
            expected_version=trajectory.version,
            course="Vier werksessies en een tussentijdse evaluatie met het college.",
            timing="Van maart tot december",
            task_division="De milieudienst nodigt uit, de coach modereert mee.",
            contact_person=world.users["editor"],
            alderman="  Schepen An Peeters ",
        )
    stored = Trajectory.unscoped.get(pk=trajectory.pk)
    assert stored.contact_person == world.users["editor"]
    assert stored.alderman == "Schepen An Peeters"
    assert stored.version == 2


def test_someone_of_another_municipality_cannot_be_the_contact_person(world):
    trajectory = started_trajectory(world.a)
    with world.as_member("coordinator"), pytest.raises(ValidationError) as raised:
        trajectory_update_agreements(
            actor=world.users["coordinator"],
            trajectory=trajectory,
            expected_version=trajectory.version,
            contact_person=world.users["other_municipality"],
        )
    assert "contact_person" in raised.value.error_dict
    assert Trajectory.unscoped.get(pk=trajectory.pk).contact_person is None


def test_a_concurrent_edit_is_refused(world):
    trajectory = started_trajectory(world.a)
    with world.as_member("coach"):
        phase = Phase.objects.get(kind=PhaseKind.INTAKE)
        opened = phase.version
        phase_update(
            actor=world.users["coach"],
            phase=Phase.objects.get(pk=phase.pk),
            expected_version=opened,
            state=PhaseState.UNDER_WAY,
        )
        with pytest.raises(ConcurrentEditError):
            phase_update(
                actor=world.users["coach"],
                phase=phase,
                expected_version=opened,
                notes="Intakegesprek op het stadhuis",
            )
    stored = Phase.unscoped.get(pk=phase.pk)
    assert stored.state == PhaseState.UNDER_WAY
    assert stored.notes == ""
    assert trajectory.pk == stored.trajectory_id


def test_a_phase_cannot_end_before_it_starts(world):
    started_trajectory(world.a)
    with world.as_member("coordinator"):
        phase = Phase.objects.get(kind=PhaseKind.DIAGNOSIS)
        with pytest.raises(ValidationError) as raised:
            phase_update(
                actor=world.users["coordinator"],
                phase=phase,
                expected_version=phase.version,
                planned_start=date(2026, 6, 1),
                planned_end=date(2026, 5, 1),
            )
    assert "planned_end" in raised.value.error_dict


def test_checklist_items_are_added_ticked_edited_and_removed(world):
    trajectory = started_trajectory(world.a)
    actor = world.users["coordinator"]
    with world.as_member("coordinator"):
        phase = Phase.objects.get(kind=PhaseKind.WORKSHOPS)
        with pytest.raises(ValidationError):
            checklist_item_create(
                actor=actor, trajectory=trajectory, phase=phase, text="   ", owner="coach"
            )
        item = checklist_item_create(
            actor=actor,
            trajectory=trajectory,
            phase=phase,
            text="Zaal en flappen reserveren",
            owner=Party.MUNICIPALITY,
            due_date=date(2026, 5, 4),
        )
        checklist_item_set_done(actor=actor, item=item, done=True)
        checklist_item_set_done(actor=actor, item=item, done=True)
        assert ChecklistItem.objects.get(pk=item.pk).version == 2
        checklist_item_update(
            actor=actor, item=item, expected_version=2, text="Zaal, flappen en post-its"
        )
        with pytest.raises(ValidationError):
            checklist_item_update(actor=actor, item=item, expected_version=3, owner="iemand")
        stored = ChecklistItem.objects.get(pk=item.pk)
        assert stored.text == "Zaal, flappen en post-its"
        assert stored.is_done
        checklist_item_delete(actor=actor, item=stored)
        assert not ChecklistItem.objects.filter(pk=item.pk).exists()


def test_an_item_cannot_join_a_phase_of_another_trajectory(world):
    trajectory = started_trajectory(world.a)
    started_trajectory(world.b)
    other_phase = Phase.unscoped.filter(municipality=world.b).first()
    with world.as_member("coordinator"), pytest.raises(ValidationError):
        checklist_item_create(
            actor=world.users["coordinator"],
            trajectory=trajectory,
            phase=other_phase,
            text="Sluipweg",
            owner=Party.COACH,
        )
    assert not ChecklistItem.unscoped.filter(text="Sluipweg").exists()
