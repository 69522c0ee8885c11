"""The climate alliance in the browser. A resident joins the Open Network on a phone and
confirms with the link in the mail; the coordinator finds them among the members and registers
them for a workbench session that is full, so they land on the waiting list; when the person
with the one place cancels with the link from their mail, the resident moves up and is told.
On the demo, the coverage view shows the theme nobody is engaged on.
Screenshots go to test-results/alliance-*.png."""

import re
from datetime import datetime, time, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from daadkracht.access import form_guard
from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import User
from daadkracht.events.models import EventKind, NetworkEvent, Registration, RegistrationState
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import (
    ConsentText,
    Contact,
    Organisation,
    OrganisationKind,
    Purpose,
)

pytestmark = pytest.mark.e2e

BRUSSELS = ZoneInfo("Europe/Brussels")
CONFIRM = re.compile(r"https?://[^/\s]+(/open-netwerk/bevestigen/\S+/)")
CANCEL = re.compile(r"https?://[^/\s]+(/evenement/annuleren/\S+/)")


def test_a_new_member_of_the_open_network_moves_up_from_the_waiting_list(
    transactional_db, world, page: Page, browser: Browser, live_server, log_in, results_dir: Path
):
    day = timezone.localdate() + timedelta(days=12)
    with tenant_scope(world.a):
        Theme.objects.create(plan=world.plan_a, code="E", name="Energie")
        ivbo = Organisation.objects.create(name="IVBO", kind=OrganisationKind.INTERMUNICIPAL)
        jan = Contact.objects.create(
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

    # The one place goes to Jan, through the public page.
    phone = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 375, "height": 740}
    )
    tab = phone.new_page()
    tab.goto(f"/evenement/alfa/{event.pk}/")
    tab.get_by_label("Uw voor- en achternaam").fill("Jan Declercq")
    tab.get_by_label("Uw e-mailadres").fill("jan.declercq@ivbo.example")
    tab.get_by_label("Ik ga akkoord").check()
    tab.wait_for_timeout((form_guard.MIN_SECONDS + 0.5) * 1000)
    tab.get_by_role("button", name="Inschrijven").click()
    expect(tab.get_by_role("heading", name="U bent ingeschreven")).to_be_visible()
    (jans_mail,) = [m for m in mail.outbox if m.to == [jan.email] and CANCEL.search(m.body)]

    # A resident joins the Open Network and confirms with the link in the mail.
    tab.goto("/open-netwerk/alfa/")
    tab.get_by_label("Uw naam").fill("Lotte Vermeulen")
    tab.get_by_label("Uw e-mailadres").fill("lotte.vermeulen@example.be")
    tab.get_by_role("group", name="Thema's die u interesseren").get_by_text("Energie").click()
    tab.get_by_label("Ik ga akkoord met de tekst hierboven.").check()
    tab.wait_for_timeout((form_guard.MIN_SECONDS + 0.5) * 1000)
    tab.get_by_role("button", name="Meedoen").click()
    expect(tab.get_by_role("heading", name="Kijk in uw mailbox")).to_be_visible()
    message = next(m for m in mail.outbox if m.to == ["lotte.vermeulen@example.be"])
    tab.goto(CONFIRM.search(message.body).group(1))
    tab.get_by_role("button", name="Bevestigen en aansluiten").click()
    expect(tab.get_by_role("heading", name="Welkom in het Open Netwerk")).to_be_visible()
    tab.screenshot(path=results_dir / "alliance-1-joined.png", full_page=True)

    # The coordinator sees her among the members and registers her: the event is full.
    log_in(world.users["coordinator"])
    page.goto("/alfa/open-netwerk/")
    members = page.get_by_role("table", name="Leden van het Open Netwerk")
    expect(members.get_by_role("row", name=re.compile("Lotte Vermeulen"))).to_be_visible()
    page.screenshot(path=results_dir / "alliance-2-members.png", full_page=True)
    page.goto(f"/alfa/evenementen/{event.pk}/")
    page.get_by_role("combobox", name="Contactpersoon").select_option(label="Lotte Vermeulen")
    page.get_by_role("button", name="Inschrijven", exact=True).click()
    expect(
        page.get_by_text("Het evenement is volzet: Lotte Vermeulen staat op de wachtlijst")
    ).to_be_visible()
    waiting = page.get_by_role("region", name="Wachtlijst")
    expect(waiting.get_by_role("link", name="Lotte Vermeulen")).to_be_visible()
    page.screenshot(path=results_dir / "alliance-3-waiting-list.png", full_page=True)

    # Jan cannot come after all; Lotte moves up and is told, with the calendar file.
    tab.goto(CANCEL.search(jans_mail.body).group(1))
    tab.get_by_role("button", name="Annuleer mijn inschrijving").click()
    expect(tab.get_by_role("heading", name="Uw inschrijving is geannuleerd")).to_be_visible()
    phone.close()
    (moved,) = [
        m
        for m in mail.outbox
        if m.to == ["lotte.vermeulen@example.be"] and m.subject.startswith("Een plaats voor u")
    ]
    assert moved.attachments, "the mail carries the calendar file"
    page.goto(f"/alfa/evenementen/{event.pk}/")
    registrations = page.get_by_role("table", name="Ingeschreven mensen en aanwezigheid")
    expect(registrations.get_by_role("link", name="Lotte Vermeulen")).to_be_visible()
    expect(page.get_by_text("Niemand staat op de wachtlijst.")).to_be_visible()
    page.screenshot(path=results_dir / "alliance-4-moved-up.png", full_page=True)
    with tenant_scope(world.a):
        lotte = Contact.objects.get(email="lotte.vermeulen@example.be")
        assert (
            Registration.objects.get(event=event, contact=lotte).state
            == RegistrationState.REGISTERED
        )


def test_the_coverage_view_shows_the_demo_theme_nobody_is_engaged_on(
    page: Page, log_in, results_dir: Path, method_catalogue
):
    call_command("demo", stdout=StringIO())
    log_in(User.objects.get(email="schepen@brugge.demo"))
    page.goto("/brugge-demo/betrokkenheid/dekking/")
    expect(page.get_by_role("heading", name="Dekking van de thema's")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Op 1 thema is niemand betrokken")
    expect(page.get_by_role("status")).to_contain_text("Bruggelingen eten gezond en lokaal")
    gap_row = page.get_by_role("row", name=re.compile("B5 Bruggelingen eten gezond"))
    expect(gap_row).to_contain_text("niemand betrokken")
    expect(gap_row.locator("td.coverage__gap")).to_have_count(len(OrganisationKind.choices))
    heat_row = page.get_by_role("row", name=re.compile("B1 Brugge verwarmt fossielvrij"))
    expect(heat_row.locator("td.coverage__level").first).to_be_visible()
    page.screenshot(path=results_dir / "alliance-5-coverage.png", full_page=True)

    page.goto("/brugge-demo/betrokkenheid/")
    expect(page.get_by_role("table", name=re.compile("Invloed en belang"))).to_be_visible()
    page.screenshot(path=results_dir / "alliance-6-engagement.png", full_page=True)
