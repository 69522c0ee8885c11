"""Every change of course on the timeline, with where it came from: the edit form, the board and
the import record their changes of status, progress or deadline; only what a person writes
counts as news about the action ("stale", "no update yet")."""

import io
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, timezone, translation
from openpyxl import Workbook

from daadkracht.plans.models import (
    Action,
    ActionStatus,
    StatusUpdate,
    UpdateKind,
    UpdateSource,
)
from daadkracht.plans.services.actions import action_update
from daadkracht.plans.services.updates import (
    Course,
    action_status_move,
    timeline_changes_record,
    timeline_update_post,
)
from daadkracht.testing.factories import as_platform
from tests.plans.test_action_edit import action_data

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def detail_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


def statuses(plan) -> list[ActionStatus]:
    return list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))


def entries(action: Action) -> list[StatusUpdate]:
    return list(StatusUpdate.unscoped.filter(action=action).order_by("created_at", "id"))


def fresh(action: Action) -> Action:
    return Action.unscoped.select_related("status").get(pk=action.pk)


def in_english(entry: StatusUpdate) -> list[str]:
    with translation.override("en"):
        return entry.changes_text


@pytest.fixture
@as_platform
def quiet_action(world) -> Action:
    """B3.01, added four months ago and never updated since: stale, and "no update yet"."""
    long_ago = timezone.now() - timedelta(days=120)
    Action.unscoped.filter(pk=world.action_a.pk).update(
        created_at=long_ago,
        progress=20,
        deadline=date(2026, 12, 31),
        status=statuses(world.plan_a)[1],
    )
    return fresh(world.action_a)


def stale_identifiers(client) -> list[str]:
    response = client.get("/alfa/plan/acties/?stale=1")
    assert response.status_code == HTTPStatus.OK
    return [row.action.identifier for row in response.context["rows"]]


class TestEachSourceRecordsItsChange:
    def test_the_edit_form_records_status_progress_and_deadline(self, world, quiet_action):
        after = statuses(world.plan_a)[2]
        coordinator = world.client_for("coordinator")

        response = coordinator.post(
            f"/alfa/plan/acties/{quiet_action.pk}/bewerken/",
            action_data(
                world,
                identifier="B3.01",
                title=quiet_action.title,
                status=after.pk,
                progress=35,
                deadline="2027-06-30",
                version=quiet_action.version,
            ),
        )

        assert response.status_code == HTTPStatus.FOUND
        (entry,) = entries(quiet_action)
        assert entry.source == UpdateSource.FORM
        assert entry.author == world.users["coordinator"]
        assert entry.date == timezone.localdate()
        assert in_english(entry) == [
            "Status changed from in preparation to on track via the edit form.",
            "Progress changed from 20% to 35% via the edit form.",
            "Deadline moved from 31/12/2026 to 30/06/2027 via the edit form.",
        ]
        assert fresh(quiet_action).last_update_at is None

    def test_an_edit_that_leaves_the_course_alone_records_nothing(self, world, quiet_action):
        with world.as_member("coordinator"):
            action_update(
                actor=world.users["coordinator"],
                action=quiet_action,
                expected_version=quiet_action.version,
                themes=[],
                tag_names=[],
                involvements=[],
                title="Fietsstraten in het hele centrum",
            )

        assert entries(quiet_action) == []

    def test_removing_the_deadline_in_the_form_is_recorded(self, world, quiet_action):
        with world.as_member("coordinator"):
            action_update(
                actor=world.users["coordinator"],
                action=quiet_action,
                expected_version=quiet_action.version,
                themes=[],
                tag_names=[],
                involvements=[],
                deadline=None,
            )

        (entry,) = entries(quiet_action)
        assert entry.deadline_removed
        assert in_english(entry) == ["Deadline 31/12/2026 removed via the edit form."]

    def test_the_board_records_the_move(self, world, quiet_action):
        target = statuses(world.plan_a)[3]
        with world.as_member("editor"):
            action_status_move(actor=world.users["editor"], action=quiet_action, status=target)

        (entry,) = entries(quiet_action)
        assert (entry.source, entry.new_status_id, entry.new_progress) == (
            UpdateSource.BOARD,
            target.pk,
            None,
        )
        moved = fresh(quiet_action)
        assert moved.status == target
        assert moved.version == quiet_action.version + 1
        assert moved.last_update_at is None

    def test_a_re_import_records_its_changes_dated_that_day(self, world, quiet_action):
        coordinator = world.client_for("coordinator")
        target = statuses(world.plan_a)[2]
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Acties"
        sheet.append(["Nummer", "Titel", "Status", "Voortgang (%)"])
        sheet.append(["B3.01", quiet_action.title, target.name, 60])
        sheet.append(["B6.01", world.other_action_a.title, None, None])
        buffer = io.BytesIO()
        workbook.save(buffer)

        preview = coordinator.post(
            "/alfa/plan/acties/import/",
            {"file": SimpleUploadedFile("acties.xlsx", buffer.getvalue(), XLSX)},
        )
        response = coordinator.post(
            "/alfa/plan/acties/import/bevestigen/",
            {
                "token": preview.context["pending"].token,
                "fingerprint": preview.context["preview"].fingerprint,
                "apply": "1",
            },
        )

        assert response.status_code == HTTPStatus.FOUND
        (entry,) = entries(quiet_action)
        assert entry.source == UpdateSource.IMPORT
        assert (entry.new_status_id, entry.new_progress) == (target.pk, 60)
        today = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
        assert in_english(entry)[1] == f"Progress changed from 20% to 60% via import of {today}."
        assert entries(world.other_action_a) == [], "an unchanged row records nothing"
        assert fresh(quiet_action).last_update_at is None

    def test_a_person_written_update_keeps_its_own_source_and_resets_stale(
        self, world, quiet_action
    ):
        coordinator = world.client_for("coordinator")
        assert stale_identifiers(coordinator) == ["B3.01"]
        with world.as_member("editor"):
            update = timeline_update_post(
                actor=world.users["editor"],
                action=quiet_action,
                text="Eerste straat ingericht.",
                new_progress=30,
            )
            decision = timeline_update_post(
                actor=world.users["editor"],
                action=quiet_action,
                text="College kiest voor de tweede fase.",
                kind=UpdateKind.DECISION,
            )

        assert (update.source, decision.source) == (UpdateSource.UPDATE, UpdateSource.DECISION)
        assert update.is_written
        assert decision.is_written
        assert fresh(quiet_action).last_update_at is not None
        assert stale_identifiers(coordinator) == []

    def test_a_person_writes_the_updates_not_the_form_or_board(self, world):
        with world.as_member("coordinator"), pytest.raises(ValueError, match="written by a person"):
            timeline_changes_record(
                actor=world.users["coordinator"],
                source=UpdateSource.UPDATE,
                changes=[(world.action_a, Course.of(world.action_a))],
            )


