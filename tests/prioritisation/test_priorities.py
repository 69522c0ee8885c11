"""Prioritising: weighted scores and their explanation, criteria and weights, scoring an action,
filling scores from the figures and the marginal abatement cost curve."""

import csv
import io
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.plans.models import Action, ActionStatus, StatusCategory
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.prioritisation.selectors.scores import explain, weighted_score, with_scores
from daadkracht.prioritisation.selectors.suggestions import figure_suggestions
from daadkracht.prioritisation.services.scores import action_scores_save
from daadkracht.tenancy.roles import Role
from daadkracht.testing.bulk import bulk_plan
from daadkracht.testing.factories import (
    ActionFactory,
    MembershipFactory,
    MunicipalityFactory,
    as_platform,
)

pytestmark = pytest.mark.django_db


def url(name: str, world, **kwargs) -> str:
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


def criteria(world) -> dict[str, Criterion]:
    return {c.key: c for c in Criterion.unscoped.filter(plan=world.plan_a)}


def score(world, action: Action, **values: int) -> None:
    """Give `action` the scores keyed by criterion key."""
    by_key = criteria(world)
    with tenant_scope(world.a):
        action_scores_save(
            actor=None,
            action=action,
            scores={by_key[key].pk: (value, "") for key, value in values.items()},
        )


def ranking(response) -> list[str]:
    return [row["action"].identifier for row in response.context["rows"]]


def read_csv(response) -> list[list[str]]:
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


# --- Computing the score ---------------------------------------------------------------


def test_weighted_score_is_the_weighted_mean_on_a_scale_of_100():
    assert weighted_score([(Decimal(3), 5), (Decimal(1), 1)]) == pytest.approx(80.0)
    # Missing scores are left out, not counted as zero.
    assert weighted_score([(Decimal(3), 4), (Decimal(2), None)]) == pytest.approx(80.0)
    assert weighted_score([(Decimal(2), None)]) is None
    # Weight 0 switches a criterion off; with only such criteria there is no score.
    assert weighted_score([(Decimal(0), 5)]) is None
    assert weighted_score([(Decimal(0), 5), (Decimal(1), 0)]) == 0.0


def test_explanation_shows_each_part_and_marks_missing_scores(world):
    score(world, world.action_a, co2_impact=4, feasibility=2)
    with tenant_scope(world.a):
        action = with_scores(Action.objects.filter(pk=world.action_a.pk)).get()
        explanation = explain(action, list(Criterion.objects.filter(plan=world.plan_a)))
    parts = {p.criterion.key: p for p in explanation.parts}
    assert parts["co2_impact"].contribution == Decimal(12)  # weight 3 x score 4
    assert parts["feasibility"].contribution == Decimal(4)  # weight 2 x score 2
    assert parts["urgency"].score is None
    assert {c.key for c in explanation.missing} == {
        "cost_per_tonne",
        "co_benefits",
        "political_support",
        "urgency",
    }
    assert explanation.total == Decimal(16)
    assert explanation.maximum == Decimal(25)  # (3 + 2) x 5
    assert explanation.value == pytest.approx(64.0)


def test_ranked_list_orders_by_score_and_explains(world):
    score(world, world.action_a, co2_impact=1, feasibility=1)
    score(world, world.other_action_a, co2_impact=5, feasibility=4)
    response = world.client_for("viewer").get(url("prioritisation:priorities", world))
    assert response.status_code == HTTPStatus.OK
    assert ranking(response) == ["B6.01", "B3.01"]
    first = response.context["rows"][0]
    assert first["action"].rank == 1
    # The score in SQL (for sorting) equals the explained one.
    assert first["action"].weighted_score == pytest.approx(first["explanation"].value)
    assert first["explanation"].value == pytest.approx((15 + 8) / 25 * 100)
    content = response.content.decode()
    assert 'class="missing"' in content
    assert "Geheime actie van Beta" not in content


def test_unscored_actions_come_last_and_have_no_rank(world):
    score(world, world.other_action_a, urgency=0)
    response = world.client_for("coordinator").get(url("prioritisation:priorities", world))
    assert ranking(response) == ["B6.01", "B3.01"]
    assert response.context["rows"][1]["explanation"].value is None


