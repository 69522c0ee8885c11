"""Issue 3 shown in Chromium: a coordinator of the demo adjusts course, prioritises and exports.

Each test builds Stad Brugge (demo) with the demo's own builder: the plan with its seven
Bridges, about 80 actions with a year of status updates, tasks and scores, and several actions
that are late (open, deadline in the past). The coordinator then

1. finds a late action on the dashboard, posts an update that moves its deadline, and sees the
   dashboard change;
2. runs a scoring round in which a guest and a logged-in member score on their own device, and
   reads the median and the spread per action;
3. exports the action list to Excel, changes one cell, imports the file again and sees one
   action change and none added.

The interface is Dutch and its wording still moves, so the tests hold on to URLs, roles, ids,
classes, `data-` attributes and the data itself. A screenshot of every important step goes to
`test-results/journey-*.png`.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from daadkracht.access.context import platform_scope, tenant_scope
from daadkracht.accounts.models import User
from daadkracht.demo import data
from daadkracht.demo.actions import BRUGES_ACTIONS
from daadkracht.demo.management.commands.demo import Command as DemoCommand
from daadkracht.demo.spec import STATUS_KEYS
from daadkracht.plans.models import Action, ActionStatus, Plan, StatusCategory, StatusUpdate
from daadkracht.plans.spreadsheets.columns import COLUMNS_BY_KEY
from daadkracht.plans.spreadsheets.export import SHEET_TITLE
from daadkracht.prioritisation.models import Criterion, RoundParticipant, RoundScore, ScoringRound
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.e2e

SLUG = "brugge-demo"
COORDINATOR = "coordinator@brugge.demo"
MEMBER = "mobiliteit@brugge.demo"  # an editor of the Mobility department


@dataclass
class Demo:
    municipality: Municipality
    plan: Plan
    coordinator: User
    member: User

    def url(self, name: str, **kwargs: Any) -> str:
        return reverse(name, kwargs={"municipality": SLUG, **kwargs})


@pytest.fixture
def demo(transactional_db) -> Iterator[Demo]:
    """Stad Brugge (demo), built by the demo command's own builder for this one municipality.

    The test's own queries run inside the municipality (the live server scopes its requests).
    """
    command = DemoCommand()
    command.password_hash = make_password(DEFAULT_PASSWORD)
    with platform_scope():
        municipality = command._build(
            name="Stad Brugge (demo)",
            slug=SLUG,
            departments=data.BRUGES_DEPARTMENTS,
            department_keys=data.BRUGES_DEPARTMENT_KEYS,
            people=data.BRUGES_PEOPLE,
            plan_values=data.BRUGES_PLAN,
            themes=data.BRUGES_BRIDGES,
            sub_themes=data.BRUGES_SUB_THEMES,
            actions=BRUGES_ACTIONS,
            routine_key=lambda code: code,
            seed=2030,
        )
    with tenant_scope(municipality):
        yield Demo(
            municipality=municipality,
            plan=Plan.objects.get(),
            coordinator=User.objects.get(email=COORDINATOR),
            member=User.objects.get(email=MEMBER),
        )


@pytest.fixture
def shot(results_dir: Path) -> Callable[..., None]:
    """Save a screenshot of a whole page, or of one part of it (a locator), as journey-NAME.png."""

    def _shot(target: Page | Locator, name: str) -> None:
        path = results_dir / f"journey-{name}.png"
        if isinstance(target, Page):
            target.screenshot(path=path, full_page=True)
        else:
            target.screenshot(path=path)

    return _shot


def session_cookie(user: User, live_server) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": live_server.url}


@dataclass
class Device:
    """Another participant's own browser: a separate context, so a separate session."""

    context: BrowserContext
    page: Page
    problems: list[str]


@pytest.fixture
def new_device(browser: Browser, live_server) -> Iterator[Callable[[], Device]]:
    """Open extra browser contexts; like `page`, each must meet no missing file or console error."""
    devices: list[Device] = []

    def _new_device() -> Device:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-BE", viewport={"width": 390, "height": 844}
        )
        context.set_default_timeout(10_000)
        tab = context.new_page()
        problems: list[str] = []
        tab.on(
            "response",
            lambda r: (
                problems.append(f"HTTP {r.status}: {r.url}")
                if r.status >= 400 and "/static/" in r.url
                else None
            ),
        )
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        device = Device(context, tab, problems)
        devices.append(device)
        return device

    yield _new_device
    for device in devices:
        device.context.close()
    assert [d.problems for d in devices] == [[] for _ in devices], "a participant's page failed"


