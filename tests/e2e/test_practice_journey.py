"""The practice database in the browser, on the demo: Bruges' green-service editor shares a
practice with a photo, the platform editor asks for a change, the author makes it and the
practice is published; an anonymous visitor finds it with a Dutch word in another form; Damme's
coordinator meets it on a related action and adopts it into Damme's plan. The practice pages
have no axe-core violations (WCAG 2.1 A and AA). Screenshots go to test-results/practice-*.png."""

import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from daadkracht.accounts.models import User
from daadkracht.plans.models import Action
from daadkracht.practices.models import Adoption, Practice, PracticeStatus
from tests.e2e.test_accessibility import _violations

pytestmark = pytest.mark.e2e

TITLE = "Ontharding van het marktplein met een regenwaterbuffer"
SECTIONS = {
    "Wat is er gebeurd?": "We braken 2.400 m² asfalt op het marktplein op en legden een plein "
    "met bomen, wadi's en een regenwaterbuffer onder de markt aan.",
    "Waarom?": "Het marktplein liep bij elke zware bui onder water en werd in de zomer een "
    "hitte-eiland. Ontharding van het marktplein was de snelste winst.",
    "Het beoogde resultaat": "Elke druppel die op het plein valt, infiltreert of wordt gebufferd.",
    "Wat waren de uitdagingen?": "De marktkramers moesten tijdelijk verhuizen.",
    "De succesfactoren": "Een werfteam met de marktkramers en de buren.",
    "Tips voor andere gemeenten": "Betrek de marktkramers van bij de start.",
}


def _photo(tmp_path: Path) -> Path:
    path = tmp_path / "marktplein.jpg"
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (60, 140, 90)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def demo(method_catalogue) -> None:
    call_command("demo", stdout=StringIO())


def _browser_as(browser: Browser, live_server, log_in_page, email: str) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    log_in_page(tab, email)
    return tab


def _log_in(tab: Page, email: str) -> None:
    tab.goto("/account/aanmelden/")
    tab.locator("input[name=username]").fill(email)
    tab.locator("input[name=password]").fill("demo-daadkracht-2030")
    tab.locator("main form button[type=submit]").click()