def test_changing_weights_changes_the_ranking(world):
    score(world, world.action_a, co2_impact=5, feasibility=1)
    score(world, world.other_action_a, co2_impact=1, feasibility=5)
    client = world.client_for("coordinator")
    assert ranking(client.get(url("prioritisation:priorities", world))) == ["B3.01", "B6.01"]

    stored = list(Criterion.unscoped.filter(plan=world.plan_a).order_by("position", "id"))
    data = {
        "c-TOTAL_FORMS": len(stored),
        "c-INITIAL_FORMS": len(stored),
        "save": "1",
    }
    for n, criterion in enumerate(stored):
        weight = {"co2_impact": "1", "feasibility": "4"}.get(criterion.key, str(criterion.weight))
        data |= {
            f"c-{n}-id": criterion.pk,
            f"c-{n}-name": criterion.name,
            f"c-{n}-weight": weight,
            f"c-{n}-description": criterion.description,
        }
    response = client.post(url("prioritisation:criteria", world), data)
    assert response.status_code == HTTPStatus.FOUND
    assert criteria(world)["feasibility"].weight == Decimal(4)
    assert ranking(client.get(url("prioritisation:priorities", world))) == ["B6.01", "B3.01"]
    assert (
        AuditEntry.unscoped.filter(
            content_type__model="criterion", action="updated", municipality=world.a
        ).count()
        == 2
    )


def test_only_open_actions_are_ranked(world):
    done = ActionStatus.unscoped.get(plan=world.plan_a, category=StatusCategory.DONE)
    ActionFactory.create(plan=world.plan_a, identifier="B1.09", status=done)
    response = world.client_for("coordinator").get(url("prioritisation:priorities", world))
    assert "B1.09" not in ranking(response)


@as_platform
def test_filters_by_department_theme_and_status(world):
    client = world.client_for("coordinator")
    response = client.get(
        url("prioritisation:priorities", world), {"department": world.department_a.pk}
    )
    assert ranking(response) == ["B3.01"]
    other_status = ActionStatus.unscoped.get(plan=world.plan_a, position=2)
    Action.unscoped.filter(pk=world.other_action_a.pk).update(status=other_status)
    response = client.get(url("prioritisation:priorities", world), {"status": other_status.pk})
    assert ranking(response) == ["B6.01"]


def test_sorting_by_title(world):
    response = world.client_for("coordinator").get(
        url("prioritisation:priorities", world), {"sort": "-title"}
    )
    assert ranking(response) == ["B6.01", "B3.01"]  # Ontharding… after Fietsstraten…


