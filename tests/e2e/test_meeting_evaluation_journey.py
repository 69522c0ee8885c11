"""A meeting's evaluation in the browser: the coordinator sends it after a lunch talk, a
participant answers on a phone 375 pixels wide, and the results appear beside the meeting.
Screenshots go to test-results/evaluation-*.png."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.meetings.evaluating import held_meeting, links

pytestmark = pytest.mark.e2e

DASH = "\N{EN DASH}"


def test_a_meeting_is_evaluated_on_a_phone(
    transactional_db,
    world,
    method_catalogue,
    page: Page,
    browser: Browser,
    live_server,
    log_in,
    results_dir: Path,
):
    meeting = held_meeting(world)
    log_in(world.users["coordinator"])
    page.goto(f"/alfa/overleg/{meeting.pk}/")
    page.get_by_role("button", name="Evaluatie versturen").click()
    expect(page.get_by_text("De evaluatie is onderweg naar 2 deelnemers.")).to_be_visible()
    link = links()["editor@alfa.test"]

    phone = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport={"width": 375, "height": 740}
    )
    problems: list[str] = []
    tab = phone.new_page()
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.goto(link)
    expect(tab.get_by_role("heading", name="Hoe was het overleg?")).to_be_visible()
    tab.get_by_label("Wat werkte goed?").fill("Eindelijk samen aan tafel met Mobiliteit.")
    # The labels are the large targets: a tap on the text picks the choice.
    usefulness = tab.get_by_role("group", name="Hoe nuttig was dit overleg")
    usefulness.get_by_text(f"4 {DASH} nuttig").click()
    expect(usefulness.get_by_role("radio", name=f"4 {DASH} nuttig")).to_be_checked()
    win_win = tab.get_by_role("group", name="Hebt u een win-win gevonden met de andere dienst?")
    win_win.get_by_text("Gedeeltelijk").click()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375, "it must fit a phone"
    tab.screenshot(path=results_dir / "evaluation-1-phone.png", full_page=True)
    tab.get_by_role("button", name="Mijn evaluatie bewaren").click()
    expect(tab.get_by_text("Bedankt, uw evaluatie is bewaard.")).to_be_visible()
    phone.close()
    assert problems == []

    page.goto(f"/alfa/overleg/{meeting.pk}/")
    expect(page.get_by_text("Antwoorden: 1 van de 2 deelnemers.")).to_be_visible()
    expect(page.get_by_text("Nog niet geantwoord: Viewer Alfa")).to_be_visible()
    expect(
        page.get_by_role("img", name="Hoe nuttig de deelnemers het overleg vonden")
    ).to_be_visible()
    expect(page.get_by_role("table", name="Scores voor het nut")).to_be_attached()
    page.locator("#evaluation").scroll_into_view_if_needed()
    page.screenshot(path=results_dir / "evaluation-2-results.png", full_page=True)
