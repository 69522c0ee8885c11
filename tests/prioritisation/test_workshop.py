"""Workshop mode: opening a scoring round, joining it with the code (with or without log-in),
scoring on one's own device, the results with median and spread, closing and adopting."""

import re
from decimal import Decimal
from http import HTTPStatus

import pytest
import segno
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from daadkracht.common.qr_code import qr_code_svg
from daadkracht.history.models import AuditEntry
from daadkracht.plans.models import Action
from daadkracht.prioritisation.models import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.prioritisation.selectors.rounds import spread
from daadkracht.prioritisation.services.rounds import normalize_join_code
from daadkracht.testing.factories import ActionFactory, as_platform

pytestmark = pytest.mark.django_db


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


def criteria(world) -> list[Criterion]:
    return list(Criterion.unscoped.filter(plan=world.plan_a).order_by("position", "id"))


def open_round(world, *, actions=None, chosen=None) -> ScoringRound:
    """A round opened by the coordinator through the page, with the given actions ticked."""
    actions = actions or [world.action_a, world.other_action_a]
    data = {
        "title": "Workshop mobiliteit",
        "criteria": [c.pk for c in (chosen or criteria(world))],
        "selection": "ticked",
        "actions": [a.pk for a in actions],
    }
    response = world.client_for("coordinator").post(url("prioritisation:round_create", world), data)
    assert response.status_code == HTTPStatus.FOUND, (
        response.context and response.context["form"].errors
    )
    return ScoringRound.unscoped.latest("created_at")


def join(client: Client, scoring_round: ScoringRound, name: str, department=None):
    return client.post(
        reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}),
        {"name": name, "department": department.pk if department else ""},
    )


def give(client: Client, scoring_round: ScoringRound, action: Action, scores: dict, **headers):
    """Post one participant's scores of one action (criterion -> score)."""
    data = {"action": action.pk}
    for criterion, value in scores.items():
        data[f"a{action.pk}-c{criterion.pk}"] = str(value)
    return client.post(
        reverse("workshop:score", kwargs={"join_code": scoring_round.join_code}), data, **headers
    )


def all_criteria(world, value: int) -> dict:
    return dict.fromkeys(criteria(world), value)


# --- Opening a round ------------------------------------------------------------------------


def test_coordinator_opens_a_round_and_sees_the_join_code(world):
    scoring_round = open_round(world)
    assert scoring_round.state == ScoringRound.State.OPEN
    assert set(
        Action.unscoped.filter(scoring_rounds=scoring_round).values_list("identifier", flat=True)
    ) == {"B3.01", "B6.01"}
    assert Criterion.unscoped.filter(scoring_rounds=scoring_round).count() == 6
    assert len(scoring_round.join_code) == 14  # XXXX-XXXX-XXXX
    response = world.client_for("coordinator").get(
        url("prioritisation:round_detail", world, pk=scoring_round.pk)
    )
    content = response.content.decode()
    assert scoring_round.join_code in content
    assert reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}) in content
    assert AuditEntry.unscoped.filter(content_type__model="scoringround").exists()


def test_the_join_page_shows_a_qr_code_of_the_absolute_join_link(world):
    scoring_round = open_round(world)
    join_url = "http://testserver" + reverse(
        "workshop:join", kwargs={"join_code": scoring_round.join_code}
    )

    response = world.client_for("coordinator").get(
        url("prioritisation:round_detail", world, pk=scoring_round.pk)
    )

    html = response.content.decode()
    (svg,) = re.findall(r"<svg role=\"img\"[^>]*class=\"qr-code\".*?</svg>", html, re.S)
    # The modules drawn are exactly those of the join link's QR code.
    expected = segno.make(join_url, error="m").svg_inline(scale=1, omitsize=True)
    modules = re.search(r' d="([^"]+)"', expected)
    assert modules
    assert f'd="{modules.group(1)}"' in svg
    assert f"<title>QR-code om deel te nemen aan de workshop op {join_url}</title>" in svg


