"""The action list: filters, search, sorting, shareable URLs, quick updates and query counts."""

from datetime import timedelta
from http import HTTPStatus
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.history.models import AuditEntry
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    ActionTheme,
    Phase,
    Plan,
    Priority,
    StatusUpdate,
    Tag,
    Theme,
)
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    as_platform,
)
from tests.html_forms import posted_form
from tests.plans.at_scale import coordinator_client_with_actions

LIST_URL = "/alfa/plan/acties/"


def statuses_of(plan: Plan) -> list[ActionStatus]:
    return list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))


@pytest.fixture
@as_platform
def listing(world):
    """Plan A with themes (a Bridge with a sub-theme), a tag and three varied actions."""
    a, plan = world.a, world.plan_a
    status = statuses_of(plan)
    today, now = timezone.localdate(), timezone.now()
    bridge = Theme.unscoped.create(municipality=a, plan=plan, code="B3", name="Mobiliteit")
    cycling = Theme.unscoped.create(
        municipality=a, plan=plan, code="B3.1", name="Fietsen", parent=bridge
    )
    robust = Theme.unscoped.create(municipality=a, plan=plan, code="B6", name="Klimaatrobuust")
    tag = Tag.unscoped.create(municipality=a, name="LEKP")
    Action.unscoped.filter(pk=world.action_a.pk).update(
        status=status[2],
        phase=Phase.EXECUTION,
        priority=Priority.HIGH,
        progress=40,
        start_date=today - timedelta(days=200),
        deadline=today + timedelta(days=100),
        last_update_at=now - timedelta(days=5),
        description="Straten waar de fiets koning is.",
    )
    world.action_a.themes.add(bridge)
    Action.unscoped.filter(pk=world.other_action_a.pk).update(
        status=status[3],
        phase=Phase.PREPARATION,
        progress=20,
        start_date=today - timedelta(days=400),
        deadline=today - timedelta(days=10),
        last_update_at=now - timedelta(days=200),
        description="Speelplaatsen worden groen en nemen regenwater op.",
    )
    world.other_action_a.themes.add(robust)
    world.other_action_a.tags.add(tag)
    closed = ActionFactory.create(
        plan=plan,
        identifier="B3.02",
        title="Deelfietsen aan de stations",
        description="Zonnepanelen op de overdekte fietsenstallingen.",
        lead_department=world.other_department_a,
        status=status[4],
        phase=Phase.CLOSED,
        priority=Priority.LOW,
        progress=100,
        deadline=today - timedelta(days=30),
        last_update_at=now - timedelta(days=300),
    )
    closed.themes.add(cycling)
    ActionDepartment.unscoped.create(municipality=a, action=closed, department=world.department_a)
    return SimpleNamespace(
        world=world,
        status=status,
        bridge=bridge,
        cycling=cycling,
        robust=robust,
        tag=tag,
        closed=closed,
    )


def identifiers(response) -> list[str]:
    assert response.status_code == HTTPStatus.OK
    return [row.action.identifier for row in response.context["rows"]]


