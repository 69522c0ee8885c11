"""Pages speak the reader's language in their figures too: numbers, amounts, percentages, dates
and the names of the statuses a plan started with."""

from datetime import date
from decimal import Decimal

import pytest

from daadkracht.plans.models import Action, ActionStatus
from daadkracht.testing.factories import as_platform

ACTIONS = "/alfa/plan/acties/"


@pytest.fixture
@as_platform
def figures(world):
    """Action A costs € 1.250.000, avoids 2.500,5 t CO2 a year and is 45 % done; the plan
    renamed one of its statuses."""
    statuses = list(ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position"))
    Action.unscoped.filter(pk=world.action_a.pk).update(
        status=statuses[2],  # "op schema", as every new plan names it
        budget_planned=Decimal(1_250_000),
        co2_reduction=Decimal("2500.5"),
        progress=45,
        deadline=date(2027, 3, 31),
    )
    ActionStatus.unscoped.filter(pk=statuses[3].pk).update(name="Vertraagd, bespreken in college")
    Action.unscoped.filter(pk=world.other_action_a.pk).update(status=statuses[3])
    return world


def page(world, language: str, path: str) -> str:
    user = world.users["coordinator"]
    user.language = language
    user.save(update_fields=["language"])
    response = world.client_for("coordinator").get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "amount", "co2", "progress", "status", "deadline"),
    [
        ("nl", "€\u00a01.250.000", "2.500,5 t CO2/jaar", "45\u00a0%", "op schema", "31 maart 2027"),
        (
            "fr",
            "1\u202f250\u202f000\u00a0€",
            "2\u202f500,5 t CO2/an",
            "45\u202f%",
            "dans les temps",
            "31 mars 2027",
        ),
        ("en", "€1,250,000", "2,500.5 t CO2/yr", "45%", "on track", "31 March 2027"),
    ],
)
def test_the_action_page_in_the_reader_s_language(
    figures, language, amount, co2, progress, status, deadline
):
    html = page(figures, language, f"{ACTIONS}{figures.action_a.pk}/")

    assert amount in html
    assert co2 in html
    assert progress in html
    assert status in html
    assert deadline in html


@pytest.mark.parametrize(
    ("language", "status", "not_shown"),
    [("fr", "dans les temps", "op schema"), ("en", "on track", "op schema")],
)
def test_the_action_list_names_default_statuses_in_the_reader_s_language(
    figures, language, status, not_shown
):
    html = page(figures, language, ACTIONS)

    assert status in html
    assert not_shown not in html
    # A status the municipality renamed keeps its own name.
    assert "Vertraagd, bespreken in college" in html


@pytest.mark.parametrize(
    ("language", "budget", "note"),
    [
        (
            "fr",
            "Prévu 1\u202f250\u202f000\u00a0€",
            "Les en-têtes de colonne restent en néerlandais",
        ),
        ("en", "Planned €1,250,000", "Column headers stay in Dutch"),
    ],
)
def test_the_dashboard_and_the_export_links_in_french_and_english(figures, language, budget, note):
    dashboard = page(figures, language, "/alfa/")
    actions = page(figures, language, ACTIONS)

    assert budget in dashboard
    assert note in actions


def test_in_dutch_the_export_links_need_no_note_about_the_headers(figures):
    html = page(figures, "nl", ACTIONS)

    assert "kolomkoppen" not in html
