"""The board by status: columns, filters, moving a card and query counts."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from daadkracht.plans.models import (
    Action,
    ActionStatus,
    ActionTheme,
    Plan,
    StatusCategory,
    StatusUpdate,
    UpdateSource,
)
from daadkracht.plans.selectors import board as board_selectors
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    as_platform,
)
from tests.plans.at_scale import coordinator_client_with_actions

BOARD_URL = "/alfa/plan/bord/"


def statuses_of(plan: Plan) -> list[ActionStatus]:
    return list(ActionStatus.unscoped.filter(plan=plan).order_by("position"))


def move_url(action: Action) -> str:
    return f"/alfa/plan/bord/{action.pk}/verplaatsen/"


@pytest.fixture
@as_platform
def board_world(world):
    """A's two actions in different columns, plus a third one that is late."""
    status = statuses_of(world.plan_a)
    Action.unscoped.filter(pk=world.action_a.pk).update(status=status[2], progress=30)
    Action.unscoped.filter(pk=world.other_action_a.pk).update(status=status[3])
    ActionFactory.create(
        plan=world.plan_a,
        identifier="B3.02",
        title="Fietsparkings aan scholen",
        lead_department=world.department_a,
        status=status[3],
        deadline=timezone.localdate() - timedelta(days=3),
    )
    world.status = status
    return world


def columns(response) -> dict[str, list[str]]:
    assert response.status_code == HTTPStatus.OK
    return {
        column.status.name: [row.action.identifier for row in column.cards]
        for column in response.context["columns"]
    }


class TestBoard:
    def test_one_column_per_status_of_the_plan_in_order(self, board_world):
        response = board_world.client_for("viewer").get(BOARD_URL)

        names = [column.status.name for column in response.context["columns"]]
        assert names == [status.name for status in board_world.status]
        cards = columns(response)
        assert cards[board_world.status[2].name] == ["B3.01"]
        # Within a column the nearest deadline comes first.
        assert cards[board_world.status[3].name] == ["B3.02", "B6.01"]
        assert [column.count for column in response.context["columns"]] == [0, 0, 1, 2, 0, 0, 0, 0]
        assert response.context["columns"][-1].status.category == StatusCategory.UNKNOWN
        assert response.context["total"] == 3

    def test_cards_show_department_deadline_progress_and_overdue(self, board_world):
        html = board_world.client_for("viewer").get(BOARD_URL).content.decode()

        assert "Fietsparkings aan scholen" in html
        assert "Groendienst" in html
        assert '<progress max="100" value="30"' in html
        assert html.count("board-card--overdue") == 1
        assert "style=" not in html

    def test_the_same_filters_as_the_list(self, board_world):
        url = f"{BOARD_URL}?department={board_world.other_department_a.pk}"

        cards = columns(board_world.client_for("viewer").get(url))

        assert [i for ids in cards.values() for i in ids] == ["B6.01"]

    def test_other_municipalitys_actions_never_appear(self, board_world):
        response = board_world.client_for("coordinator").get(BOARD_URL)

        identifiers = [i for ids in columns(response).values() for i in ids]
        assert "B1.01" not in identifiers
        assert "Geheime actie" not in response.content.decode()

    def test_a_full_column_links_to_the_rest_in_the_list(self, board_world, monkeypatch):
        monkeypatch.setattr(board_selectors, "BOARD_CARDS_PER_COLUMN", 1)

        response = board_world.client_for("viewer").get(BOARD_URL)

        delayed = response.context["columns"][3]
        assert [row.action.identifier for row in delayed.cards] == ["B3.02"]
        assert delayed.hidden == 1
        assert f"/alfa/plan/acties/?status={board_world.status[3].pk}" in (
            response.content.decode()
        )

    def test_move_forms_are_keyboard_accessible_and_only_where_allowed(self, board_world):
        editor_html = board_world.client_for("editor").get(BOARD_URL).content.decode()
        viewer_html = board_world.client_for("viewer").get(BOARD_URL).content.decode()

        action = board_world.action_a
        assert f'<label class="board-card__move-label" for="move-{action.pk}">' in editor_html
        assert f'<select id="move-{action.pk}" name="status">' in editor_html
        assert f'action="{move_url(action)}"' in editor_html
        # The menu starts at the card's own status.
        assert f'<option value="{board_world.status[2].pk}" selected>' in editor_html
        assert move_url(board_world.other_action_a) not in editor_html
        assert "/verplaatsen/" not in viewer_html

    def test_a_viewer_is_not_told_how_to_move_cards(self, board_world):
        html = board_world.client_for("viewer").get(BOARD_URL).content.decode()

        assert "Elke kolom is een status van het plan." in html
        assert "Verplaats" not in html
        assert "<select" not in html.split('class="board"')[1]

    def test_an_editor_is_told_how_to_move_the_cards_of_their_department(self, board_world):
        editor_html = board_world.client_for("editor").get(BOARD_URL).content.decode()
        coordinator_html = board_world.client_for("coordinator").get(BOARD_URL).content.decode()

        assert "Om een kaart van uw dienst te verplaatsen" in editor_html
        assert "Om een kaart te verplaatsen" in coordinator_html
        # Each menu has a visible label that names the card's action.
        label = f'for="move-{board_world.action_a.pk}">Nieuwe status voor B3.01</label>'
        assert label in editor_html

    def test_no_plan_explains_how_to_start(self, world):
        gamma = MunicipalityFactory.create(name="Gemeente Gamma", slug="gamma")
        MembershipFactory.create(user=world.users["viewer"], municipality=gamma, role=Role.VIEWER)

        response = world.client_for("viewer").get("/gamma/plan/bord/")

        assert response.status_code == HTTPStatus.OK
        assert response.context["plan"] is None