class TestListPage:
    def test_every_member_sees_the_plans_actions_sorted_by_identifier(self, listing):
        for role in Role:
            response = listing.world.client_for(role.value).get(LIST_URL)

            assert identifiers(response) == ["B3.01", "B3.02", "B6.01"]

    def test_rows_show_themes_department_status_progress_and_dates(self, listing):
        response = listing.world.client_for("viewer").get(LIST_URL)

        html = response.content.decode()
        assert "Fietsstraten in het centrum" in html
        assert "B3.1" in html  # the sub-theme's code beside its colour dot
        assert "Groendienst" in html
        assert '<progress max="100" value="40"' in html
        assert 'fill="#1d7a46"' in html  # the status colour as an SVG dot, not a style
        assert "style=" not in html

    def test_overdue_and_stale_rows_are_marked(self, listing):
        response = listing.world.client_for("viewer").get(LIST_URL)

        rows = response.context["rows"]
        flags = {row.action.identifier: (row.overdue, row.stale) for row in rows}
        # B6.01 is late and has had no update for 200 days; B3.02 is completed, so neither.
        assert flags == {"B3.01": (False, False), "B6.01": (True, True), "B3.02": (False, False)}
        assert response.content.decode().count("badge--danger") == 1

    def test_detail_links_point_to_each_action(self, listing):
        response = listing.world.client_for("viewer").get(LIST_URL)

        assert f'href="/alfa/plan/acties/{listing.world.action_a.pk}/"' in (
            response.content.decode()
        )

    def test_other_municipalitys_actions_never_appear(self, listing):
        coordinator = listing.world.client_for("coordinator")

        for url in [LIST_URL, f"{LIST_URL}?q=Geheime", f"{LIST_URL}?sort=-title"]:
            response = coordinator.get(url)
            assert "B1.01" not in identifiers(response)
            assert "Geheime actie" not in response.content.decode()

    def test_filter_options_come_from_this_municipality_only(self, listing):
        response = listing.world.client_for("viewer").get(LIST_URL)

        assert listing.world.department_b not in response.context["departments"]
        assert "Omgeving" not in response.content.decode()

    def test_outsiders_get_404(self, listing):
        for visitor in ["other_municipality", "no_membership"]:
            assert listing.world.client_for(visitor).get(LIST_URL).status_code == 404


class TestFilters:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("theme={bridge}", ["B3.01", "B3.02"]),  # the Bridge includes its sub-theme
            ("theme={cycling}", ["B3.02"]),
            ("theme={robust}", ["B6.01"]),
            ("department={department_a}", ["B3.01", "B3.02"]),  # lead or involved
            ("department={other_department_a}", ["B3.02", "B6.01"]),
            ("status={delayed}", ["B6.01"]),
            ("phase=execution", ["B3.01"]),
            ("priority=low", ["B3.02"]),
            ("tag={tag}", ["B6.01"]),
            ("overdue=1", ["B6.01"]),
            ("stale=1", ["B6.01"]),
            ("theme={bridge}&department={other_department_a}", ["B3.02"]),
            ("phase=idea", []),
        ],
    )
    def test_each_filter_narrows_the_list(self, listing, query, expected):
        world = listing.world
        url = f"{LIST_URL}?" + query.format(
            bridge=listing.bridge.pk,
            cycling=listing.cycling.pk,
            robust=listing.robust.pk,
            department_a=world.department_a.pk,
            other_department_a=world.other_department_a.pk,
            delayed=listing.status[3].pk,
            tag=listing.tag.pk,
        )

        assert identifiers(world.client_for("viewer").get(url)) == expected

    def test_filters_are_kept_in_the_form(self, listing):
        url = f"{LIST_URL}?status={listing.status[3].pk}&overdue=1&q=school"

        html = listing.world.client_for("viewer").get(url).content.decode()

        assert f'<option value="{listing.status[3].pk}" selected>' in html
        assert 'name="overdue" value="1" checked' in html
        assert 'value="school"' in html

    def test_sub_themes_are_offered_under_their_bridge(self, listing):
        response = listing.world.client_for("viewer").get(LIST_URL)

        labels = [label for _, label in response.context["theme_options"]]
        assert labels == ["B3 Mobiliteit", "— B3.1 Fietsen", "B6 Klimaatrobuust"]

    def test_a_filter_of_another_municipality_finds_nothing(self, listing):
        url = f"{LIST_URL}?department={listing.world.department_b.pk}"

        assert identifiers(listing.world.client_for("viewer").get(url)) == []

    def test_no_match_says_so_and_offers_the_whole_list(self, listing):
        response = listing.world.client_for("viewer").get(f"{LIST_URL}?q=kernfusie")

        assert identifiers(response) == []
        assert response.context["plan_has_actions"] is True
        assert 'href="?"' in response.content.decode()


