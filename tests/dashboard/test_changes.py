"""What changed since a chosen date: updates and decisions, status changes, new actions."""

from datetime import timedelta
from http import HTTPStatus

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditAction, AuditEntry, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Action, StatusCategory, UpdateKind
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.testing.factories import as_platform
from tests.dashboard.conftest import pks, status


def post(world, action, text, **kwargs):
    with tenant_scope(world.a):
        return timeline_update_post(
            actor=world.users["coordinator"], action=action, text=text, **kwargs
        )


def changes(client, query: str = ""):
    response = client.get(f"/alfa/{query}")
    assert response.status_code == HTTPStatus.OK
    return response, response.context["dashboard"].changes


def test_updates_decisions_and_status_changes_of_the_last_thirty_days(world, coordinator):
    today = timezone.localdate()
    delayed = status(world.plan_a, StatusCategory.DELAYED)
    post(world, world.action_a, "Vergunning loopt vertraging op.", new_status=delayed)
    post(world, world.other_action_a, "College keurt extra budget goed.", kind=UpdateKind.DECISION)
    post(world, world.other_action_a, "Oude stand van zaken.", on_date=today - timedelta(days=45))

    response, result = changes(coordinator)

    assert result.since == today - timedelta(days=30)
    assert [u.text for u in result.updates.items] == [
        "College keurt extra budget goed.",
        "Vergunning loopt vertraging op.",
    ]
    assert result.updates.total == 2
    assert result.decisions == 1
    # The update's own history entry does not count the same change a second time.
    assert result.status_changes.total == 1
    change = result.status_changes.items[0]
    assert (change.action_id, change.new, change.through_update) == (
        world.action_a.pk,
        delayed.name,
        True,
    )
    # Both actions of the test world were created today.
    assert set(pks(result.created.items)) == {world.action_a.pk, world.other_action_a.pk}
    content = response.content.decode()
    assert "College keurt extra budget goed." in content
    assert "Oude stand van zaken." not in content


@as_platform
def test_an_earlier_date_shows_more(world, coordinator):
    today = timezone.localdate()
    post(world, world.other_action_a, "Oude stand van zaken.", on_date=today - timedelta(days=45))
    Action.unscoped.filter(pk=world.action_a.pk).update(
        created_at=timezone.now() - timedelta(days=50)
    )

    _, recent = changes(coordinator)
    since = (today - timedelta(days=60)).isoformat()
    response, earlier = changes(coordinator, f"?sinds={since}")

    assert recent.updates.total == 0
    assert world.action_a.pk not in pks(recent.created.items)
    assert earlier.since.isoformat() == since
    assert [u.text for u in earlier.updates.items] == ["Oude stand van zaken."]
    assert world.action_a.pk in pks(earlier.created.items)
    # The date field keeps the chosen date.
    assert f'value="{since}"' in response.content.decode()


def test_a_later_date_shows_less(world, coordinator):
    post(world, world.action_a, "Vandaag besproken.")

    _, result = changes(coordinator, f"?sinds={timezone.localdate() + timedelta(days=1)}")

    assert result.updates.total == 0
    assert result.created.total == 0
    assert result.is_empty


def test_an_invalid_date_falls_back_to_thirty_days(world, coordinator):
    response, result = changes(coordinator, "?sinds=gisteren")

    assert result.since == timezone.localdate() - timedelta(days=30)
    assert response.context["since_valid"] is False
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_list_shows_the_latest_ten_and_counts_all(world, coordinator):
    for n in range(12):
        post(world, world.action_a, f"Update {n}")

    _, result = changes(coordinator)

    assert len(result.updates.items) == 10
    assert result.updates.total == 12
    assert result.updates.more == 2


def test_htmx_request_gets_the_page_to_select_the_changes_from(world, coordinator):
    response = coordinator.get("/alfa/?sinds=2020-01-01", headers={"HX-Request": "true"})

    assert response.status_code == HTTPStatus.OK
    assert 'id="changes-results"' in response.content.decode()


def test_a_status_edited_directly_before_the_timeline_recorded_it_counts(world, coordinator):
    """Such an edit left only its history entry, of no recorded source."""
    done = status(world.plan_a, StatusCategory.DONE)
    with tenant_scope(world.a):
        action = Action.objects.get(pk=world.other_action_a.pk)
        before = snapshot(action)
        action.status = done
        action.save()
        entry = audit_record(
            actor=world.users["coordinator"],
            instance=action,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        AuditEntry.objects.filter(pk=entry.pk).update(source="")

    _, result = changes(coordinator)

    assert result.status_changes.total == 1
    change = result.status_changes.items[0]
    assert (change.action_id, change.new, change.through_update) == (action.pk, done.name, False)
    assert change.by == world.users["coordinator"]
