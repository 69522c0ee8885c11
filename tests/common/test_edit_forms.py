"""The edit forms of versioned objects: what they post untouched, and the signed base."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from daadkracht.access.context import tenant_scope
from daadkracht.common.forms import BASE, EditBase, Posted, read_base, sign_base
from daadkracht.common.merging import comparable
from daadkracht.plans.forms.action import ActionForm
from daadkracht.plans.forms.plan import PlanForm, ThemeForm
from daadkracht.plans.forms.task import TaskForm
from daadkracht.plans.forms.update import QuickUpdateForm
from daadkracht.plans.models import Action, ActionDepartment, Plan, Tag, Task, Theme
from daadkracht.prioritisation.forms.scores import ActionScoresForm, stored_scores
from daadkracht.prioritisation.models import ActionScore
from daadkracht.prioritisation.selectors.scores import criteria_of
from daadkracht.tenancy.forms import DepartmentForm, MembershipForm
from daadkracht.tenancy.models import Department, Membership


def untouched(form) -> QueryDict:
    """What the browser posts for the unbound `form` when the user saves it as it is."""
    data = QueryDict(mutable=True)
    for posted in form.posted_values().values():
        posted.put_into(data)
    for name in (form.version_field, BASE):
        data[form.add_prefix(name)] = str(form[name].value() or "")
    return data


def comparables(values):
    return {name: comparable(value) for name, value in values.items()}


@pytest.fixture
def full_action(world):
    """Action A with a value in every kind of field."""
    with tenant_scope(world.a):
        bridge = Theme.objects.create(plan=world.plan_a, code="B3", name="Mobiliteit")
        action = Action.objects.get(pk=world.action_a.pk)
        action.description = "Eerste regel.\nTweede regel."
        action.budget_planned = Decimal("1250000.50")
        action.co2_reduction = Decimal("160.5")
        action.start_date = date(2025, 1, 1)
        action.deadline = date(2027, 12, 31)
        action.progress = 35
        action.co_benefits = ["air_quality", "health"]
        action.responsible = world.users["editor"]
        action.save()
        action.themes.set([bridge])
        action.tags.set([Tag.objects.create(name="fiets"), Tag.objects.create(name="School")])
        ActionDepartment.objects.create(
            action=action, department=world.other_department_a, role="informed"
        )
        yield action


def forms_of(world, action: Action):
    membership = Membership.objects.get(user=world.users["coordinator"])
    plan = Plan.objects.get(pk=world.plan_a.pk)
    theme = Theme.objects.create(plan=plan, code="B9", name="Energie", description="Zon\nWind")
    task = Task.objects.create(
        action=action, title="Telling", due_date=date(2026, 2, 1), is_milestone=True
    )
    department = Department.objects.get(pk=world.department_a.pk)
    department.head = world.users["editor"]
    department.save()
    criteria = criteria_of(plan)
    ActionScore.objects.create(action=action, criterion=criteria[0], score=3, note="Redelijk")
    ActionScore.objects.create(action=action, criterion=criteria[1], score=0, note="")
    return [
        (lambda data, obj: ActionForm(data, instance=obj, who=membership, plan=plan), action),
        (lambda data, obj: PlanForm(data, instance=obj), plan),
        (lambda data, obj: ThemeForm(data, instance=obj, plan=plan), theme),
        (lambda data, obj: TaskForm(data, instance=obj), task),
        (lambda data, obj: DepartmentForm(data, instance=obj), department),
        (lambda data, obj: MembershipForm(data, instance=obj), membership),
        (lambda data, obj: QuickUpdateForm(data, action=obj), action),
        (
            lambda data, obj: ActionScoresForm(
                data, action=obj, criteria=criteria, stored=stored_scores(obj)
            ),
            action,
        ),
    ]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_form_saved_untouched_reads_as_unchanged(world, full_action, language):
    with tenant_scope(world.a), translation.override(language):
        for build, obj in forms_of(world, full_action):
            shown = build(None, obj)
            stored = comparables(shown.stored_values(obj))

            data = untouched(shown)
            if isinstance(shown, QuickUpdateForm):
                data["text"] = "Alles volgens plan."  # new in every update, never merged
            saved = build(data, type(obj).objects.get(pk=obj.pk))

            assert saved.is_valid(), (type(saved).__name__, saved.errors)
            assert comparables(saved.mine_values()) == stored, type(saved).__name__
            base = saved.cleaned_data[BASE]
            assert (base.version, base.values) == (shown.merge_basis(obj), stored)


def test_the_untouched_action_form_posts_its_departments_and_sets(world, full_action):
    with tenant_scope(world.a):
        shown = forms_of(world, full_action)[0][0](None, full_action)
        data = untouched(shown)

    assert data.getlist("themes") == [str(full_action.themes.get().pk)]
    assert sorted(data["tags"].split(", ")) == ["School", "fiets"]
    assert data.getlist("co_benefits") == ["air_quality", "health"]
    assert data["departments-0-department"] == str(world.other_department_a.pk)
    assert data["departments-INITIAL_FORMS"] == "1"


class TestPosted:
    def test_replacing_a_field_removes_what_it_no_longer_posts(self):
        data = QueryDict("themes=1&themes=2&title=x", mutable=True)

        Posted({}, keys=("themes",)).put_into(data)

        assert data.getlist("themes") == []
        assert "themes" not in data
        assert data["title"] == "x"

    def test_replacing_a_formset_replaces_all_its_rows(self):
        data = QueryDict(
            "rows-TOTAL_FORMS=3&rows-0-x=a&rows-1-x=b&rows-2-x=c&rowsy=keep", mutable=True
        )

        Posted({"rows-TOTAL_FORMS": ["1"], "rows-0-x": ["z"]}, prefix="rows-").put_into(data)

        assert dict(data.lists()) == {
            "rows-TOTAL_FORMS": ["1"],
            "rows-0-x": ["z"],
            "rowsy": ["keep"],
        }

    def test_a_round_trip_through_json_keeps_it(self):
        posted = Posted({"a": ["1", "2"]}, keys=("a", "b"), prefix="p-")

        assert Posted.from_json(posted.as_json()) == posted


class TestTheBase:
    OWNER = "ThemeForm:plans.theme:1"

    def test_it_reads_back_as_signed(self):
        base = EditBase(3, {"name": "Oud"}, {"name": Posted({"name": ["Nieuw"]}, ("name",))})

        assert read_base(sign_base(self.OWNER, base), self.OWNER) == base

    def test_a_base_of_another_form_or_object_is_refused(self):
        token = sign_base(self.OWNER, EditBase(1, {"name": "Oud"}))

        for other in ["ThemeForm:plans.theme:2", "PlanForm:plans.theme:1", "ThemeForm:x:1"]:
            with pytest.raises(ValueError, match="genuine"):
                read_base(token, other)

    def test_an_altered_base_is_refused(self):
        token = sign_base(self.OWNER, EditBase(1, {"name": "Oud"}))

        for altered in [token[:-2] + "xx", token.replace(":", ";", 1), "", "{}"]:
            with pytest.raises(ValueError, match="genuine"):
                read_base(altered, self.OWNER)

    def test_each_form_of_an_object_has_its_own_base(self, world):
        with tenant_scope(world.a):
            membership = Membership.objects.get(user=world.users["coordinator"])
            action = Action.objects.get(pk=world.action_a.pk)
            owners = {
                ActionForm(instance=action, who=membership, plan=action.plan).merge_owner(),
                QuickUpdateForm(action=action).merge_owner(),
                ActionForm(
                    instance=Action.objects.get(pk=world.other_action_a.pk),
                    who=membership,
                    plan=action.plan,
                ).merge_owner(),
            }

        assert len(owners) == 3
