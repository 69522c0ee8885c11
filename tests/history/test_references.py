"""Entries record the ids of the people and objects they mention, so that they can be found by
id after a name changed; entries of no municipality are for the platform only."""

import pytest

from daadkracht.access.context import platform_scope, tenant_scope
from daadkracht.accounts.services import profile_update
from daadkracht.history.models import (
    AuditAction,
    AuditEntry,
    AuditReference,
    ChangeSource,
    MentionRole,
)
from daadkracht.history.selectors import entries_mentioning
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, Theme
from daadkracht.plans.services.actions import action_update
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.scoping import CrossTenantWrite
from daadkracht.tenancy.services import department_update
from daadkracht.testing.factories import as_platform


def mentions(entry: AuditEntry) -> set[tuple[str, str, str, str]]:
    return {
        (r.content_type.model, r.object_id, r.role, r.field_name)
        for r in AuditReference.unscoped.filter(entry=entry).select_related("content_type")
    }


def make_head(world, who: str) -> AuditEntry:
    department = Department.unscoped.get(pk=world.department_a.pk)
    with tenant_scope(world.a):
        department_update(
            actor=world.users["coordinator"],
            department=department,
            expected_version=department.version,
            head=world.users[who],
        )
        return AuditEntry.objects.first()


def test_an_entry_refers_to_the_object_the_actor_and_the_old_and_new_related_objects(world):
    first = make_head(world, "editor")
    second = make_head(world, "viewer")

    department, coordinator = str(world.department_a.pk), str(world.users["coordinator"].pk)
    assert mentions(first) == {
        ("department", department, MentionRole.OBJECT, ""),
        ("user", coordinator, MentionRole.ACTOR, ""),
        ("user", str(world.users["editor"].pk), MentionRole.NEW, "head"),
    }
    assert mentions(second) == {
        ("department", department, MentionRole.OBJECT, ""),
        ("user", coordinator, MentionRole.ACTOR, ""),
        ("user", str(world.users["editor"].pk), MentionRole.OLD, "head"),
        ("user", str(world.users["viewer"].pk), MentionRole.NEW, "head"),
    }
    # What the history shows stays the displayed names.
    assert second.changes == {"head": ["Editor Alfa", "Viewer Alfa"]}
    assert {r.municipality_id for r in AuditReference.unscoped.filter(entry=second)} == {world.a.pk}


def test_unchanged_relations_are_not_mentioned(world):
    make_head(world, "editor")
    department = Department.unscoped.get(pk=world.department_a.pk)
    with tenant_scope(world.a):
        department_update(
            actor=world.users["coordinator"],
            department=department,
            expected_version=department.version,
            description="Nieuwe omschrijving",
        )
        entry = AuditEntry.objects.first()

    assert {role for _m, _i, role, _f in mentions(entry)} == {
        MentionRole.OBJECT,
        MentionRole.ACTOR,
    }


def change_action(world, action: Action, **values) -> None:
    with tenant_scope(world.a):
        stored = Action.objects.get(pk=action.pk)
        action_update(
            actor=world.users["coordinator"],
            action=stored,
            expected_version=stored.version,
            themes=values.pop("themes", list(stored.themes.all())),
            tag_names=[t.name for t in stored.tags.all()],
            involvements=[],
            **values,
        )


def test_a_person_is_found_by_id_after_their_name_changed(world):
    person = world.users["editor"]
    make_head(world, "editor")  # head of a department
    change_action(world, world.action_a, responsible=person)  # responsible for an action
    with tenant_scope(world.a):  # the one who changed something
        department_update(
            actor=person,
            department=Department.objects.get(pk=world.other_department_a.pk),
            expected_version=world.other_department_a.version,
            description="Door de editor",
        )
    unrelated = make_head(world, "viewer")  # mentions the editor only as the old head

    profile_update(user=person, full_name="Eddy Hernoemd", language="nl")

    with tenant_scope(world.a):
        found = list(entries_mentioning(obj=person))
        by_name = AuditEntry.objects.filter(changes__icontains="Eddy Hernoemd")
        assert not by_name.exists()
    assert [(e.object_repr, e.action) for e in found] == [
        ("Mobiliteit", AuditAction.UPDATED),  # the editor stopped being its head
        ("Groendienst", AuditAction.UPDATED),
        ("B3.01 Fietsstraten in het centrum", AuditAction.UPDATED),
        ("Mobiliteit", AuditAction.UPDATED),
    ]
    assert found[0] == unrelated
    assert found[2].changes["responsible"] == ["", "Editor Alfa"]