class TestMove:
    def test_moving_a_card_records_the_change_on_the_timeline(self, board_world):
        action = board_world.action_a
        back = f"{BOARD_URL}?department={board_world.department_a.pk}"

        response = board_world.client_for("coordinator").post(
            move_url(action), {"status": board_world.status[3].pk, "next": back}
        )

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == f"{back}#card-{action.pk}"
        assert Action.unscoped.get(pk=action.pk).status_id == board_world.status[3].pk
        update = StatusUpdate.unscoped.get(action=action)
        assert update.previous_status_id == board_world.status[2].pk
        assert update.new_status_id == board_world.status[3].pk
        assert update.author == board_world.users["coordinator"]
        assert update.source == UpdateSource.BOARD
        with translation.override("en"):
            (sentence,) = update.changes_text
        # The plan's statuses kept the names a new plan gets: they are read in English.
        assert sentence == "Status changed from on track to delayed via the board."
        # A move is no news written by a person: the action is as stale as before.
        assert Action.unscoped.get(pk=action.pk).last_update_at is None
        moved = columns(board_world.client_for("viewer").get(BOARD_URL))
        assert "B3.01" in moved[board_world.status[3].name]

    def test_editor_moves_own_departments_card(self, board_world):
        response = board_world.client_for("editor").post(
            move_url(board_world.action_a), {"status": board_world.status[4].pk}
        )

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == f"{BOARD_URL}#card-{board_world.action_a.pk}"
        assert Action.unscoped.get(pk=board_world.action_a.pk).status_id == (
            board_world.status[4].pk
        )

    def test_editor_cannot_move_another_departments_card(self, board_world):
        response = board_world.client_for("editor").post(
            move_url(board_world.other_action_a), {"status": board_world.status[4].pk}
        )

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not StatusUpdate.unscoped.exists()

    @pytest.mark.parametrize("role", ["viewer", "coach"])
    def test_readers_cannot_move_cards(self, board_world, role):
        response = board_world.client_for(role).post(
            move_url(board_world.action_a), {"status": board_world.status[4].pk}
        )

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not StatusUpdate.unscoped.exists()

    def test_moving_needs_a_post(self, board_world):
        response = board_world.client_for("coordinator").get(move_url(board_world.action_a))

        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED

    def test_a_status_of_another_plan_or_none_changes_nothing(self, board_world):
        coordinator = board_world.client_for("coordinator")
        foreign = statuses_of(board_world.plan_b)[4]

        for value in [foreign.pk, "", "abc"]:
            response = coordinator.post(move_url(board_world.action_a), {"status": value})
            assert response.status_code == HTTPStatus.FOUND

        assert Action.unscoped.get(pk=board_world.action_a.pk).status_id == (
            board_world.status[2].pk
        )
        assert not StatusUpdate.unscoped.exists()

    @pytest.mark.parametrize("value", ["²", "9" * 30, "9223372036854775808", "-1", "1\x00"])
    def test_a_crafted_status_is_refused_with_a_message(self, board_world, value):
        response = board_world.client_for("coordinator").post(
            move_url(board_world.action_a), {"status": value}, follow=True
        )

        assert response.status_code == HTTPStatus.OK
        assert [str(m) for m in response.context["messages"]] == [
            "Kies een van de statussen van het plan."
        ]
        assert not StatusUpdate.unscoped.exists()

    def test_moving_to_the_same_column_adds_nothing(self, board_world):
        board_world.client_for("coordinator").post(
            move_url(board_world.action_a), {"status": board_world.status[2].pk}
        )

        assert not StatusUpdate.unscoped.exists()

    def test_another_municipalitys_card_is_not_found(self, board_world):
        response = board_world.client_for("coordinator").post(
            move_url(board_world.action_b), {"status": board_world.status[4].pk}
        )

        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_next_cannot_leave_the_board(self, board_world):
        response = board_world.client_for("coordinator").post(
            move_url(board_world.action_a),
            {"status": board_world.status[4].pk, "next": "https://elders.example/"},
        )

        assert response["Location"] == f"{BOARD_URL}#card-{board_world.action_a.pk}"


def first_action_filters(slug: str) -> str:
    """Filters that the first generated action (the same in every generated plan) matches."""
    action = Action.unscoped.filter(municipality__slug=slug).order_by("identifier").first()
    assert action is not None
    theme_id = ActionTheme.unscoped.get(action=action).theme_id
    return f"theme={theme_id}&department={action.lead_department_id}&q=actie"


@pytest.mark.parametrize("query", ["", "q=actie", "first-action-filters"])
def test_the_board_uses_as_many_queries_for_1000_actions_as_for_10(db, query):
    counts = []
    for size in (10, 1000):
        client, slug = coordinator_client_with_actions(size)
        filters = first_action_filters(slug) if query == "first-action-filters" else query
        url = f"/{slug}/plan/bord/?{filters}"
        client.get(url)  # warm the caches of the session and the content types
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert response.context["total"] > 0
        counts.append(len(context.captured_queries))

    assert counts[0] == counts[1]
