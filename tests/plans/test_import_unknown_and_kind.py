"""An import takes the status as the source says it (empty: unknown, not "not started"), and asks
once per file whether its new actions are mitigation or adaptation."""

import io
from http import HTTPStatus

import pytest
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, ActionStatus, StatusCategory, Theme
from daadkracht.testing.factories import ActionFactory, as_platform
from tests.plans.test_spreadsheets_import import (
    IMPORT_URL,
    actions_of,
    confirm,
    upload,
    xlsx_bytes,
)

KIND_URL = "/alfa/plan/acties/import/soort/"
PREVIEW_URL = f"{IMPORT_URL}?voorbeeld=1"
TEMPLATE_URL = "/alfa/plan/acties/import/sjabloon/"


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
@as_platform
def themes(world):
    """A Bridge whose actions are adaptation, one whose actions are mitigation, one still empty."""
    plan = world.plan_a
    robust = Theme.unscoped.create(
        municipality=world.a, plan=plan, code="B6", name="Klimaatrobuust", position=6
    )
    heat = Theme.unscoped.create(
        municipality=world.a, plan=plan, code="B1", name="Fossielvrij verwarmen", position=1
    )
    food = Theme.unscoped.create(
        municipality=world.a, plan=plan, code="B5", name="Gezonde voeding", position=5
    )
    for number, kind in enumerate(["adaptation", "adaptation", "both"], start=2):
        action = ActionFactory.create(plan=plan, identifier=f"B6.0{number}", com_kind=kind)
        action.themes.set([robust])
    heating = ActionFactory.create(plan=plan, identifier="B1.02", com_kind="mitigation")
    heating.themes.set([heat])
    return robust, heat, food


# The Damme list as published: no column for mitigation or adaptation, a status left empty.
DAMME = [
    ["Nummer", "Titel", "Thema's", "Status"],
    ["B6.10", "Wadi's in de nieuwe verkaveling", "B6", ""],
    ["B1.10", "Warmtepompen in de sporthal", "B1", "op schema"],
    ["B5.10", "Korte keten op de markt", "B5", None],
    ["A.10", "Klimaatloket in het gemeentehuis", "", ""],
]


def kinds_and_statuses(municipality, identifiers) -> dict[str, tuple[str, str, str]]:
    found = actions_of(municipality)
    return {
        i: (found[i].com_kind, found[i].status.name, found[i].status.category) for i in identifiers
    }


def pending_kind(client, world) -> str:
    """The choice the import waiting in the session keeps."""
    return client.session[f"plans_import:{world.a.pk}"]["kind"]


def choose_kind(client, preview_response, kind: str):
    pending = preview_response.context["pending"]
    return client.post(KIND_URL, {"token": pending.token, "kind": kind})


def test_an_empty_status_becomes_unknown_and_the_kind_follows_the_theme(world, themes):
    coordinator = world.client_for("coordinator")

    preview = upload(coordinator, xlsx_bytes(DAMME))

    assert preview.status_code == HTTPStatus.OK
    checked = preview.context["preview"]
    assert checked.errors == []
    assert checked.unknown_status_rows == 3
    assert checked.kind_chosen_rows == 4
    shown = {row.identifier: (row.status_text, row.kind_text) for row in checked.rows}
    assert shown == {
        "B6.10": ("onbekend", "adaptatie"),
        "B1.10": ("op schema", "mitigatie"),
        "B5.10": ("onbekend", "mitigatie"),  # a theme without actions yet
        "A.10": ("onbekend", "mitigatie"),  # no theme
    }
    page = preview.content.decode()
    assert "3 nieuwe acties hebben geen status in het bestand" in page
    assert "Het bestand heeft geen kolom voor mitigatie of adaptatie." in page
    assert preview.context["kind_form"]["kind"].value() == "theme"
    assert "(leeg in het bestand)" in page

    response = confirm(coordinator, preview)

    assert response.status_code == HTTPStatus.FOUND
    assert kinds_and_statuses(world.a, ["B6.10", "B1.10", "B5.10", "A.10"]) == {
        "B6.10": ("adaptation", "onbekend", StatusCategory.UNKNOWN),
        "B1.10": ("mitigation", "op schema", StatusCategory.ACTIVE),
        "B5.10": ("mitigation", "onbekend", StatusCategory.UNKNOWN),
        "A.10": ("mitigation", "onbekend", StatusCategory.UNKNOWN),
    }