def test_a_closed_round_shows_no_qr_code(world):
    scoring_round = open_round(world)
    client = world.client_for("coordinator")
    client.post(url("prioritisation:round_close", world, pk=scoring_round.pk))
    scoring_round.refresh_from_db()
    assert scoring_round.state == ScoringRound.State.CLOSED

    page = client.get(url("prioritisation:round_detail", world, pk=scoring_round.pk))

    assert page.status_code == HTTPStatus.OK
    assert 'class="qr-code"' not in page.content.decode()


def test_the_qr_code_changes_with_the_link_it_encodes():
    first = qr_code_svg("https://daadkracht.example/workshop/AAAA-BBBB-CCCC/", label="één")
    second = qr_code_svg("https://daadkracht.example/workshop/AAAA-BBBB-CCCD/", label="<twee>")

    assert first != second
    assert "<title>één</title>" in first
    assert "<title>&lt;twee&gt;</title>" in second


def test_round_by_filter_takes_every_shown_action(world):
    client = world.client_for("coordinator")
    response = client.post(
        url("prioritisation:round_create", world) + f"?department={world.other_department_a.pk}",
        {"title": "Groen", "criteria": [criteria(world)[0].pk], "selection": "filter"},
    )
    assert response.status_code == HTTPStatus.FOUND
    scoring_round = ScoringRound.unscoped.get(title="Groen")
    chosen = Action.unscoped.filter(scoring_rounds=scoring_round)
    assert list(chosen.values_list("identifier", flat=True)) == ["B6.01"]


def test_round_needs_actions_and_criteria_and_keeps_the_input(world):
    client = world.client_for("coordinator")
    response = client.post(
        url("prioritisation:round_create", world),
        {"title": "Leeg", "criteria": [criteria(world)[0].pk], "selection": "ticked"},
    )
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.errors["actions"]
    assert form["title"].value() == "Leeg"
    assert not ScoringRound.unscoped.exists()


def test_only_coordinators_and_coaches_open_close_and_adopt(world):
    scoring_round = open_round(world)
    for who in ("editor", "viewer"):
        client = world.client_for(who)
        assert client.get(url("prioritisation:round_create", world)).status_code == 403
        assert (
            client.post(url("prioritisation:round_close", world, pk=scoring_round.pk)).status_code
            == 403
        )
        assert (
            client.post(url("prioritisation:round_adopt", world, pk=scoring_round.pk)).status_code
            == 403
        )
    scoring_round.refresh_from_db()
    assert scoring_round.state == ScoringRound.State.OPEN
    outsider = world.client_for("other_municipality")
    assert (
        outsider.get(url("prioritisation:round_detail", world, pk=scoring_round.pk)).status_code
        == 404
    )


# --- Taking part ----------------------------------------------------------------------------


