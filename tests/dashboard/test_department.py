"""A department's dashboard: our actions with our role, and what needs our attention."""

import csv
import io
from http import HTTPStatus

from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import as_platform
from tests.dashboard.conftest import pks


def url(department) -> str:
    return f"/alfa/dashboard/dienst/{department.pk}/"


def test_our_actions_with_our_role(situation, world, coordinator):
    response = coordinator.get(url(world.department_a))

    assert response.status_code == HTTPStatus.OK
    dashboard = response.context["dashboard"]
    roles = {a.identifier: a.department_role for a in dashboard.actions}
    assert roles == {
        world.action_a.identifier: "lead",
        situation.late.identifier: "lead",
        situation.soon.identifier: "lead",
        situation.delayed.identifier: "consulted",
    }
    assert (dashboard.lead_count, dashboard.involved_count) == (3, 1)
    content = response.content.decode()
    assert situation.delayed.title in content
    assert situation.stale.title not in content  # led by another department


def test_what_needs_our_attention(situation, world, coordinator):
    dashboard = coordinator.get(url(world.department_a)).context["dashboard"]

    assert pks(dashboard.late.items) == pks([situation.late])
    assert pks(dashboard.stale.items) == []
    assert dashboard.overdue_tasks.items == [situation.overdue_task]
    assert [d.action.pk for d in dashboard.deadlines.items] == [situation.soon.pk]
    assert pks(dashboard.decisions.items) == pks([situation.delayed])


def test_the_other_department_sees_its_own(situation, world, coordinator):
    dashboard = coordinator.get(url(world.other_department_a)).context["dashboard"]

    assert {a.pk for a in dashboard.actions} == {
        world.other_action_a.pk,
        situation.stale.pk,
        situation.delayed.pk,
    }
    assert pks(dashboard.stale.items) == pks([situation.stale])
    assert pks(dashboard.late.items) == []
    assert [d.milestone for d in dashboard.deadlines.items] == [situation.milestone_soon]
    assert dashboard.overdue_tasks.total == 0


def test_our_actions_can_be_sorted(situation, world, coordinator):
    response = coordinator.get(url(world.department_a) + "?sort=-progress")

    progress = [a.progress for a in response.context["dashboard"].actions]
    assert progress == sorted(progress, reverse=True)
    assert response.context["sort"] == "-progress"

    by_deadline = coordinator.get(url(world.department_a) + "?sort=deadline")
    deadlines = [a.deadline for a in by_deadline.context["dashboard"].actions]
    assert deadlines[-1] is None  # empty values last
    assert deadlines[:2] == sorted(deadlines[:2])


def test_our_actions_export(situation, world, coordinator):
    response = coordinator.get(url(world.department_a) + "?export=csv")

    assert response.status_code == HTTPStatus.OK
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 4
    assert {row[0] for row in rows[1:]} == {"B3.01", "L.01", "N.01", "V.01"}


def test_every_member_may_look(situation, world):
    for who in ("coordinator", "editor", "viewer", "coach"):
        assert world.client_for(who).get(url(world.other_department_a)).status_code == 200, who


def test_an_editor_gets_a_link_to_their_own_department(world, editor):
    content = editor.get("/alfa/").content.decode()

    assert f'href="{url(world.department_a)}"' in content
    assert 'action="/alfa/dashboard/dienst/"' in content  # the chooser, for everyone


def test_a_coordinator_without_department_gets_the_chooser_only(world, coordinator):
    content = coordinator.get("/alfa/").content.decode()

    assert f'href="{url(world.department_a)}"' not in content
    assert 'action="/alfa/dashboard/dienst/"' in content


def test_the_chooser_goes_to_the_chosen_department(world, coordinator):
    response = coordinator.get(f"/alfa/dashboard/dienst/?dienst={world.other_department_a.pk}")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == url(world.other_department_a)


def test_the_chooser_lists_departments_without_a_choice(world, coordinator):
    response = coordinator.get("/alfa/dashboard/dienst/?dienst=999999")

    assert response.status_code == HTTPStatus.OK
    assert response.context["invalid"] is True
    assert url(world.department_a) in response.content.decode()


@as_platform
def test_a_department_without_actions_explains_how_to_start(world, coordinator):
    empty = Department.unscoped.create(municipality=world.a, name="Cultuur")

    response = coordinator.get(url(empty))

    assert response.status_code == HTTPStatus.OK
    assert response.context["dashboard"].actions == []
    assert 'class="empty"' in response.content.decode()


@as_platform
def test_a_deleted_department_is_not_found(world, coordinator):
    world.other_department_a.mark_deleted()
    world.other_department_a.save()

    assert coordinator.get(url(world.other_department_a)).status_code == HTTPStatus.NOT_FOUND


def test_an_editor_elsewhere_is_offered_the_way_back(world, editor):
    content = editor.get(url(world.other_department_a)).content.decode()

    assert f'href="{url(world.department_a)}"' in content
    own = editor.get(url(world.department_a)).content.decode()
    assert 'class="callout-link"' not in own
