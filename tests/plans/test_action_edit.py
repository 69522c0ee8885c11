"""Adding and editing actions: the full form, validation that keeps input, editors' limits,
two people editing at once, and the trash."""

import re
from datetime import date
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    DepartmentRole,
    Tag,
    Theme,
)
from daadkracht.testing.factories import as_platform
from tests.html_forms import posted_form

CREATE_URL = "/alfa/plan/acties/nieuw/"
TRASH_URL = "/alfa/plan/acties/prullenbak/"


def edit_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/bewerken/"


def detail_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/"


def involvements(*rows: tuple[int, str], initial: int = 0) -> dict[str, object]:
    """The departments formset as the browser posts it."""
    data: dict[str, object] = {
        "departments-TOTAL_FORMS": len(rows),
        "departments-INITIAL_FORMS": initial,
    }
    for n, (department, role) in enumerate(rows):
        data[f"departments-{n}-department"] = department
        data[f"departments-{n}-role"] = role
    return data


def action_data(world, **overrides: object) -> dict[str, object]:
    """A complete, valid action form."""
    status = ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position")[1]
    data: dict[str, object] = {
        "identifier": "B2.07",
        "title": "Zonnepanelen op sporthallen",
        "description": "Alle sporthallen krijgen zonnepanelen.",
        "lead_department": world.department_a.pk,
        "status": status.pk,
        "phase": "preparation",
        "progress": 10,
        "priority": "high",
        "start_date": "2025-01-01",
        "deadline": "2027-12-31",
        "budget_planned": "480000",
        "budget_committed": "",
        "budget_spent": "",
        "funding_source": "lekp",
        "co2_reduction": "160",
        "energy_saved": "",
        "renewable_produced": "650",
        "com_kind": "mitigation",
        "com_sector": "municipal",
        "com_area": "photovoltaics",
        "com_instrument": "procurement",
        "visibility": "public",
        "tags": "zon, Sport",
        "co_benefits": ["cost_savings", "local_economy"],
        **involvements(),
    }
    data.update(overrides)
    return data


def form_data_of(response) -> dict[str, object]:
    """What the browser sends when the user saves the rendered form again (main fields)."""
    form = response.context["form"]
    data: dict[str, object] = {}
    for name in form.fields:
        value = form[name].value()
        if name in {"themes", "co_benefits"}:
            data[name] = [str(v) for v in value or []]
        else:
            data[name] = "" if value is None else value
    return data


@pytest.fixture
@as_platform
def themes(world):
    bridge = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B2", name="Zon")
    sub = Theme.unscoped.create(
        municipality=world.a, plan=world.plan_a, parent=bridge, code="B2.1", name="Daken"
    )
    return bridge, sub


def history_of(action: Action) -> list[AuditEntry]:
    return list(
        AuditEntry.unscoped.filter(
            content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
        ).order_by("id")
    )