class TestSearch:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("fietsstraten", ["B3.01"]),  # a word of the title
            ("speelplaatsen", ["B6.01"]),  # a word of the description
            ("zonnepanelen", ["B3.02"]),
            ("regenwater speelplaatsen", ["B6.01"]),  # every word must match
            ("B6.01", ["B6.01"]),  # the identifier
            ("kernfusie", []),
        ],
    )
    def test_search_finds_words_in_title_and_description(self, listing, text, expected):
        response = listing.world.client_for("viewer").get(LIST_URL, {"q": text})

        assert identifiers(response) == expected

    def test_search_combines_with_filters(self, listing):
        url = f"{LIST_URL}?q=fietsstraten&status={listing.status[3].pk}"

        assert identifiers(listing.world.client_for("viewer").get(url)) == []


class TestSorting:
    @pytest.mark.parametrize(
        ("sort", "expected"),
        [
            ("identifier", ["B3.01", "B3.02", "B6.01"]),
            ("-identifier", ["B6.01", "B3.02", "B3.01"]),
            ("title", ["B3.02", "B3.01", "B6.01"]),
            ("status", ["B3.01", "B6.01", "B3.02"]),  # on track, delayed, completed
            ("-status", ["B3.02", "B6.01", "B3.01"]),
            ("deadline", ["B3.02", "B6.01", "B3.01"]),
            ("-deadline", ["B3.01", "B6.01", "B3.02"]),
            ("progress", ["B6.01", "B3.01", "B3.02"]),
            ("-progress", ["B3.02", "B3.01", "B6.01"]),
            ("department", ["B3.02", "B6.01", "B3.01"]),  # Groendienst before Mobiliteit
            ("updated", ["B3.02", "B6.01", "B3.01"]),
            ("-updated", ["B3.01", "B6.01", "B3.02"]),
            ("unknown", ["B3.01", "B3.02", "B6.01"]),
        ],
    )
    def test_sorting(self, listing, sort, expected):
        response = listing.world.client_for("viewer").get(f"{LIST_URL}?sort={sort}")

        assert identifiers(response) == expected

    def test_actions_without_a_deadline_come_last_both_ways(self, listing):
        ActionFactory.create(plan=listing.world.plan_a, identifier="B0.01", title="Zonder datum")
        viewer = listing.world.client_for("viewer")

        assert identifiers(viewer.get(f"{LIST_URL}?sort=deadline"))[-1] == "B0.01"
        assert identifiers(viewer.get(f"{LIST_URL}?sort=-deadline"))[-1] == "B0.01"

    def test_headers_link_to_the_other_direction_and_keep_the_filters(self, listing):
        response = listing.world.client_for("viewer").get(f"{LIST_URL}?phase=execution&sort=title")

        html = response.content.decode()
        assert 'aria-sort="ascending"' in html
        assert 'href="?phase=execution&amp;sort=-title"' in html


class TestShareableUrl:
    def test_the_shared_link_reproduces_the_same_selection_and_order(self, listing):
        viewer = listing.world.client_for("viewer")
        url = f"{LIST_URL}?department={listing.world.department_a.pk}&sort=-deadline&page=1"
        first = viewer.get(url)

        shared = urlsplit(first.context["share_url"])
        again = Client()
        again.force_login(listing.world.users["coach"])
        second = again.get(f"{shared.path}?{shared.query}")

        assert shared.path == LIST_URL
        assert identifiers(second) == identifiers(first) == ["B3.01", "B3.02"]
        assert "page=" not in shared.query

    def test_export_links_carry_the_same_filters(self, listing):
        url = f"{LIST_URL}?theme={listing.bridge.pk}&overdue=1&sort=-title"

        response = listing.world.client_for("viewer").get(url)

        for _label, href in response.context["exports"]:
            assert f"theme={listing.bridge.pk}" in href
            assert "overdue=1" in href
            assert "sort=-title" in href