def test_an_action_mentions_its_lead_department_and_themes_by_id(world):
    theme = as_platform(Theme.unscoped.create)(
        municipality=world.a, plan=world.plan_a, name="Mobiliteit"
    )
    change_action(world, world.action_a, lead_department=world.other_department_a, themes=[theme])

    with tenant_scope(world.a):
        by_theme = list(entries_mentioning(obj=theme))
        by_old_department = list(entries_mentioning(obj=world.department_a))
        by_new_department = list(entries_mentioning(obj=world.other_department_a))

    assert [e.object_repr for e in by_theme] == ["B3.01 Fietsstraten in het centrum"]
    assert by_theme[0] in by_old_department
    assert by_theme[0] in by_new_department


def test_another_municipality_does_not_find_the_entries(world):
    make_head(world, "editor")

    with tenant_scope(world.b):
        assert not entries_mentioning(obj=world.users["editor"]).exists()


@as_platform
def record_platform_change(world) -> AuditEntry:
    """A change to platform data, which belongs to no municipality."""
    municipality = world.b
    before = snapshot(municipality)
    municipality.name = "Gemeente Beta-Oost"
    municipality.save()
    entry = audit_record(
        actor=world.users["coordinator"],
        instance=municipality,
        action=AuditAction.UPDATED,
        source=ChangeSource.FORM,
        before=before,
    )
    assert entry is not None
    return entry


def test_an_entry_of_no_municipality_is_for_the_platform_only(world):
    entry = record_platform_change(world)

    assert entry.municipality_id is None
    assert AuditReference.unscoped.filter(entry=entry, municipality__isnull=True).count() == 2
    with tenant_scope(world.a):
        assert not AuditEntry.objects.filter(pk=entry.pk).exists()
        assert not AuditReference.objects.filter(entry=entry).exists()
        assert entry not in entries_mentioning(obj=world.users["coordinator"])
    with platform_scope():
        assert AuditEntry.objects.filter(pk=entry.pk).exists()
        assert entry in entries_mentioning(obj=world.users["coordinator"])
        assert entry in entries_mentioning(obj=world.b)


def test_a_member_never_sees_an_entry_of_no_municipality(world):
    record_platform_change(world)

    response = world.client_for("coordinator").get("/alfa/geschiedenis/")

    assert b"Beta-Oost" not in response.content
    assert all(e.municipality_id == world.a.pk for e in response.context["page"].object_list)


def test_an_entry_written_in_a_municipality_belongs_to_it_even_for_shared_data(world):
    """The write guard files a change made inside a municipality under that municipality."""
    with tenant_scope(world.a):
        entry = audit_record(
            actor=world.users["coordinator"],
            instance=world.users["viewer"],
            action=AuditAction.CREATED,
            source=ChangeSource.FORM,
        )
    assert entry is not None
    assert entry.municipality_id == world.a.pk
    assert set(
        AuditReference.unscoped.filter(entry=entry).values_list("municipality_id", flat=True)
    ) == {world.a.pk}


def test_a_municipality_cannot_claim_or_change_an_entry_of_no_municipality(world):
    entry = AuditEntry.unscoped.get(pk=record_platform_change(world).pk)

    with tenant_scope(world.a):
        entry.object_repr = "Overgenomen"
        with pytest.raises(CrossTenantWrite):
            entry.save()
        with pytest.raises(CrossTenantWrite):
            entry.delete()
        with pytest.raises(CrossTenantWrite):
            AuditEntry.unscoped.bulk_update([entry], ["object_repr"])
        assert AuditEntry.unscoped.filter(pk=entry.pk).update(object_repr="Overgenomen") == 0
    with platform_scope():
        entry.save()

    stored = AuditEntry.unscoped.get(pk=entry.pk)
    assert (stored.municipality_id, stored.object_repr) == (None, "Overgenomen")
