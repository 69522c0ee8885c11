"""A new municipality on the platform, in Chromium, timed: from the platform administrator's
log-in to the first coordinator's dashboard with the municipality's own action list imported —
the invitation read in the demo mailbox, the plan set up, a city's spreadsheet imported as it is.

Every step is one thing a person does (open a page, type in a field, click); the test counts
them, times the whole walk and saves a screenshot of each new page to
`/tmp/shots-onboarding/` (or `DAADKRACHT_SHOTS`).
"""

import os
import time
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from daadkracht.accounts.models import Invitation, User
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.real_lists import zeestad

pytestmark = pytest.mark.e2e

SHOTS = Path(os.environ.get("DAADKRACHT_SHOTS", "/tmp/shots-onboarding"))
ADMIN_PASSWORD = "platform-beheer-2030"
COORDINATOR_PASSWORD = "groene-daken-overal-2030"


@pytest.fixture
def demo_mailbox(settings, tmp_path):
    """Debug mode, as `bin/demo` runs, with its mailbox in a folder of its own."""
    settings.DEBUG = True
    settings.DEMO_MAILBOX_DIR = tmp_path
    settings.MAILERS = {
        "default": {
            "BACKEND": "daadkracht.demo.mailbox.MailboxBackend",
            "OPTIONS": {"directory": str(tmp_path)},
        }
    }
    return tmp_path


