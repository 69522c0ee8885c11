"""A coach runs the scoring workshops and edits the priorities of the municipalities they follow,
and of no other."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from daadkracht.access.context import member_scope
from daadkracht.history.models import AuditEntry
from daadkracht.prioritisation.models import ActionScore, Criterion, ScoringRound
from daadkracht.prioritisation.policies import can_score_actions
from daadkracht.prioritisation.services.rounds import scoring_round_create
from daadkracht.tenancy.models import Membership

pytestmark = pytest.mark.django_db


def url(name: str, municipality, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": municipality.slug, **kwargs})


def criteria(plan) -> list[Criterion]:
    return list(Criterion.unscoped.filter(plan=plan).order_by("position", "id"))


def test_a_coach_opens_a_round_shows_its_code_and_closes_it(world):
    coach = world.client_for("coach")
    assert "Scoreronde openen" in coach.get(url("prioritisation:rounds", world.a)).content.decode()

    response = coach.post(
        url("prioritisation:round_create", world.a),
        {
            "title": "Workshop met de coach",
            "criteria": [c.pk for c in criteria(world.plan_a)],
            "selection": "ticked",
            "actions": [world.action_a.pk, world.other_action_a.pk],
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    scoring_round = ScoringRound.unscoped.get(title="Workshop met de coach")
    assert scoring_round.municipality == world.a
    projector = coach.get(url("prioritisation:round_detail", world.a, pk=scoring_round.pk))
    content = projector.content.decode()
    assert scoring_round.join_code in content
    assert "Ronde afsluiten" in content
    entry = AuditEntry.unscoped.get(content_type__model="scoringround")
    assert entry.actor == world.users["coach"]

    closed = coach.post(url("prioritisation:round_close", world.a, pk=scoring_round.pk))

    assert closed.status_code == HTTPStatus.FOUND
    scoring_round.refresh_from_db()
    assert scoring_round.state == ScoringRound.State.CLOSED


def test_a_coach_scores_an_action_of_any_department(world):
    coach = world.client_for("coach")
    page = url("prioritisation:action_scores", world.a, pk=world.other_action_a.pk)
    form = coach.get(page).context["form"]
    by_key = {c.key: c for c in criteria(world.plan_a)}
    data = {"fingerprint": form["fingerprint"].value(), "base": form["base"].value()}
    for criterion in by_key.values():
        data[f"score_{criterion.pk}"] = ""
        data[f"note_{criterion.pk}"] = ""
    data[f"score_{by_key['urgency'].pk}"] = "4"
    data[f"note_{by_key['urgency'].pk}"] = "Afgesproken op de workshop"

    response = coach.post(page, data)

    assert response.status_code == HTTPStatus.FOUND
    stored = ActionScore.unscoped.get(action=world.other_action_a)
    assert (stored.criterion, stored.score, stored.scored_by) == (
        by_key["urgency"],
        4,
        world.users["coach"],
    )
    ranking = coach.get(url("prioritisation:priorities", world.a)).content.decode()
    assert url("prioritisation:action_scores", world.a, pk=world.action_a.pk) in ranking


def test_a_coach_changes_the_criteria_weights(world):
    coach = world.client_for("coach")
    stored = criteria(world.plan_a)
    data = {"c-TOTAL_FORMS": len(stored), "c-INITIAL_FORMS": len(stored), "save": "1"}
    for n, criterion in enumerate(stored):
        weight = "3" if criterion.key == "feasibility" else str(criterion.weight)
        data |= {
            f"c-{n}-id": criterion.pk,
            f"c-{n}-name": criterion.name,
            f"c-{n}-weight": weight,
            f"c-{n}-description": criterion.description,
        }

    response = coach.post(url("prioritisation:criteria", world.a), data)

    assert response.status_code == HTTPStatus.FOUND
    assert Criterion.unscoped.get(plan=world.plan_a, key="feasibility").weight == Decimal(3)


def test_a_coach_of_alfa_cannot_reach_the_prioritisation_of_beta(world):
    coach = world.client_for("coach")
    pages = [
        url("prioritisation:priorities", world.b),
        url("prioritisation:criteria", world.b),
        url("prioritisation:rounds", world.b),
        url("prioritisation:round_create", world.b),
        url("prioritisation:action_scores", world.b, pk=world.action_b.pk),
    ]
    for page in pages:
        assert coach.get(page).status_code == HTTPStatus.NOT_FOUND, page
        assert coach.post(page, {"title": "Inbraak"}).status_code == HTTPStatus.NOT_FOUND, page
    # Beta's action through Alfa's address is not found either.
    beta_in_alfa = url("prioritisation:action_scores", world.a, pk=world.action_b.pk)
    assert coach.get(beta_in_alfa).status_code == HTTPStatus.NOT_FOUND
    assert not ScoringRound.unscoped.exists()
    assert not ActionScore.unscoped.exists()


def test_the_service_refuses_a_round_for_a_viewer_and_allows_a_coach(world):
    actions = [world.action_a]
    chosen = criteria(world.plan_a)[:1]
    viewer = world.membership("viewer")
    with member_scope(viewer, actor=viewer.user), pytest.raises(PermissionDenied):
        scoring_round_create(
            actor=viewer.user, plan=world.plan_a, title="Mag niet", actions=actions, criteria=chosen
        )
    with member_scope(world.membership("coach"), actor=world.users["coach"]):
        created = scoring_round_create(
            actor=world.users["coach"],
            plan=world.plan_a,
            title="Mag wel",
            actions=actions,
            criteria=chosen,
        )
    assert created.title == "Mag wel"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("coordinator", True), ("editor", True), ("viewer", False), ("coach", True)],
)
def test_who_reaches_the_scoring_page_at_all(role, allowed):
    assert can_score_actions(Membership(role=role)) is allowed