class TestPaginationAndEmptyStates:
    def test_fifty_per_page(self, world):
        bulk_plan(municipality=world.a, actions=120, departments=3, themes=2)
        viewer = world.client_for("viewer")

        first = viewer.get(LIST_URL)
        last = viewer.get(f"{LIST_URL}?page=3")

        assert len(first.context["rows"]) == 50
        assert first.context["page"].paginator.count == 122
        assert len(last.context["rows"]) == 22
        assert 'rel="next"' in first.content.decode()

    @as_platform
    def test_a_plan_without_actions_explains_how_to_start(self, world):
        Action.unscoped.filter(plan=world.plan_a).delete()

        response = world.client_for("coordinator").get(LIST_URL)

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan_has_actions"] is False
        assert "rows" not in response.context or not response.context["rows"]
        assert response.context["create_url"] == "/alfa/plan/acties/nieuw/"
        assert 'href="/alfa/plan/acties/nieuw/"' in response.content.decode()

    def test_a_municipality_without_a_plan_is_sent_to_the_plan_settings(self, world):
        gamma = MunicipalityFactory.create(name="Gemeente Gamma", slug="gamma")
        MembershipFactory.create(
            user=world.users["coordinator"], municipality=gamma, role=Role.COORDINATOR
        )

        response = world.client_for("coordinator").get("/gamma/plan/acties/")

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan"] is None
        assert 'href="/gamma/plan/instellingen/"' in response.content.decode()


def quick_url(action: Action) -> str:
    return f"/alfa/plan/acties/{action.pk}/snel-bijwerken/"


HTMX = {"HTTP_HX_REQUEST": "true"}


