"""Importing a list as cities publish it: own headers in any language, a title above them, no
identifiers — matched on the columns page, checked, imported."""

from datetime import date
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daadkracht.access.context import tenant_scope
from daadkracht.common.sheets import RawCell
from daadkracht.plans.models import Action, ActionStatus, ImportMapping, StatusCategory, Theme
from daadkracht.plans.spreadsheets.columns import COLUMNS_BY_KEY
from daadkracht.plans.spreadsheets.mapping import auto_mapping, match_header, simplified
from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import as_platform

IMPORT_URL = "/alfa/plan/acties/import/"
COLUMNS_URL = "/alfa/plan/acties/import/kolommen/"
CONFIRM_URL = "/alfa/plan/acties/import/bevestigen/"
MISSING_URL = "/alfa/plan/acties/import/ontbrekend/"


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


GERMAN_CSV = (
    "Klimaschutzkonzept Musterstadt 2030 \u2013 Maßnahmenkatalog;;;;\r\n"
    ";;;;\r\n"
    "Maßnahme;Beschreibung;Handlungsfeld;Kosten (€);Beginn\r\n"
    "Fahrradstraßen im Zentrum;Sichere Routen für Schüler;B3;15-20 Mio EUR;01.03.2026\r\n"
    "Wärmenetz Süd;Anschluss von 400 Wohnungen;B3;;2027-01-01\r\n"
    "Photovoltaik auf Schulen;Alle Grundschulen;;1.200.000;\r\n"
).encode("cp1252")


def post_columns(client, page, **overrides):
    form = page.context["form"]
    data = {"header_row": form.initial["header_row"], "save": "on"}
    for name in form.column_names:
        data[name] = form.initial.get(name) or ""
    data.update(overrides)
    return client.post(COLUMNS_URL, data)


def test_headers_in_four_languages_are_matched():
    headers = ["Nr.", "Maßnahme", "Beschreibung", "Thème", "Responsible", "Échéance", "Budget (€)"]

    assert auto_mapping(headers) == [
        "identifier",
        "title",
        "description",
        "themes",
        "responsible",
        "deadline",
        "budget_planned",
    ]
    assert simplified("CO₂-Einsparung (t/a)") == "co2 einsparung"


@as_platform
def _theme(world) -> Theme:
    return Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B3", name="Slim")


def test_a_german_list_with_a_title_row_and_no_identifiers_goes_in(world):
    _theme(world)
    coordinator = world.client_for("coordinator")

    uploaded = coordinator.post(
        IMPORT_URL, {"file": SimpleUploadedFile("massnahmen.csv", GERMAN_CSV, "text/csv")}
    )
    page = coordinator.get(uploaded["Location"])

    assert uploaded.status_code == HTTPStatus.FOUND
    form = page.context["form"]
    assert form.initial["header_row"] == 3, "the title above the column names is skipped"
    assert [form.initial[f"column_{i}"] for i in range(5)] == [
        "title",
        "description",
        "themes",
        "budget_planned",
        "start_date",
    ]

    preview_page = post_columns(coordinator, page)
    preview = preview_page.context["preview"]
    assert preview.errors == []
    assert preview.counts == {"new": 3, "updated": 0, "unchanged": 0}
    # B3.01 exists already in the test world: the next free numbers of the theme follow.
    assert [row.identifier for row in preview.rows] == ["B3.02", "B3.03", "A.01"]

    done = coordinator.post(
        CONFIRM_URL,
        {"token": preview_page.context["pending"].token, "fingerprint": preview.fingerprint},
    )

    assert done.status_code == HTTPStatus.FOUND
    created = {a.identifier: a for a in Action.unscoped.filter(plan=world.plan_a)}
    assert created["B3.02"].title == "Fahrradstraßen im Zentrum"
    assert created["B3.02"].description == "Sichere Routen für Schüler"
    assert str(created["B3.02"].start_date) == "2026-03-01"
    assert str(created["B3.03"].start_date) == "2027-01-01"
    assert created["A.01"].title == "Photovoltaik auf Schulen"
    # Costs as the source says them: a number where it is one, the text where it is not.
    assert (created["B3.02"].budget_planned, created["B3.02"].budget_note) == (
        None,
        "15-20 Mio EUR",
    )
    assert created["A.01"].budget_planned == 1200000
    assert created["A.01"].budget_note == ""
    page = coordinator.get(f"/alfa/plan/acties/{created['B3.02'].pk}/")
    assert "15-20 Mio EUR" in page.content.decode()