class TestCreating:
    @as_platform
    def test_a_coordinator_adds_an_action_with_everything(self, world, themes):
        bridge, sub = themes
        Tag.unscoped.create(municipality=world.a, name="zon")
        data = action_data(
            world,
            themes=[bridge.pk, sub.pk],
            **involvements((world.other_department_a.pk, DepartmentRole.CONTRIBUTES)),
        )

        response = world.client_for("coordinator").post(CREATE_URL, data)

        action = Action.unscoped.get(identifier="B2.07")
        assert response.status_code == HTTPStatus.FOUND
        assert response.url == detail_url(action)
        assert action.municipality == world.a
        assert action.plan == world.plan_a
        assert action.title == "Zonnepanelen op sporthallen"
        assert action.budget_planned == Decimal(480000)
        assert action.renewable_produced == Decimal(650)
        assert action.deadline == date(2027, 12, 31)
        assert action.co_benefits == ["cost_savings", "local_economy"]
        with tenant_scope(world.a):
            assert set(action.themes.values_list("pk", flat=True)) == {bridge.pk, sub.pk}
            # The existing tag is reused whatever its case; the new one is created.
            assert sorted(action.tags.values_list("name", flat=True)) == ["Sport", "zon"]
        assert Tag.unscoped.filter(municipality=world.a).count() == 2
        involvement = ActionDepartment.unscoped.get(action=action)
        assert involvement.department == world.other_department_a
        assert involvement.role == DepartmentRole.CONTRIBUTES
        [entry] = history_of(action)
        assert entry.action == AuditAction.CREATED
        assert entry.actor == world.users["coordinator"]
        assert entry.changes["title"] == ["", "Zonnepanelen op sporthallen"]
        assert "Sport" in entry.changes["tags"][1]
        assert "Groendienst" in entry.changes["involvements"][1]

    def test_the_new_action_page_offers_the_plan_choices(self, world, themes):
        response = world.client_for("coordinator").get(CREATE_URL)

        assert response.status_code == HTTPStatus.OK
        form = response.context["form"]
        with tenant_scope(world.a):
            assert [g.theme for g in form.theme_groups] == [themes[0]]
            assert [c.theme for c in form.theme_groups[0].children] == [themes[1]]
            departments = {d.pk for d in form.fields["lead_department"].queryset}
            statuses = set(form.fields["status"].queryset.values_list("plan_id", flat=True))
        assert departments == {world.department_a.pk, world.other_department_a.pk}
        assert statuses == {world.plan_a.pk}
        assert world.department_b.name.encode() not in response.content

    def test_a_duplicate_identifier_shows_an_error_and_keeps_the_input(self, world, themes):
        data = action_data(world, identifier="b3.01", themes=[themes[1].pk])

        response = world.client_for("coordinator").post(CREATE_URL, data)

        assert response.status_code == HTTPStatus.OK
        form = response.context["form"]
        assert form.errors["identifier"]
        assert form["title"].value() == "Zonnepanelen op sporthallen"
        assert form["tags"].value() == "zon, Sport"
        assert form.selected_themes == {str(themes[1].pk)}
        assert form.selected_co_benefits == {"cost_savings", "local_economy"}
        assert b"Alle sporthallen krijgen zonnepanelen." in response.content
        assert b'value="cost_savings" checked' in response.content
        assert not Action.unscoped.filter(title="Zonnepanelen op sporthallen").exists()

    def test_the_identifier_of_another_municipality_is_free(self, world):
        response = world.client_for("coordinator").post(
            CREATE_URL, action_data(world, identifier="B1.01")
        )

        assert response.status_code == HTTPStatus.FOUND

    @pytest.mark.parametrize(
        ("field", "overrides"),
        [
            ("title", {"title": ""}),
            ("deadline", {"start_date": "2026-01-01", "deadline": "2025-01-01"}),
            ("progress", {"progress": 130}),
            ("budget_planned", {"budget_planned": "-5"}),
            ("tags", {"tags": "x" * 61}),
        ],
    )
    def test_invalid_input_is_explained_and_kept(self, world, field, overrides):
        response = world.client_for("coordinator").post(CREATE_URL, action_data(world, **overrides))

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors[field]
        assert response.context["form"]["description"].value() == (
            "Alle sporthallen krijgen zonnepanelen."
        )
        assert not Action.unscoped.filter(identifier="B2.07").exists()

    def test_the_lead_department_cannot_also_be_involved(self, world):
        data = action_data(world, **involvements((world.department_a.pk, "consulted")))

        response = world.client_for("coordinator").post(CREATE_URL, data)

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].non_field_errors()
        assert not Action.unscoped.filter(identifier="B2.07").exists()

    def test_a_department_is_involved_only_once(self, world):
        other = world.other_department_a.pk
        data = action_data(world, **involvements((other, "consulted"), (other, "informed")))

        response = world.client_for("coordinator").post(CREATE_URL, data)

        assert response.status_code == HTTPStatus.OK
        assert response.context["formset"].non_form_errors()
        assert response.context["formset"].forms[1]["role"].value() == "informed"

    @as_platform
    def test_without_a_plan_the_coordinator_is_sent_to_the_settings(self, world):
        Action.unscoped.filter(plan=world.plan_a).delete()
        world.plan_a.delete()

        response = world.client_for("coordinator").get(CREATE_URL)

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == "/alfa/plan/instellingen/"


