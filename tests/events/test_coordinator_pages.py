"""The coordinator's pages: planning and editing an event (without overwriting a colleague),
registering a known contact (on the waiting list when full), attendance, the closing report,
the calendar file; and who may see and do what."""

from datetime import time, timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import NetworkEvent, Registration, RegistrationState
from daadkracht.events.services.events import event_update
from daadkracht.stakeholders.models import Contact
from tests.events.conftest import BRUSSELS, next_week, registrations_of, url

pytestmark = pytest.mark.django_db


def event_form(world, **values) -> dict:
    data = {
        "title": "Klimaatwerkbank Energie: warmtenetten",
        "kind": "workbench",
        "description": "Tweede sessie van de werkbank rond warmte.",
        "place": "Stadhuis, Gotische zaal",
        "capacity": "25",
        "organiser": str(world.users["coordinator"].pk),
        "date": next_week().isoformat(),
        "start_time": "14:00",
        "end_time": "16:30",
        "registration_date": next_week().isoformat(),
        "registration_time": "09:00",
    }
    data.update(values)
    return data


def test_the_coordinator_plans_an_event(world, alliance):
    client = world.client_for("coordinator")
    response = client.post(url("events:create", world), event_form(world))

    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        event = NetworkEvent.objects.get()
    assert event.capacity == 25
    assert event.starts_at.astimezone(BRUSSELS).time() == time(14, 0)
    page = client.get(response["Location"]).content.decode()
    assert "Klimaatwerkbank Energie: warmtenetten" in page
    assert f"/evenement/alfa/{event.pk}/" in page


def test_a_wrong_form_comes_back_with_what_was_typed(world, alliance):
    client = world.client_for("coordinator")
    response = client.post(
        url("events:create", world),
        event_form(world, capacity="0", end_time="13:00", place="Zaal Oost"),
    )

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Zaal Oost" in page
    assert "Klimaatwerkbank Energie: warmtenetten" in page
    assert "Het evenement moet eindigen na het begin." in page
    with tenant_scope(world.a):
        assert not NetworkEvent.objects.exists()


def test_two_coordinators_editing_an_event_do_not_overwrite_each_other(world, alliance, make_event):
    event = make_event(capacity=30)
    client = world.client_for("coordinator")
    edit = url("events:edit", world, pk=event.pk)
    base = client.get(edit).context["form"].initial
    with world.as_member("coordinator"):
        stored = NetworkEvent.objects.get(pk=event.pk)
        event_update(
            actor=world.users["coordinator"],
            event=stored,
            expected_version=base["version"],
            title=stored.title,
            kind=stored.kind,
            description=stored.description,
            starts_at=stored.starts_at,
            ends_at=stored.ends_at,
            place="Stadshallen, Belfortzaal",
            capacity=stored.capacity,
            registration_until=stored.registration_until,
            organiser=stored.organiser,
        )
    data = event_form(
        world,
        title="Open netwerkmoment: warmte in de wijk",
        kind="open_network",
        description="We bespreken het warmteplan met buurtbewoners en partners.",
        place="Stadshallen, Markt 7",
        capacity="40",
        date=next_week().isoformat(),
        start_time="19:00",
        end_time="21:30",
        registration_time="12:00",
        version=base["version"],
        base=base["base"],
    )
    response = client.post(edit, data)

    assert response.status_code == HTTPStatus.FOUND
    with tenant_scope(world.a):
        stored = NetworkEvent.objects.get(pk=event.pk)
    assert stored.place == "Stadshallen, Belfortzaal"  # their change is kept
    assert stored.capacity == 40  # and this one


def test_the_coordinator_registers_a_known_contact_on_the_waiting_list_who_moves_up(
    world, alliance, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    client = world.client_for("coordinator")
    register = url("events:register", world, pk=event.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {"contact": alliance.els.pk})
        response = client.post(register, {"contact": alliance.jan.pk}, follow=True)

    page = response.content.decode()
    assert "Het evenement is volzet: Jan Declercq staat op de wachtlijst" in page
    els, jan = registrations_of(world, event)
    assert (els.state, jan.state, jan.waiting_position) == ("registered", "waiting", 1)
    assert jan.organisation == "IVBO"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("events:registration_cancel", world, pk=event.pk, registration=els.pk))
    els, jan = registrations_of(world, event)
    assert els.state == RegistrationState.CANCELLED
    assert jan.state == RegistrationState.REGISTERED
    (moved,) = [m for m in mail.outbox if m.to == ["jan.declercq@ivbo.example"]]
    assert "u bent doorgeschoven van de wachtlijst" in moved.body