def test_the_matching_is_kept_for_the_next_file_with_the_same_columns(world):
    _theme(world)
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("massnahmen.csv", GERMAN_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])
    post_columns(coordinator, page, column_3="", column_1="")

    again = {"file": SimpleUploadedFile("massnahmen-2.csv", GERMAN_CSV, "text/csv")}
    second = coordinator.get(coordinator.post(IMPORT_URL, again)["Location"])

    assert ImportMapping.unscoped.filter(municipality=world.a).count() == 1
    assert second.context["mapping_name"] == "massnahmen.csv"
    assert second.context["form"].initial["column_1"] is None
    assert second.context["form"].initial["column_3"] is None


def test_a_field_chosen_twice_or_no_title_is_explained_with_the_choices_kept(world):
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("massnahmen.csv", GERMAN_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])

    twice = post_columns(coordinator, page, column_1="title")
    untitled = post_columns(coordinator, page, column_0="")

    assert twice.status_code == HTTPStatus.OK
    assert any("A" in e and "B" in e for e in twice.context["errors"])
    assert twice.context["form"]["column_1"].value() == "title"
    assert untitled.status_code == HTTPStatus.OK
    assert untitled.context["errors"]
    assert not Action.unscoped.filter(title="Wärmenetz Süd").exists()


def test_another_municipality_never_sees_the_kept_matching(world):
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("massnahmen.csv", GERMAN_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])
    post_columns(coordinator, page, column_3="")

    other = world.client_for("other_municipality")
    assert other.get(COLUMNS_URL.replace("alfa", "beta")).status_code == HTTPStatus.FOUND
    assert other.get(COLUMNS_URL).status_code == HTTPStatus.NOT_FOUND


FLEMISH_CSV = (
    "Titel;Thema;Trekker;Betrokken diensten\r\n"
    'Warmtenet Noord;Energie;Dienst Energie;"Groendienst; Wonen"\r\n'
    "Zonnepanelen op scholen;Energie;Dienst Energie;\r\n"
    "Fietsstraten;Mobiliteit;Mobiliteit;\r\n"
    "Ontharding;Klimaatadaptatie;Groendiest;\r\n"
).encode("cp1252")


def test_unknown_themes_and_departments_are_decided_once_each(world):
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("acties.csv", FLEMISH_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])

    to_missing = post_columns(coordinator, page)
    assert to_missing.status_code == HTTPStatus.FOUND
    missing_page = coordinator.get(to_missing["Location"])
    items = {(e["item"].kind.value, e["item"].name): e for e in missing_page.context["items"]}

    assert set(items) == {
        ("theme", "Energie"),
        ("theme", "Mobiliteit"),
        ("theme", "Klimaatadaptatie"),
        ("department", "Dienst Energie"),
        ("department", "Wonen"),
        ("department", "Groendiest"),
    }, "listed once each, known ones (Mobiliteit as department, Groendienst) left out"
    assert items[("theme", "Energie")]["item"].rows == [2, 3]
    typo = items[("department", "Groendiest")]
    assert typo["item"].suggestion == world.other_department_a, "the closest one is suggested"
    offered = {
        name: [value for value, _label in entry["choice"].field.choices]
        for (_kind, name), entry in items.items()
    }
    assert offered["Groendiest"] == ["create", "use", "external", "empty"]
    assert offered["Energie"] == ["create", "empty"], "the plan has no theme to use instead"

    form = missing_page.context["form"]
    data = {}
    for item, choice, use in form.items:
        data[choice] = form.initial[choice]
        data[use] = form.initial.get(use, "")
        if item.name == "Wonen":
            data[choice] = "empty"
    preview_page = coordinator.post(MISSING_URL, data)
    preview = preview_page.context["preview"]

    assert preview.errors == []
    assert sorted(t.name for t in preview.to_create) == [
        "Dienst Energie",
        "Energie",
        "Klimaatadaptatie",
        "Mobiliteit",
    ]
    assert not Theme.unscoped.filter(name="Energie").exists(), "nothing created before confirming"

    coordinator.post(
        CONFIRM_URL,
        {"token": preview_page.context["pending"].token, "fingerprint": preview.fingerprint},
    )

    with tenant_scope(world.a):
        actions = {a.title: a for a in Action.objects.filter(plan=world.plan_a)}
        warmtenet = actions["Warmtenet Noord"]
        assert [t.name for t in warmtenet.themes.all()] == ["Energie"]
        assert warmtenet.lead_department.name == "Dienst Energie"
        assert [i.department.name for i in warmtenet.involvements.all()] == ["Groendienst"]
        assert actions["Ontharding"].lead_department == world.other_department_a
        assert [t.name for t in actions["Fietsstraten"].themes.all()] == ["Mobiliteit"]
        assert Theme.objects.filter(plan=world.plan_a, name="Energie").count() == 1


