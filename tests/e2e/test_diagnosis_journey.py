"""A collaboration diagnosis in the browser: a coordinator sends a round, three departments
answer through their links (one on a phone, one after a reminder), and the results appear with
the response rate. Screenshots go to test-results/diagnosis-*.png."""

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, BrowserContext, Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.diagnosis.models import Respondent
from daadkracht.diagnosis.scales import THEME_KEYS
from daadkracht.testing.factories import DepartmentFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def new_device(browser: Browser, live_server) -> Iterator[Callable[[], Page]]:
    """A respondent's own browser, phone-sized, without a session; no console error allowed."""
    contexts: list[BrowserContext] = []
    problems: list[str] = []

    def _new_device() -> Page:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-BE", viewport={"width": 390, "height": 844}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        tab = context.new_page()
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        return tab

    yield _new_device
    for context in contexts:
        context.close()
    assert problems == [], "a respondent's page met console errors"


def _links() -> dict[str, str]:
    found = {}
    for message in mail.outbox:
        match = re.search(r"https?://[^/\s]+(/bevraging/\S+/)", message.body)
        assert match, message.body
        found[message.to[0]] = match.group(1)
    return found


def _answer(tab: Page, departments: list, levels: list[int]) -> None:
    for department, level in zip(departments, levels, strict=True):
        group = tab.get_by_role("group", name=department.name, exact=True)
        group.locator(f'input[value="{level}"]').check()
    for theme in THEME_KEYS:
        tab.locator(f'input[name="score_{theme}"][value="3"]').check()
    tab.get_by_role("button", name="Mijn antwoorden bewaren").click()
    expect(tab.get_by_text("uw antwoorden zijn bewaard")).to_be_visible()


def test_a_round_is_sent_answered_and_read(
    transactional_db, world, page: Page, log_in, new_device, results_dir: Path
):
    omgeving = DepartmentFactory(municipality=world.a, name="Omgeving")
    mobiliteit, groen = world.department_a, world.other_department_a
    people = {
        mobiliteit: ("An Peeters", "an@alfa.test"),
        groen: ("Bart Claes", "bart@alfa.test"),
        omgeving: ("Chris Maes", "chris@alfa.test"),
    }
    log_in(world.users["coordinator"])
    page.goto("/alfa/samenwerking/")
    page.get_by_role("link", name="Nieuwe bevragingsronde").click()
    page.get_by_label("Naam").fill("Nulmeting samenwerking")
    for department, (name, email) in people.items():
        page.locator(f'input[name="take_{department.pk}"]').check()
        page.get_by_label(f"Vertegenwoordiger van {department.name}").fill(name)
        page.get_by_label(f"E-mailadres van {department.name}").fill(email)
    page.get_by_role("button", name="Ronde bewaren").click()
    page.get_by_role("button", name="Open de ronde en verstuur de links").click()
    expect(page.get_by_text("3 vertegenwoordigers kregen hun link")).to_be_visible()
    page.screenshot(path=results_dir / "diagnosis-1-round-sent.png", full_page=True)
    links = _links()
    assert set(links) == {"an@alfa.test", "bart@alfa.test", "chris@alfa.test"}

    # An answers on a phone.
    phone = new_device()
    phone.goto(links["an@alfa.test"])
    expect(phone.get_by_role("heading", name="Nulmeting samenwerking")).to_be_visible()
    phone.screenshot(path=results_dir / "diagnosis-2-phone.png", full_page=True)
    _answer(phone, [groen, omgeving], [4, 3])
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the survey must fit a phone's width"

    # Bart answers on his laptop.
    laptop = new_device()
    laptop.set_viewport_size({"width": 1280, "height": 900})
    laptop.goto(links["bart@alfa.test"])
    _answer(laptop, [mobiliteit, omgeving], [1, 2])

    # Chris answers after a reminder.
    mail.outbox.clear()
    page.goto(page.url)
    page.get_by_role("button", name="Stuur een herinnering naar wie nog niet antwoordde").click()
    expect(page.get_by_text("Er ging een herinnering naar 1 vertegenwoordiger.")).to_be_visible()
    reminder = _links()
    assert list(reminder) == ["chris@alfa.test"]
    third = new_device()
    third.goto(reminder["chris@alfa.test"])
    _answer(third, [groen, mobiliteit], [2, 3])
    with tenant_scope(world.a):
        assert Respondent.objects.filter(answered_at__isnull=False).count() == 3

    page.get_by_role("link", name="Resultaten").click()
    expect(page.get_by_text("3 van 3 diensten antwoordden (100%).")).to_be_visible()
    # An says 4 about the Groendienst, Bart says 1: a topic for discussion.
    expect(
        page.get_by_text("Groendienst zegt 1 over Mobiliteit, Mobiliteit zegt 4.")
    ).to_be_visible()
    expect(page.locator("svg.network-chart circle")).to_have_count(3)
    expect(page.get_by_role("table", name=re.compile("Niveau van samenwerking"))).to_be_attached()
    page.screenshot(path=results_dir / "diagnosis-3-results.png", full_page=True)