def test_two_participants_score_and_the_results_show_median_and_spread(world):
    scoring_round = open_round(world)
    guest = Client()  # not logged in: only the join link
    response = guest.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))
    assert response.status_code == HTTPStatus.OK
    assert response.context["membership"] is None
    response = join(guest, scoring_round, "Els van de Groendienst", world.other_department_a)
    assert response.status_code == HTTPStatus.FOUND
    assert give(guest, scoring_round, world.action_a, all_criteria(world, 5)).status_code == 302

    member = world.client_for("editor")  # logged in: recognised
    response = member.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))
    assert response.context["membership"].department == world.department_a
    assert response.context["form"].initial["name"] == world.users["editor"].full_name
    join(member, scoring_round, world.users["editor"].full_name, world.department_a)
    give(member, scoring_round, world.action_a, all_criteria(world, 1))
    first, second = criteria(world)[:2]
    give(member, scoring_round, world.other_action_a, {first: 4, second: 2})

    participants = RoundParticipant.unscoped.filter(scoring_round=scoring_round)
    assert {p.name: p.user for p in participants} == {
        "Els van de Groendienst": None,
        world.users["editor"].full_name: world.users["editor"],
    }
    assert RoundScore.unscoped.count() == 6 + 6 + 2

    response = world.client_for("viewer").get(
        url("prioritisation:round_results", world, pk=scoring_round.pk), {"sort": "median"}
    )
    assert response.status_code == HTTPStatus.OK
    results = {r.action.identifier: r for r in response.context["results"].actions}
    overall = results["B3.01"].overall
    assert overall.count == 2
    assert overall.median == pytest.approx(60.0)  # 100 and 20
    assert (overall.minimum, overall.maximum) == (pytest.approx(20.0), pytest.approx(100.0))
    assert (overall.q1, overall.q3) == (pytest.approx(40.0), pytest.approx(80.0))
    per_criterion = results["B3.01"].criteria[0].spread
    assert (per_criterion.median, per_criterion.minimum, per_criterion.maximum) == (3, 1, 5)
    # One participant scored two criteria of B6.01: weight 3 x 4 + weight 2 x 2 over 5 x 5.
    assert results["B6.01"].overall.median == pytest.approx(64.0)
    assert results["B6.01"].criteria[2].spread is None
    assert [r.action.identifier for r in response.context["results"].actions] == [
        "B6.01",
        "B3.01",
    ]
    by_disagreement = world.client_for("viewer").get(
        url("prioritisation:round_results", world, pk=scoring_round.pk), {"sort": "disagreement"}
    )
    assert [r.action.identifier for r in by_disagreement.context["results"].actions] == [
        "B3.01",
        "B6.01",
    ]
    content = response.content.decode()
    assert "<svg" in content
    assert "<table" in content
    assert 'hx-trigger="every 10s"' in content


def test_a_participant_comes_back_and_changes_scores(world):
    scoring_round = open_round(world)
    guest = Client()
    join(guest, scoring_round, "Gast")
    give(guest, scoring_round, world.action_a, all_criteria(world, 2))
    # Coming back through the join link goes straight to the scores, which are kept.
    response = guest.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))
    assert response.status_code == HTTPStatus.FOUND
    page = guest.get(response["Location"])
    card = next(c for c in page.context["cards"] if c["action"] == world.action_a)
    assert card["done"]
    assert card["form"].initial[f"c{criteria(world)[0].pk}"] == "2"
    give(guest, scoring_round, world.action_a, all_criteria(world, 4))
    assert set(RoundScore.unscoped.values_list("score", flat=True)) == {4}
    assert RoundParticipant.unscoped.count() == 1


