"""Posting status updates and decisions: they move status, progress and deadline, and form the
action's timeline."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType

from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import Action, ActionStatus, StatusUpdate, UpdateKind
from daadkracht.testing.factories import as_platform


def post_url(action) -> str:
    return f"/alfa/plan/acties/{action.pk}/opvolging/"


def detail_url(action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


def statuses(plan) -> list[ActionStatus]:
    return list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))


def update(**fields: object) -> dict[str, object]:
    data = {"update-kind": "update", "update-date": "2025-06-01", "update-text": "Stand van zaken"}
    data.update({f"update-{k}": v for k, v in fields.items()})
    return data


@pytest.fixture
@as_platform
def dated_action(world) -> Action:
    Action.unscoped.filter(pk=world.action_a.pk).update(deadline=date(2025, 12, 31), progress=20)
    world.action_a.refresh_from_db()
    return world.action_a


def test_an_update_moves_the_deadline_and_appears_in_the_timeline(world, dated_action):
    editor = world.client_for("editor")
    on_track = statuses(world.plan_a)[2]

    response = editor.post(
        post_url(dated_action),
        update(
            text="De aannemer is failliet; nieuwe aanbesteding.",
            new_deadline="2026-06-30",
            new_progress=45,
            new_status=on_track.pk,
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == detail_url(dated_action) + "#timeline"
    dated_action.refresh_from_db()
    assert dated_action.deadline == date(2026, 6, 30)
    assert dated_action.progress == 45
    assert dated_action.status == on_track
    assert dated_action.last_update_at is not None
    assert dated_action.version == 2
    entry = StatusUpdate.unscoped.get(action=dated_action)
    assert entry.author == world.users["editor"]
    assert entry.date == date(2025, 6, 1)
    assert entry.previous_deadline == date(2025, 12, 31)

    page = editor.get(detail_url(dated_action))
    assert [u.pk for u in page.context["updates"]] == [entry.pk]
    html = page.content.decode()
    assert "De aannemer is failliet; nieuwe aanbesteding." in html
    assert "20% → 45%" in html
    assert "2025" in html
    assert "2026" in html
    assert world.users["editor"].full_name in html


def test_a_decision_is_a_kind_of_update(world, dated_action):
    world.client_for("coordinator").post(
        post_url(dated_action),
        update(kind="decision", text="Het college keurt 50.000 euro extra goed."),
    )

    entry = StatusUpdate.unscoped.get(action=dated_action)
    assert entry.kind == UpdateKind.DECISION
    dated_action.refresh_from_db()
    assert dated_action.deadline == date(2025, 12, 31)  # nothing else moved
    page = world.client_for("viewer").get(detail_url(dated_action) + "?kind=decision")
    assert [u.pk for u in page.context["updates"]] == [entry.pk]


def test_newest_first(world, dated_action):
    editor = world.client_for("editor")
    editor.post(post_url(dated_action), update(text="Eerste", date="2025-01-10"))
    editor.post(post_url(dated_action), update(text="Derde", date="2025-03-10"))
    editor.post(post_url(dated_action), update(text="Tweede", date="2025-02-10"))

    page = editor.get(detail_url(dated_action))

    assert [u.text for u in page.context["updates"]] == ["Derde", "Tweede", "Eerste"]


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"text": "  "}, "text"),
        ({"new_progress": 150}, "new_progress"),
        ({"date": "gisteren"}, "date"),
        ({"date": "0001-01-01"}, "date"),
        ({"date": "2101-01-01"}, "date"),
        ({"new_deadline": "1899-12-31"}, "new_deadline"),
    ],
)
def test_invalid_updates_are_explained_and_the_input_kept(world, dated_action, fields, error_field):
    data = update(**{"new_deadline": "2026-01-31", **fields})

    response = world.client_for("editor").post(post_url(dated_action), data)

    assert response.status_code == HTTPStatus.OK
    form = response.context["update_form"]
    assert form.errors[error_field]
    kept = data["update-new_deadline"]
    assert form["new_deadline"].value() == kept
    assert f'value="{kept}"'.encode() in response.content
    assert not StatusUpdate.unscoped.filter(action=dated_action).exists()
    dated_action.refresh_from_db()
    assert dated_action.deadline == date(2025, 12, 31)


def test_a_status_of_another_municipality_is_refused(world, dated_action):
    status_b = statuses(world.plan_b)[2]

    response = world.client_for("coordinator").post(
        post_url(dated_action), update(new_status=status_b.pk)
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["update_form"].errors["new_status"]
    assert not StatusUpdate.unscoped.exists()


def test_posting_writes_the_history_of_the_action(world, dated_action):
    world.client_for("editor").post(post_url(dated_action), update(new_deadline="2026-03-31"))

    entry = AuditEntry.unscoped.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id=str(dated_action.pk)
    ).get()
    assert entry.action == AuditAction.UPDATED
    assert entry.actor == world.users["editor"]
    before, after = entry.changes["deadline"]
    assert "2025" in before
    assert "2026" in after


def test_who_may_post(world):
    other = world.other_action_a
    assert world.client_for("editor").post(post_url(other), update()).status_code == 403
    for who in ("viewer", "coach"):
        assert world.client_for(who).post(post_url(world.action_a), update()).status_code == 403
    assert world.client_for("coordinator").post(post_url(other), update()).status_code == 302
    assert world.client_for("coordinator").get(post_url(other)).status_code == 405
    outsider = world.client_for("other_municipality")
    assert outsider.post(post_url(world.action_a), update()).status_code == 404
    assert StatusUpdate.unscoped.filter(action=world.action_a).count() == 0
    assert StatusUpdate.unscoped.filter(action=other).count() == 1
