"""What the alderman reads on the dashboard says no more than the data: late actions are not
"on track", completed ones count as done, silence is named, decisions come first, and a missing
baseline is said, never printed as an empty number."""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, Plan, StatusCategory
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.testing.factories import ActionFactory, as_platform
from tests.dashboard.conftest import pks, status
from tests.dashboard.test_home import HOME, dashboard_of

MAC_CURVE = "/alfa/plan/prioriteiten/kostencurve/"


def text_of(content: bytes, section: str) -> str:
    """The visible text of one section of the page, in one line."""
    html = content.decode()
    start = html.index(f'id="{section}"')
    end = html.index("</section>", start)
    text = re.sub(r"<(title|desc)[^>]*>.*?</\1>", " ", html[start:end], flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


# --- "On track" never counts a late action ------------------------------------------------


def test_on_track_does_not_count_an_action_past_its_deadline(situation, world, coordinator):
    response, dashboard = dashboard_of(coordinator)

    active = [s for s in dashboard.statuses if s.status.category == StatusCategory.ACTIVE]
    within = next(s for s in active if not s.past_deadline)
    late = next(s for s in active if s.past_deadline)
    assert (within.count, late.count) == (4, 1)  # L.01 is active but ten days late
    assert late.status == within.status
    assert dashboard.late_while_active == 1
    content = response.content.decode()
    assert "1 actie met een lopende status" in content
    assert "deadline verstreken" in text_of(response.content, "statuses")
    # Everything is still counted once: the shares add up to the whole.
    assert sum(s.count for s in dashboard.statuses) == dashboard.action_count


def test_the_late_figure_says_how_many_are_still_marked_as_under_way(situation, world, coordinator):
    response, _ = dashboard_of(coordinator)

    assert "waarvan 1 nog als lopend gemarkeerd" in response.content.decode()


# --- A completed action counts as 100 % ---------------------------------------------------


@as_platform
def test_a_completed_action_counts_as_done_whatever_its_progress(situation, world, coordinator):
    # An import or an old edit left the completed action at 40 %.
    Action.unscoped.filter(pk=situation.done.pk).update(progress=40)

    response, dashboard = dashboard_of(coordinator)

    bridge_1 = next(t for t in dashboard.themes if t.theme == situation.bridge_1)
    assert bridge_1.average_progress == 75.0  # (100 + 50) / 2, not (40 + 50) / 2
    average = dashboard.average_progress
    assert (average.counted, average.cancelled, average.completed) == (9, 1, 1)
    assert average.value == (0 + 0 + 40 + 0 + 100 + 50 + 80 + 0 + 0) / 9
    content = response.content.decode()
    assert "Gemiddelde voortgang van 9 acties; afgeronde acties tellen als 100 %." in content
    assert "1 geannuleerde actie telt niet mee." in content


# --- Silence is named ---------------------------------------------------------------------


@as_platform
def test_a_plan_whose_actions_never_had_an_update_says_so(world, coordinator):
    for n in range(60):
        ActionFactory.create(plan=world.plan_a, identifier=f"I.{n:02}", title=f"Import {n}")
    Action.unscoped.filter(plan=world.plan_a).update(last_update_at=None)

    response, dashboard = dashboard_of(coordinator)

    assert dashboard.stale.total == 0  # all were added today: none is silent for long yet
    assert dashboard.never_updated == 62
    attention = text_of(response.content, "attention")
    assert "62 acties nog zonder enige update" in attention
    assert "Elke lopende actie kreeg onlangs een update." not in attention


@as_platform
def test_the_attention_list_does_not_praise_actions_that_never_had_an_update(world, coordinator):
    Action.unscoped.filter(plan=world.plan_a).update(last_update_at=None)

    response = coordinator.get("/alfa/dashboard/aandacht/")

    content = response.content.decode()
    assert "kreeg onlangs een update" not in content
    assert "Geen enkele lopende actie is over haar deadline" in content


def test_a_recent_update_everywhere_is_still_said(world, coordinator):
    with tenant_scope(world.a):
        for action in (world.action_a, world.other_action_a):
            timeline_update_post(actor=world.users["coordinator"], action=action, text="Bezig.")

    response, dashboard = dashboard_of(coordinator)

    assert dashboard.never_updated == 0
    assert "Elke lopende actie kreeg onlangs een update." in response.content.decode()


# --- Decisions first ----------------------------------------------------------------------


@as_platform
def flag_for_decision(action: Action, question: str) -> None:
    Action.unscoped.filter(pk=action.pk).update(decision_needed=True, decision_question=question)


def test_decisions_of_the_executive_board_come_first(situation, world, coordinator):
    flag_for_decision(situation.delayed, "Extra budget voor een tweede aannemer?")
    flag_for_decision(situation.cancelled, "Niet meer aan de orde")

    response, dashboard = dashboard_of(coordinator)

    assert pks(dashboard.decisions) == [situation.delayed.pk]  # a cancelled action waits no more
    content = response.content.decode()
    decisions = content.index('id="decisions"')
    assert decisions < content.index('id="statuses"')
    assert decisions < content.index("Kerncijfers")
    assert "1 beslissing nodig van het college" in content
    assert "Extra budget voor een tweede aannemer?" in text_of(response.content, "decisions")


def test_without_decisions_the_dashboard_says_none_is_waiting(situation, coordinator):
    response, dashboard = dashboard_of(coordinator)

    assert dashboard.decisions == []
    assert "Geen enkele actie wacht op een beslissing van het college." in (
        text_of(response.content, "decisions")
    )


def test_the_action_form_puts_an_action_on_the_list_and_a_decision_takes_it_off(world):
    from tests.plans.test_action_edit import edit_url, form_data_of, involvements

    editor = world.client_for("coordinator")
    data = form_data_of(editor.get(edit_url(world.action_a)))
    data.update(
        decision_needed="on",
        decision_question="Fietsstraat invoeren zonder proefperiode?",
        **involvements(),
    )
    response = editor.post(edit_url(world.action_a), data)
    assert response.status_code == 302, response.context["form"].errors

    _, dashboard = dashboard_of(editor)
    assert [a.decision_question for a in dashboard.decisions] == [
        "Fietsstraat invoeren zonder proefperiode?"
    ]

    with tenant_scope(world.a):
        action = Action.objects.get(pk=world.action_a.pk)
        timeline_update_post(
            actor=world.users["coordinator"],
            action=action,
            kind="decision",
            text="Het college keurt de fietsstraat goed, zonder proefperiode.",
        )
        action.refresh_from_db()
    assert (action.decision_needed, action.decision_question) == (False, "")
    _, dashboard = dashboard_of(editor)
    assert dashboard.decisions == []


# --- The baseline: refused at 0, named when missing -----------------------------------------


@as_platform
def test_without_baseline_the_co2_section_says_so_and_prints_no_empty_number(
    situation, world, coordinator
):
    Plan.unscoped.filter(pk=world.plan_a.pk).update(baseline_emissions=Decimal(0))

    response, dashboard = dashboard_of(coordinator)

    co2 = dashboard.co2
    assert (co2.needed, co2.gap, co2.surplus, co2.coverage) == (None, None, None, None)
    assert co2.expected == Decimal(800)
    text = text_of(response.content, "co2")
    assert "Het plan heeft nog geen uitstoot in het referentiejaar" in text
    assert "None" not in text
    # Every "t CO2" and every "%" follows a number.
    for unit in re.finditer(r"(\S*)\s+(t CO2|%)", text):
        assert re.search(r"\d$", unit.group(1)), text
    assert "0 t CO2 van 2011" not in text


def test_a_baseline_of_0_is_refused_with_an_explanation(world):
    from tests.plans.test_plan_settings import PLAN_EDIT, plan_data

    response = world.client_for("coordinator").post(
        PLAN_EDIT, plan_data(baseline_emissions="0", version=world.plan_a.version)
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["baseline_emissions"]
    assert any("CO2-inventaris" in error for error in errors)
    with tenant_scope(world.a):
        assert Plan.objects.get().baseline_emissions == Decimal(100000)


# --- One CO2 gap ----------------------------------------------------------------------------


def test_dashboard_and_cost_curve_show_the_same_co2_gap(situation, world, coordinator):
    # The curve has bars only for actions with a budget; the gap counts every estimate.
    ActionFactory.create(
        plan=world.plan_a,
        identifier="Z.01",
        co2_reduction=Decimal(70),
        budget_planned=None,
        status=status(world.plan_a, StatusCategory.ACTIVE),
    )

    dashboard_page, dashboard = dashboard_of(coordinator)
    curve_page = coordinator.get(MAC_CURVE)
    curve = curve_page.context["curve"]

    assert dashboard.co2.gap == curve.gap == Decimal(40000 - 300 - 500 - 70)
    assert dashboard.co2 == curve.co2
    assert "39.130" in text_of(dashboard_page.content, "co2")
    gap_stat = curve_page.content.decode().split("data-co2-gap", 1)[1][:200]
    assert "39.130" in gap_stat
    # Filtering the curve does not change the plan's gap.
    filtered = coordinator.get(MAC_CURVE, {"q": "Afgewerkte"}).context["curve"]
    assert len(filtered.bars) == 1
    assert filtered.gap == dashboard.co2.gap


@as_platform
def test_without_baseline_the_cost_curve_draws_no_target(situation, world, coordinator):
    Plan.unscoped.filter(pk=world.plan_a.pk).update(baseline_emissions=Decimal(0))

    response = coordinator.get(MAC_CURVE)

    curve = response.context["curve"]
    assert curve.target_reduction is None
    assert curve.gap is None
    assert response.context["chart"].target_x is None
    content = response.content.decode()
    assert "Het plan heeft nog geen uitstoot in het referentiejaar" in content
    assert "None" not in content


# --- Time ---------------------------------------------------------------------------------


def test_yesterday_is_late_for_an_on_track_action_created_today(world, coordinator):
    with tenant_scope(world.a):
        on_track = status(world.plan_a, StatusCategory.ACTIVE)
    ActionFactory.create(
        plan=world.plan_a,
        identifier="T.01",
        status=on_track,
        deadline=timezone.localdate() - timedelta(days=1),
    )

    _, dashboard = dashboard_of(coordinator, HOME)

    assert dashboard.late_while_active == 1
