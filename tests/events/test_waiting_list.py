"""The waiting list keeps its order: cancelling someone waiting closes the gap, more places move
people up, and every change is in the history."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import Registration, RegistrationState
from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.stakeholders.models import Contact
from tests.events.conftest import registrations_of, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event(world, alliance, make_event):
    """One place, taken by Els; Jan, Sofie and Bart wait in that order."""
    event = make_event(capacity=1)
    with tenant_scope(world.a):
        bart = Contact.objects.create(full_name="Bart Wachter", email="bart@example.org")
    client = world.client_for("coordinator")
    for contact in (alliance.els, alliance.jan, alliance.sofie, bart):
        client.post(url("events:register", world, pk=event.pk), {"contact": contact.pk})
    return event


def waiting(world, event) -> list[tuple[str, int | None]]:
    return [
        (r.contact.full_name, r.waiting_position)
        for r in registrations_of(world, event)
        if r.state == RegistrationState.WAITING
    ]


def test_cancelling_someone_waiting_closes_the_gap(world, full_event):
    assert waiting(world, full_event) == [
        ("Jan Declercq", 1),
        ("Sofie Maertens", 2),
        ("Bart Wachter", 3),
    ]
    jan = registrations_of(world, full_event)[1]
    world.client_for("coordinator").post(
        url("events:registration_cancel", world, pk=full_event.pk, registration=jan.pk)
    )
    assert waiting(world, full_event) == [("Sofie Maertens", 1), ("Bart Wachter", 2)]


def test_more_places_move_the_first_waiting_up_and_tell_them(
    world, full_event, django_capture_on_commit_callbacks
):
    client = world.client_for("coordinator")
    edit = url("events:edit", world, pk=full_event.pk)
    form = client.get(edit).context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if name != "themes" and form[name].value() is not None
    }
    for name in ("date", "registration_date"):
        data[name] = form[name].value().isoformat()
    for name in ("start_time", "end_time", "registration_time"):
        data[name] = form[name].value().strftime("%H:%M")
    data["capacity"] = "3"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, data)

    assert response.status_code == 302
    assert waiting(world, full_event) == [("Bart Wachter", 1)]
    moved = sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Een plaats"))
    moved += sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Une place"))
    assert moved == ["jan.declercq@ivbo.example", "sofie@welzijnsschakels.example"]
    # Sofie prefers French.
    assert any(m.subject.startswith("Une place pour vous") for m in mail.outbox)


def test_registrations_and_cancellations_are_in_the_history(world, full_event):
    els = registrations_of(world, full_event)[0]
    world.client_for("coordinator").post(
        url("events:registration_cancel", world, pk=full_event.pk, registration=els.pk)
    )
    with tenant_scope(world.a):
        kind = ContentType.objects.get_for_model(Registration)
        entries = AuditEntry.objects.filter(content_type=kind, object_id=str(els.pk))
        assert {e.action for e in entries} == {AuditAction.CREATED, AuditAction.UPDATED}
        assert entries.filter(actor=world.users["coordinator"]).exists()