class TestQuickUpdate:
    def test_htmx_get_returns_the_inline_form_for_the_row(self, listing):
        action = listing.world.action_a

        response = listing.world.client_for("editor").get(quick_url(action), **HTMX)

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert html.lstrip().startswith(f'<tr id="action-{action.pk}"')
        assert "<html" not in html
        assert f'hx-post="{quick_url(action)}"' in html
        assert 'name="csrfmiddlewaretoken"' in html
        assert f'value="{listing.status[2].pk}" selected' in html
        assert 'value="40"' in html

    def test_htmx_post_changes_the_action_and_returns_the_refreshed_row(self, listing):
        world = listing.world
        action = world.action_a
        new_deadline = timezone.localdate() + timedelta(days=200)

        response = world.client_for("editor").post(
            quick_url(action),
            {
                "version": action.version,
                "new_status": listing.status[3].pk,
                "new_progress": 55,
                "new_deadline": new_deadline.isoformat(),
                "text": "Aannemer failliet; nieuwe aanbesteding.",
                "next": f"{LIST_URL}?phase=execution",
            },
            **HTMX,
        )

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert html.lstrip().startswith(f'<tr id="action-{action.pk}"')
        assert "<html" not in html
        assert '<progress max="100" value="55"' in html
        action = Action.unscoped.get(pk=action.pk)
        assert (action.status_id, action.progress, action.deadline) == (
            listing.status[3].pk,
            55,
            new_deadline,
        )
        update = StatusUpdate.unscoped.get(action=action)
        assert update.text == "Aannemer failliet; nieuwe aanbesteding."
        assert update.author == world.users["editor"]
        assert (update.previous_status_id, update.new_status_id) == (
            listing.status[2].pk,
            listing.status[3].pk,
        )
        assert (update.previous_progress, update.new_progress) == (40, 55)
        assert update.new_deadline == new_deadline
        assert AuditEntry.unscoped.filter(object_id=str(action.pk)).exists()
        # The refreshed row's own quick-update link goes back to the filtered list.
        assert "next=/alfa/plan/acties/%3Fphase%3Dexecution" in html

    def test_without_javascript_the_form_is_a_page_that_returns_to_the_filtered_list(self, listing):
        world = listing.world
        editor = world.client_for("editor")
        back = f"{LIST_URL}?phase=execution&sort=-deadline"

        page = editor.get(quick_url(world.action_a), {"next": back})
        response = editor.post(
            quick_url(world.action_a),
            {
                "version": world.action_a.version,
                "new_status": listing.status[2].pk,
                "new_progress": 60,
                "new_deadline": "",
                "text": "Tweede straat is klaar.",
                "next": back,
            },
        )

        assert page.status_code == HTTPStatus.OK
        assert "<html" in page.content.decode()
        assert "hx-post" not in page.content.decode()
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == back
        action = Action.unscoped.get(pk=world.action_a.pk)
        assert action.progress == 60
        assert action.deadline == timezone.localdate() + timedelta(days=100)  # kept

    def test_validation_errors_rerender_the_inline_form_with_the_input_kept(self, listing):
        world = listing.world

        response = world.client_for("editor").post(
            quick_url(world.action_a),
            {
                "version": world.action_a.version,
                "new_status": listing.status[3].pk,
                "new_progress": 140,
                "text": "",
            },
            **HTMX,
        )

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK  # htmx swaps it in place
        assert html.lstrip().startswith("<tr")
        assert response.context["form"].errors.keys() == {"new_progress", "text"}
        assert 'value="140"' in html
        assert f'value="{listing.status[3].pk}" selected' in html
        assert not StatusUpdate.unscoped.exists()

    def test_a_status_of_another_plan_is_refused(self, listing):
        world = listing.world
        foreign = statuses_of(world.plan_b)[2]

        response = world.client_for("coordinator").post(
            quick_url(world.action_a),
            {"version": 1, "new_status": foreign.pk, "new_progress": 40, "text": "Iets"},
            **HTMX,
        )

        assert "new_status" in response.context["form"].errors
        assert not StatusUpdate.unscoped.exists()

    def test_a_change_in_the_meantime_is_reported_and_nothing_is_lost(self, listing):
        world = listing.world
        action = world.action_a
        opened_version = Action.unscoped.get(pk=action.pk).version
        coordinator = world.client_for("coordinator")
        coordinator.post(
            quick_url(action),
            {
                "version": opened_version,
                "new_status": listing.status[5].pk,
                "new_progress": 40,
                "text": "On hold tot na de verkiezingen.",
            },
            **HTMX,
        )

        response = world.client_for("editor").post(
            quick_url(action),
            {
                "version": opened_version,
                "new_status": listing.status[2].pk,
                "new_progress": 45,
                "text": "Werken lopen verder.",
            },
            **HTMX,
        )

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].merge_notice.stored.status_id == listing.status[5].pk
        asked = {row.label for row in response.context["form"].merge_notice.conflicts}
        assert asked == {"Status", "Voortgang (%)", "Deadline"}
        assert response.context["form"].non_field_errors()
        assert "Werken lopen verder." in html
        assert 'value="45"' in html
        assert StatusUpdate.unscoped.filter(action=action).count() == 1
        assert Action.unscoped.get(pk=action.pk).status_id == listing.status[5].pk
        # Saving again after seeing the other change works.
        again = world.client_for("editor").post(
            quick_url(action),
            {
                "version": response.context["form"]["version"].value(),
                "new_status": listing.status[2].pk,
                "new_progress": 45,
                "text": "Werken lopen verder.",
            },
            **HTMX,
        )
        assert again.status_code == HTTPStatus.OK
        assert Action.unscoped.get(pk=action.pk).progress == 45

    def test_a_quick_update_keeps_a_status_set_in_the_meantime(self, listing):
        world = listing.world
        action = world.action_a
        coordinator, editor = world.client_for("coordinator"), world.client_for("editor")
        theirs = posted_form(coordinator.get(quick_url(action)))
        mine = posted_form(editor.get(quick_url(action)))
        theirs |= {"new_status": str(listing.status[5].pk), "text": "On hold."}
        assert coordinator.post(quick_url(action), theirs).status_code == HTTPStatus.FOUND

        mine |= {"new_progress": "45", "text": "Werken lopen verder."}
        saved = editor.post(quick_url(action), mine, **HTMX)

        assert saved.status_code == HTTPStatus.OK
        assert saved.context["saved"]
        stored = Action.unscoped.get(pk=action.pk)
        assert (stored.status_id, stored.progress) == (listing.status[5].pk, 45)
        update = StatusUpdate.unscoped.filter(action=action).order_by("id").last()
        assert update.new_status is None
        assert update.new_progress == 45

    def test_editor_cannot_quick_update_another_departments_action(self, listing):
        world = listing.world
        editor = world.client_for("editor")
        url = quick_url(world.other_action_a)

        assert editor.get(url, **HTMX).status_code == HTTPStatus.FORBIDDEN
        data = {"version": 1, "new_status": listing.status[4].pk, "new_progress": 100, "text": "x"}
        response = editor.post(url, data)
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not StatusUpdate.unscoped.exists()

    @pytest.mark.parametrize("role", ["viewer", "coach"])
    def test_readers_cannot_quick_update_at_all(self, listing, role):
        client = listing.world.client_for(role)
        url = quick_url(listing.world.action_a)

        assert client.get(url, **HTMX).status_code == HTTPStatus.FORBIDDEN
        post = client.post(url, {"version": 1, "new_progress": 90, "text": "x"}, **HTMX)
        assert post.status_code == HTTPStatus.FORBIDDEN
        assert not StatusUpdate.unscoped.exists()

    def test_the_button_is_shown_only_where_the_user_may_edit(self, listing):
        world = listing.world

        editor_html = world.client_for("editor").get(LIST_URL).content.decode()
        viewer_html = world.client_for("viewer").get(LIST_URL).content.decode()
        coordinator_html = world.client_for("coordinator").get(LIST_URL).content.decode()

        assert quick_url(world.action_a) in editor_html
        assert quick_url(world.other_action_a) not in editor_html
        assert "snel-bijwerken" not in viewer_html
        assert quick_url(world.other_action_a) in coordinator_html

    def test_another_municipalitys_action_is_not_found(self, listing):
        url = quick_url(listing.world.action_b)

        assert listing.world.client_for("coordinator").get(url, **HTMX).status_code == 404

    def test_next_must_stay_on_this_site(self, listing):
        world = listing.world

        response = world.client_for("coordinator").post(
            quick_url(world.action_a),
            {
                "version": world.action_a.version,
                "new_status": listing.status[2].pk,
                "new_progress": 50,
                "text": "Verder.",
                "next": "https://elders.example/phishing",
            },
        )

        assert response["Location"] == LIST_URL

    def test_cancel_puts_the_row_back(self, listing):
        action = listing.world.action_a

        response = listing.world.client_for("editor").get(
            f"/alfa/plan/acties/{action.pk}/rij/", **HTMX
        )

        html = response.content.decode()
        assert html.lstrip().startswith(f'<tr id="action-{action.pk}"')
        assert quick_url(action) in html


def first_action_filters(slug: str) -> str:
    """Filters that the first generated action (the same in every generated plan) matches."""
    action = Action.unscoped.filter(municipality__slug=slug).order_by("identifier").first()
    assert action is not None
    theme_id = ActionTheme.unscoped.get(action=action).theme_id
    return f"theme={theme_id}&department={action.lead_department_id}&status={action.status_id}"


def queries_for(client: Client, url: str) -> int:
    client.get(url)  # warm the caches of the session and the content types
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response.context["rows"]
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "query", ["", "sort=-deadline&page=2", "q=actie&sort=progress", "first-action-filters"]
)
def test_the_list_uses_as_many_queries_for_1000_actions_as_for_10(db, query):
    counts = []
    for size in (10, 1000):
        client, slug = coordinator_client_with_actions(size)
        filters = first_action_filters(slug) if query == "first-action-filters" else query
        counts.append(queries_for(client, f"/{slug}/plan/acties/?{filters}"))

    assert counts[0] == counts[1]
