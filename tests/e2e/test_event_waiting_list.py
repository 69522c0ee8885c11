"""A network event with one place, in the browser: a citizen registers on the public page, the
coordinator registers a known contact who lands on the waiting list, the citizen cancels with
the link from the confirmation mail and the contact moves up and is told by mail.
Screenshots go to test-results/event-*.png."""

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.events.models import EventKind, NetworkEvent
from daadkracht.stakeholders.models import (
    ConsentText,
    Contact,
    Organisation,
    OrganisationKind,
    Purpose,
)

pytestmark = pytest.mark.e2e

BRUSSELS = ZoneInfo("Europe/Brussels")


def _cancel_link(message) -> str:
    for word in message.body.split():
        if "/evenement/annuleren/" in word:
            return word[word.index("/evenement/") :]
    raise AssertionError("no cancel link in the mail")


def test_a_place_freed_by_a_cancellation_goes_to_the_waiting_list(
    transactional_db,
    world,
    page: Page,
    browser: Browser,
    live_server,
    log_in,
    results_dir: Path,
):
    day = timezone.localdate() + timedelta(days=10)
    with tenant_scope(world.a):
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        Contact.objects.create(
            full_name="Jan Declercq", organisation=ivbo, email="jan.declercq@ivbo.example"
        )
        ConsentText.objects.create(
            purpose=Purpose.EVENTS,
            version=1,
            text="Ik geef de stad mijn naam en e-mailadres om mij in te schrijven voor dit "
            "evenement en mij erover te mailen.",
            published_at=timezone.now() - timedelta(days=3),
        )
        event = NetworkEvent.objects.create(
            title="Klimaatwerkbank Energie: warmtenetten",
            kind=EventKind.WORKBENCH,
            starts_at=datetime.combine(day, time(14, 0), tzinfo=BRUSSELS),
            ends_at=datetime.combine(day, time(16, 30), tzinfo=BRUSSELS),
            place="Stadhuis, Gotische zaal",
            capacity=1,
            registration_until=datetime.combine(day, time(9, 0), tzinfo=BRUSSELS),
            organiser=world.users["coordinator"],
        )

    # A citizen registers on the public page, on a phone, without an account.
    phone = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 375, "height": 740}
    )
    problems: list[str] = []
    citizen = phone.new_page()
    citizen.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    citizen.goto(f"/evenement/alfa/{event.pk}/")
    expect(
        citizen.get_by_role("heading", name="Klimaatwerkbank Energie: warmtenetten")
    ).to_be_visible()
    expect(citizen.get_by_text("1 plaats vrij.")).to_be_visible()
    citizen.get_by_label("Uw voor- en achternaam").fill("Lotte Peeters")
    citizen.get_by_label("Uw e-mailadres").fill("lotte.peeters@example.org")
    citizen.get_by_label("Uw organisatie").fill("Buurtwerk Sint-Pieters")
    citizen.get_by_label("Ik ga akkoord").check()
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 375, "it must fit a phone"
    citizen.screenshot(path=results_dir / "event-1-public-form.png", full_page=True)
    # A person takes more than a few seconds to fill in a form; a bot does not.
    citizen.wait_for_timeout(3200)
    citizen.get_by_role("button", name="Inschrijven").click()
    expect(citizen.get_by_role("heading", name="U bent ingeschreven")).to_be_visible()
    (confirmation,) = [m for m in mail.outbox if m.to == ["lotte.peeters@example.org"]]
    (item,) = Calendar.from_ical(confirmation.attachments[0].content).walk("VEVENT")
    assert item.decoded("DTSTART").astimezone(BRUSSELS).time() == time(14, 0)

    # The coordinator registers a known contact: the event is full, so the waiting list.
    log_in(world.users["coordinator"])
    page.goto(f"/alfa/evenementen/{event.pk}/")
    page.get_by_role("combobox", name="Contactpersoon").select_option(label="Jan Declercq (IVBO)")
    page.get_by_role("button", name="Inschrijven", exact=True).click()
    expect(
        page.get_by_text("Het evenement is volzet: Jan Declercq staat op de wachtlijst")
    ).to_be_visible()
    waiting = page.get_by_role("region", name="Wachtlijst")
    expect(waiting.get_by_role("link", name="Jan Declercq")).to_be_visible()
    page.screenshot(path=results_dir / "event-2-waiting-list.png", full_page=True)
    assert any(
        m.to == ["jan.declercq@ivbo.example"] and m.subject.startswith("Op de wachtlijst")
        for m in mail.outbox
    )

    # The citizen cannot come after all and cancels with the link from the mail.
    citizen.goto(_cancel_link(confirmation))
    expect(citizen.get_by_role("heading", name="Uw inschrijving annuleren")).to_be_visible()
    citizen.get_by_role("button", name="Annuleer mijn inschrijving").click()
    expect(citizen.get_by_role("heading", name="Uw inschrijving is geannuleerd")).to_be_visible()
    citizen.screenshot(path=results_dir / "event-3-cancelled.png", full_page=True)
    phone.close()
    assert problems == []

    # The contact moved up and got a mail with the calendar file.
    (moved,) = [
        m
        for m in mail.outbox
        if m.to == ["jan.declercq@ivbo.example"] and m.subject.startswith("Een plaats voor u")
    ]
    assert "u bent doorgeschoven van de wachtlijst" in moved.body
    assert Calendar.from_ical(moved.attachments[0].content).walk("VEVENT")
    page.goto(f"/alfa/evenementen/{event.pk}/")
    registrations = page.get_by_role("table", name="Ingeschreven mensen en aanwezigheid")
    expect(registrations.get_by_role("link", name="Jan Declercq")).to_be_visible()
    expect(page.get_by_text("Niemand staat op de wachtlijst.")).to_be_visible()
    page.screenshot(path=results_dir / "event-4-moved-up.png", full_page=True)