def test_one_choice_for_the_whole_import_is_kept_shown_and_applied(world, themes):
    coordinator = world.client_for("coordinator")
    first = upload(coordinator, xlsx_bytes(DAMME))

    chosen = choose_kind(coordinator, first, "adaptation")

    assert chosen.status_code == HTTPStatus.FOUND
    assert chosen.url == f"{PREVIEW_URL}#import-kind"
    assert pending_kind(coordinator, world) == "adaptation"
    preview = coordinator.get(PREVIEW_URL)
    checked = preview.context["preview"]
    assert {row.kind_text for row in checked.rows} == {"adaptatie"}
    page = preview.content.decode()
    assert "Nu in het voorbeeld: allemaal adaptatie." in page
    assert preview.context["kind_form"]["kind"].value() == "adaptation"

    confirm(coordinator, preview)

    found = actions_of(world.a)
    assert {found[i].com_kind for i in ("B6.10", "B1.10", "B5.10", "A.10")} == {"adaptation"}


def test_the_confirmation_of_a_preview_before_the_choice_imports_nothing(world, themes):
    coordinator = world.client_for("coordinator")
    before_choice = upload(coordinator, xlsx_bytes(DAMME))
    choose_kind(coordinator, before_choice, "both")

    response = confirm(coordinator, before_choice)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == IMPORT_URL
    assert "B6.10" not in actions_of(world.a)


def test_a_column_for_it_wins_per_row_and_the_choice_fills_the_empty_cells(world, themes):
    coordinator = world.client_for("coordinator")
    rows = [
        ["Nummer", "Titel", "Thema's", "Mitigatie of adaptatie"],
        ["B6.11", "Groendaken op de scholen", "B6", "mitigatie en adaptatie"],
        ["B1.11", "Hittekaart van de deelgemeenten", "B1", "adaptatie"],
        ["B5.11", "Moestuinen bij de woonzorgcentra", "B5", ""],
    ]
    first = upload(coordinator, xlsx_bytes(rows))
    assert first.context["preview"].kind_chosen_rows == 1
    assert "De kolom voor mitigatie of adaptatie is leeg voor 1 nieuwe actie" in (
        first.content.decode()
    )

    choose_kind(coordinator, first, "adaptation")
    response = confirm(coordinator, coordinator.get(PREVIEW_URL))

    assert response.status_code == HTTPStatus.FOUND
    found = actions_of(world.a)
    assert [found[i].com_kind for i in ("B6.11", "B1.11", "B5.11")] == [
        "both",
        "adaptation",
        "adaptation",
    ]


def test_existing_actions_keep_their_status_and_kind(world, themes):
    coordinator = world.client_for("coordinator")
    with tenant_scope(world.a):
        on_track = ActionStatus.objects.get(plan=world.plan_a, name="op schema")
        Action.objects.filter(pk=world.action_a.pk).update(status=on_track, com_kind="mitigation")
    rows = [["Nummer", "Titel", "Status"], ["B3.01", "Fietsstraten in het hele centrum", ""]]
    first = upload(coordinator, xlsx_bytes(rows))
    assert first.context["counts"]["new"] == 0
    assert 'id="import-kind"' not in first.content.decode()  # nothing to choose for

    confirm(coordinator, first)

    action = actions_of(world.a)["B3.01"]
    assert action.title == "Fietsstraten in het hele centrum"
    assert (action.status.name, action.com_kind) == ("op schema", "mitigation")


@pytest.mark.parametrize("kind", ["", "adaptatie", "theme'--", "x" * 300])
def test_a_crafted_choice_changes_nothing(world, themes, kind):
    coordinator = world.client_for("coordinator")
    first = upload(coordinator, xlsx_bytes(DAMME))

    response = choose_kind(coordinator, first, kind)

    assert response.status_code == HTTPStatus.FOUND
    assert pending_kind(coordinator, world) == "theme"


def test_a_choice_for_another_preview_is_refused(world, themes):
    coordinator = world.client_for("coordinator")
    upload(coordinator, xlsx_bytes(DAMME))

    response = coordinator.post(KIND_URL, {"token": "not-this-one", "kind": "adaptation"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == IMPORT_URL
    assert pending_kind(coordinator, world) == "theme"


def test_only_the_coordinator_chooses(world, themes):
    for role in ("editor", "viewer"):
        response = world.client_for(role).post(KIND_URL, {"token": "x", "kind": "adaptation"})
        assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_template_explains_the_unknown_status_and_the_choice(world):
    response = world.client_for("coordinator").get(TEMPLATE_URL)
    workbook = load_workbook(io.BytesIO(response.getvalue()))

    rows = workbook["Uitleg"].iter_rows(values_only=True)
    text = "\n".join(str(value) for row in rows for value in row if value)
    assert "krijgt de status “onbekend”, niet “niet gestart”" in text
    assert "kies je één keer in het voorbeeld" in text
    assert "onbekend" in text.split("Status", 1)[1]  # the status column's own explanation
