"""The stakeholder portal in the browser: a member of the policy group (Fluvius' delegate) logs
in through the real form, lands on the portal, sees her body and its next meeting, and proposes
an update to an action her organisation works on; the lead department's editor accepts it and
the action's timeline shows it, attributed. Screenshots go to test-results/portal-*.png."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from daadkracht.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.e2e


def test_a_policy_group_member_proposes_an_update_that_the_lead_department_accepts(
    transactional_db,
    world,
    page: Page,
    browser: Browser,
    live_server,
    results_dir: Path,
):
    jan = world.stakeholder()
    portal_home = reverse("portal:home", kwargs={"municipality": world.a.slug})

    # The delegate logs in with the ordinary log-in page and lands on the portal.
    page.goto(reverse("accounts:login"))
    page.locator("input[name=username]").fill(jan.user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(live_server.url + portal_home)
    expect(page.get_by_role("heading", level=1)).to_have_text("Portaal van Gemeente Alfa")
    bodies = page.get_by_role("table", name="Uw overlegorganen")
    expect(bodies).to_contain_text("Beleidsgroep klimaat")
    expect(page.get_by_role("link", name=jan.meeting.title)).to_be_visible()
    # Nothing of the action her organisation has nothing to do with.
    expect(page.locator("main")).not_to_contain_text("Ontharding van schoolpleinen")
    page.screenshot(path=results_dir / "portal-home.png", full_page=True)

    # The meeting's agenda.
    page.get_by_role("link", name=jan.meeting.title).click()
    expect(page.locator("main")).to_contain_text("Stand van de warmtenetten")
    page.go_back()

    # She proposes an update to the action Fluvius carries out.
    page.get_by_role("link", name="B3.01 Fietsstraten in het centrum").click()
    form = page.locator("main form")
    # An empty proposal is refused with a clear message; nothing is sent.
    form.get_by_role("button", name="Voorstel versturen").click()
    expect(page.locator(".errors").first).to_be_visible()
    form.get_by_label("Wat is er gebeurd, of wat moet er veranderen?").fill(
        "De laadpalen in de Langestraat zijn aangesloten op het net."
    )
    form.get_by_label("Voorgestelde voortgang in % (niet verplicht)").fill("40")
    form.get_by_role("button", name="Voorstel versturen").click()
    expect(page.locator(".messages")).to_contain_text("Bedankt")
    expect(page.locator("main")).to_contain_text("wacht op de trekkende dienst")
    page.screenshot(path=results_dir / "portal-proposal-sent.png", full_page=True)

    # The lead department's editor, in a browser of her own, accepts it on the action page.
    editor_context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    editor = editor_context.new_page()
    editor.goto(reverse("accounts:login"))
    editor.locator("input[name=username]").fill(world.users["editor"].email)
    editor.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    editor.locator("main form button[type=submit]").click()
    action_url = reverse(
        "plans:action_detail", kwargs={"municipality": world.a.slug, "pk": world.action_a.pk}
    )
    editor.goto(action_url)
    proposals = editor.locator("#proposals")
    expect(proposals).to_contain_text("Jan Peeters (Fluvius)")
    expect(proposals).to_contain_text("Voorgestelde voortgang: 40%")
    proposals.get_by_role("link", name="Aanvaarden of afwijzen").click()
    editor.get_by_role("button", name="Voorstel aanvaarden").click()
    expect(editor.locator(".messages")).to_contain_text("aanvaard")
    timeline = editor.locator(".timeline-entry").first
    expect(timeline).to_contain_text("De laadpalen in de Langestraat zijn aangesloten op het net.")
    expect(timeline).to_contain_text(
        "Voorgesteld door Jan Peeters (Fluvius), aanvaard door Editor Alfa"
    )
    editor.screenshot(path=results_dir / "portal-accepted-on-timeline.png", full_page=True)
    editor_context.close()

    # Back in the portal, the delegate sees it accepted and on the course of the action.
    page.reload()
    expect(page.locator("main")).to_contain_text("aanvaard")
    expect(page.locator("main")).to_contain_text("Voorgesteld door Jan Peeters (Fluvius)")
    page.screenshot(path=results_dir / "portal-accepted.png", full_page=True)
