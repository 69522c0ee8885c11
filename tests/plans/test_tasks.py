"""Tasks and milestones of an action: adding (also inline with htmx), ticking off, editing and
deleting, and who may do so."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType

from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import Task
from daadkracht.testing.factories import TaskFactory
from tests.html_forms import posted_form

HTMX = {"HTTP_HX_REQUEST": "true"}


def base(action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


def add_url(action) -> str:
    return f"{base(action)}taken/nieuw/"


def task_url(task, suffix: str = "") -> str:
    return f"{base(task.action)}taken/{task.pk}/{suffix}"


@pytest.fixture
def task(world) -> Task:
    return TaskFactory.create(action=world.action_a, title="Verkeerstelling", position=0)


def task_history(task_pk: int) -> list[AuditEntry]:
    return list(
        AuditEntry.unscoped.filter(
            content_type=ContentType.objects.get_for_model(Task), object_id=str(task_pk)
        ).order_by("id")
    )


class TestAdding:
    def test_adding_without_javascript_returns_to_the_task_list(self, world):
        editor = world.client_for("editor")

        response = editor.post(
            add_url(world.action_a),
            {
                "task-title": "Bewonersavond organiseren",
                "task-owner": world.users["editor"].pk,
                "task-due_date": "2025-09-15",
                "task-is_milestone": "on",
            },
        )

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == base(world.action_a) + "#tasks"
        task = Task.unscoped.get(title="Bewonersavond organiseren")
        assert task.action == world.action_a
        assert task.municipality == world.a
        assert task.owner == world.users["editor"]
        assert task.due_date == date(2025, 9, 15)
        assert task.is_milestone
        page = editor.get(base(world.action_a))
        assert [t.title for t in page.context["tasks"]] == ["Bewonersavond organiseren"]
        assert task_history(task.pk)[0].action == AuditAction.CREATED

    def test_new_tasks_go_last(self, world, task):
        world.client_for("editor").post(add_url(world.action_a), {"task-title": "Tweede"})

        assert [t.title for t in Task.unscoped.filter(action=world.action_a)] == [
            "Verkeerstelling",
            "Tweede",
        ]

    def test_adding_with_htmx_returns_only_the_task_section(self, world, task):
        response = world.client_for("editor").post(
            add_url(world.action_a), {"task-title": "Offerte opvragen"}, **HTMX
        )

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "<html" not in html
        assert 'id="tasks"' in html
        assert "Offerte opvragen" in html
        assert "Verkeerstelling" in html
        assert response.context["tasks_done"] == 0
        assert len(response.context["tasks"]) == 2

    def test_a_missing_title_keeps_the_rest_of_the_input(self, world):
        editor = world.client_for("editor")
        data = {"task-title": "", "task-due_date": "2025-10-01"}

        page = editor.post(add_url(world.action_a), data)
        partial = editor.post(add_url(world.action_a), data, **HTMX)

        assert page.status_code == HTTPStatus.OK
        assert b"<html" in page.content
        assert page.context["task_form"].errors["title"]
        assert page.context["task_form"]["due_date"].value() == "2025-10-01"
        assert partial.status_code == HTTPStatus.OK
        assert partial.context["task_form"].errors["title"]
        assert b'value="2025-10-01"' in partial.content
        assert not Task.unscoped.filter(action=world.action_a).exists()

    def test_the_owner_must_be_a_member_of_the_municipality(self, world):
        response = world.client_for("coordinator").post(
            add_url(world.action_a),
            {"task-title": "Stiekem", "task-owner": world.users["other_municipality"].pk},
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["task_form"].errors["owner"]


class TestTickingOff:
    def test_ticking_off_with_htmx_returns_the_task_and_the_new_count(self, world, task):
        response = world.client_for("editor").post(
            task_url(task, "afvinken/"), {"done": "1"}, **HTMX
        )

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert f'id="task-{task.pk}"' in html
        assert 'aria-pressed="true"' in html
        assert 'id="task-count"' in html
        assert 'hx-swap-oob="true"' in html
        task.refresh_from_db()
        assert task.is_done
        assert task.version == 2

    def test_ticking_off_without_javascript_returns_to_the_task(self, world, task):
        response = world.client_for("editor").post(task_url(task, "afvinken/"), {"done": "1"})

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == f"{base(world.action_a)}#task-{task.pk}"
        task.refresh_from_db()
        assert task.is_done

    def test_the_request_says_the_state_so_a_double_click_does_not_undo_it(self, world, task):
        editor = world.client_for("editor")
        editor.post(task_url(task, "afvinken/"), {"done": "1"})
        task.refresh_from_db()
        done_at = task.done_at

        editor.post(task_url(task, "afvinken/"), {"done": "1"})
        task.refresh_from_db()
        assert task.done_at == done_at

        editor.post(task_url(task, "afvinken/"), {"done": "0"})
        task.refresh_from_db()
        assert not task.is_done
        assert [e.action for e in task_history(task.pk)] == [
            AuditAction.UPDATED,
            AuditAction.UPDATED,
        ]

    def test_the_page_counts_done_tasks(self, world, task):
        TaskFactory.create(action=world.action_a, title="Klaar", position=1)
        world.client_for("editor").post(task_url(task, "afvinken/"), {"done": "1"})

        response = world.client_for("viewer").get(base(world.action_a))

        assert response.context["tasks_done"] == 1


class TestEditingAndDeleting:
    def test_editing_a_task(self, world, task):
        editor = world.client_for("editor")
        page = editor.get(task_url(task))
        assert page.status_code == HTTPStatus.OK
        assert page.context["form"]["title"].value() == "Verkeerstelling"

        response = editor.post(
            task_url(task),
            {"title": "Tweede verkeerstelling", "due_date": "2026-02-01", "version": 1},
        )

        assert response.status_code == HTTPStatus.FOUND
        task.refresh_from_db()
        assert task.title == "Tweede verkeerstelling"
        assert task.due_date == date(2026, 2, 1)

    def test_ticking_off_meanwhile_does_not_stop_an_edit(self, world, task):
        coordinator = world.client_for("coordinator")
        opened = posted_form(coordinator.get(task_url(task)))
        world.client_for("editor").post(task_url(task, "afvinken/"), {"done": "1"})

        opened["title"] = "Andere titel"
        response = coordinator.post(task_url(task), opened)

        assert response.status_code == HTTPStatus.FOUND
        task.refresh_from_db()
        assert task.title == "Andere titel"
        assert task.is_done

    def test_an_outdated_task_form_asks_about_a_title_both_changed(self, world, task):
        coordinator, editor = world.client_for("coordinator"), world.client_for("editor")
        mine, theirs = (
            posted_form(coordinator.get(task_url(task))),
            posted_form(editor.get(task_url(task))),
        )
        theirs |= {"title": "Verkeerstelling in maart", "due_date": "2026-03-01"}
        editor.post(task_url(task), theirs)

        mine["title"] = "Andere titel"
        response = coordinator.post(task_url(task), mine)

        assert response.status_code == HTTPStatus.OK
        form = response.context["form"]
        assert form.non_field_errors()
        assert form["title"].value() == "Andere titel"
        assert [(r.theirs, r.mine) for r in form.merge_notice.conflicts] == [
            ("Verkeerstelling in maart", "Andere titel")
        ]
        task.refresh_from_db()
        assert task.title == "Verkeerstelling in maart"

        page = posted_form(response)
        page["merge-title"] = "mine"
        assert coordinator.post(task_url(task), page).status_code == HTTPStatus.FOUND
        task.refresh_from_db()
        assert (task.title, task.due_date) == ("Andere titel", date(2026, 3, 1))

    def test_deleting_asks_first(self, world, task):
        editor = world.client_for("editor")

        confirm = editor.get(task_url(task, "verwijderen/"))
        assert confirm.status_code == HTTPStatus.OK
        assert b"Verkeerstelling" in confirm.content
        assert Task.unscoped.filter(pk=task.pk).exists()

        response = editor.post(task_url(task, "verwijderen/"))

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == base(world.action_a) + "#tasks"
        assert not Task.unscoped.filter(pk=task.pk).exists()
        assert task_history(task.pk)[-1].action == AuditAction.REMOVED


class TestWhoMay:
    def test_an_editor_of_another_department_gets_403(self, world):
        task = TaskFactory.create(action=world.other_action_a, title="Van de groendienst")
        editor = world.client_for("editor")

        assert editor.post(add_url(world.other_action_a), {"task-title": "x"}).status_code == 403
        assert editor.post(task_url(task, "afvinken/"), {"done": "1"}).status_code == 403
        assert editor.get(task_url(task)).status_code == HTTPStatus.FORBIDDEN
        assert editor.post(task_url(task), {"title": "x", "version": 1}).status_code == 403
        assert editor.post(task_url(task, "verwijderen/")).status_code == HTTPStatus.FORBIDDEN
        task.refresh_from_db()
        assert task.title == "Van de groendienst"
        assert not task.is_done

    @pytest.mark.parametrize("who", ["viewer", "coach"])
    def test_readers_cannot_change_tasks(self, world, task, who):
        client = world.client_for(who)

        assert client.post(add_url(world.action_a), {"task-title": "x"}).status_code == 403
        assert client.post(task_url(task, "afvinken/"), {"done": "1"}).status_code == 403
        assert client.post(task_url(task, "verwijderen/")).status_code == 403
        assert Task.unscoped.filter(action=world.action_a).count() == 1

    def test_a_task_belongs_to_its_action(self, world, task):
        wrong = f"{base(world.other_action_a)}taken/{task.pk}/"

        assert world.client_for("coordinator").get(wrong).status_code == HTTPStatus.NOT_FOUND

    def test_another_municipality_cannot_reach_the_tasks(self, world, task):
        outsider = world.client_for("other_municipality")
        task_b = TaskFactory.create(action=world.action_b, title="Van Beta")

        assert outsider.post(task_url(task, "afvinken/"), {"done": "1"}).status_code == 404
        beta_url = f"/beta/plan/acties/{world.action_a.pk}/taken/{task.pk}/afvinken/"
        assert outsider.post(beta_url, {"done": "1"}).status_code == 404
        alfa_url = f"/alfa/plan/acties/{world.action_b.pk}/taken/{task_b.pk}/"
        assert world.client_for("coordinator").get(alfa_url).status_code == 404
        task.refresh_from_db()
        assert not task.is_done