def test_registering_the_same_contact_twice_says_so(world, alliance, make_event):
    event = make_event()
    client = world.client_for("coordinator")
    register = url("events:register", world, pk=event.pk)
    client.post(register, {"contact": alliance.els.pk})
    response = client.post(register, {"contact": alliance.els.pk})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Els Vandamme is al ingeschreven voor dit evenement." in response.content.decode()
    assert len(registrations_of(world, event)) == 1


def test_the_organiser_hears_at_80_percent_and_when_full_once_each(
    world, alliance, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    with tenant_scope(world.a):
        people = [
            Contact.objects.create(full_name=f"Deelnemer {n}", email=f"deelnemer{n}@example.org")
            for n in range(6)
        ]
    client = world.client_for("coordinator")
    register = url("events:register", world, pk=event.pk)

    def organiser_mails() -> list[str]:
        return [m.subject for m in mail.outbox if m.to == ["coordinator@alfa.test"]]

    with django_capture_on_commit_callbacks(execute=True):
        for person in people[:3]:
            client.post(register, {"contact": person.pk})
    assert organiser_mails() == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {"contact": people[3].pk})
    assert organiser_mails() == [f"{event.title} is voor 80% volzet"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register, {"contact": people[4].pk})
        client.post(register, {"contact": people[5].pk})
    assert organiser_mails() == [f"{event.title} is voor 80% volzet", f"{event.title} is volzet"]


def test_attendance_and_the_closing_report(world, alliance, make_event):
    event = make_event(capacity=3)
    client = world.client_for("coordinator")
    register = url("events:register", world, pk=event.pk)
    for contact in (alliance.els, alliance.jan, alliance.sofie):
        client.post(register, {"contact": contact.pk})
    with tenant_scope(world.a):
        extra = Contact.objects.create(full_name="Bart Wachter", email="bart@example.org")
    client.post(register, {"contact": extra.pk})
    els, jan, sofie, bart = registrations_of(world, event)

    client.post(url("events:attendance", world, pk=event.pk), {"present": [els.pk, jan.pk]})

    els, jan, sofie, bart = registrations_of(world, event)
    assert (els.attended, jan.attended, sofie.attended, bart.attended) == (True, True, False, None)
    report = client.get(url("events:report", world, pk=event.pk))
    figures = report.context["report"]
    assert (figures.registered, figures.attended, figures.absent, figures.waiting) == (3, 2, 1, 1)
    assert figures.rate == 67
    assert [(o.name, o.people) for o in figures.organisations] == [("Fluvius", 1), ("IVBO", 1)]
    page = report.content.decode()
    assert "67%" in page
    assert "Aanwezige organisaties" in page

    csv = client.get(url("events:report", world, pk=event.pk) + "?export=csv")
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert "Aanwezigheidsgraad" in text
    assert "67%" in text
    assert "Aanwezig: Fluvius" in text