def test_a_choice_to_correct_comes_back_as_a_page_that_htmx_shows(world):
    """The pages are sent by htmx, which leaves the page as it was on a 4xx answer: a matching
    or a choice to correct must come back as a page it swaps in, with what to correct."""
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("acties.csv", FLEMISH_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])
    form = page.context["form"]
    data = {"header_row": form.initial["header_row"], "column_0": "title", "column_1": "title"}

    twice = coordinator.post(COLUMNS_URL, data, headers={"HX-Request": "true"})

    assert twice.status_code == HTTPStatus.OK
    assert twice.context["errors"]
    post_columns(coordinator, page)
    missing = coordinator.get(MISSING_URL).context["form"]
    choices = {choice: "use" for _item, choice, _use in missing.items}
    unchosen = coordinator.post(MISSING_URL, choices, headers={"HX-Request": "true"})
    assert unchosen.status_code == HTTPStatus.OK
    assert unchosen.context["form"].errors


def test_co2_and_responsible_as_the_source_says_them_come_back_unchanged(world):
    rows = (
        "Titel;CO2-reductie (t/jaar);Verantwoordelijke (e-mail)\r\n"
        "Warmtenet;1.150 t CO2-eq/y;imec\r\n"
        "Isolatie;A few 100 t;KU Leuven, EcoWerf\r\n"
        "Zon;250;\r\n"
    ).encode("cp1252")
    coordinator = world.client_for("coordinator")
    uploaded = coordinator.post(
        IMPORT_URL, {"file": SimpleUploadedFile("co2.csv", rows, "text/csv")}
    )
    preview = uploaded.context["preview"]
    assert preview.errors == []
    coordinator.post(
        CONFIRM_URL,
        {"token": uploaded.context["pending"].token, "fingerprint": preview.fingerprint},
    )
    created = {a.title: a for a in Action.unscoped.filter(plan=world.plan_a)}

    # A figure with its unit is read as the figure; text that is no single number is kept.
    assert (created["Warmtenet"].co2_reduction, created["Warmtenet"].co2_note) == (1150, "")
    assert (created["Isolatie"].co2_reduction, created["Isolatie"].co2_note) == (
        None,
        "A few 100 t",
    )
    assert created["Warmtenet"].responsible_note == "imec"
    assert created["Isolatie"].responsible_note == "KU Leuven, EcoWerf"
    assert created["Zon"].co2_reduction == 250
    export = coordinator.get("/alfa/plan/acties/export/?format=csv").getvalue()
    again = coordinator.post(
        IMPORT_URL, {"file": SimpleUploadedFile("export.csv", export, "text/csv")}
    ).context["preview"]
    assert again.errors == []
    assert again.counts["updated"] == 0
    page = coordinator.get(f"/alfa/plan/acties/{created['Warmtenet'].pk}/").content.decode()
    assert "1.150 t CO2/jaar" in page
    assert "imec" in page
    page = coordinator.get(f"/alfa/plan/acties/{created['Isolatie'].pk}/").content.decode()
    assert "A few 100 t" in page


def test_errors_are_listed_once_per_kind_with_every_row(world):
    lines = ["Titel;Fase;Voortgang (%)"]
    lines += [f"Actie {n};uitvoring;10" for n in range(2, 302)]  # rows 2-301: a misspelt phase
    lines += ["Zonder fase;;veel", ";;"]  # row 302: not a percentage
    lines += [";idee;5"]  # row 304: no title (303 is empty and skipped)
    data = "\r\n".join(lines).encode("cp1252")
    coordinator = world.client_for("coordinator")

    response = coordinator.post(IMPORT_URL, {"file": SimpleUploadedFile("a.csv", data)})

    groups = response.context["preview"].error_groups
    assert [len(g.rows) for g in groups] == [300, 1, 1]
    assert groups[0].row_ranges == "2\u2013301"
    assert "uitvoring" in groups[0].text
    assert not groups[0].text.startswith("Rij")
    page = response.content.decode()
    assert "300 rijen: 2\u2013301" in page
    assert page.count("uitvoring") == 1