def number(locator: Locator) -> int:
    """An integer shown on the page, whatever the digit grouping of the language."""
    text = locator.inner_text()
    digits = "".join(ch for ch in text if ch.isdigit())
    assert digits, f"no number in {text!r}"
    return int(digits)


def late_actions(plan: Plan, today: date) -> set[str]:
    """Identifiers of open actions past their deadline, straight from the database."""
    return set(
        Action.objects.filter(plan=plan, deadline__lt=today, deleted_at__isnull=True)
        .exclude(
            status__category__in=[
                StatusCategory.DONE,
                StatusCategory.CANCELLED,
            ]
        )
        .values_list("identifier", flat=True)
    )


# --- 1. Find a late action on the dashboard, move its deadline, see the dashboard change ------


def test_coordinator_moves_the_deadline_of_a_late_action(page: Page, log_in, demo: Demo, shot):
    today = timezone.localdate()
    late_before = late_actions(demo.plan, today)
    assert len(late_before) >= 3, "the demo should have several late actions"
    log_in(demo.coordinator)

    # The municipality's home page is its dashboard.
    page.goto(demo.url("tenancy:home"))
    late_stat = page.locator(f'a.stat[href$="{demo.url("dashboard:attention")}?kind=late"]')
    expect(late_stat).to_have_class(re.compile(r"\bstat--alert\b"))
    assert number(late_stat.locator(".stat__value")) == len(late_before)
    late_block = page.locator('#attention [data-attention="late"]')
    late_links = late_block.locator("ul.item-list a")
    expect(late_links.first).to_be_visible()
    shot(page.locator("section.stats--dashboard"), "01-dashboard-key-figures")
    shot(page.locator("#attention"), "02-dashboard-late-actions")

    # Every action in the late block is late; the first one is the longest overdue.
    listed = [link.locator(".item-list__id").inner_text().strip() for link in late_links.all()]
    assert listed
    assert set(listed) <= late_before
    identifier = listed[0]
    action = Action.objects.get(plan=demo.plan, identifier=identifier)
    assert action.deadline is not None
    assert action.deadline < today
    action_url = demo.url("plans:action_detail", pk=action.pk)
    expect(late_links.first).to_have_attribute("href", action_url)

    # Click through to the action page: it is marked late.
    late_links.first.click()
    page.wait_for_url(f"**{action_url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(action.title)
    summary = page.locator("section.action-summary")
    expect(summary.locator(".badge--danger")).to_be_visible()
    expect(summary.locator("time").first).to_have_attribute("datetime", action.deadline.isoformat())
    shot(summary, "03-action-late")

    # Post an update through the form on the page: a new deadline a week from now, back on track.
    new_deadline = today + timedelta(days=7)
    statuses = list(ActionStatus.objects.filter(plan=demo.plan).order_by("position"))
    on_track = statuses[STATUS_KEYS.index("on_track")]
    assert on_track.category == StatusCategory.ACTIVE
    form = page.locator("details#post-update")
    form.locator("summary").click()
    note = "Nieuwe planning met de aannemer afgesproken; de werken starten volgende week."
    form.locator("#id_update-text").fill(note)
    form.locator("#id_update-new_status").select_option(str(on_track.pk))
    form.locator("#id_update-new_deadline").fill(new_deadline.isoformat())
    shot(form, "04-action-update-form")
    form.locator("button[type=submit]").click()

    # Back on the action page: the new deadline, no longer late, the entry on the timeline.
    page.wait_for_url(f"**{action_url}*")
    expect(summary.locator("time").first).to_have_attribute("datetime", new_deadline.isoformat())
    expect(summary.locator(".badge--danger")).to_have_count(0)
    entry = page.locator(".timeline-entry").filter(has_text=note)
    expect(entry).to_have_count(1)
    expect(entry.locator("time")).to_have_attribute("datetime", today.isoformat())
    shot(summary, "05-action-after-update")
    shot(entry, "06-timeline-entry")

    update = StatusUpdate.objects.get(action=action, text=note)
    assert update.author == demo.coordinator
    assert update.new_deadline == new_deadline
    assert update.previous_deadline == action.deadline
    assert update.new_status == on_track

    # The dashboard, through the main navigation: one late action fewer, this one not among
    # them, and its deadline among the next deadlines.
    page.locator(f'nav.main-nav a[href="{demo.url("tenancy:home")}"]').click()
    page.wait_for_url(f"**{demo.url('tenancy:home')}")
    assert number(late_stat.locator(".stat__value")) == len(late_before) - 1
    assert late_actions(demo.plan, today) == late_before - {identifier}
    expect(late_block.locator(f'a[href="{action_url}"]')).to_have_count(0)
    expect(late_links.first).to_be_visible()  # the others are still there
    upcoming = page.locator("#deadlines").locator(f'a[href="{action_url}"]')
    expect(upcoming).to_be_visible()
    expect(upcoming.locator("xpath=ancestor::li[1]").locator("time")).to_have_attribute(
        "datetime", new_deadline.isoformat()
    )
    # …and the change is listed among the latest updates.
    expect(page.locator("#changes").locator(f'a[href="{action_url}"]').first).to_be_visible()
    shot(page.locator("section.stats--dashboard"), "07-dashboard-key-figures-after")
    shot(page.locator("#attention"), "08-dashboard-late-actions-after")
    shot(page.locator("#deadlines"), "09-dashboard-next-deadlines-after")


# --- 2. A scoring round with two participants ----------------------------------------------

# Two criteria with different weights (CO2 impact 3, feasibility 2), three actions, and per
# participant the scores (CO2 impact, feasibility) of each action:
GUEST_SCORES = [(5, 5), (3, 3), (4, 2)]
MEMBER_SCORES = [(1, 1), (3, 3), (2, 4)]
# Weighted score = Σ weight x score / Σ weight, on 0-100 (a 5 is 100):
#   first:  guest 100, member 20                      → median 60, spread 20-100, middle 40-80
#   second: guest 60, member 60                       → median 60, no spread
#   third:  guest (12 + 4) / 5 x 20 = 64, member (6 + 8) / 5 x 20 = 56
#                                                     → median 60, spread 56-64, middle 58-62
EXPECTED = [
    # (median, minimum, maximum, q1, q3)
    (60.0, 20.0, 100.0, 40.0, 80.0),
    (60.0, 60.0, 60.0, 60.0, 60.0),
    (60.0, 56.0, 64.0, 58.0, 62.0),
]


def score_actions(page: Page, actions: list[Action], criteria, scores) -> None:
    for action, given in zip(actions, scores, strict=True):
        card = page.locator(f"li#action-{action.pk}")
        for criterion, value in zip(criteria, given, strict=True):
            radio = f'input[name="a{action.pk}-c{criterion.pk}"][value="{value}"]'
            card.locator(f"label.scale__option:has({radio})").click()
            expect(card.locator(radio)).to_be_checked()
        card.locator("button[type=submit]").click()
        # The saved card swaps in, marked as fully scored.
        expect(card.locator("form.score-card--done")).to_be_visible()


def spread_of(row: Locator) -> tuple[float, ...]:
    return tuple(
        float(row.get_attribute(f"data-{name}") or "nan")
        for name in ("median", "minimum", "maximum", "q1", "q3")
    )


def test_scoring_round_with_a_guest_and_a_member(
    page: Page, log_in, live_server, demo: Demo, new_device, shot
):
    criteria = list(
        Criterion.objects.filter(plan=demo.plan, key__in=["co2_impact", "feasibility"]).order_by(
            "position", "id"
        )
    )
    assert [c.weight for c in criteria] == [3, 2]
    # Three open actions of different Bridges.
    chosen_ids = ["B1.01", "B3.01", "B6.01"]
    actions = list(
        Action.objects.filter(plan=demo.plan, identifier__in=chosen_ids).order_by("identifier")
    )
    assert [a.identifier for a in actions] == chosen_ids
    log_in(demo.coordinator)

    # Prioritising → workshop rounds → open a round.
    page.goto(demo.url("tenancy:home"))
    page.locator(f'nav.main-nav a[href="{demo.url("prioritisation:priorities")}"]').click()
    page.wait_for_url(f"**{demo.url('prioritisation:priorities')}")
    page.locator(f'nav.subnav a[href="{demo.url("prioritisation:rounds")}"]').click()
    page.wait_for_url(f"**{demo.url('prioritisation:rounds')}")
    page.locator(f'main a[href="{demo.url("prioritisation:round_create")}"]').first.click()
    page.wait_for_url(f"**{demo.url('prioritisation:round_create')}")

    form = page.locator("form.round-form")
    form.locator("#id_title").fill("Workshop klimaatteam, prioriteiten 2027")
    for box in form.locator('input[name="criteria"]').all():
        value = box.get_attribute("value")
        if value in {str(c.pk) for c in criteria}:
            box.check()
        else:
            box.uncheck()
    form.locator('input[name="selection"][value="ticked"]').check()
    for action in actions:
        form.locator(f'input[name="actions"][value="{action.pk}"]').check()
    shot(page, "10-round-form")
    form.locator("button[type=submit]").click()

    scoring_round = ScoringRound.objects.get(plan=demo.plan)
    detail_url = demo.url("prioritisation:round_detail", pk=scoring_round.pk)
    page.wait_for_url(f"**{detail_url}")
    assert set(scoring_round.actions.values_list("pk", flat=True)) == {a.pk for a in actions}
    assert set(scoring_round.criteria.values_list("pk", flat=True)) == {c.pk for c in criteria}
    expect(page.locator(".join-code")).to_have_text(scoring_round.join_code)
    join_link = page.locator("a.join-panel__link")
    join_url = join_link.get_attribute("href")
    assert join_url
    assert join_url.endswith(
        reverse("workshop:join", kwargs={"join_code": scoring_round.join_code})
    )
    shot(page, "11-round-join-panel")

    # A guest without an account joins on their phone, gives a name and scores.
    guest = new_device()
    guest.page.goto(join_url)
    guest.page.locator("#id_name").fill("Ann Verhaeghe (klankbordgroep)")
    guest.page.locator("main form button[type=submit]").click()
    score_url = reverse("workshop:score", kwargs={"join_code": scoring_round.join_code})
    guest.page.wait_for_url(f"**{score_url}")
    shot(guest.page, "12-guest-scoring")
    score_actions(guest.page, actions, criteria, GUEST_SCORES)
    shot(guest.page, "13-guest-scored")

    # A logged-in member of the municipality joins with name and department filled in.
    member = new_device()
    member.context.add_cookies([session_cookie(demo.member, live_server)])
    member.page.goto(join_url)
    expect(member.page.locator("#id_name")).to_have_value(demo.member.full_name)
    department = Membership.objects.get(user=demo.member).department
    assert department is not None
    expect(member.page.locator("#id_department")).to_have_value(str(department.pk))
    shot(member.page, "14-member-join")
    member.page.locator("main form button[type=submit]").click()
    member.page.wait_for_url(f"**{score_url}")
    score_actions(member.page, actions, criteria, MEMBER_SCORES)
    shot(member.page, "15-member-scored")

    participants = RoundParticipant.objects.filter(scoring_round=scoring_round)
    assert participants.count() == 2
    assert participants.get(user=demo.member).name == demo.member.full_name
    assert participants.get(user=None).name == "Ann Verhaeghe (klankbordgroep)"
    assert RoundScore.objects.filter(participant__scoring_round=scoring_round).count() == 2 * 3 * 2

    # The projector page lists both participants.
    page.reload()
    expect(page.locator(".participant-list li")).to_have_count(2)
    shot(page, "16-round-participants")

    # The results: per action the median and the spread of the weighted scores.
    page.locator(
        f'a[href="{demo.url("prioritisation:round_results", pk=scoring_round.pk)}"]'
    ).first.click()
    page.wait_for_url(f"**{demo.url('prioritisation:round_results', pk=scoring_round.pk)}")
    results = page.locator("#results article.result")
    expect(results).to_have_count(3)
    # Sorted by disagreement: the widest middle half first.
    assert [r.get_attribute("data-action") for r in results.all()] == [
        "B1.01",
        "B6.01",
        "B3.01",
    ]
    for action, expected in zip(actions, EXPECTED, strict=True):
        result = page.locator(f'#results article.result[data-action="{action.identifier}"]')
        overall = result.locator("tr.result__overall")
        assert spread_of(overall) == expected, action.identifier
        assert overall.get_attribute("data-count") == "2"
        # What the coordinator reads: the median, rounded, in the median column.
        expect(overall.locator("td.result__median")).to_have_text(f"{expected[0]:.0f}")
    # Per criterion too: the third action splits the room on both criteria, 2 against 4.
    third = page.locator('#results article.result[data-action="B6.01"]')
    for criterion in criteria:
        row = third.locator(f'tr[data-criterion="{criterion.pk}"]')
        assert spread_of(row) == (3.0, 2.0, 4.0, 2.5, 3.5)
    shot(page, "17-round-results")


# --- 3. Export the action list, change one cell, import it again ---------------------------


def test_export_and_reimport_updates_without_duplicates(
    page: Page, log_in, demo: Demo, shot, results_dir: Path, tmp_path: Path
):
    action = Action.objects.get(plan=demo.plan, identifier="B3.01")
    new_title = f"{action.title} (herziene aanpak)"
    count_before = Action.objects.filter(plan=demo.plan).count()
    log_in(demo.coordinator)

    # The action list, through the main navigation.
    page.goto(demo.url("tenancy:home"))
    page.locator(f'nav.main-nav a[href="{demo.url("plans:actions")}"]').click()
    page.wait_for_url(f"**{demo.url('plans:actions')}")
    assert number(page.locator("#result-count")) == count_before
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path=results_dir / "journey-20-action-list.png")

    # Export to Excel through the link on the list.
    export_link = page.locator(
        f'.exports a[href^="{demo.url("plans:actions_export")}"][href*="format=xlsx"]'
    )
    with page.expect_download() as download_info:
        export_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)

    # Change one cell in the file, as someone would in Excel: the title of B3.01.
    workbook = load_workbook(exported)
    sheet = workbook[SHEET_TITLE]
    headers = [cell.value for cell in sheet[1]]
    id_column = headers.index(COLUMNS_BY_KEY["identifier"].header) + 1
    title_column = headers.index(COLUMNS_BY_KEY["title"].header) + 1
    rows = {sheet.cell(row=r, column=id_column).value: r for r in range(2, sheet.max_row + 1)}
    assert len(rows) == count_before, "the export holds every action once"
    assert sheet.cell(row=rows["B3.01"], column=title_column).value == action.title
    sheet.cell(row=rows["B3.01"], column=title_column).value = new_title
    edited = tmp_path / "acties-bewerkt.xlsx"
    workbook.save(edited)

    # Upload it on the import page and check the preview: one action changes, none is new.
    page.locator(f'a[href="{demo.url("plans:actions_import")}"]').first.click()
    page.wait_for_url(f"**{demo.url('plans:actions_import')}")
    upload = page.locator("form.import-upload")
    upload.locator("input[type=file]").set_input_files(edited)
    shot(page, "21-import-upload")
    upload.locator("button[type=submit]").click()
    summary = page.locator("section.import-summary")
    expect(summary).to_be_visible()
    expect(summary.locator(".stat--updated .stat__value")).to_have_text("1")
    expect(summary.locator(".stat--new .stat__value")).to_have_text("0")
    expect(summary.locator(".stat--unchanged .stat__value")).to_have_text(str(count_before - 1))
    changes = page.locator("table.import-changes tbody tr")
    expect(changes).to_have_count(1)
    expect(changes.locator(".import-changes__old")).to_have_text(action.title)
    expect(changes.locator(".import-changes__new")).to_have_text(new_title)
    shot(page, "22-import-preview")
    # Nothing is written before the confirmation.
    action.refresh_from_db()
    assert action.title != new_title

    page.locator(".import-confirm button[name=apply]").click()
    page.wait_for_url(f"**{demo.url('plans:actions')}*")
    assert number(page.locator("#result-count")) == count_before
    page.screenshot(path=results_dir / "journey-23-after-import.png")

    # The action page shows the new title; no action was added or lost.
    action_url = demo.url("plans:action_detail", pk=action.pk)
    page.goto(action_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(new_title)
    shot(page, "24-action-after-import")
    assert Action.objects.filter(plan=demo.plan).count() == count_before
    assert Action.objects.filter(plan=demo.plan, identifier="B3.01").count() == 1