def test_the_calendar_file_is_at_brussels_time(world, alliance, make_event):
    event = make_event()
    response = world.client_for("viewer").get(url("events:calendar", world, pk=event.pk))

    assert response["Content-Type"].startswith("text/calendar")
    (item,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert item.decoded("DTSTART").astimezone(BRUSSELS).time() == time(19, 0)


def test_the_list_shows_upcoming_and_past_events_and_exports(world, alliance, make_event):
    make_event(title="Open netwerkmoment: warmte in de wijk")
    past = make_event(title="Werkbank Mobiliteit van vorige maand")
    with tenant_scope(world.a):
        NetworkEvent.objects.filter(pk=past.pk).update(
            starts_at=past.starts_at - timedelta(days=40),
            ends_at=past.ends_at - timedelta(days=40),
            registration_until=past.registration_until - timedelta(days=40),
        )
    client = world.client_for("viewer")
    upcoming = client.get(url("events:list", world)).content.decode()
    assert "Open netwerkmoment: warmte in de wijk" in upcoming
    assert "Werkbank Mobiliteit van vorige maand" not in upcoming
    gone = client.get(url("events:list", world) + "?period=past").content.decode()
    assert "Werkbank Mobiliteit van vorige maand" in gone
    found = client.get(url("events:list", world) + "?period=all&q=mobiliteit").content.decode()
    assert "Open netwerkmoment" not in found
    csv = client.get(url("events:list", world) + "?period=all&export=csv")
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert "Werkbank Mobiliteit van vorige maand" in text


def test_a_viewer_reads_events_but_neither_manages_them_nor_sees_who_registered(
    world, alliance, make_event
):
    event = make_event()
    world.client_for("coordinator").post(
        url("events:register", world, pk=event.pk), {"contact": alliance.els.pk}
    )
    viewer = world.client_for("viewer")
    page = viewer.get(url("events:detail", world, pk=event.pk))
    assert page.status_code == HTTPStatus.OK
    assert "Els Vandamme" not in page.content.decode()
    assert "1 van 30 bezet" in page.content.decode()
    for name in ("events:create",):
        assert viewer.get(url(name, world)).status_code == HTTPStatus.FORBIDDEN
    for name in ("events:edit", "events:report"):
        assert viewer.get(url(name, world, pk=event.pk)).status_code == HTTPStatus.FORBIDDEN
    for name in ("events:register", "events:attendance"):
        response = viewer.post(url(name, world, pk=event.pk), {"contact": alliance.jan.pk})
        assert response.status_code == HTTPStatus.FORBIDDEN
    assert len(registrations_of(world, event)) == 1


def test_another_municipality_finds_nothing(world, alliance, make_event):
    event = make_event()
    outsider = world.client_for("other_municipality")
    assert outsider.get(url("events:detail", world, pk=event.pk)).status_code == 404
    own = f"/beta/evenementen/{event.pk}/"
    assert outsider.get(own).status_code == HTTPStatus.NOT_FOUND


def _event_page_queries(world, make_event, alliance, people: int) -> int:
    event = make_event(capacity=people // 2 + 1, title=f"Evenement met {people}")
    with tenant_scope(world.a):
        for n in range(people):
            contact = Contact.objects.create(
                full_name=f"Persoon {n}",
                email=f"persoon{people}-{n}@example.org",
                organisation=alliance.fluvius if n % 2 else alliance.ivbo,
            )
            state = "registered" if n <= people // 2 else "waiting"
            Registration.objects.create(
                event=event,
                contact=contact,
                state=state,
                waiting_position=n if state == "waiting" else None,
                organisation="Fluvius" if n % 3 else "",
            )
    client = world.client_for("coordinator")
    page = url("events:detail", world, pk=event.pk)
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page).status_code == HTTPStatus.OK
    return len(queries)


def test_the_event_page_takes_as_many_queries_for_5_as_for_50_registrations(
    world, alliance, make_event
):
    assert _event_page_queries(world, make_event, alliance, 5) == _event_page_queries(
        world, make_event, alliance, 50
    )


def test_the_coordinator_cancels_an_event_and_everyone_is_told(
    world, alliance, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    client = world.client_for("coordinator")
    for contact in (alliance.els, alliance.sofie):
        client.post(url("events:register", world, pk=event.pk), {"contact": contact.pk})
    cancel = url("events:cancel", world, pk=event.pk)
    assert "2 ingeschreven of wachtende personen" in client.get(cancel).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel, follow=True)

    assert "is geannuleerd; iedereen die zich inschreef, is verwittigd." in (
        response.content.decode()
    )
    with tenant_scope(world.a):
        assert NetworkEvent.objects.get(pk=event.pk).is_cancelled
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Annulée : Open netwerkmoment")
    assert subjects[1].startswith("Geannuleerd: Open netwerkmoment")
    els_mail = next(m for m in mail.outbox if m.to == ["els.vandamme@fluvius.example"])
    (item,) = Calendar.from_ical(els_mail.attachments[0].content).walk("VEVENT")
    assert str(item["STATUS"]) == "CANCELLED"
    assert client.get(url("events:edit", world, pk=event.pk)).status_code == HTTPStatus.FOUND