def test_saving_with_htmx_returns_only_the_card(world):
    scoring_round = open_round(world)
    guest = Client()
    join(guest, scoring_round, "Gast")
    response = give(
        guest, scoring_round, world.action_a, all_criteria(world, 3), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert content.lstrip().startswith("<form")
    assert response.context["card"]["saved"]
    assert RoundScore.unscoped.count() == 6


def test_scoring_without_joining_sends_to_the_join_page(world):
    scoring_round = open_round(world)
    response = give(Client(), scoring_round, world.action_a, all_criteria(world, 3))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(f"/workshop/{scoring_round.join_code}/")
    assert not RoundScore.unscoped.exists()


def test_guest_needs_a_name(world):
    scoring_round = open_round(world)
    guest = Client()
    response = join(guest, scoring_round, "   ", world.department_a)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"]
    assert not RoundParticipant.unscoped.exists()


def test_enter_the_code_as_typed_from_the_screen(world):
    scoring_round = open_round(world)
    typed = scoring_round.join_code.replace("-", " ").lower()
    response = Client().post(reverse("workshop:enter"), {"code": typed})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse(
        "workshop:join", kwargs={"join_code": scoring_round.join_code}
    )
    response = Client().post(reverse("workshop:enter"), {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["code"]
    assert normalize_join_code("abcd efgh jkmn") == "ABCD-EFGH-JKMN"


# --- Closed rounds, other municipalities and unknown codes ------------------------------------


def test_closed_round_refuses_new_scores(world):
    scoring_round = open_round(world)
    guest = Client()
    join(guest, scoring_round, "Gast")
    give(guest, scoring_round, world.action_a, all_criteria(world, 2))
    coordinator = world.client_for("coordinator")
    assert (
        coordinator.get(url("prioritisation:round_close", world, pk=scoring_round.pk)).status_code
        == 200
    )
    response = coordinator.post(url("prioritisation:round_close", world, pk=scoring_round.pk))
    assert response.status_code == HTTPStatus.FOUND
    scoring_round.refresh_from_db()
    assert scoring_round.state == ScoringRound.State.CLOSED
    assert scoring_round.closed_at is not None

    response = give(guest, scoring_round, world.action_a, all_criteria(world, 5))
    assert response.status_code == HTTPStatus.GONE
    assert set(RoundScore.unscoped.values_list("score", flat=True)) == {2}
    htmx = give(
        guest, scoring_round, world.action_a, all_criteria(world, 5), HTTP_HX_REQUEST="true"
    )
    assert htmx["HX-Refresh"] == "true", "the page reloads and shows that the round closed"
    assert set(RoundScore.unscoped.values_list("score", flat=True)) == {2}
    # The code no longer shows whose round it was, what it was about or its actions.
    for path in ("workshop:score", "workshop:join"):
        page = guest.get(reverse(path, kwargs={"join_code": scoring_round.join_code}))
        assert page.status_code == HTTPStatus.GONE
        content = page.content.decode()
        for secret in (scoring_round.title, world.a.name, world.action_a.title, "Mobiliteit"):
            assert secret not in content, (path, secret)
    # Nobody new can join.
    response = join(Client(), scoring_round, "Laatkomer")
    assert response.status_code == HTTPStatus.GONE
    assert RoundParticipant.unscoped.count() == 1
    # The results page stops polling.
    results = coordinator.get(url("prioritisation:round_results", world, pk=scoring_round.pk))
    assert "hx-trigger" not in results.content.decode()


def test_join_code_of_a_never_shows_data_of_b(world):
    scoring_round = open_round(world)
    guest = Client()
    page = guest.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))
    content = page.content.decode()
    assert "Omgeving" not in content  # B's department is not among the choices
    assert "Mobiliteit" in content
    join(guest, scoring_round, "Gast")
    content = guest.get(
        reverse("workshop:score", kwargs={"join_code": scoring_round.join_code})
    ).content.decode()
    assert "Fietsstraten in het centrum" in content
    assert "Geheime actie van Beta" not in content
    # Neither B's action nor B's department can be slipped in.
    response = give(guest, scoring_round, world.action_b, all_criteria(world, 5))
    assert response.status_code == HTTPStatus.NOT_FOUND
    response = join(Client(), scoring_round, "Indringer", world.department_b)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["department"]
    assert not RoundScore.unscoped.exists()


def test_member_of_b_joins_a_round_of_a_as_a_guest(world):
    scoring_round = open_round(world)
    outsider = world.client_for("other_municipality")
    response = outsider.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))
    assert response.status_code == HTTPStatus.OK
    assert response.context["membership"] is None
    join(outsider, scoring_round, "Bezoeker uit Beta")
    assert RoundParticipant.unscoped.get().user is None


@pytest.mark.parametrize("who", ["anonymous", "coordinator", "other_municipality"])
def test_unknown_join_code_is_not_found(world, who):
    open_round(world)
    client = world.client_for(who)
    for name in ("workshop:join", "workshop:score"):
        response = client.get(reverse(name, kwargs={"join_code": "ABCD-EFGH-JKMN"}))
        assert response.status_code == HTTPStatus.NOT_FOUND


# --- Results: who sees them, adopting the medians ----------------------------------------------


def test_editors_see_the_results_once_the_round_is_closed(world):
    scoring_round = open_round(world)
    results = url("prioritisation:round_results", world, pk=scoring_round.pk)
    editor = world.client_for("editor")
    assert editor.get(results).status_code == HTTPStatus.FORBIDDEN
    for who in ("coordinator", "viewer", "coach"):
        assert world.client_for(who).get(results).status_code == HTTPStatus.OK
    world.client_for("coordinator").post(
        url("prioritisation:round_close", world, pk=scoring_round.pk)
    )
    assert editor.get(results).status_code == HTTPStatus.OK