def test_a_practice_goes_from_sharing_to_adoption(
    demo, page: Page, browser: Browser, live_server, results_dir: Path, tmp_path: Path
):
    # Bruges' editor of the green service writes the practice.
    _log_in(page, "groen@brugge.demo")
    page.goto("/brugge-demo/praktijken/")
    page.get_by_role("link", name="Een praktijk delen").click()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Inleiding").fill(
        "Het marktplein van Brugge werd een groen plein dat regenwater vasthoudt."
    )
    page.get_by_label("Klimaatadaptatie en water").check()
    for label, text in SECTIONS.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Startjaar").fill("2023")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator(".messages")).to_contain_text("bewaard als ontwerp")

    # With a photo.
    page.get_by_role("link", name="Foto's en documenten").click()
    page.get_by_label("foto").check()
    page.get_by_label("Bestand").set_input_files(_photo(tmp_path))
    page.get_by_label("Omschrijving").fill("Het ontharde marktplein met bomen en een wadi")
    page.get_by_role("button", name="Opladen").click()
    expect(page.locator(".messages")).to_contain_text("Bestand toegevoegd")
    page.get_by_role("link", name="Terug naar de praktijk").click()
    page.get_by_role("button", name="Indienen bij de redactie").click()
    expect(page.locator(".messages")).to_contain_text("Ingediend")
    page.screenshot(path=results_dir / "practice-1-submitted.png", full_page=True)

    # The platform editor asks for a change.
    editor = _browser_as(browser, live_server, _log_in, "redactie@daadkracht.demo")
    editor.goto("/praktijken/redactie/")
    editor.get_by_role("link", name=TITLE).click()
    expect(
        editor.get_by_role("img", name="Het ontharde marktplein met bomen en een wadi")
    ).to_be_visible()
    editor.get_by_label("De auteur om aanpassingen vragen").check()
    editor.get_by_label("Bericht aan de auteur").fill("Vermeld ook wat het plein kostte.")
    editor.get_by_role("button", name="Beslissing bevestigen").click()
    expect(editor.locator(".messages")).to_contain_text("terug bij de auteur")

    # The author reads the message, adds the cost and submits again.
    page.reload()
    expect(page.locator("main")).to_contain_text("Vermeld ook wat het plein kostte.")
    page.get_by_role("link", name="Bewerken").click()
    page.get_by_label("Totale kostprijs (€)").fill("385000")
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_role("button", name="Indienen bij de redactie").click()
    expect(page.locator(".messages")).to_contain_text("Ingediend")

    # The editor publishes it.
    editor.goto("/praktijken/redactie/")
    editor.get_by_role("link", name=TITLE).click()
    editor.get_by_label("Publiceren").check()
    editor.get_by_role("button", name="Beslissing bevestigen").click()
    expect(editor.locator(".messages")).to_contain_text("gepubliceerd")
    practice = Practice.unscoped.get(title=TITLE)
    assert practice.status == PracticeStatus.PUBLISHED

    # Anyone finds it with another form of a word: "regenwaterbuffers" for "regenwaterbuffer".
    visitor = _browser_as(browser, live_server, lambda tab, email: None, "")
    visitor.goto("/praktijken/")
    visitor.get_by_label("Zoekwoorden").fill("regenwaterbuffers marktpleinen")
    visitor.get_by_role("button", name="Zoeken").click()
    result = visitor.get_by_role("link", name=TITLE)
    expect(result).to_be_visible()
    expect(visitor.locator("mark").first).to_be_visible()
    visitor.screenshot(path=results_dir / "practice-2-search.png", full_page=True)
    result.click()
    expect(visitor.locator("main")).to_contain_text("€ 385.000")
    visitor.screenshot(path=results_dir / "practice-3-public-page.png", full_page=True)

    # Damme's coordinator meets it beside Damme's own action about its market square.
    coordinator = _browser_as(browser, live_server, _log_in, "coordinator@damme.demo")
    square = Action.unscoped.get(municipality__slug="damme-demo", identifier="D3.03")
    coordinator.goto(f"/damme-demo/plan/acties/{square.pk}/")
    related = coordinator.locator(".related-practices")
    expect(related).to_contain_text(TITLE)
    expect(related).to_contain_text("Stad Brugge (demo)")
    coordinator.screenshot(path=results_dir / "practice-4-related.png", full_page=True)
    related.get_by_role("link", name=TITLE).click()
    coordinator.get_by_role("link", name="Overnemen voor Gemeente Damme (demo)").click()
    expect(coordinator.get_by_label("Titel")).to_have_value(TITLE)
    coordinator.get_by_label("Nummer").fill("D3.04")
    coordinator.get_by_role("button", name="Toevoegen aan ons plan").click()
    expect(coordinator.locator(".messages")).to_contain_text("D3.04")
    expect(coordinator.locator("main")).to_contain_text(
        "Overgenomen van een praktijk van Stad Brugge (demo)"
    )
    coordinator.screenshot(path=results_dir / "practice-5-adopted.png", full_page=True)
    adoption = Adoption.unscoped.get(practice=practice)
    assert adoption.action.identifier == "D3.04"
    assert adoption.action.municipality.slug == "damme-demo"

    # The public page counts the adoption.
    visitor.goto(f"/praktijken/{practice.pk}/")
    expect(visitor.locator("main")).to_contain_text("overgenomen door 1 gemeente")
    for tab in (editor, visitor, coordinator):
        tab.context.close()


def test_the_practice_pages_have_no_violations(demo, page: Page, log_in, results_dir: Path):
    seed = Practice.unscoped.get(title="Klimaatalliantie BruggeNaarMorgen")
    public = [
        f"/praktijken/{seed.pk}/",
        "/praktijken/?q=warmtenetten",
        "/praktijken/?theme=adaptation&sort=recent",
    ]
    found = [problem for path in public for problem in _violations(page, path)]
    log_in(User.objects.get(email="coordinator@brugge.demo"))
    draft = Practice.unscoped.get(municipality__slug="brugge-demo", status=PracticeStatus.DRAFT)
    member = [
        "/brugge-demo/praktijken/",
        "/brugge-demo/praktijken/nieuw/",
        f"/brugge-demo/praktijken/{draft.pk}/",
        f"/brugge-demo/praktijken/{draft.pk}/bewerken/",
        f"/brugge-demo/praktijken/{draft.pk}/bestanden/",
        f"/brugge-demo/praktijken/{seed.pk}/",
    ]
    found += [problem for path in member for problem in _violations(page, path)]
    log_in(User.objects.get(email="redactie@daadkracht.demo"))
    waiting = Practice.unscoped.get(
        municipality__slug="brugge-demo", status=PracticeStatus.SUBMITTED
    )
    editorial = ["/praktijken/redactie/", f"/praktijken/redactie/{waiting.pk}/"]
    found += [problem for path in editorial for problem in _violations(page, path)]
    assert found == []
    page.screenshot(path=results_dir / "practice-6-review.png", full_page=True)
