"""Joining the Open Network in the browser: a resident signs up on a phone 375 pixels wide,
opens the link in the confirmation mail, confirms, and the coordinator finds them in the list
of members. Screenshots go to test-results/open-network-*.png."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from daadkracht.access import form_guard
from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme

pytestmark = pytest.mark.e2e

LINK = re.compile(r"https?://[^/\s]+(/open-netwerk/bevestigen/\S+/)")


def test_a_resident_joins_the_open_network_on_a_phone(
    transactional_db, world, page: Page, browser: Browser, live_server, log_in, results_dir: Path
):
    with tenant_scope(world.a):
        Theme.objects.create(plan=world.plan_a, code="E", name="Energie")
        Theme.objects.create(plan=world.plan_a, code="M", name="Mobiliteit")

    phone = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 375, "height": 740}
    )
    problems: list[str] = []
    tab = phone.new_page()
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.goto("/open-netwerk/alfa/")
    expect(
        tab.get_by_role("heading", name="Sluit aan bij het Open Netwerk van Gemeente Alfa")
    ).to_be_visible()
    # The honeypot is out of sight, and out of the keyboard's reach.
    expect(tab.locator("#id_website")).to_be_hidden()
    tab.get_by_label("Uw naam").fill("Lotte Vermeulen")
    tab.get_by_label("Uw e-mailadres").fill("lotte.vermeulen@example.be")
    tab.get_by_label("Organisatie (niet verplicht)").fill("Buurtcomité Sint-Andries")
    themes = tab.get_by_role("group", name="Thema's die u interesseren")
    themes.get_by_text("Mobiliteit").click()
    expect(themes.get_by_role("checkbox", name="M Mobiliteit")).to_be_checked()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375, "it must fit a phone"
    tab.screenshot(path=results_dir / "open-network-1-sign-up.png", full_page=True)

    # Forgetting the consent box: the form says so and keeps what was typed.
    tab.wait_for_timeout((form_guard.MIN_SECONDS + 0.5) * 1000)
    tab.get_by_role("button", name="Meedoen").click()
    expect(tab.get_by_text("Vink het vakje aan om akkoord te gaan").first).to_be_visible()
    expect(tab.get_by_label("Uw naam")).to_have_value("Lotte Vermeulen")
    tab.get_by_label("Ik ga akkoord met de tekst hierboven.").check()
    tab.get_by_role("button", name="Meedoen").click()
    expect(tab.get_by_role("heading", name="Kijk in uw mailbox")).to_be_visible()
    tab.screenshot(path=results_dir / "open-network-2-check-your-mail.png", full_page=True)

    message = next(m for m in mail.outbox if m.to == ["lotte.vermeulen@example.be"])
    assert "Bevestig dat u aansluit bij het Open Netwerk" in message.subject
    found = LINK.search(message.body)
    assert found, message.body
    tab.goto(found.group(1))
    expect(tab.get_by_text("Lotte Vermeulen", exact=False).first).to_be_visible()
    tab.get_by_role("button", name="Bevestigen en aansluiten").click()
    expect(tab.get_by_role("heading", name="Welkom in het Open Netwerk")).to_be_visible()
    tab.screenshot(path=results_dir / "open-network-3-welcome.png", full_page=True)
    phone.close()
    assert problems == []

    log_in(world.users["coordinator"])
    page.goto("/alfa/open-netwerk/")
    members = page.get_by_role("table", name="Leden van het Open Netwerk")
    expect(members.get_by_role("row", name=re.compile("Lotte Vermeulen"))).to_be_visible()
    expect(members.get_by_text("Buurtcomité Sint-Andries")).to_be_visible()
    expect(members.get_by_text("M Mobiliteit")).to_be_visible()
    page.get_by_label("Thema").select_option(label="E Energie")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("Geen enkel lid is in dit thema geïnteresseerd.")).to_be_visible()
    page.goto("/alfa/open-netwerk/")
    page.screenshot(path=results_dir / "open-network-4-members.png", full_page=True)