def test_recorded_changes_leave_stale_and_no_update_yet_as_they_were(world, quiet_action):
    coordinator = world.client_for("coordinator")
    never_before = coordinator.get("/alfa/").context["dashboard"].never_updated
    with world.as_member("coordinator"):
        action_status_move(
            actor=world.users["coordinator"],
            action=quiet_action,
            status=statuses(world.plan_a)[2],
        )
        action_update(
            actor=world.users["coordinator"],
            action=fresh(quiet_action),
            expected_version=fresh(quiet_action).version,
            themes=[],
            tag_names=[],
            involvements=[],
            progress=55,
        )

    assert len(entries(quiet_action)) == 2
    assert stale_identifiers(coordinator) == ["B3.01"]
    dashboard = coordinator.get("/alfa/").context["dashboard"]
    assert dashboard.never_updated == never_before
    assert "B3.01" in [row.identifier for row in dashboard.stale.items]


class TestTheActionPage:
    def test_a_board_move_shows_as_a_recorded_change_via_the_board(self, world, quiet_action):
        target = statuses(world.plan_a)[3]
        world.client_for("coordinator").post(
            f"/alfa/plan/bord/{quiet_action.pk}/verplaatsen/", {"status": target.pk}
        )
        with world.as_member("coordinator"):
            timeline_update_post(
                actor=world.users["coordinator"], action=quiet_action, text="Vergunning binnen."
            )

        response = world.client_for("viewer").get(detail_url(quiet_action))

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert 'class="timeline-entry timeline-entry--recorded"' in html
        # Said in words, not by the entry's colour alone; in the page's language (Dutch).
        assert "Vastgelegde wijziging" in html
        assert f"naar {target.name} via het statusbord." in html
        assert "Vergunning binnen." in html

    def test_the_page_in_english_says_via_the_board(self, world, quiet_action):
        target = statuses(world.plan_a)[3]
        with world.as_member("coordinator"):
            action_status_move(actor=world.users["coordinator"], action=quiet_action, status=target)
        viewer = world.client_for("viewer")
        world.users["viewer"].language = "en"
        world.users["viewer"].save(update_fields=["language"])

        text = viewer.get(detail_url(quiet_action)).content.decode()

        assert "via the board" in text
        assert "Recorded change" in text

    def test_the_timeline_shows_recorded_changes_or_written_updates_on_their_own(
        self, world, quiet_action
    ):
        with world.as_member("coordinator"):
            action_status_move(
                actor=world.users["coordinator"],
                action=quiet_action,
                status=statuses(world.plan_a)[2],
            )
            timeline_update_post(
                actor=world.users["coordinator"], action=quiet_action, text="Stand van zaken."
            )
        viewer = world.client_for("viewer")

        recorded = viewer.get(detail_url(quiet_action) + "?kind=recorded").context["updates"]
        written = viewer.get(detail_url(quiet_action) + "?kind=update").context["updates"]
        export = viewer.get(detail_url(quiet_action) + "?export=csv")

        assert [u.source for u in recorded] == [UpdateSource.BOARD]
        assert [u.text for u in written] == ["Stand van zaken."]
        assert "via het statusbord" in export.getvalue().decode("utf-8-sig")


def test_the_dashboard_lists_a_board_move_once_among_the_status_changes(world, quiet_action):
    target = statuses(world.plan_a)[2]
    coordinator = world.client_for("coordinator")
    coordinator.post(f"/alfa/plan/bord/{quiet_action.pk}/verplaatsen/", {"status": target.pk})

    changes = coordinator.get("/alfa/").context["dashboard"].changes

    assert changes.updates.total == 0, "a move is no update written by a person"
    assert [(c.action_id, c.new, c.via) for c in changes.status_changes.items] == [
        (quiet_action.pk, target.name, "via het statusbord")
    ]
    assert changes.status_changes.total == 1