@pytest.mark.parametrize(
    "hostile",
    ["²", "-1", "9" * 30, "\x00", "1e999", "<script>", "", "title", "column_0", "use:999999"],
)
def test_hostile_choices_on_the_import_pages_change_nothing_and_break_nothing(world, hostile):
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("acties.csv", FLEMISH_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])
    names = page.context["form"].column_names
    before = Action.unscoped.count()

    columns = coordinator.post(
        COLUMNS_URL, {"header_row": hostile, "save": hostile, **dict.fromkeys(names, hostile)}
    )
    missing = coordinator.post(MISSING_URL, {f"choice_{n}": hostile for n in range(8)})
    confirm = coordinator.post(CONFIRM_URL, {"token": hostile, "fingerprint": hostile})

    assert columns.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert missing.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert confirm.status_code == HTTPStatus.FOUND
    assert Action.unscoped.count() == before


def test_a_year_alone_is_read_as_the_end_or_the_start_of_that_year():
    deadline, start = COLUMNS_BY_KEY["deadline"], COLUMNS_BY_KEY["start_date"]
    assert match_header("Timing") == "deadline"
    assert deadline.parse(RawCell("2028"), None) == date(2028, 12, 31)
    assert deadline.parse(RawCell(2028), None) == date(2028, 12, 31), "a number cell as well"
    assert start.parse(RawCell("2026"), None) == date(2026, 1, 1)
    # An Excel day number is still a day: 45658 is 1 January 2025.
    assert deadline.parse(RawCell(45658), None) == date(2025, 1, 1)


EXTERNAL_CSV = (
    "Titel;Trekker;Betrokken diensten;Status\r\n"
    "Warmtenet;imec;Groendienst;Lopend\r\n"
    "Renovatie;Dienst Omgeving;imec;zie nota\r\n"
    "Zonnepanelen;Dienst Omgeving;;afgerond\r\n"
).encode("cp1252")


def test_statuses_and_outside_organisations_are_decided_once_each(world):
    coordinator = world.client_for("coordinator")
    upload = {"file": SimpleUploadedFile("acties.csv", EXTERNAL_CSV, "text/csv")}
    page = coordinator.get(coordinator.post(IMPORT_URL, upload)["Location"])
    missing_page = coordinator.get(post_columns(coordinator, page)["Location"])
    form = missing_page.context["form"]
    items = {(item.kind.value, item.name): (choice, use) for item, choice, use in form.items}

    assert set(items) == {
        ("department", "imec"),
        ("department", "Dienst Omgeving"),
        ("status", "Lopend"),
        ("status", "zie nota"),
    }, "'afgerond' is a status of the plan; each unknown value is listed once"
    status_choices = [value for value, _label in form.fields[items["status", "Lopend"][0]].choices]
    assert status_choices == ["use", "empty"], "a status is matched or left unknown, not made"
    department_choices = [
        value for value, _label in form.fields[items["department", "imec"][0]].choices
    ]
    assert "external" in department_choices
    assert form.initial[items["status", "zie nota"][0]] == "empty"

    with tenant_scope(world.a):
        on_track = ActionStatus.objects.get(plan=world.plan_a, name="op schema")
    data = {}
    for (kind, name), (choice, use) in items.items():
        data[choice], data[use] = "create", ""
        if name == "imec":
            data[choice] = "external"
        elif name == "Lopend":
            data[choice], data[use] = "use", str(on_track.pk)
        elif kind == "status":
            data[choice] = "empty"
    preview_page = coordinator.post(MISSING_URL, data)
    preview = preview_page.context["preview"]
    assert preview.errors == []
    assert [d.name for d in preview.to_create] == ["Dienst Omgeving"], "imec is no department"
    coordinator.post(
        CONFIRM_URL,
        {"token": preview_page.context["pending"].token, "fingerprint": preview.fingerprint},
    )

    with tenant_scope(world.a):
        actions = {a.title: a for a in Action.objects.filter(plan=world.plan_a)}
        assert actions["Warmtenet"].lead_department is None
        assert actions["Warmtenet"].responsible_note == "imec"
        assert actions["Warmtenet"].status == on_track
        assert [i.department for i in actions["Warmtenet"].involvements.all()] == [
            world.other_department_a
        ]
        assert actions["Renovatie"].lead_department.name == "Dienst Omgeving"
        assert actions["Renovatie"].responsible_note == "imec", "an outside partner is kept"
        assert actions["Renovatie"].status.category == StatusCategory.UNKNOWN
        assert actions["Zonnepanelen"].status.name == "afgerond"
        assert not Department.objects.filter(name="imec").exists()
