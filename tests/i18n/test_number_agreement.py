"""A count in a sentence agrees with its noun and verb: "1 nieuwe actie", "2 nieuwe acties"."""

import io
import re
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import TaskFactory

IMPORT_URL = "/alfa/plan/acties/import/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NEW_ROWS = [
    ["Nummer", "Titel", "Trekkende dienst"],
    ["B3.10", "Deelfietsen aan elk station", "Mobiliteit"],
    ["B7.02", "Klimaatteam per brug", "Groendienst"],
]


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def text_of(html: str, pattern: str) -> str:
    """The words inside the first element that `pattern` finds, without tags or extra spaces."""
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def preview_of(client, rows: list[list[object]]) -> str:
    response = client.post(
        IMPORT_URL, {"file": SimpleUploadedFile("acties.xlsx", xlsx_bytes(rows), XLSX)}
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["preview"].errors == []
    return response.content.decode()


def new_stat(html: str) -> str:
    return text_of(html, r'<p class="stat stat--new">(.*?)</p>')


def test_the_import_preview_counts_one_new_action_in_the_singular(world):
    coordinator = world.client_for("coordinator")

    one = preview_of(coordinator, NEW_ROWS[:2])
    two = preview_of(coordinator, NEW_ROWS)

    assert new_stat(one) == "1 nieuwe actie"
    assert new_stat(two) == "2 nieuwe acties"
    assert text_of(one, r'<p class="stat stat--unchanged">(.*?)</p>') == (
        "0 acties zonder wijzigingen"
    )


def test_french_counts_zero_and_one_in_the_singular(world):
    membership = Membership.unscoped.get(user=world.users["coordinator"], municipality=world.a)
    membership.user.language = "fr"
    membership.user.save(update_fields=["language"])
    coordinator = world.client_for("coordinator")

    one = preview_of(coordinator, NEW_ROWS[:2])
    two = preview_of(coordinator, NEW_ROWS)

    assert new_stat(one) == "1 nouvelle action"
    assert new_stat(two) == "2 nouvelles actions"
    assert text_of(one, r'<p class="stat stat--updated">(.*?)</p>') == "0 action modifiée"


def test_the_action_list_says_whether_one_action_or_several_match_the_filters(world):
    coordinator = world.client_for("coordinator")

    one = coordinator.get("/alfa/plan/acties/", {"q": "Fietsstraten"}).content.decode()
    both = coordinator.get("/alfa/plan/acties/", {"q": "e"}).content.decode()
    unfiltered = coordinator.get("/alfa/plan/acties/").content.decode()

    count = r'<p class="result-count" id="result-count">(.*?)</p>'
    assert text_of(one, count) == "1 actie past bij de filters"
    assert text_of(both, count) == "2 acties passen bij de filters"
    assert text_of(unfiltered, count) == "2 acties"


def test_the_delete_page_counts_tasks_and_timeline_entries(world):
    coordinator = world.client_for("coordinator")
    TaskFactory.create(action=world.action_a, title="Fietsstraten tekenen")
    with world.as_member("coordinator"):
        for text in ("Ontwerp klaar.", "Bewonersavond gehouden."):
            timeline_update_post(actor=world.users["coordinator"], action=world.action_a, text=text)

    one_task = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/verwijderen/")
    no_tasks = coordinator.get(f"/alfa/plan/acties/{world.other_action_a.pk}/verwijderen/")

    assert "samen met 1 taak en 2 berichten in de tijdlijn." in one_task.content.decode()
    assert "samen met 0 taken en 0 berichten in de tijdlijn." in no_tasks.content.decode()