def test_exports_csv_and_xlsx_without_other_municipalities(world):
    score(world, world.action_a, co2_impact=5)
    client = world.client_for("viewer")
    rows = read_csv(client.get(url("prioritisation:priorities", world), {"export": "csv"}))
    assert len(rows) == 3
    assert rows[1][1] == "B3.01"
    assert rows[1][5] == "100.0"
    assert "B1.01" not in {row[1] for row in rows}
    response = client.get(url("prioritisation:priorities", world), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    identifiers = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert identifiers == ["B3.01", "B6.01"]


def test_municipality_without_plan_sees_how_to_start(world):
    empty = MunicipalityFactory(name="Gemeente Nieuw", slug="nieuw")
    MembershipFactory(user=world.users["coordinator"], municipality=empty, role=Role.COORDINATOR)
    client = world.client_for("coordinator")
    for name in (
        "prioritisation:priorities",
        "prioritisation:mac_curve",
        "prioritisation:rounds",
        "prioritisation:criteria",
    ):
        response = client.get(reverse(name, kwargs={"municipality": "nieuw"}))
        assert response.status_code == HTTPStatus.OK
        assert response.templates[0].name == "prioritisation/no_plan.html"


# --- Scoring one action ------------------------------------------------------------------


def score_form(world, action: Action, client, **values) -> dict:
    form = client.get(url("prioritisation:action_scores", world, pk=action.pk)).context["form"]
    data = {"fingerprint": form["fingerprint"].value(), "base": form["base"].value()}
    for key, criterion in criteria(world).items():
        data[f"score_{criterion.pk}"] = str(values.get(key, ""))
        data[f"note_{criterion.pk}"] = ""
    return data


def test_editor_scores_an_action_of_their_department(world):
    client = world.client_for("editor")
    data = score_form(world, world.action_a, client, co2_impact=4, urgency=5)
    data[f"note_{criteria(world)['urgency'].pk}"] = "Subsidie loopt af in 2026"
    response = client.post(url("prioritisation:action_scores", world, pk=world.action_a.pk), data)
    assert response.status_code == HTTPStatus.FOUND
    stored = {s.criterion.key: s for s in ActionScore.unscoped.filter(action=world.action_a)}
    assert {k: s.score for k, s in stored.items()} == {"co2_impact": 4, "urgency": 5}
    assert stored["urgency"].note == "Subsidie loopt af in 2026"
    assert stored["urgency"].scored_by == world.users["editor"]
    assert AuditEntry.unscoped.filter(content_type__model="actionscore").count() == 2


def test_clearing_a_score_removes_it(world):
    score(world, world.action_a, co2_impact=4, urgency=5)
    client = world.client_for("coordinator")
    data = score_form(world, world.action_a, client, co2_impact=4)
    client.post(url("prioritisation:action_scores", world, pk=world.action_a.pk), data)
    keys = set(ActionScore.unscoped.filter(action=world.action_a).values_list("criterion__key"))
    assert keys == {("co2_impact",)}


def test_scoring_permissions(world):
    other = url("prioritisation:action_scores", world, pk=world.other_action_a.pk)
    assert world.client_for("editor").get(other).status_code == HTTPStatus.FORBIDDEN
    assert world.client_for("editor").post(other, {}).status_code == HTTPStatus.FORBIDDEN
    assert world.client_for("viewer").get(other).status_code == HTTPStatus.FORBIDDEN
    assert world.client_for("coordinator").get(other).status_code == HTTPStatus.OK
    beta = url("prioritisation:action_scores", world, pk=world.action_b.pk)
    assert world.client_for("coordinator").get(beta).status_code == HTTPStatus.NOT_FOUND
    assert not ActionScore.unscoped.exists()


def test_invalid_score_keeps_the_input(world):
    client = world.client_for("coordinator")
    data = score_form(world, world.action_a, client, co2_impact=3)
    data[f"score_{criteria(world)['urgency'].pk}"] = "9"
    response = client.post(url("prioritisation:action_scores", world, pk=world.action_a.pk), data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors
    assert response.context["form"][f"score_{criteria(world)['co2_impact'].pk}"].value() == "3"
    assert not ActionScore.unscoped.exists()


def test_second_save_of_the_same_scores_is_told_about_the_conflict(world):
    first, second = world.client_for("coordinator"), world.client_for("editor")
    page = url("prioritisation:action_scores", world, pk=world.action_a.pk)
    data_first = score_form(world, world.action_a, first, co2_impact=2)
    data_second = score_form(world, world.action_a, second, co2_impact=5, urgency=1)
    assert first.post(page, data_first).status_code == HTTPStatus.FOUND
    response = second.post(page, data_second)
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.non_field_errors()
    # The second person's input is kept; the criterion both scored is asked, with both scores.
    co2 = criteria(world)["co2_impact"]
    assert form[f"score_{co2.pk}"].value() == "5"
    assert [(r.label, r.theirs, r.mine) for r in form.merge_notice.conflicts] == [
        (co2.name, "2", "5")
    ]
    assert ActionScore.unscoped.get(action=world.action_a).score == 2
    # Saving again with a choice goes through.
    resubmit = dict(form.data.items()) | {f"merge-score_{co2.pk}": "mine"}
    response = second.post(page, resubmit)
    assert response.status_code == HTTPStatus.FOUND
    stored = {s.criterion.key: s.score for s in ActionScore.unscoped.filter(action=world.action_a)}
    assert stored == {"co2_impact": 5, "urgency": 1}


def test_scores_of_different_criteria_saved_at_once_are_both_kept(world):
    first, second = world.client_for("coordinator"), world.client_for("editor")
    page = url("prioritisation:action_scores", world, pk=world.action_a.pk)
    data_first = score_form(world, world.action_a, first, co2_impact=2)
    data_second = score_form(world, world.action_a, second, urgency=1)
    first.post(page, data_first)

    assert second.post(page, data_second).status_code == HTTPStatus.FOUND

    stored = {s.criterion.key: s.score for s in ActionScore.unscoped.filter(action=world.action_a)}
    assert stored == {"co2_impact": 2, "urgency": 1}


# --- Suggestions from the figures --------------------------------------------------------


def give_figures(world, count: int = 10) -> list[Action]:
    """Actions whose CO2 reduction rises and whose cost per tonne falls with n."""
    return [
        ActionFactory.create(
            plan=world.plan_a,
            identifier=f"F{n:02d}",
            co2_reduction=Decimal(100 * n),
            budget_planned=Decimal(100_000),
        )
        for n in range(1, count + 1)
    ]


@as_platform
def test_figure_suggestions_use_quintiles(world):
    actions = give_figures(world)
    Action.unscoped.filter(pk=world.action_a.pk).update(co2_reduction=0)
    with tenant_scope(world.a):
        suggestions = figure_suggestions(world.plan_a)
    assert suggestions[actions[0].pk] == {"co2_impact": 1, "cost_per_tonne": 1}
    assert suggestions[actions[-1].pk] == {"co2_impact": 5, "cost_per_tonne": 5}
    assert suggestions[actions[4].pk]["co2_impact"] == 3
    # No CO2 avoided: 0 on CO2 impact, and no cost per tonne to judge.
    assert suggestions[world.action_a.pk] == {"co2_impact": 0}
    assert world.other_action_a.pk not in suggestions


def test_fill_from_figures_only_fills_missing_scores(world):
    actions = give_figures(world)
    score(world, actions[-1], co2_impact=2)
    client = world.client_for("coordinator")
    response = client.post(url("prioritisation:scores_fill", world))
    assert response.status_code == HTTPStatus.FOUND
    stored = {
        (s.action_id, s.criterion.key): s.score
        for s in ActionScore.unscoped.select_related("criterion")
    }
    assert stored[(actions[-1].pk, "co2_impact")] == 2  # kept
    assert stored[(actions[-1].pk, "cost_per_tonne")] == 5  # filled
    assert stored[(actions[0].pk, "co2_impact")] == 1
    assert len(stored) == 20
    # Filling again adds nothing.
    client.post(url("prioritisation:scores_fill", world))
    assert ActionScore.unscoped.count() == 20
    assert (
        world.client_for("editor").post(url("prioritisation:scores_fill", world)).status_code == 403
    )


def test_fill_button_on_the_form_fills_only_empty_fields(world):
    actions = give_figures(world)
    client = world.client_for("coordinator")
    data = score_form(world, actions[-1], client, co2_impact=2)
    data["fill"] = "1"
    response = client.post(url("prioritisation:action_scores", world, pk=actions[-1].pk), data)
    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form[f"score_{criteria(world)['co2_impact'].pk}"].value() == "2"
    assert form[f"score_{criteria(world)['cost_per_tonne'].pk}"].value() == "5"
    assert not ActionScore.unscoped.exists()  # nothing saved until the user saves


# --- Criteria ----------------------------------------------------------------------------


@as_platform
def test_coordinator_adds_and_deletes_an_own_criterion(world):
    client = world.client_for("coordinator")
    response = client.post(
        url("prioritisation:criteria", world),
        {"add": "1", "new-name": "Zichtbaarheid", "new-weight": "1.5", "new-description": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    own = Criterion.unscoped.get(plan=world.plan_a, name="Zichtbaarheid")
    assert own.key == ""
    assert own.weight == Decimal("1.5")
    score(world, world.action_a, co2_impact=3)
    ActionScore.unscoped.create(municipality=world.a, action=world.action_a, criterion=own, score=4)
    delete = url("prioritisation:criterion_delete", world, pk=own.pk)
    assert client.get(delete).context["score_count"] == 1
    assert client.post(delete).status_code == HTTPStatus.FOUND
    assert not Criterion.unscoped.filter(pk=own.pk).exists()
    assert ActionScore.unscoped.count() == 1


def test_default_criteria_cannot_be_deleted(world):
    default = criteria(world)["urgency"]
    client = world.client_for("coordinator")
    response = client.post(url("prioritisation:criterion_delete", world, pk=default.pk))
    assert response.status_code == HTTPStatus.OK
    assert response.context["error"]
    assert Criterion.unscoped.filter(pk=default.pk).exists()


def test_duplicate_criterion_name_keeps_the_input(world):
    client = world.client_for("coordinator")
    name = criteria(world)["urgency"].name
    response = client.post(
        url("prioritisation:criteria", world),
        {"add": "1", "new-name": name.upper(), "new-weight": "2", "new-description": "x"},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["new_form"].errors["name"]
    assert response.context["new_form"]["description"].value() == "x"
    assert Criterion.unscoped.filter(plan=world.plan_a).count() == 6


def test_criteria_pages_are_for_coordinators_and_coaches(world):
    for who in ("editor", "viewer"):
        assert world.client_for(who).get(url("prioritisation:criteria", world)).status_code == 403
    for who in ("coordinator", "coach"):
        assert world.client_for(who).get(url("prioritisation:criteria", world)).status_code == 200
    assert (
        world.client_for("other_municipality")
        .get(url("prioritisation:criteria", world))
        .status_code
        == 404
    )


# --- The marginal abatement cost curve -----------------------------------------------------


@as_platform
def test_mac_curve_orders_by_cost_per_tonne_and_accumulates(world):
    Action.unscoped.filter(pk=world.action_a.pk).update(
        co2_reduction=Decimal(200), budget_planned=Decimal(100_000)
    )  # 500 €/t
    Action.unscoped.filter(pk=world.other_action_a.pk).update(
        co2_reduction=Decimal(50), budget_planned=Decimal(5_000)
    )  # 100 €/t
    cheap = ActionFactory.create(
        plan=world.plan_a, identifier="B2.01", co2_reduction=Decimal(1000), budget_planned=0
    )  # free
    ActionFactory.create(plan=world.plan_a, identifier="B2.02", co2_reduction=Decimal(10))
    ActionFactory.create(plan=world.plan_a, identifier="B2.03", budget_planned=Decimal(10))
    cancelled = ActionStatus.unscoped.get(plan=world.plan_a, category=StatusCategory.CANCELLED)
    ActionFactory.create(
        plan=world.plan_a,
        identifier="B2.04",
        status=cancelled,
        co2_reduction=Decimal(10),
        budget_planned=Decimal(10),
    )
    Action.unscoped.filter(pk=world.action_b.pk).update(
        co2_reduction=Decimal(10), budget_planned=Decimal(1)
    )
    response = world.client_for("viewer").get(url("prioritisation:mac_curve", world))
    assert response.status_code == HTTPStatus.OK
    curve = response.context["curve"]
    assert [b.action.identifier for b in curve.bars] == ["B2.01", "B6.01", "B3.01"]
    assert [b.cost_per_tonne for b in curve.bars] == [0, 100, 500]
    assert [b.end for b in curve.bars] == [1000, 1050, 1250]
    assert [b.start for b in curve.bars] == [0, 1000, 1050]
    assert curve.bars[0].action.pk == cheap.pk
    assert {a.identifier for a in curve.without_figures} == {"B2.02", "B2.03"}
    # Baseline 100,000 t x 40 %.
    assert curve.target_reduction == Decimal(40000)
    # The plan's gap, as the dashboard counts it: B2.02's 10 t count too, without a bar.
    assert curve.gap == Decimal(40000 - 1260)
    content = response.content.decode()
    for element in ("<svg", "<title", "<desc", "<table"):
        assert element in content
    assert "Geheime actie van Beta" not in content
    chart = response.context["chart"]
    widths = [shape.width for _, shape in chart.bars]
    assert widths[0] > widths[2] > widths[1]  # width follows t CO2/yr
    rows = read_csv(
        world.client_for("viewer").get(url("prioritisation:mac_curve", world), {"export": "csv"})
    )
    assert [row[1] for row in rows[1:]] == ["B2.01", "B6.01", "B3.01"]
    assert rows[-1][-1] == "1250.0"


def test_mac_curve_without_figures_explains_what_is_missing(world):
    response = world.client_for("coordinator").get(url("prioritisation:mac_curve", world))
    assert response.status_code == HTTPStatus.OK
    assert response.context["chart"] is None
    assert len(response.context["curve"].without_figures) == 2


# --- Query counts -------------------------------------------------------------------------


@as_platform
def plan_of_size(world, slug: str, actions: int):
    municipality = MunicipalityFactory(name=f"Gemeente {slug}", slug=slug)
    MembershipFactory(
        user=world.users["coordinator"], municipality=municipality, role=Role.COORDINATOR
    )
    built = bulk_plan(municipality=municipality, actions=actions)
    criteria_list = list(Criterion.unscoped.filter(plan=built.plan))
    ActionScore.unscoped.bulk_create(
        ActionScore(
            municipality=municipality,
            action=action,
            criterion=criterion,
            score=(action.pk + criterion.pk) % 6,
        )
        for action in Action.unscoped.filter(plan=built.plan)
        for criterion in criteria_list[: 2 + action.pk % 4]
    )
    return municipality


def queries_for(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    return len(captured)


def test_query_count_does_not_grow_with_the_number_of_actions(world):
    small = plan_of_size(world, "klein", 10)
    large = plan_of_size(world, "groot", 1000)
    client = world.client_for("coordinator")
    pages = [
        ("prioritisation:priorities", ""),
        ("prioritisation:priorities", "?sort=-scored&page=2"),
        ("prioritisation:priorities", "?export=csv"),
        ("prioritisation:priorities", "?export=xlsx"),
        ("prioritisation:mac_curve", ""),
        ("prioritisation:mac_curve", "?export=csv"),
    ]
    for name, query in pages:
        counts = [
            queries_for(client, reverse(name, kwargs={"municipality": m.slug}) + query)
            for m in (small, large)
        ]
        assert counts[0] == counts[1], (name, query, counts)