class TestEditorsWorkForTheirDepartment:
    def test_the_editor_adds_actions_led_by_their_department_only(self, world):
        editor = world.client_for("editor")
        form = editor.get(CREATE_URL).context["form"]
        with tenant_scope(world.a):
            assert list(form.fields["lead_department"].queryset) == [world.department_a]
        assert form.initial["lead_department"] == world.department_a.pk

        other = editor.post(
            CREATE_URL, action_data(world, lead_department=world.other_department_a.pk)
        )
        empty = editor.post(CREATE_URL, action_data(world, lead_department=""))
        own = editor.post(CREATE_URL, action_data(world))

        assert other.status_code == HTTPStatus.OK
        assert other.context["form"].errors["lead_department"]
        assert empty.context["form"].errors["lead_department"]
        assert own.status_code == HTTPStatus.FOUND
        assert Action.unscoped.get(identifier="B2.07").lead_department == world.department_a

    def test_the_editor_edits_an_action_of_their_department(self, world):
        action = world.action_a
        editor = world.client_for("editor")
        page = editor.get(edit_url(action))

        response = editor.post(
            edit_url(action),
            action_data(world, identifier="B3.01", title="Fietsstraten", version=action.version),
        )

        assert page.status_code == HTTPStatus.OK
        assert response.status_code == HTTPStatus.FOUND
        action.refresh_from_db()
        assert action.title == "Fietsstraten"
        assert action.version == 2

    def test_the_editor_cannot_hand_the_action_to_another_department(self, world):
        action = world.action_a

        response = world.client_for("editor").post(
            edit_url(action),
            action_data(
                world,
                identifier="B3.01",
                lead_department=world.other_department_a.pk,
                version=action.version,
            ),
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["lead_department"]
        action.refresh_from_db()
        assert action.lead_department == world.department_a
        assert action.title == "Fietsstraten in het centrum"

    def test_the_editor_gets_403_on_another_departments_action(self, world):
        action = world.other_action_a
        editor = world.client_for("editor")

        assert editor.get(edit_url(action)).status_code == HTTPStatus.FORBIDDEN
        response = editor.post(
            edit_url(action),
            action_data(
                world,
                identifier="B6.01",
                lead_department=world.department_a.pk,
                version=action.version,
            ),
        )
        assert response.status_code == HTTPStatus.FORBIDDEN
        action.refresh_from_db()
        assert action.lead_department == world.other_department_a

    @as_platform
    def test_an_editor_without_a_department_cannot_add_actions(self, world):
        from daadkracht.tenancy.models import Membership

        Membership.unscoped.filter(user=world.users["editor"]).update(department=None)

        response = world.client_for("editor").get(CREATE_URL)

        assert response.status_code == HTTPStatus.FORBIDDEN

    @pytest.mark.parametrize("who", ["viewer", "coach"])
    def test_readers_cannot_add_or_edit(self, world, who):
        client = world.client_for(who)

        assert client.get(CREATE_URL).status_code == HTTPStatus.FORBIDDEN
        assert client.post(CREATE_URL, action_data(world)).status_code == HTTPStatus.FORBIDDEN
        assert client.get(edit_url(world.action_a)).status_code == HTTPStatus.FORBIDDEN
        assert not Action.unscoped.filter(identifier="B2.07").exists()


class TestEditing:
    @as_platform
    def test_the_form_is_filled_with_the_action(self, world, themes):
        action = world.action_a
        with tenant_scope(world.a):
            action.themes.set([themes[1]])
            action.tags.set([Tag.objects.create(municipality=world.a, name="fiets")])
        ActionDepartment.unscoped.create(
            municipality=world.a,
            action=action,
            department=world.other_department_a,
            role=DepartmentRole.INFORMED,
        )

        response = world.client_for("coordinator").get(edit_url(action))

        form = response.context["form"]
        assert form["identifier"].value() == "B3.01"
        assert form["version"].value() == action.version
        assert form.selected_themes == {str(themes[1].pk)}
        assert form["tags"].value() == "fiets"
        formset = response.context["formset"]
        assert formset.forms[0]["department"].value() == world.other_department_a.pk
        assert formset.forms[0]["role"].value() == DepartmentRole.INFORMED

    @as_platform
    def test_changing_departments_and_tags_is_saved_and_recorded(self, world):
        action = world.action_a
        ActionDepartment.unscoped.create(
            municipality=world.a,
            action=action,
            department=world.other_department_a,
            role=DepartmentRole.INFORMED,
        )
        data = action_data(
            world,
            identifier="B3.01",
            title=action.title,
            version=action.version,
            tags="fiets",
            **involvements((world.other_department_a.pk, "responsible"), initial=1),
        )

        response = world.client_for("coordinator").post(edit_url(action), data)

        assert response.status_code == HTTPStatus.FOUND
        involvement = ActionDepartment.unscoped.get(action=action)
        assert involvement.role == DepartmentRole.RESPONSIBLE
        entry = history_of(action)[-1]
        assert entry.action == AuditAction.UPDATED
        assert entry.changes["tags"] == ["", "fiets"]
        assert "Groendienst" in entry.changes["involvements"][1]

        # Ticking "remove" takes the department off the action.
        removal = action_data(
            world,
            identifier="B3.01",
            title=action.title,
            version=action.version + 1,
            **involvements((world.other_department_a.pk, "responsible"), initial=1),
            **{"departments-0-DELETE": "on"},
        )
        assert world.client_for("coordinator").post(edit_url(action), removal).status_code == 302
        assert not ActionDepartment.unscoped.filter(action=action).exists()

    def test_an_action_of_another_municipality_is_not_found(self, world):
        coordinator = world.client_for("coordinator")
        outsider = world.client_for("other_municipality")

        assert coordinator.get(edit_url(world.action_b)).status_code == HTTPStatus.NOT_FOUND
        assert outsider.get(edit_url(world.action_a)).status_code == HTTPStatus.NOT_FOUND
        assert outsider.get(f"/beta/plan/acties/{world.action_a.pk}/bewerken/").status_code == 404

    def test_departments_and_statuses_of_another_municipality_are_refused(self, world):
        action = world.action_a
        status_b = ActionStatus.unscoped.filter(plan=world.plan_b).first()
        data = action_data(
            world,
            identifier="B3.01",
            version=action.version,
            status=status_b.pk,
            lead_department=world.department_b.pk,
            **involvements((world.department_b.pk, "consulted")),
        )

        response = world.client_for("coordinator").post(edit_url(action), data)

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["status"]
        assert response.context["form"].errors["lead_department"]
        assert response.context["formset"].forms[0].errors["department"]
        action.refresh_from_db()
        assert action.lead_department == world.department_a


class TestTwoPeopleEditingAtOnce:
    """A and B open the edit form of the same action; A saves first."""

    @pytest.fixture
    def opened(self, world):
        first, second = world.client_for("coordinator"), world.client_for("editor")
        url = edit_url(world.action_a)
        return first, posted_form(first.get(url)), second, posted_form(second.get(url))

    def test_each_keeps_the_field_only_they_changed(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten in heel de stad"
        assert first.post(edit_url(world.action_a), mine_a).status_code == HTTPStatus.FOUND

        mine_b["description"] = "Eerst de schoolomgevingen."
        saved = second.post(edit_url(world.action_a), mine_b, follow=True)

        assert saved.redirect_chain[-1][0] == detail_url(world.action_a)
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten in heel de stad"
        assert world.action_a.description == "Eerst de schoolomgevingen."
        assert world.action_a.version == 3
        notices = [str(m) for m in saved.context["messages"]]
        assert any("titel" in notice and "behouden" in notice for notice in notices)
        changes = history_of(world.action_a)[-1].changes
        assert set(changes) == {"description"}

    def test_saving_again_whatever_page_comes_back_keeps_their_title(self, world, opened):
        """The issue's scenario: B saves a new description with a form opened before A saved a
        new title, then saves the page he gets once more; A's title stays."""
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten in heel de stad"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["description"] = "Eerst de schoolomgevingen."

        response = second.post(edit_url(world.action_a), mine_b)
        if response.status_code == HTTPStatus.OK:
            response = second.post(edit_url(world.action_a), posted_form(response))

        assert response.status_code == HTTPStatus.FOUND
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten in heel de stad"
        assert world.action_a.description == "Eerst de schoolomgevingen."

    def test_saving_the_form_again_later_changes_nothing_else(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten in heel de stad"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["description"] = "Eerst de schoolomgevingen."
        second.post(edit_url(world.action_a), mine_b)

        again = posted_form(second.get(edit_url(world.action_a)))
        again["description"] = "Eerst de schoolomgevingen, dan het centrum."
        assert second.post(edit_url(world.action_a), again).status_code == HTTPStatus.FOUND

        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten in heel de stad"
        assert world.action_a.description == "Eerst de schoolomgevingen, dan het centrum."

    def test_themes_tags_and_departments_merge_as_sets(self, world, themes, opened):
        bridge, _sub = themes
        first, mine_a, second, mine_b = opened
        mine_a["themes"] = [str(bridge.pk)]
        mine_a["tags"] = "fiets"
        first.post(edit_url(world.action_a), mine_a)

        mine_b["departments-0-department"] = str(world.other_department_a.pk)
        mine_b["departments-0-role"] = DepartmentRole.INFORMED
        mine_b["co_benefits"] = ["air_quality"]
        assert second.post(edit_url(world.action_a), mine_b).status_code == HTTPStatus.FOUND

        with tenant_scope(world.a):
            action = Action.objects.get(pk=world.action_a.pk)
            assert set(action.themes.values_list("pk", flat=True)) == {bridge.pk}
            assert [t.name for t in action.tags.all()] == ["fiets"]
            assert action.co_benefits == ["air_quality"]
            involved = ActionDepartment.objects.get(action=action)
            assert involved.department == world.other_department_a

    def test_a_field_both_changed_is_asked_with_both_values(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        mine_a["description"] = "Beschrijving van A"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["title"] = "Fietsstraten van B"
        mine_b["progress"] = "35"

        asked = second.post(edit_url(world.action_a), mine_b)

        assert asked.status_code == HTTPStatus.OK
        html = asked.content.decode()
        notice = asked.context["form"].merge_notice
        assert [row.label for row in notice.conflicts] == ["Titel"]
        assert (notice.conflicts[0].theirs, notice.conflicts[0].mine) == (
            "Fietsstraten van A",
            "Fietsstraten van B",
        )
        assert "Omschrijving" in notice.kept
        assert "Fietsstraten van A" in html
        assert "Fietsstraten van B" in html
        choice = re.search(r'<fieldset class="field merge-choice.*?</fieldset>', html, re.S)
        assert choice is not None
        assert "<legend>Titel" in choice.group()
        assert choice.group().count('type="radio"') == 2
        assert choice.group().count("<label") == 2
        assert "De bewaarde versie behouden" in choice.group()
        assert "Uw versie gebruiken" in choice.group()
        page = posted_form(asked)
        assert page["description"] == "Beschrijving van A"
        assert page["progress"] == "35"
        assert "merge-description" not in page
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van A"

    def test_choosing_mine_saves_mine_and_keeps_their_other_changes(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        mine_a["description"] = "Beschrijving van A"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["title"] = "Fietsstraten van B"
        mine_b["progress"] = "35"
        page = posted_form(second.post(edit_url(world.action_a), mine_b))

        page["merge-title"] = "mine"
        saved = second.post(edit_url(world.action_a), page)

        assert saved.status_code == HTTPStatus.FOUND
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van B"
        assert world.action_a.description == "Beschrijving van A"
        assert world.action_a.progress == 35

    def test_choosing_theirs_keeps_their_value(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["title"] = "Fietsstraten van B"
        mine_b["progress"] = "35"
        page = posted_form(second.post(edit_url(world.action_a), mine_b))

        page["merge-title"] = "theirs"
        assert second.post(edit_url(world.action_a), page).status_code == HTTPStatus.FOUND

        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van A"
        assert world.action_a.progress == 35

    def test_the_choice_is_required(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["title"] = "Fietsstraten van B"
        page = posted_form(second.post(edit_url(world.action_a), mine_b))
        assert "merge-title" not in page

        again = second.post(edit_url(world.action_a), page)

        assert again.status_code == HTTPStatus.OK
        form = again.context["form"]
        assert form.non_field_errors()
        assert form.merge_choices.errors["title"]
        assert [row.label for row in form.merge_notice.conflicts] == ["Titel"]
        assert 'aria-describedby="id_merge-title_error"' in again.content.decode()
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van A"
        # Choosing now saves.
        page = posted_form(again)
        page["merge-title"] = "mine"
        assert second.post(edit_url(world.action_a), page).status_code == HTTPStatus.FOUND
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van B"

    def test_a_third_save_while_choosing_is_merged_as_well(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        first.post(edit_url(world.action_a), mine_a)
        mine_b["title"] = "Fietsstraten van B"
        page = posted_form(second.post(edit_url(world.action_a), mine_b))
        later = posted_form(first.get(edit_url(world.action_a)))
        later["description"] = "Nog een wijziging van A"
        first.post(edit_url(world.action_a), later)

        page["merge-title"] = "mine"
        assert second.post(edit_url(world.action_a), page).status_code == HTTPStatus.FOUND

        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten van B"
        assert world.action_a.description == "Nog een wijziging van A"

    def test_a_tampered_base_is_refused(self, world, opened):
        first, mine_a, second, mine_b = opened
        mine_a["title"] = "Fietsstraten van A"
        first.post(edit_url(world.action_a), mine_a)
        token = mine_b["base"]
        payload = signing.loads(token, salt="daadkracht.common.forms.edit-base")
        payload["values"]["title"] = "Fietsstraten van A"
        for base in [
            token[:-3] + ("abc" if not token.endswith("abc") else "xyz"),
            signing.dumps(payload, salt="another purpose", compress=True),
            posted_form(first.get(edit_url(world.other_action_a)))["base"],
        ]:
            mine_b["title"] = "Fietsstraten van B"
            mine_b["base"] = base

            refused = second.post(edit_url(world.action_a), mine_b)

            assert refused.status_code == HTTPStatus.OK
            errors = refused.context["form"].non_field_errors()
            assert any("buiten de pagina gewijzigd" in error for error in errors)
            world.action_a.refresh_from_db()
            assert world.action_a.title == "Fietsstraten van A"

    def test_a_status_update_posted_meanwhile_is_not_undone(self, world, opened):
        first, _mine_a, second, mine_b = opened
        first.post(
            f"/alfa/plan/acties/{world.action_a.pk}/opvolging/",
            {
                "update-kind": "update",
                "update-date": "2025-06-01",
                "update-text": "Uitstel door de aanbesteding.",
                "update-new_deadline": "2027-03-31",
            },
        )
        mine_b["title"] = "Fietsstraten van B"

        assert second.post(edit_url(world.action_a), mine_b).status_code == HTTPStatus.FOUND

        world.action_a.refresh_from_db()
        assert world.action_a.deadline == date(2027, 3, 31)
        assert world.action_a.title == "Fietsstraten van B"

    def test_a_form_without_version_cannot_overwrite(self, world):
        data = action_data(world, identifier="B3.01", title="Zonder versie")
        data.pop("version", None)

        response = world.client_for("coordinator").post(edit_url(world.action_a), data)

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].non_field_errors()
        asked = [row.label for row in response.context["form"].merge_notice.conflicts]
        assert "Titel" in asked
        world.action_a.refresh_from_db()
        assert world.action_a.title == "Fietsstraten in het centrum"


class TestTrash:
    def test_deleting_asks_first_then_moves_to_the_trash(self, world):
        action = world.action_a
        coordinator = world.client_for("coordinator")

        confirm = coordinator.get(f"/alfa/plan/acties/{action.pk}/verwijderen/")
        assert confirm.status_code == HTTPStatus.OK
        assert b"B3.01" in confirm.content
        action.refresh_from_db()
        assert action.deleted_at is None

        deleted = coordinator.post(f"/alfa/plan/acties/{action.pk}/verwijderen/")

        assert deleted.status_code == HTTPStatus.FOUND
        action.refresh_from_db()
        assert action.deleted_at is not None
        assert coordinator.get(detail_url(action)).status_code == HTTPStatus.NOT_FOUND
        assert [a.pk for a in coordinator.get(TRASH_URL).context["actions"]] == [action.pk]
        assert history_of(action)[-1].action == AuditAction.DELETED

    def test_restoring_brings_the_action_back(self, world):
        action = world.action_a
        coordinator = world.client_for("coordinator")
        coordinator.post(f"/alfa/plan/acties/{action.pk}/verwijderen/")

        restored = coordinator.post(f"/alfa/plan/acties/{action.pk}/terugzetten/")

        assert restored.status_code == HTTPStatus.FOUND
        assert restored.url == detail_url(action)
        action.refresh_from_db()
        assert action.deleted_at is None
        assert list(coordinator.get(TRASH_URL).context["actions"]) == []
        assert history_of(action)[-1].action == AuditAction.RESTORED

    def test_a_reused_identifier_blocks_restoring_with_an_explanation(self, world):
        action = world.action_a
        coordinator = world.client_for("coordinator")
        coordinator.post(f"/alfa/plan/acties/{action.pk}/verwijderen/")
        assert (
            coordinator.post(CREATE_URL, action_data(world, identifier="B3.01")).status_code
            == HTTPStatus.FOUND
        )

        response = coordinator.post(f"/alfa/plan/acties/{action.pk}/terugzetten/", follow=True)

        assert response.redirect_chain[-1][0] == TRASH_URL
        assert [str(m) for m in response.context["messages"]]
        action.refresh_from_db()
        assert action.deleted_at is not None

    @pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
    def test_only_coordinators_delete_and_restore(self, world, who):
        client = world.client_for(who)
        action = world.action_a

        assert client.post(f"/alfa/plan/acties/{action.pk}/verwijderen/").status_code == 403
        assert client.get(TRASH_URL).status_code == HTTPStatus.FORBIDDEN
        assert client.post(f"/alfa/plan/acties/{action.pk}/terugzetten/").status_code == 403
        action.refresh_from_db()
        assert action.deleted_at is None

    def test_the_trash_of_another_municipality_stays_hidden(self, world):
        world.client_for("other_municipality").post(
            f"/beta/plan/acties/{world.action_b.pk}/verwijderen/"
        )

        trash = world.client_for("coordinator").get(TRASH_URL)

        assert list(trash.context["actions"]) == []
        assert b"Geheime actie" not in trash.content
        restore_b = f"/alfa/plan/acties/{world.action_b.pk}/terugzetten/"
        assert world.client_for("coordinator").post(restore_b).status_code == 404


def test_editing_keeps_the_link_to_a_theme_in_the_trash(world, themes):
    bridge, sub = themes
    with tenant_scope(world.a):
        world.action_a.themes.set([bridge, sub])
    coordinator = world.client_for("coordinator")
    coordinator.post(f"/alfa/plan/instellingen/themas/{sub.pk}/verwijderen/")
    page = coordinator.get(edit_url(world.action_a))
    assert page.context["form"].selected_themes == {str(bridge.pk)}

    coordinator.post(
        edit_url(world.action_a),
        action_data(world, identifier="B3.01", themes=[bridge.pk], version=world.action_a.version),
    )
    coordinator.post(f"/alfa/plan/instellingen/themas/{sub.pk}/terugzetten/")

    shown = coordinator.get(detail_url(world.action_a)).context["themes"]
    assert {t.pk for t in shown} == {bridge.pk, sub.pk}


@pytest.mark.parametrize(
    ("field", "value"),
    [("start_date", "0001-01-01"), ("deadline", "2101-01-01"), ("start_date", "1899-12-31")],
)
def test_dates_outside_1900_to_2100_are_refused_with_the_input_kept(world, field, value):
    before = Action.unscoped.get(pk=world.action_a.pk)

    response = world.client_for("coordinator").post(
        edit_url(world.action_a),
        action_data(world, **{field: value, "version": before.version}),
    )

    assert response.status_code == HTTPStatus.OK
    assert "1900" in response.context["form"].errors[field][0]
    assert response.context["form"]["title"].value() == "Zonnepanelen op sporthallen"
    after = Action.unscoped.get(pk=world.action_a.pk)
    assert (after.version, after.title) == (before.version, before.title)
