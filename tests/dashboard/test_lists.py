"""The full lists behind the dashboard (late, stale, overdue tasks): filter, sort, export."""

import csv
import io
from datetime import timedelta
from http import HTTPStatus

from django.utils import timezone
from openpyxl import load_workbook

from daadkracht.testing.factories import TaskFactory

ATTENTION = "/alfa/dashboard/aandacht/"
TASKS = "/alfa/dashboard/taken-over-tijd/"


def identifiers(response) -> list[str]:
    assert response.status_code == HTTPStatus.OK
    return [a.identifier for a in response.context["page"]]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


def test_attention_lists_late_and_stale_actions(situation, coordinator):
    assert sorted(identifiers(coordinator.get(ATTENTION))) == ["L.01", "S.01"]
    assert identifiers(coordinator.get(ATTENTION + "?kind=late")) == ["L.01"]
    assert identifiers(coordinator.get(ATTENTION + "?kind=stale")) == ["S.01"]


def test_attention_filters_by_department_theme_and_search(situation, world, coordinator):
    by_department = coordinator.get(f"{ATTENTION}?department={world.other_department_a.pk}")
    assert identifiers(by_department) == ["S.01"]
    assert identifiers(coordinator.get(f"{ATTENTION}?theme={situation.bridge_2.pk}")) == []
    assert identifiers(coordinator.get(f"{ATTENTION}?q=stille")) == ["S.01"]


def test_attention_sorts(situation, coordinator):
    assert identifiers(coordinator.get(ATTENTION + "?sort=deadline")) == ["L.01", "S.01"]
    assert identifiers(coordinator.get(ATTENTION + "?sort=-deadline")) == ["S.01", "L.01"]
    assert identifiers(coordinator.get(ATTENTION + "?sort=-identifier")) == ["S.01", "L.01"]


def test_attention_exports_csv_and_xlsx(situation, coordinator):
    rows = csv_rows(coordinator.get(ATTENTION + "?kind=late&export=csv"))
    assert len(rows) == 2
    late = rows[1]
    assert late[0] == "L.01"
    assert late[6] == "10"  # days late

    response = coordinator.get(ATTENTION + "?export=xlsx&sort=identifier")
    assert response.status_code == HTTPStatus.OK
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["L.01", "S.01"]


def test_attention_without_anything_late_explains_why_it_is_empty(world, coordinator):
    response = coordinator.get(ATTENTION)

    assert identifiers(response) == []
    assert 'class="empty"' in response.content.decode()


def test_overdue_tasks_list(situation, world, coordinator):
    today = timezone.localdate()
    older = TaskFactory.create(
        action=situation.late, title="Plan opmaken", due_date=today - timedelta(days=20)
    )

    response = coordinator.get(TASKS)

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["page"]) == [older, situation.overdue_task]
    by_department = coordinator.get(f"{TASKS}?department={world.other_department_a.pk}")
    assert list(by_department.context["page"]) == []
    assert list(coordinator.get(TASKS + "?sort=-due").context["page"]) == [
        situation.overdue_task,
        older,
    ]
    rows = csv_rows(coordinator.get(TASKS + "?export=csv"))
    assert [row[1] for row in rows[1:]] == ["Plan opmaken", "Bewonersavond plannen"]


def test_tasks_of_closed_actions_are_not_overdue(situation, world, coordinator):
    TaskFactory.create(
        action=situation.done,
        title="Vergeten taak",
        due_date=timezone.localdate() - timedelta(days=3),
    )

    response = coordinator.get(TASKS)

    assert [t.title for t in response.context["page"]] == ["Bewonersavond plannen"]


def test_lists_are_for_every_member(situation, world):
    for who in ("coordinator", "editor", "viewer", "coach"):
        client = world.client_for(who)
        assert client.get(ATTENTION).status_code == HTTPStatus.OK, who
        assert client.get(TASKS + "?export=xlsx").status_code == HTTPStatus.OK, who
