"""The demo command builds two separate, believable municipalities, again and again."""

from collections import defaultdict
from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import User
from daadkracht.plans.models import (
    Action,
    Plan,
    StatusCategory,
    StatusUpdate,
    Task,
    Theme,
    UpdateKind,
)
from daadkracht.plans.selectors.actions import overdue, stale
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.tenancy.models import Membership, Municipality
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo() -> dict[str, Municipality]:
    run_demo()
    return {m.slug: m for m in Municipality.objects.filter(is_demo=True)}


def test_creates_both_demo_municipalities_and_prints_the_logins(db):
    output = run_demo()

    names = set(Municipality.objects.filter(is_demo=True).values_list("name", flat=True))
    with_members = set(Membership.unscoped.values_list("municipality__name", flat=True))
    assert {"Stad Brugge (demo)", "Gemeente Damme (demo)"} <= names
    # The other demo municipalities only share practices: nobody logs in to them.
    assert with_members == {"Stad Brugge (demo)", "Gemeente Damme (demo)"}
    assert "coordinator@brugge.demo" in output
    assert DEFAULT_PASSWORD in output


def test_every_role_has_a_login_that_works(demo):
    bruges = demo["brugge-demo"]
    memberships = Membership.unscoped.filter(municipality=bruges).select_related("user")
    by_role = {m.role: m.user.email for m in memberships}

    assert set(by_role) == set(Role.values)
    for email in by_role.values():
        client = Client()
        response = client.post(
            reverse("accounts:login"), {"username": email, "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == HTTPStatus.FOUND, email
        assert client.get(f"/{bruges.slug}/").status_code == HTTPStatus.OK, email


def test_bruges_has_about_eighty_actions_across_all_seven_bridges(demo):
    with tenant_scope(demo["brugge-demo"]):
        actions = Action.objects.all()
        bridges = Theme.objects.filter(parent=None).annotate(n=Count("actions"))
        sub_themes = Theme.objects.exclude(parent=None)

        assert 75 <= actions.count() <= 90
        assert bridges.count() == 7
        assert all(bridge.n >= 5 for bridge in bridges), [(b.code, b.n) for b in bridges]
        assert sub_themes.count() >= 4
        assert sub_themes.values("parent").distinct().count() >= 2
        assert actions.filter(lead_department=None).count() == 0
        assert actions.filter(responsible=None).count() == 0
        assert actions.exclude(involvements=None).count() >= 40
        assert actions.exclude(tags=None).count() >= 50


def test_statuses_are_spread_with_some_late_and_some_stale(demo):
    with tenant_scope(demo["brugge-demo"]):
        plan = Plan.objects.get()
        actions = Action.objects.all()
        per_category = dict(
            actions.values_list("status__category").annotate(n=Count("id")).order_by()
        )
        late = overdue(actions).count()
        stale_count = stale(actions, plan).count()

        assert per_category["active"] >= 40  # on track or in preparation: most of them
        assert 5 <= per_category["delayed"] <= 15
        assert per_category["done"] >= 8
        assert per_category["paused"] >= 1
        assert per_category["cancelled"] >= 1
        assert per_category["not_started"] >= 1
        assert 3 <= late <= 15
        assert 3 <= stale_count <= 12


def test_a_year_of_updates_and_a_few_decisions(demo):
    today = timezone.localdate()
    with tenant_scope(demo["brugge-demo"]):
        updates = StatusUpdate.objects.all()
        dates = list(updates.values_list("date", flat=True))
        months = {(d.year, d.month) for d in dates}
        decisions = updates.filter(kind=UpdateKind.DECISION)
        recent = updates.filter(date__gte=today - timedelta(days=14)).count()

        assert len(dates) >= 150
        assert min(dates) >= today - timedelta(days=366)
        assert max(dates) <= today
        assert len(months) >= 12
        assert recent >= 3
        assert 3 <= decisions.count() <= 15


def test_every_timeline_ends_in_the_action_s_current_state(demo):
    with tenant_scope(demo["brugge-demo"]):
        timelines = defaultdict(list)
        for update in StatusUpdate.objects.order_by("date", "created_at", "id"):
            timelines[update.action_id].append(update)
        actions = list(Action.objects.all())
        assert len(timelines) >= len(actions) // 2, "most actions have a timeline"
        for action in actions:
            if not timelines[action.pk]:
                assert action.last_update_at is None, action.identifier
                continue
            status, progress, deadline = None, None, None
            for update in timelines[action.pk]:
                if status is not None:
                    assert update.previous_status_id == status, action.identifier
                    assert update.previous_progress == progress, action.identifier
                    assert update.previous_deadline == deadline, action.identifier
                status = update.new_status_id or update.previous_status_id
                progress = (
                    update.previous_progress if update.new_progress is None else update.new_progress
                )
                deadline = update.new_deadline or update.previous_deadline
            assert (status, progress, deadline) == (
                action.status_id,
                action.progress,
                action.deadline,
            ), action.identifier
            assert action.last_update_at == timelines[action.pk][-1].created_at


def test_budgets_impacts_tasks_and_scores_tell_a_story(demo):
    today = timezone.localdate()
    with tenant_scope(demo["brugge-demo"]):
        plan = Plan.objects.get()
        totals = Action.objects.aggregate(
            co2=Sum("co2_reduction"),
            planned=Sum("budget_planned"),
            spent=Sum("budget_spent"),
            saved=Sum("energy_saved"),
            renewable=Sum("renewable_produced"),
        )
        needed = plan.baseline_emissions * plan.reduction_target / 100
        tasks = Task.objects.all()
        overdue_tasks = tasks.filter(done_at=None, due_date__lt=today).count()
        scored = ActionScore.objects.values("action").distinct().count()
        criteria = Criterion.objects.count()

        # The actions cover a good part of what the target needs, and leave a visible gap.
        assert needed / 2 < totals["co2"] < needed * 85 / 100
        assert totals["spent"] < totals["planned"]
        assert totals["saved"] > 0
        assert totals["renewable"] > 0
        assert tasks.count() >= 3 * 80
        assert tasks.filter(is_milestone=True).exists()
        assert 5 <= overdue_tasks <= 60
        assert scored >= 70
        assert ActionScore.objects.count() == scored * criteria


@pytest.mark.parametrize("slug", ["brugge-demo", "damme-demo"])
def test_tasks_and_progress_tell_the_same_story(demo, slug):
    with tenant_scope(demo[slug]):
        actions = Action.objects.select_related("status").prefetch_related("tasks")
        seen = defaultdict(int)
        for action in actions:
            tasks = list(action.tasks.all())
            done = sum(1 for task in tasks if task.done_at is not None)
            is_completed = action.status.category == StatusCategory.DONE
            label = f"{action.identifier}: {action.status}, {action.progress}%, {done}/{len(tasks)}"
            assert tasks, label
            if is_completed:
                assert action.progress == 100, label
            if is_completed or action.progress == 100:
                assert done == len(tasks), label
                seen["finished"] += 1
            elif action.progress == 0:
                assert done == 0, label
                seen["not begun"] += 1
            else:
                assert 0 < done < len(tasks) or len(tasks) == 1, label
                # Progress is never far ahead of the tasks done (an action on schedule may have
                # done more of its tasks than its progress, as they fell due).
                assert done / len(tasks) > action.progress / 100 - 1 / len(tasks), label
                seen["under way"] += 1
            for task in tasks:
                if task.done_at is not None:
                    assert task.done_at.date() < timezone.localdate(), label

    assert seen["finished"], dict(seen)
    assert seen["not begun"], dict(seen)
    assert seen["under way"], dict(seen)


def test_damme_is_separate_from_bruges(demo):
    bruges, damme = demo["brugge-demo"], demo["damme-demo"]
    with tenant_scope(damme):
        damme_actions = set(Action.objects.values_list("identifier", flat=True))
        damme_updates = StatusUpdate.objects.count()
        assert Plan.objects.get().name != ""
    with tenant_scope(bruges):
        bruges_actions = set(Action.objects.values_list("identifier", flat=True))

    assert 6 <= len(damme_actions) <= 12
    assert damme_updates > 0
    assert damme_actions.isdisjoint(bruges_actions)
    damme_coordinator = Client()
    damme_coordinator.force_login(User.objects.get(email="coordinator@damme.demo"))
    assert damme_coordinator.get(f"/{bruges.slug}/").status_code == HTTPStatus.NOT_FOUND
    assert damme_coordinator.get(f"/{damme.slug}/").status_code == HTTPStatus.OK


def test_runs_again_with_the_same_result(demo):
    def content() -> list[tuple]:
        with tenant_scope(Municipality.objects.get(slug="brugge-demo")):
            return list(
                Action.objects.order_by("identifier").values_list(
                    "identifier", "status__name", "progress", "deadline", "budget_spent"
                )
            ) + list(StatusUpdate.objects.order_by("date", "id").values_list("date", "text"))

    first = content()
    users = User.objects.count()
    municipalities = Municipality.objects.filter(is_demo=True).count()

    run_demo()

    assert content() == first
    assert User.objects.count() == users
    assert Municipality.objects.filter(is_demo=True).count() == municipalities