class Walk:
    """Counts the steps a person takes and keeps a screenshot of the pages they meet."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.steps: list[str] = []
        self.started = time.monotonic()
        SHOTS.mkdir(parents=True, exist_ok=True)

    def step(self, what: str) -> None:
        self.steps.append(what)

    def shot(self, name: str) -> None:
        self.page.screenshot(path=SHOTS / f"{name}.png", full_page=True)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


def test_a_superuser_opens_the_platform_to_a_municipality_and_its_coordinator_starts(
    page: Page, live_server, demo_mailbox
):
    User.objects.create_superuser(
        "beheer@platform.test", password=ADMIN_PASSWORD, full_name="Bea Beheer"
    )
    walk = Walk(page)

    # The platform administrator logs in and lands on the platform's municipalities.
    walk.step("open the site")
    page.goto("/")
    walk.step("type the e-mail address")
    page.locator("input[name=username]").fill("beheer@platform.test")
    walk.step("type the password")
    page.locator("input[name=password]").fill(ADMIN_PASSWORD)
    walk.step("log in")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Platformbeheer")
    walk.shot("01-platform-landing")

    walk.step("choose Add a municipality")
    page.get_by_role("link", name="Gemeente toevoegen").click()
    expect(page).to_have_url(live_server.url + reverse("platform:municipality_create"))
    walk.shot("02-add-municipality-empty")

    walk.step("type the municipality's name")
    page.get_by_label("Naam van de gemeente").fill("Gemeente Zonnedorp")
    address = page.get_by_label("Korte naam in het webadres")
    expect(address).to_have_value("gemeente-zonnedorp")  # filled in from the name
    expect(page.locator("[data-slug-preview]")).to_have_text("gemeente-zonnedorp")
    walk.step("shorten the address")
    address.fill("zonnedorp")
    expect(page.locator("[data-slug-preview]")).to_have_text("zonnedorp")
    walk.step("type the coordinator's e-mail address")
    page.get_by_label("E-mailadres van de eerste klimaatcoördinator").fill("klimaat@zonnedorp.test")
    expect(page.get_by_role("radio", name="Nederlands")).to_be_checked()
    walk.shot("03-add-municipality-filled")
    walk.step("create and send the invitation")
    page.get_by_role("button", name="Aanmaken en uitnodiging versturen").click()

    expect(page.locator(".message--success")).to_contain_text("/zonnedorp/")
    expect(page.get_by_role("row", name="Gemeente Zonnedorp")).to_be_visible()
    walk.shot("04-platform-landing-created")
    municipality = Municipality.objects.get(slug="zonnedorp")
    assert Invitation.unscoped.filter(municipality=municipality, role=Role.COORDINATOR).exists()

    # The administrator hands over: logs out, and the invitation is read in the demo mailbox.
    walk.step("open the user menu")
    page.locator("details.user-menu summary").click()
    walk.step("log out")
    page.get_by_role("button", name="Afmelden").click()
    walk.step("open the demo mailbox from the log-in page")
    page.get_by_role("link", name="Open de demobrievenbus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demobrievenbus")
    walk.shot("05-demo-mailbox")

    walk.step("open the invitation")
    page.get_by_role("link", name="Uitnodiging voor Gemeente Zonnedorp op Daadkracht").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Uitnodiging voor Gemeente Zonnedorp op Daadkracht"
    )
    walk.shot("06-invitation-mail")

    walk.step("follow the invitation link")
    page.locator(".mail-body a[href^='/account/uitnodiging/']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gemeente Zonnedorp")
    walk.shot("07-accept-invitation")
    walk.step("type one's name")
    page.get_by_label("Uw naam").fill("Lies Peeters")
    walk.step("choose a password")
    page.locator("input[name=password1]").fill(COORDINATOR_PASSWORD)
    walk.step("repeat the password")
    page.locator("input[name=password2]").fill(COORDINATOR_PASSWORD)
    walk.step("accept the invitation")
    page.locator("main form button[type=submit]").click()

    # The new coordinator's first page: the checklist, nothing ticked yet.
    expect(page).to_have_url(live_server.url + "/zonnedorp/")
    checklist = page.locator("ol.checklist > li")
    expect(checklist).to_have_count(5)
    expect(page.locator("ol.checklist > li.done")).to_have_count(0)
    expect(page.get_by_role("heading", name="Aan de slag")).to_be_visible()
    walk.shot("08-coordinator-checklist")

    # The plan: its name, period and baseline, from the checklist's first step.
    walk.step("choose Set up the climate plan")
    checklist.nth(0).get_by_role("link").click()
    for field, value in (
        ("name", "Klimaatplan Zonnedorp 2030"),
        ("start_year", "2021"),
        ("end_year", "2030"),
        ("baseline_year", "2011"),
        ("baseline_emissions", "185000"),
        ("reduction_target", "40"),
    ):
        walk.step(f"type the plan's {field.replace('_', ' ')}")
        page.locator(f"main form [name={field}]").fill(value)
    walk.shot("09-plan-filled")
    walk.step("save the plan")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".message--success")).to_be_visible()

    # The municipality's own list, as it is: a title above Dutch headers of its own, no
    # identifiers, themes and departments the plan does not have, statuses in its own words.
    walk.step("go back to the start page")
    page.locator("a.brand").click()
    walk.step("choose Import the actions from a spreadsheet")
    checklist.nth(3).get_by_role("link", name="Importeer de acties uit een rekenblad").click()
    real = zeestad()
    upload = SHOTS / real.filename
    upload.write_bytes(real.content)
    walk.step("choose the file")
    page.locator("input[type=file]").set_input_files(upload)
    walk.step("upload it")
    page.locator("form.import-upload button[type=submit]").click()
    expect(page.locator("select[name=header_row]")).to_have_value("3")
    walk.shot("10-import-columns")
    walk.step("confirm the columns as matched")
    page.locator("form.import-columns button[type=submit]:not([name])").click()
    expect(page.locator("fieldset.import-missing__item")).to_have_count(
        len({t for row in real.rows for t in row.themes})
        + len({d for row in real.rows for d in (row.lead, *row.involved)})
        + 2  # "Lopend" and "Gepland"; "Afgerond" is one of the plan's statuses
    )
    walk.shot("11-import-missing")
    for written, meant in (("lopend", "op schema"), ("gepland", "niet gestart")):
        item = page.locator(f'[data-missing="status:{written}"]')
        walk.step(f"read “{written}” as one of the plan's statuses")
        item.locator("input[value=use]").check()
        walk.step(f"choose “{meant}”")
        item.locator("select").select_option(label=meant)
    walk.step("check the file with these choices")
    page.locator("form.import-missing button[type=submit]").click()
    expect(page.locator(".stat--new .stat__value")).to_have_text(str(len(real.rows)))
    walk.shot("12-import-preview")
    walk.step("import")
    page.locator("button[name=apply]").click()
    expect(page.locator(".message--success")).to_contain_text(str(len(real.rows)))

    # The first dashboard: the figures of the file, and what it leaves unknown.
    walk.step("open the dashboard")
    page.locator("a.brand").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    seconds = walk.seconds
    walk.shot("13-first-dashboard")
    unknown = sum(1 for row in real.rows if not row.status)
    expect(page.locator("main")).to_contain_text(f"{unknown} acties met onbekende status")
    still_open = sum(1 for row in real.rows if row.status != "Afgerond")
    expect(page.locator("main")).to_contain_text(f"{still_open} acties nog zonder enige update")

    membership = Membership.unscoped.get(municipality=municipality)
    assert membership.role == Role.COORDINATOR
    assert membership.user.full_name == "Lies Peeters"
    assert not Membership.unscoped.filter(user__email="beheer@platform.test").exists()
    # Reported by the suite: how many steps and how long the walk took.
    (SHOTS / "journey.txt").write_text(
        f"{len(walk.steps)} steps in {seconds:.1f} s\n"
        + "".join(f"{n}. {what}\n" for n, what in enumerate(walk.steps, 1))
    )
    print(f"\n{len(walk.steps)} steps in {seconds:.1f} s")
    assert len(walk.steps) <= 45
