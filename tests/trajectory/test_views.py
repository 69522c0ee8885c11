"""The trajectory's pages for each role: starting it, the agreements, a phase and its checklist."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.testing.trajectory import started_trajectory
from daadkracht.trajectory.models import ChecklistItem, Party, Phase, PhaseKind, PhaseState
from tests.html_forms import posted_form


def url(world, name: str, **kwargs) -> str:
    return reverse(f"trajectory:{name}", kwargs={"municipality": world.a.slug, **kwargs})


def text_of(response) -> str:
    return response.content.decode()


def test_before_it_starts_the_page_explains_the_trajectory_and_offers_to_start(world):
    page = world.client_for("coordinator").get(url(world, "overview"))

    assert page.status_code == HTTPStatus.OK
    assert "kick-off" in text_of(page) or "doorstartdag" in text_of(page)
    assert url(world, "start") in text_of(page)


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_editors_and_viewers_read_that_it_has_not_started_without_a_start_button(world, role):
    page = world.client_for(role).get(url(world, "overview"))

    assert page.status_code == HTTPStatus.OK
    assert url(world, "start") not in text_of(page)


def test_the_coordinator_starts_the_trajectory_from_the_page(world):
    client = world.client_for("coordinator")
    start = (timezone.localdate() - timedelta(days=3)).isoformat()

    response = client.post(url(world, "start"), {"started_on": start}, follow=True)

    assert response.status_code == HTTPStatus.OK
    assert Phase.unscoped.filter(municipality=world.a).count() == len(PhaseKind)
    page = text_of(response)
    for kind in PhaseKind:
        assert str(kind.label) in page or kind.label in page
    # The responsibilities and the first one coming due show.
    assert "contact" in page.casefold()


def test_a_start_date_that_is_no_date_is_refused_and_kept(world):
    client = world.client_for("coordinator")

    response = client.post(url(world, "start"), {"started_on": "morgen"})

    assert response.status_code == HTTPStatus.OK
    assert 'value="morgen"' in text_of(response)
    assert not Phase.unscoped.filter(municipality=world.a).exists()


def test_starting_twice_keeps_one_trajectory(world):
    started_trajectory(world.a)
    client = world.client_for("coach")

    response = client.post(url(world, "start"), {"started_on": "2026-01-05"}, follow=True)

    assert "Het traject van deze gemeente is al gestart." in text_of(response)
    assert Phase.unscoped.filter(municipality=world.a).count() == len(PhaseKind)


@pytest.mark.parametrize("role", ["coordinator", "coach", "editor", "viewer"])
def test_every_member_reads_the_phases_with_their_state_and_next_items(world, role):
    started_trajectory(world.a)
    with world.as_member("coordinator"):
        Phase.objects.filter(kind=PhaseKind.INTAKE).update(state=PhaseState.DONE)
        Phase.objects.filter(kind=PhaseKind.DIAGNOSIS).update(state=PhaseState.UNDER_WAY)
        diagnosis = Phase.objects.get(kind=PhaseKind.DIAGNOSIS)
        ChecklistItem.objects.create(
            trajectory=diagnosis.trajectory,
            phase=diagnosis,
            text="Vragenlijst naar de diensthoofden sturen",
            owner=Party.COACH,
            due_date=timezone.localdate() - timedelta(days=2),
        )

    page = world.client_for(role).get(url(world, "overview"))

    body = text_of(page)
    assert page.status_code == HTTPStatus.OK
    assert "Vragenlijst naar de diensthoofden sturen" in body
    assert 'aria-current="step"' in body
    manage_link = url(world, "agreements_edit")
    assert (manage_link in body) is (role in {"coordinator", "coach"})


def test_a_phase_page_shows_its_checklist_and_lets_a_coach_add_and_tick_items(world):
    started_trajectory(world.a)
    phase = Phase.unscoped.get(municipality=world.a, kind=PhaseKind.WORKSHOPS)
    client = world.client_for("coach")
    page = client.get(url(world, "phase", pk=phase.pk))
    assert page.status_code == HTTPStatus.OK
    assert "Nothing on the checklist" in text_of(page) or "Nog niets" in text_of(page)

    client.post(
        url(world, "phase_item_create", pk=phase.pk),
        {"item-text": "Draaiboek workshop 1 opmaken", "item-owner": "coach", "item-due_date": ""},
    )
    item = ChecklistItem.unscoped.get(phase=phase)
    assert item.owner == Party.COACH
    client.post(url(world, "item_toggle", pk=item.pk), {"done": "1"})

    item.refresh_from_db()
    assert item.is_done
    page = client.get(url(world, "phase", pk=phase.pk))
    assert "Draaiboek workshop 1 opmaken" in text_of(page)


def test_an_empty_item_is_refused_with_what_was_typed_kept(world):
    started_trajectory(world.a)
    phase = Phase.unscoped.get(municipality=world.a, kind=PhaseKind.WORKSHOPS)

    response = world.client_for("coordinator").post(
        url(world, "phase_item_create", pk=phase.pk),
        {"item-text": "  ", "item-owner": "coach", "item-due_date": "2026-02-30"},
    )

    assert response.status_code == HTTPStatus.OK
    assert 'value="2026-02-30"' in text_of(response)
    assert not ChecklistItem.unscoped.filter(phase=phase).exists()


def test_editing_a_phase_through_its_form(world):
    started_trajectory(world.a)
    phase = Phase.unscoped.get(municipality=world.a, kind=PhaseKind.INTAKE)
    client = world.client_for("coordinator")
    form = client.get(url(world, "phase_edit", pk=phase.pk))
    data = posted_form(form)
    data.update({"state": PhaseState.DONE, "notes": "Intake met schepen en milieudienst."})

    response = client.post(url(world, "phase_edit", pk=phase.pk), data)

    assert response.status_code == HTTPStatus.FOUND
    phase.refresh_from_db()
    assert phase.state == PhaseState.DONE
    assert phase.notes == "Intake met schepen en milieudienst."


def test_a_concurrent_edit_of_the_agreements_is_merged_and_a_conflict_asked(world):
    started_trajectory(world.a)
    coordinator, coach = world.client_for("coordinator"), world.client_for("coach")
    edit = url(world, "agreements_edit")
    mine = posted_form(coordinator.get(edit))
    theirs = posted_form(coach.get(edit))
    theirs.update({"alderman": "Schepen Claes", "timing": "Voorjaar"})
    assert coach.post(edit, theirs).status_code == HTTPStatus.FOUND

    mine.update({"alderman": "Schepen Peeters", "course": "Drie workshops"})
    response = coordinator.post(edit, mine)

    # Both changed the alderman: asked. The coach's timing stays; nothing is saved yet.
    assert response.status_code == HTTPStatus.OK
    assert "Schepen Claes" in text_of(response)
    stored = Phase.unscoped.filter(municipality=world.a).first()
    assert stored is not None
    trajectory = stored.trajectory
    assert trajectory.alderman == "Schepen Claes"
    assert trajectory.timing == "Voorjaar"
    assert trajectory.course == ""


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_editors_and_viewers_cannot_change_anything(world, role):
    started_trajectory(world.a)
    item = ChecklistItem.unscoped.filter(municipality=world.a).first()
    phase = Phase.unscoped.filter(municipality=world.a).first()
    client = world.client_for(role)

    assert client.post(url(world, "item_toggle", pk=item.pk), {"done": "1"}).status_code == 403
    assert client.get(url(world, "phase_edit", pk=phase.pk)).status_code == 403
    assert client.get(url(world, "agreements_edit")).status_code == 403
    assert client.get(url(world, "phase", pk=phase.pk)).status_code == HTTPStatus.OK
    item.refresh_from_db()
    assert not item.is_done


def test_another_municipality_sees_nothing_of_this_trajectory(world):
    started_trajectory(world.a)
    started_trajectory(world.b)
    phase_a = Phase.unscoped.filter(municipality=world.a).first()
    item_a = ChecklistItem.unscoped.filter(municipality=world.a).first()
    outsider = world.client_for("other_municipality")
    beta = {"municipality": world.b.slug}

    # Its own municipality's URLs with A's ids: not found, and nothing changes.
    assert (
        outsider.get(reverse("trajectory:phase", kwargs={**beta, "pk": phase_a.pk})).status_code
        == 404
    )
    response = outsider.post(
        reverse("trajectory:item_toggle", kwargs={**beta, "pk": item_a.pk}), {"done": "1"}
    )
    assert response.status_code == 404
    # A's own URLs: not found either.
    assert outsider.get(url(world, "overview")).status_code == 404
    item_a.refresh_from_db()
    assert not item_a.is_done


def test_deleting_an_item_asks_first(world):
    started_trajectory(world.a)
    item = ChecklistItem.unscoped.filter(municipality=world.a).first()
    client = world.client_for("coordinator")

    confirm = client.get(url(world, "item_delete", pk=item.pk))
    assert confirm.status_code == HTTPStatus.OK
    assert ChecklistItem.unscoped.filter(pk=item.pk).exists()

    response = client.post(url(world, "item_delete", pk=item.pk))
    assert response.status_code == HTTPStatus.FOUND
    assert not ChecklistItem.unscoped.filter(pk=item.pk).exists()


def test_the_navigation_leads_to_the_trajectory(world):
    page = world.client_for("viewer").get(reverse("tenancy:home", args=[world.a.slug]))

    assert url(world, "overview") in text_of(page)
