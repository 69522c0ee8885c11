"""The plan settings: creating the plan (a new municipality's first step), editing it, the theme
hierarchy and the list of statuses; coordinators change, everyone else reads."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditAction, AuditEntry
from daadkracht.plans.models import Action, ActionStatus, Plan, StatusCategory, Theme
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
    as_platform,
)
from tests.html_forms import posted_form

SETTINGS = "/alfa/plan/instellingen/"
PLAN_EDIT = "/alfa/plan/instellingen/plan/"
THEME_NEW = "/alfa/plan/instellingen/themas/nieuw/"
STATUS_NEW = "/alfa/plan/instellingen/statussen/nieuw/"


def plan_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Klimaatplan 2030",
        "start_year": 2021,
        "end_year": 2030,
        "baseline_year": 2011,
        "baseline_emissions": "84000",
        "reduction_target": "40",
        "target_year": 2030,
        "neutrality_year": 2050,
        "stale_after_days": 90,
    }
    data.update(overrides)
    return data


@as_platform
def theme(world, name: str, parent: Theme | None = None, position: int = 0) -> Theme:
    return Theme.unscoped.create(
        municipality=world.a, plan=world.plan_a, name=name, parent=parent, position=position
    )


def statuses(plan: Plan) -> list[ActionStatus]:
    return list(ActionStatus.unscoped.filter(plan=plan).order_by("position", "id"))


@pytest.fixture
def new_town(db):
    """A municipality that has just started: a coordinator and a viewer, no plan."""
    town = MunicipalityFactory.create(name="Gemeente Nieuw", slug="nieuw")
    clients = {}
    for role in (Role.COORDINATOR, Role.VIEWER):
        user = UserFactory.create(email=f"{role.value}@nieuw.test")
        MembershipFactory.create(user=user, municipality=town, role=role)
        from django.test import Client

        clients[role.value] = Client()
        clients[role.value].force_login(user)
    return town, clients


class TestANewMunicipality:
    def test_the_coordinator_is_invited_to_create_the_plan(self, new_town):
        _town, clients = new_town

        response = clients["coordinator"].get("/nieuw/plan/instellingen/")

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan"] is None
        assert response.context["form"] is not None
        assert b"/nieuw/plan/instellingen/plan/nieuw/" in response.content

    def test_a_viewer_is_told_that_the_coordinator_starts(self, new_town):
        _town, clients = new_town

        response = clients["viewer"].get("/nieuw/plan/instellingen/")

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"] is None
        assert b"/plan/nieuw/" not in response.content
        assert (
            clients["viewer"].post("/nieuw/plan/instellingen/plan/nieuw/", plan_data()).status_code
            == 403
        )

    def test_creating_the_plan_brings_the_default_statuses(self, new_town):
        town, clients = new_town

        response = clients["coordinator"].post("/nieuw/plan/instellingen/plan/nieuw/", plan_data())

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == "/nieuw/plan/instellingen/#themes"
        plan = Plan.unscoped.get(municipality=town)
        assert plan.name == "Klimaatplan 2030"
        assert plan.baseline_emissions == Decimal(84000)
        listed = [(s.name, s.category) for s in statuses(plan)]
        assert listed[0] == ("niet gestart", StatusCategory.NOT_STARTED)
        # Last: the status for actions whose source does not say where they stand.
        assert listed[-1] == ("onbekend", StatusCategory.UNKNOWN)
        assert len(listed) == 8
        settings = clients["coordinator"].get("/nieuw/plan/instellingen/")
        assert settings.context["plan"] == plan
        assert list(settings.context["statuses"]) == statuses(plan)
        assert settings.context["theme_tree"] == []

    def test_pages_that_need_a_plan_lead_to_the_settings(self, new_town):
        _town, clients = new_town

        for url in ("/nieuw/plan/instellingen/themas/nieuw/", "/nieuw/plan/acties/nieuw/"):
            response = clients["coordinator"].get(url)
            assert response.status_code == HTTPStatus.FOUND
            assert response.url == "/nieuw/plan/instellingen/"

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"end_year": 2019}, "end_year"),
            ({"baseline_year": 2025}, "baseline_year"),
            ({"neutrality_year": 2029}, "neutrality_year"),
            ({"reduction_target": "140"}, "reduction_target"),
            ({"name": ""}, "name"),
        ],
    )
    def test_invalid_plans_are_explained_and_the_input_kept(self, new_town, overrides, field):
        town, clients = new_town

        response = clients["coordinator"].post(
            "/nieuw/plan/instellingen/plan/nieuw/", plan_data(**overrides)
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors[field]
        assert response.context["form"]["baseline_emissions"].value() == "84000"
        assert not Plan.unscoped.filter(municipality=town).exists()

    def test_a_second_plan_cannot_be_created(self, world):
        response = world.client_for("coordinator").post(
            "/alfa/plan/instellingen/plan/nieuw/", plan_data(name="Nog een plan")
        )

        assert response.status_code == HTTPStatus.FOUND
        assert response.url == PLAN_EDIT
        assert Plan.unscoped.filter(municipality=world.a).count() == 1


class TestEditingThePlan:
    def test_the_coordinator_edits_the_plan(self, world):
        coordinator = world.client_for("coordinator")
        version = coordinator.get(PLAN_EDIT).context["form"]["version"].value()

        response = coordinator.post(
            PLAN_EDIT, plan_data(reduction_target="50", stale_after_days=60, version=version)
        )

        assert response.status_code == HTTPStatus.FOUND
        world.plan_a.refresh_from_db()
        assert world.plan_a.reduction_target == Decimal(50)
        assert world.plan_a.stale_after_days == 60
        entry = AuditEntry.unscoped.filter(
            content_type=ContentType.objects.get_for_model(Plan), action=AuditAction.UPDATED
        ).get()
        assert entry.actor == world.users["coordinator"]
        assert "reduction_target" in entry.changes

    def test_two_coordinators_editing_the_plan(self, world):
        first, second = world.client_for("coordinator"), world.client_for("coordinator")
        mine_a, mine_b = posted_form(first.get(PLAN_EDIT)), posted_form(second.get(PLAN_EDIT))
        mine_a |= {"name": "Eerste naam", "reduction_target": "55"}
        assert first.post(PLAN_EDIT, mine_a).status_code == HTTPStatus.FOUND

        mine_b |= {"name": "Tweede naam", "stale_after_days": "30"}
        asked = second.post(PLAN_EDIT, mine_b)

        assert asked.status_code == HTTPStatus.OK
        form = asked.context["form"]
        assert form.non_field_errors()
        assert form["name"].value() == "Tweede naam"
        assert [(r.theirs, r.mine) for r in form.merge_notice.conflicts] == [
            ("Eerste naam", "Tweede naam")
        ]
        world.plan_a.refresh_from_db()
        assert world.plan_a.name == "Eerste naam"
        page = posted_form(asked)
        assert Decimal(page["reduction_target"]) == 55
        page["merge-name"] = "mine"
        again = second.post(PLAN_EDIT, page)
        assert again.status_code == HTTPStatus.FOUND
        world.plan_a.refresh_from_db()
        assert world.plan_a.name == "Tweede naam"
        assert world.plan_a.reduction_target == Decimal(55)
        assert world.plan_a.stale_after_days == 30


class TestThemes:
    def test_adding_a_main_theme_and_a_sub_theme(self, world):
        coordinator = world.client_for("coordinator")

        main = coordinator.post(
            THEME_NEW,
            {"code": "B1", "name": "Brugge verwarmt fossielvrij", "colour": "#b3261e"},
        )
        bridge = Theme.unscoped.get(name="Brugge verwarmt fossielvrij")
        form = coordinator.get(f"{THEME_NEW}?parent={bridge.pk}").context["form"]
        sub = coordinator.post(
            THEME_NEW,
            {"parent": bridge.pk, "code": "B1.1", "name": "Warmtenetten", "colour": "#b3261e"},
        )

        assert main.status_code == sub.status_code == HTTPStatus.FOUND
        assert form.initial["parent"] == bridge.pk
        child = Theme.unscoped.get(name="Warmtenetten")
        assert child.parent == bridge
        assert child.municipality == world.a
        tree = coordinator.get(SETTINGS).context["theme_tree"]
        assert [(n.theme, [c.theme for c in n.children]) for n in tree] == [(bridge, [child])]
        assert AuditEntry.unscoped.filter(
            content_type=ContentType.objects.get_for_model(Theme), object_id=str(child.pk)
        ).exists()

    def test_the_hierarchy_has_two_levels(self, world):
        bridge = theme(world, "Brug")
        sub = theme(world, "Sub", parent=bridge)
        coordinator = world.client_for("coordinator")

        deeper = coordinator.post(
            THEME_NEW, {"parent": sub.pk, "name": "Te diep", "colour": "#000000"}
        )
        under_itself = coordinator.post(
            f"/alfa/plan/instellingen/themas/{bridge.pk}/",
            {"parent": bridge.pk, "name": "Brug", "colour": "#000000", "version": 1},
        )

        assert deeper.status_code == HTTPStatus.OK
        assert deeper.context["form"].errors["parent"]
        assert deeper.context["form"]["name"].value() == "Te diep"
        assert under_itself.status_code == HTTPStatus.OK
        assert under_itself.context["form"].errors["parent"]
        assert not Theme.unscoped.filter(name="Te diep").exists()

    def test_a_theme_with_sub_themes_stays_a_main_theme(self, world):
        bridge = theme(world, "Brug")
        theme(world, "Sub", parent=bridge)
        other = theme(world, "Andere brug", position=1)

        response = world.client_for("coordinator").post(
            f"/alfa/plan/instellingen/themas/{bridge.pk}/",
            {"parent": other.pk, "name": "Brug", "colour": "#000000", "version": 1},
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["parent"]

    def test_an_invalid_colour_is_refused(self, world):
        response = world.client_for("coordinator").post(
            THEME_NEW, {"name": "Groen", "colour": "groen"}
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["colour"]

    def test_editing_a_theme_with_optimistic_locking(self, world):
        bridge = theme(world, "Brug")
        url = f"/alfa/plan/instellingen/themas/{bridge.pk}/"
        coordinator = world.client_for("coordinator")

        saved = coordinator.post(
            url, {"name": "Brug 1", "description": "Warmte", "colour": "#123456", "version": 1}
        )
        conflict = coordinator.post(url, {"name": "Brug één", "colour": "#123456", "version": 1})

        assert saved.status_code == HTTPStatus.FOUND
        assert conflict.status_code == HTTPStatus.OK
        assert conflict.context["form"].non_field_errors()
        assert conflict.context["form"]["name"].value() == "Brug één"
        assert conflict.context["form"].merge_notice.stored.name == "Brug 1"
        bridge.refresh_from_db()
        assert (bridge.name, bridge.description, bridge.colour) == ("Brug 1", "Warmte", "#123456")

    def test_two_coordinators_editing_a_theme_keep_each_others_changes(self, world):
        bridge = theme(world, "Brug")
        url = f"/alfa/plan/instellingen/themas/{bridge.pk}/"
        first, second = world.client_for("coordinator"), world.client_for("coordinator")
        mine_a, mine_b = posted_form(first.get(url)), posted_form(second.get(url))
        mine_a |= {"name": "Warmte", "colour": "#aa0000"}
        assert first.post(url, mine_a).status_code == HTTPStatus.FOUND

        mine_b |= {"description": "Fossielvrij verwarmen", "colour": "#00aa00"}
        asked = second.post(url, mine_b)

        assert asked.status_code == HTTPStatus.OK
        notice = asked.context["form"].merge_notice
        assert [(r.label, r.theirs, r.mine) for r in notice.conflicts] == [
            ("Kleur", "#aa0000", "#00aa00")
        ]
        assert "Warmte" in asked.content.decode()
        page = posted_form(asked)
        assert page["name"] == "Warmte"
        missing_choice = second.post(url, page)
        assert missing_choice.context["form"].merge_choices.errors["colour"]
        page["merge-colour"] = "theirs"
        assert second.post(url, page).status_code == HTTPStatus.FOUND
        bridge.refresh_from_db()
        assert (bridge.name, bridge.description, bridge.colour) == (
            "Warmte",
            "Fossielvrij verwarmen",
            "#aa0000",
        )

    def test_a_theme_edit_without_a_common_field_is_saved_at_once(self, world):
        bridge = theme(world, "Brug")
        url = f"/alfa/plan/instellingen/themas/{bridge.pk}/"
        first, second = world.client_for("coordinator"), world.client_for("coordinator")
        mine_a, mine_b = posted_form(first.get(url)), posted_form(second.get(url))
        mine_a["name"] = "Warmte"
        first.post(url, mine_a)
        mine_b["code"] = "B1"

        assert second.post(url, mine_b).status_code == HTTPStatus.FOUND

        bridge.refresh_from_db()
        assert (bridge.code, bridge.name) == ("B1", "Warmte")

    def test_moving_themes_up_and_down(self, world):
        first, _second, third = (
            theme(world, name, position=n) for n, name in enumerate(("Een", "Twee", "Drie"))
        )
        coordinator = world.client_for("coordinator")

        coordinator.post(
            f"/alfa/plan/instellingen/themas/{third.pk}/verplaatsen/", {"direction": "up"}
        )
        order = [n.theme.name for n in coordinator.get(SETTINGS).context["theme_tree"]]
        assert order == ["Een", "Drie", "Twee"]

        coordinator.post(
            f"/alfa/plan/instellingen/themas/{first.pk}/verplaatsen/", {"direction": "down"}
        )
        order = [n.theme.name for n in coordinator.get(SETTINGS).context["theme_tree"]]
        assert order == ["Drie", "Een", "Twee"]

        # The first cannot go further up.
        coordinator.post(
            f"/alfa/plan/instellingen/themas/{third.pk}/verplaatsen/", {"direction": "up"}
        )
        order = [n.theme.name for n in coordinator.get(SETTINGS).context["theme_tree"]]
        assert order == ["Drie", "Een", "Twee"]

    def test_sub_themes_move_among_their_siblings(self, world):
        bridge = theme(world, "Brug")
        a = theme(world, "A", parent=bridge, position=0)
        b = theme(world, "B", parent=bridge, position=1)
        theme(world, "Andere brug", position=1)

        world.client_for("coordinator").post(
            f"/alfa/plan/instellingen/themas/{b.pk}/verplaatsen/", {"direction": "up"}
        )

        tree = world.client_for("viewer").get(SETTINGS).context["theme_tree"]
        assert [c.theme.name for c in tree[0].children] == ["B", "A"]
        assert [n.theme.name for n in tree] == ["Brug", "Andere brug"]
        a.refresh_from_db()
        assert a.position == 1

    def test_deleting_a_main_theme_asks_first_and_trashes_its_sub_themes(self, world):
        bridge = theme(world, "Brug")
        sub = theme(world, "Sub", parent=bridge)
        with tenant_scope(world.a):
            world.action_a.themes.set([sub])
        coordinator = world.client_for("coordinator")
        url = f"/alfa/plan/instellingen/themas/{bridge.pk}/verwijderen/"

        confirm = coordinator.get(url)
        assert confirm.status_code == HTTPStatus.OK
        assert [c.name for c in confirm.context["children"]] == ["Sub"]

        response = coordinator.post(url)

        assert response.status_code == HTTPStatus.FOUND
        bridge.refresh_from_db()
        sub.refresh_from_db()
        assert bridge.deleted_at is not None
        assert sub.deleted_at is not None
        settings = coordinator.get(SETTINGS)
        assert settings.context["theme_tree"] == []
        assert {t.name for t in settings.context["trashed_themes"]} == {"Brug", "Sub"}
        page = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/")
        assert page.context["themes"] == []

        coordinator.post(f"/alfa/plan/instellingen/themas/{sub.pk}/terugzetten/")

        tree = coordinator.get(SETTINGS).context["theme_tree"]
        assert [(n.theme.name, [c.theme.name for c in n.children]) for n in tree] == [
            ("Brug", ["Sub"])
        ]
        page = coordinator.get(f"/alfa/plan/acties/{world.action_a.pk}/")
        assert [t.name for t in page.context["themes"]] == ["Sub"]

    @as_platform
    def test_another_municipality_s_themes_are_not_found(self, world):
        theme_b = Theme.unscoped.create(municipality=world.b, plan=world.plan_b, name="Beta")
        coordinator = world.client_for("coordinator")

        assert coordinator.get(f"/alfa/plan/instellingen/themas/{theme_b.pk}/").status_code == 404
        response = coordinator.post(f"/alfa/plan/instellingen/themas/{theme_b.pk}/verwijderen/")
        assert response.status_code == 404
        theme_b.refresh_from_db()
        assert theme_b.deleted_at is None
        assert b"Beta" not in coordinator.get(SETTINGS).content


class TestStatuses:
    def test_adding_a_status_with_its_meaning(self, world):
        response = world.client_for("coordinator").post(
            STATUS_NEW, {"name": "wacht op subsidie", "category": "paused", "colour": "#8a5a00"}
        )

        assert response.status_code == HTTPStatus.FOUND
        added = statuses(world.plan_a)[-1]
        assert (added.name, added.category) == ("wacht op subsidie", StatusCategory.PAUSED)

    def test_a_duplicate_name_is_refused_with_the_input_kept(self, world):
        before = statuses(world.plan_a)
        existing = before[0].name

        response = world.client_for("coordinator").post(
            STATUS_NEW, {"name": existing.upper(), "category": "active", "colour": "#123456"}
        )

        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["name"]
        assert response.context["form"]["colour"].value() == "#123456"
        assert statuses(world.plan_a) == before

    def test_renaming_and_recolouring_keeps_the_actions(self, world):
        status = world.action_a.status

        response = world.client_for("coordinator").post(
            f"/alfa/plan/instellingen/statussen/{status.pk}/",
            {"name": "nog niet begonnen", "category": status.category, "colour": "#000000"},
        )

        assert response.status_code == HTTPStatus.FOUND
        world.action_a.refresh_from_db()
        assert world.action_a.status.name == "nog niet begonnen"
        assert world.action_a.status.colour == "#000000"

    def test_reordering_statuses(self, world):
        before = statuses(world.plan_a)

        world.client_for("coordinator").post(
            f"/alfa/plan/instellingen/statussen/{before[3].pk}/verplaatsen/", {"direction": "up"}
        )

        after = statuses(world.plan_a)
        assert [s.pk for s in after] == [
            s.pk for s in [*before[:2], before[3], before[2], *before[4:]]
        ]

    def test_an_unused_status_can_be_deleted_after_confirming(self, world):
        unused = next(s for s in statuses(world.plan_a) if s.category == StatusCategory.CANCELLED)
        url = f"/alfa/plan/instellingen/statussen/{unused.pk}/verwijderen/"
        coordinator = world.client_for("coordinator")

        confirm = coordinator.get(url)
        assert confirm.status_code == HTTPStatus.OK
        assert confirm.context["blocker"] is None

        response = coordinator.post(url)

        assert response.status_code == HTTPStatus.FOUND
        assert not ActionStatus.unscoped.filter(pk=unused.pk).exists()

    def test_the_only_unknown_status_stays_for_the_import(self, world):
        unknown = next(s for s in statuses(world.plan_a) if s.category == StatusCategory.UNKNOWN)
        coordinator = world.client_for("coordinator")
        delete_url = f"/alfa/plan/instellingen/statussen/{unknown.pk}/verwijderen/"

        assert "onbekend" in coordinator.get(delete_url).context["blocker"]
        assert coordinator.post(delete_url).status_code == HTTPStatus.BAD_REQUEST
        edited = coordinator.post(
            f"/alfa/plan/instellingen/statussen/{unknown.pk}/",
            {"name": "niet gekend", "category": "not_started", "colour": "#6a5d7b"},
        )
        assert edited.context["form"].errors["category"]
        renamed = coordinator.post(
            f"/alfa/plan/instellingen/statussen/{unknown.pk}/",
            {"name": "niet gekend", "category": "unknown", "colour": "#6a5d7b"},
        )

        assert renamed.status_code == HTTPStatus.FOUND
        unknown.refresh_from_db()
        assert (unknown.name, unknown.category) == ("niet gekend", StatusCategory.UNKNOWN)

    def test_a_status_in_use_stays_with_a_clear_error(self, world):
        used = world.action_a.status
        url = f"/alfa/plan/instellingen/statussen/{used.pk}/verwijderen/"
        coordinator = world.client_for("coordinator")

        confirm = coordinator.get(url)
        response = coordinator.post(url)

        assert confirm.context["blocker"]
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.context["error"]
        assert ActionStatus.unscoped.filter(pk=used.pk).exists()

    @as_platform
    def test_a_status_in_the_timeline_or_the_trash_stays(self, world):
        coordinator = world.client_for("coordinator")
        all_statuses = statuses(world.plan_a)
        in_timeline, in_trash = all_statuses[5], all_statuses[6]
        with tenant_scope(world.a):
            timeline_update_post(
                actor=None, action=world.action_a, text="Even uitgesteld", new_status=in_timeline
            )
            timeline_update_post(
                actor=None, action=world.action_a, text="Toch verder", new_status=all_statuses[2]
            )
        Action.unscoped.filter(pk=world.other_action_a.pk).update(status=in_trash)
        coordinator.post(f"/alfa/plan/acties/{world.other_action_a.pk}/verwijderen/")

        for status in (in_timeline, in_trash):
            response = coordinator.post(
                f"/alfa/plan/instellingen/statussen/{status.pk}/verwijderen/"
            )
            assert response.status_code == HTTPStatus.BAD_REQUEST
            assert ActionStatus.unscoped.filter(pk=status.pk).exists()

    def test_the_settings_page_counts_actions_per_status(self, world):
        page = world.client_for("viewer").get(SETTINGS)

        counts = {s.pk: s.action_count for s in page.context["statuses"]}
        assert counts[world.action_a.status_id] == 2
        assert sum(counts.values()) == 2


@pytest.mark.parametrize("who", ["editor", "viewer", "coach"])
def test_others_read_the_settings_but_cannot_change_them(world, who):
    client = world.client_for(who)
    bridge = theme(world, "Brug")
    status = statuses(world.plan_a)[-1]

    page = client.get(SETTINGS)
    assert page.status_code == HTTPStatus.OK
    assert page.context["can_manage"] is False
    assert b"/instellingen/themas/nieuw/" not in page.content
    writes = [
        (PLAN_EDIT, plan_data(name="Stiekem", version=1)),
        ("/alfa/plan/instellingen/plan/nieuw/", plan_data()),
        (THEME_NEW, {"name": "Stiekem", "colour": "#000000"}),
        (
            f"/alfa/plan/instellingen/themas/{bridge.pk}/",
            {"name": "Stiekem", "colour": "#000000", "version": 1},
        ),
        (f"/alfa/plan/instellingen/themas/{bridge.pk}/verplaatsen/", {"direction": "down"}),
        (f"/alfa/plan/instellingen/themas/{bridge.pk}/verwijderen/", {}),
        (f"/alfa/plan/instellingen/themas/{bridge.pk}/terugzetten/", {}),
        (STATUS_NEW, {"name": "Stiekem", "category": "active", "colour": "#000000"}),
        (
            f"/alfa/plan/instellingen/statussen/{status.pk}/",
            {"name": "Stiekem", "category": "active", "colour": "#000000"},
        ),
        (f"/alfa/plan/instellingen/statussen/{status.pk}/verplaatsen/", {"direction": "up"}),
        (f"/alfa/plan/instellingen/statussen/{status.pk}/verwijderen/", {}),
    ]
    for url, data in writes:
        assert client.post(url, data).status_code == HTTPStatus.FORBIDDEN, url
    world.plan_a.refresh_from_db()
    bridge.refresh_from_db()
    assert world.plan_a.name == "Klimaatplan Alfa"
    assert bridge.deleted_at is None
    assert ActionStatus.unscoped.filter(pk=status.pk).exists()
    assert not ActionStatus.unscoped.filter(name="Stiekem").exists()


def test_the_settings_page_uses_the_same_queries_at_10_and_1000_actions(db):
    clients = []
    for slug, actions in (("klein", 10), ("groot", 1000)):
        town = MunicipalityFactory.create(name=f"Gemeente {slug}", slug=slug)
        user = UserFactory.create(email=f"coordinator@{slug}.test")
        MembershipFactory.create(user=user, municipality=town, role=Role.COORDINATOR)
        bulk_plan(municipality=town, actions=actions)
        from django.test import Client

        client = Client()
        client.force_login(user)
        clients.append((slug, client))
    counts = []
    for slug, client in clients:
        client.get(f"/{slug}/plan/instellingen/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{slug}/plan/instellingen/").status_code == HTTPStatus.OK
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_the_settings_lead_to_adding_actions_and_to_the_trash(world):
    coordinator = world.client_for("coordinator").get(SETTINGS).content
    editor = world.client_for("editor").get(SETTINGS).content
    viewer = world.client_for("viewer").get(SETTINGS).content

    assert b"/alfa/plan/acties/nieuw/" in coordinator
    assert b"/alfa/plan/acties/prullenbak/" in coordinator
    assert b"/alfa/plan/acties/nieuw/" in editor
    assert b"/alfa/plan/acties/prullenbak/" not in editor
    assert b"/alfa/plan/acties/nieuw/" not in viewer


class TestThemeKeys:
    """A spreadsheet names a theme by its code (or its name without one): one key, one theme."""

    @as_platform
    def coded(self, world, code: str, name: str) -> Theme:
        return Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code=code, name=name)

    def test_a_code_in_use_is_refused_whatever_its_case_with_the_input_kept(self, world):
        self.coded(world, "B3", "Slim")

        response = world.client_for("coordinator").post(
            THEME_NEW, {"code": "b3", "name": "Iets anders", "colour": "#000000"}
        )

        assert response.status_code == HTTPStatus.OK
        assert "B3 Slim" in response.context["form"].errors["code"][0]
        assert response.context["form"]["name"].value() == "Iets anders"
        assert not Theme.unscoped.filter(name="Iets anders").exists()

    def test_a_name_without_code_may_not_be_another_theme_s_key_or_name(self, world):
        self.coded(world, "Energie", "Hernieuwbare energie")
        self.coded(world, "B5", "Mobiliteit")
        coordinator = world.client_for("coordinator")

        as_key = coordinator.post(THEME_NEW, {"name": "energie", "colour": "#000000"})
        as_name = coordinator.post(THEME_NEW, {"name": "Mobiliteit", "colour": "#000000"})
        with_own_code = coordinator.post(
            THEME_NEW, {"code": "B6", "name": "Mobiliteit", "colour": "#000000"}
        )

        assert as_key.context["form"].errors["name"]
        assert as_name.context["form"].errors["name"]
        assert with_own_code.status_code == HTTPStatus.FOUND, "a code of its own is enough"

    def test_a_semicolon_in_a_key_is_refused(self, world):
        response = world.client_for("coordinator").post(
            THEME_NEW, {"name": "Wonen; bouwen", "colour": "#000000"}
        )

        assert "puntkomma" in response.context["form"].errors["name"][0]

    def test_a_trashed_theme_whose_key_was_taken_stays_in_the_trash(self, world):
        old = self.coded(world, "B1", "Oud")
        coordinator = world.client_for("coordinator")
        coordinator.post(f"/alfa/plan/instellingen/themas/{old.pk}/verwijderen/")
        assert (
            coordinator.post(
                THEME_NEW, {"code": "B1", "name": "Nieuw", "colour": "#000000"}
            ).status_code
            == HTTPStatus.FOUND
        )

        response = coordinator.post(
            f"/alfa/plan/instellingen/themas/{old.pk}/terugzetten/", follow=True
        )

        old.refresh_from_db()
        assert old.deleted_at is not None
        assert "B1 Nieuw" in response.content.decode()
        assert response.status_code == HTTPStatus.OK

    def test_the_database_holds_one_live_theme_per_key(self, world):
        from django.db import IntegrityError, transaction

        self.coded(world, "B1", "Een")
        with pytest.raises(IntegrityError), transaction.atomic():
            self.coded(world, "b1", "Twee")