def test_results_refresh_with_htmx_returns_the_results_only(world):
    scoring_round = open_round(world)
    response = world.client_for("coordinator").get(
        url("prioritisation:round_results", world, pk=scoring_round.pk), HTTP_HX_REQUEST="true"
    )
    content = response.content.decode().lstrip()
    assert content.startswith('<div id="results"')
    assert "<html" not in content


def test_results_export(world):
    scoring_round = open_round(world)
    guest = Client()
    join(guest, scoring_round, "Gast")
    give(guest, scoring_round, world.action_a, all_criteria(world, 4))
    response = world.client_for("coordinator").get(
        url("prioritisation:round_results", world, pk=scoring_round.pk), {"export": "csv"}
    )
    lines = response.getvalue().decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 2 * 7  # per action: the weighted score and six criteria
    assert any(line.startswith("B3.01;") and ";80.0;" in line for line in lines)


@as_platform
def test_adopting_the_medians_sets_the_actions_scores(world):
    scoring_round = open_round(world)
    first, second = criteria(world)[:2]
    ActionScore.unscoped.create(
        municipality=world.a, action=world.action_a, criterion=first, score=0, note="oud"
    )
    for name, values in [("A", {first: 1, second: 4}), ("B", {first: 2}), ("C", {first: 4})]:
        client = Client()
        join(client, scoring_round, name)
        give(client, scoring_round, world.action_a, values)
    coordinator = world.client_for("coordinator")
    adopt = url("prioritisation:round_adopt", world, pk=scoring_round.pk)
    # While the round is open, adopting is refused.
    assert coordinator.post(adopt).status_code == HTTPStatus.OK
    assert ActionScore.unscoped.get(action=world.action_a, criterion=first).score == 0

    coordinator.post(url("prioritisation:round_close", world, pk=scoring_round.pk))
    assert coordinator.get(adopt).status_code == HTTPStatus.OK
    response = coordinator.post(adopt)
    assert response.status_code == HTTPStatus.FOUND
    stored = {s.criterion_id: s for s in ActionScore.unscoped.filter(action=world.action_a)}
    assert stored[first.pk].score == 2  # median of 1, 2, 4
    assert stored[second.pk].score == 4  # one participant
    assert "3" in stored[first.pk].note
    assert stored[first.pk].scored_by == world.users["coordinator"]
    assert not ActionScore.unscoped.filter(action=world.other_action_a).exists()
    entries = AuditEntry.unscoped.filter(content_type__model="actionscore")
    assert entries.filter(action="updated").count() == 1
    assert entries.filter(action="created").count() == 1


def test_median_halfway_is_rounded_up(world):
    scoring_round = open_round(world)
    first = criteria(world)[0]
    for name, value in [("A", 2), ("B", 3)]:
        client = Client()
        join(client, scoring_round, name)
        give(client, scoring_round, world.action_a, {first: value})
    coordinator = world.client_for("coordinator")
    coordinator.post(url("prioritisation:round_close", world, pk=scoring_round.pk))
    coordinator.post(url("prioritisation:round_adopt", world, pk=scoring_round.pk))
    assert ActionScore.unscoped.get(action=world.action_a, criterion=first).score == 3


def test_spread_of_scores():
    values = spread([1.0, 2.0, 4.0, 5.0])
    assert values.median == 3.0
    assert (values.q1, values.q3) == (1.75, 4.25)
    assert values.iqr == 2.5
    assert values.range == 4.0
    single = spread([3.0])
    assert (single.q1, single.median, single.q3) == (3.0, 3.0, 3.0)
    assert spread([]) is None


# --- Lists and query counts ---------------------------------------------------------------


