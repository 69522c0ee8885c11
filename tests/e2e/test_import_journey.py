"""A coordinator imports the action list of a city, as the city keeps it, in Chromium.

The file is what a Flemish municipality exports from Excel: a CSV in Windows-1252 with
semicolons, a title and a blank row above the headers, its own Dutch headers, no identifiers, a
theme and a department the plan does not have, a department written wrong and a budget that is
no number. The coordinator

1. uploads it, finds the row with the column names found and the obvious columns matched,
   corrects a slip (two columns matched to the title) and matches the budget column with the
   keyboard;
2. decides once per unknown value, after a choice left half made is pointed out: create the
   theme and the department, use the suggested department for the misspelt one;
3. reads the preview (how many actions, what the import creates, that the actions without a
   status get "unknown"), chooses once that they are all mitigation and adaptation, and
   confirms;
4. finds the actions in the action list, and the budget as the file says it on the action;
5. reads on the dashboard how many actions have an unknown status.

A screenshot of every page goes to /tmp/shots-import/.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, StatusCategory, Theme
from daadkracht.testing.factories import as_platform

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots-import")

# Windows-1252: the en dash and the "ö" are single bytes, as Excel writes them.
CSV = (
    "Klimaatactieplan Gemeente Alfa 2030 \u2013 actielijst;;;;;\r\n"
    ";;;;;\r\n"
    "Maatregel;Omschrijving;Thema;Trekker;Kostenraming;Startdatum\r\n"
    "Fietsstraten rond de scholen;Veilige routes voor fietsende leerlingen;Mobiliteit;"
    "Mobiliteit;15-20 Mio EUR;01/09/2026\r\n"
    "Warmtenet Noord;Aansluiting van 400 woningen;Energie;Dienst Energie;1.200.000;"
    "01/01/2027\r\n"
    "Energiecoöperatie opstarten;Burgers investeren samen in zon en wind;Energie;"
    "Dienst Energie;;\r\n"
    "Ontharding van het Sint-Pietersplein;Minder verharding, meer groen;Mobiliteit;"
    "Groendiest;250.000;15/03/2026\r\n"
    "Groendaken op gemeentelijke gebouwen;;Energie;Groendiest;;\r\n"
).encode("cp1252")

TITLES = [
    "Fietsstraten rond de scholen",
    "Warmtenet Noord",
    "Energiecoöperatie opstarten",
    "Ontharding van het Sint-Pietersplein",
    "Groendaken op gemeentelijke gebouwen",
]


@as_platform
def _mobility_theme(world) -> Theme:
    return Theme.unscoped.create(
        municipality=world.a, plan=world.plan_a, code="B3", name="Mobiliteit"
    )


def url(name: str) -> str:
    return reverse(name, kwargs={"municipality": "alfa"})


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def shot() -> Callable[[Page, str], None]:
    SHOTS.mkdir(parents=True, exist_ok=True)

    def _shot(page: Page, name: str) -> None:
        page.screenshot(path=SHOTS / f"{name}.png", full_page=True)

    return _shot


def test_coordinator_imports_a_city_list_with_its_own_columns(
    page: Page, log_in, world, shot, tmp_path
):
    _mobility_theme(world)
    log_in(world.users["coordinator"])
    csv_file = tmp_path / "actielijst 2030.csv"
    csv_file.write_bytes(CSV)

    # 1. Upload.
    page.goto(url("plans:actions_import"))
    shot(page, "01-upload")
    page.locator("input[type=file]").set_input_files(csv_file)
    page.locator("form.import-upload button[type=submit]").click()

    # 2. The columns: the title row and the blank row are skipped, the obvious columns matched.
    expect(page).to_have_url(url("plans:actions_import_columns"))
    expect(page.locator("select[name=header_row]")).to_have_value("3")
    expected = {
        "column_0": "title",
        "column_1": "description",
        "column_2": "themes",
        "column_3": "lead_department",
        "column_4": "",
        "column_5": "start_date",
    }
    for name, key in expected.items():
        expect(page.locator(f"select[name={name}]")).to_have_value(key)
    shot(page, "02-columns")

    # Matching two columns to the title is explained on the page, the summary in focus.
    page.locator("select[name=column_1]").select_option("title")
    page.locator("form.import-columns button[type=submit]:not([name])").click()
    expect(page.locator("#mapping-errors")).to_be_focused()
    expect(page.locator("select[name=column_1]")).to_have_value("title")
    shot(page, "03-columns-error")
    page.locator("select[name=column_1]").select_option("description")

    # The budget column has a name nobody foresaw: tab to its select and choose by typing.
    page.locator("select[name=column_3]").focus()
    page.keyboard.press("Tab")
    budget = page.locator("select[name=column_4]")
    expect(budget).to_be_focused()
    page.keyboard.type("gep")
    expect(budget).to_have_value("budget_planned")
    shot(page, "04-columns-matched")
    page.locator("form.import-columns button[type=submit]:not([name])").click()

    # 3. Unknown values, once each.
    expect(page).to_have_url(url("plans:actions_import_missing"))
    items = page.locator("fieldset.import-missing__item")
    expect(items).to_have_count(3)
    energy_theme = page.locator('[data-missing="theme:energie"]')
    energy_department = page.locator('[data-missing="department:dienst energie"]')
    misspelt = page.locator('[data-missing="department:groendiest"]')
    expect(misspelt.locator("input[value=use]")).to_be_checked()
    expect(misspelt.locator("select")).to_have_value(str(world.other_department_a.pk))
    shot(page, "05-missing")

    # Choosing "use an existing theme" without saying which: the summary takes the focus and
    # its link leads to the select in question.
    energy_theme.locator("input[value=use]").check()
    page.locator("form.import-missing button[type=submit]").click()
    summary = page.locator("#missing-errors")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    shot(page, "06-missing-error")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("select[name=use_0]")).to_be_focused()
    expect(page.locator("select[name=use_0]")).to_have_attribute("aria-invalid", "true")
    energy_theme.locator("input[value=create]").check()
    energy_department.locator("input[value=create]").check()
    page.locator("form.import-missing button[type=submit]").click()

    # 4. The preview: five new actions, and what the import creates besides.
    expect(page.locator("#import-summary-title")).to_contain_text("5")
    expect(page.locator(".stat--new .stat__value")).to_have_text("5")
    creates = page.locator(".import-creates li")
    expect(creates).to_have_count(2)
    expect(creates).to_contain_text(["\u201cDienst Energie\u201d", "\u201cEnergie\u201d"])
    shot(page, "07-preview")

    # The file gives no status: the new actions get "unknown", not "not started". Nor does it
    # say mitigation or adaptation: asked once, per theme unless chosen otherwise.
    kind = page.locator("#import-kind")
    expect(kind.locator("[data-unknown-status-rows]")).to_contain_text("5 nieuwe acties")
    new_rows = page.locator("table.import-new tbody tr")
    expect(new_rows.first).to_contain_text("onbekend")
    expect(new_rows.first).to_contain_text("mitigatie")
    expect(kind.get_by_label("per thema (standaard)")).to_be_checked()
    kind.get_by_label("allemaal mitigatie en adaptatie").check()
    kind.get_by_role("button", name="Voorbeeld met deze keuze bekijken").click()
    expect(
        page.locator("#import-kind").get_by_label("allemaal mitigatie en adaptatie")
    ).to_be_checked()
    expect(page.locator("table.import-new tbody tr").first).to_contain_text(
        "mitigatie en adaptatie"
    )
    shot(page, "07b-preview-kind")
    page.locator("button[name=apply]").click()

    # 5. The action list has the five actions; one keeps its budget as the file says it.
    expect(page).to_have_url(url("plans:actions"))
    expect(page.locator(".message--success")).to_contain_text("5")
    for title in TITLES:
        expect(page.get_by_role("link", name=title)).to_be_visible()
    shot(page, "08-actions")
    page.get_by_role("link", name=TITLES[0]).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLES[0])
    expect(page.locator(".source-note")).to_contain_text("15-20 Mio EUR")
    shot(page, "09-action")

    with tenant_scope(world.a):
        actions = {a.title: a for a in Action.objects.filter(plan=world.plan_a)}
        assert actions["Ontharding van het Sint-Pietersplein"].lead_department == (
            world.other_department_a
        )
        assert actions["Warmtenet Noord"].lead_department.name == "Dienst Energie"
        assert actions["Warmtenet Noord"].budget_planned == 1200000
        assert [t.name for t in actions["Warmtenet Noord"].themes.all()] == ["Energie"]
        assert {(a.status.category, a.com_kind) for a in actions.values() if a.title in TITLES} == {
            (StatusCategory.UNKNOWN, "both")
        }

    # 6. The dashboard names them apart.
    page.goto(reverse("tenancy:home", kwargs={"municipality": "alfa"}))
    unknown = page.locator("[data-unknown-status]")
    expect(unknown.locator(".stat__value")).to_have_text("5")
    expect(unknown).to_contain_text("acties met onbekende status")
    shot(page, "10-dashboard")