@as_platform
def test_rounds_list_filters_sorts_and_exports(world):
    open_round(world)
    other = open_round(world)
    ScoringRound.unscoped.filter(pk=other.pk).update(title="Klimaatteam gebouwen", state="closed")
    client = world.client_for("viewer")
    response = client.get(url("prioritisation:rounds", world), {"state": "closed"})
    assert [r.title for r in response.context["rounds"]] == ["Klimaatteam gebouwen"]
    response = client.get(url("prioritisation:rounds", world), {"sort": "title"})
    assert [r.title for r in response.context["rounds"]] == [
        "Klimaatteam gebouwen",
        "Workshop mobiliteit",
    ]
    csv_text = (
        client.get(url("prioritisation:rounds", world), {"export": "csv"}).getvalue().decode()
    )
    assert "Klimaatteam gebouwen" in csv_text
    # B's coordinator sees none of A's rounds in B.
    beta = world.client_for("other_municipality").get(
        reverse("prioritisation:rounds", kwargs={"municipality": world.b.slug})
    )
    assert list(beta.context["rounds"]) == []


@as_platform
def round_with(world, count: int, participants: int = 3) -> ScoringRound:
    actions = [
        ActionFactory.create(
            plan=world.plan_a, identifier=f"R{count}-{n:03d}", co2_reduction=Decimal(n)
        )
        for n in range(count)
    ]
    scoring_round = open_round(world, actions=actions)
    scores = []
    for p in range(participants):
        participant = RoundParticipant.unscoped.create(
            municipality=world.a, scoring_round=scoring_round, name=f"P{p}"
        )
        scores += [
            RoundScore(
                municipality=world.a,
                participant=participant,
                action=action,
                criterion=criterion,
                score=(p + n) % 6,
            )
            for n, action in enumerate(actions)
            for criterion in criteria(world)
        ]
    RoundScore.unscoped.bulk_create(scores)
    return scoring_round


def count_queries(client: Client, path: str, **headers) -> int:
    client.get(path, **headers)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == HTTPStatus.OK
    return len(captured)


def test_query_counts_do_not_grow_with_the_number_of_actions(world):
    small, large = round_with(world, 3), round_with(world, 40)
    client = world.client_for("coordinator")
    for name, extra in [
        ("prioritisation:round_results", {}),
        ("prioritisation:round_results", {"HTTP_HX_REQUEST": "true"}),
        ("prioritisation:round_detail", {}),
    ]:
        counts = [count_queries(client, url(name, world, pk=r.pk), **extra) for r in (small, large)]
        assert counts[0] == counts[1], (name, counts)
    guest = Client()
    counts = []
    for scoring_round in (small, large):
        join(guest, scoring_round, "Gast")
        first = Action.unscoped.filter(scoring_rounds=scoring_round).first()
        give(guest, scoring_round, first, all_criteria(world, 3))
        counts.append(
            count_queries(
                guest, reverse("workshop:score", kwargs={"join_code": scoring_round.join_code})
            )
        )
    assert counts[0] == counts[1]
    assert count_queries(client, url("prioritisation:rounds", world)) == count_queries(
        client, url("prioritisation:rounds", world) + "?sort=-participants"
    )


def test_guessing_codes_is_stopped_after_ten_wrong_tries(world):
    scoring_round = open_round(world)
    guesser = Client()

    typed = [
        guesser.post(reverse("workshop:enter"), {"code": f"AAAA-BBBB-{n:04d}"}) for n in range(10)
    ]
    in_url = guesser.get(reverse("workshop:join", kwargs={"join_code": "ZZZZ-ZZZZ-ZZZZ"}))
    right = guesser.get(reverse("workshop:join", kwargs={"join_code": scoring_round.join_code}))

    assert [r.status_code for r in typed] == [HTTPStatus.OK] * 10
    assert in_url.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert right.status_code == HTTPStatus.TOO_MANY_REQUESTS, "not even the right code, for now"
    other_address = Client(REMOTE_ADDR="192.0.2.7")
    assert (
        other_address.get(
            reverse("workshop:join", kwargs={"join_code": scoring_round.join_code})
        ).status_code
        == HTTPStatus.OK
    )
