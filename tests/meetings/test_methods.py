"""The methods catalogue: every municipality reads the same methods, in its own language."""

from http import HTTPStatus

import pytest
from django.utils import translation

from daadkracht.meetings.catalogue import METHODS
from daadkracht.meetings.models import Method
from tests.meetings.conftest import url

pytestmark = pytest.mark.django_db


def test_the_migration_seeds_the_four_methods_in_order():
    assert list(Method.objects.values_list("key", flat=True)) == [
        "workshop",
        "kick-off-day",
        "lunch-talk",
        "climate-team",
    ]


def test_the_workshop_has_the_four_themes_as_agenda_templates_the_last_the_dashboard():
    with translation.override("nl"):
        titles = [str(a.title) for a in METHODS["workshop"].agendas]
        dashboard_items = " ".join(str(i) for i in METHODS["workshop"].agendas[-1].items)

    assert len(titles) == 4
    assert titles[-1] == "Het dashboard voor klimaatacties"
    for part in ("Monitoring", "Prioriteren", "Bijsturen"):
        assert part in dashboard_items


@pytest.mark.parametrize("who", ["coordinator", "editor", "viewer", "coach"])
def test_every_member_reads_the_catalogue_in_dutch(world, who):
    page = world.client_for(who).get(url("meetings:catalogue", world)).content.decode()

    for name in ("Workshop", "Doorstartdag", "Lunchgesprek", "Klimaatteam"):
        assert name in page


def test_a_method_page_reads_as_a_guide(world):
    response = world.client_for("viewer").get(url("meetings:method", world, key="lunch-talk"))
    page = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    for heading in ("Doel", "Wanneer inzetten", "Wie neemt deel", "voorbereiding", "Materiaal"):
        assert heading in page
    assert "win-win" in page
    # Viewers read the guide but cannot plan from it.
    assert "?method=lunch-talk" not in page


def test_a_coordinator_plans_a_meeting_from_an_agenda_template(world):
    page = world.client_for("coordinator").get(url("meetings:method", world, key="workshop"))
    assert "?method=workshop&amp;agenda=actions-dashboard" in page.content.decode()

    form = world.client_for("coordinator").get(
        url("meetings:create", world) + "?method=workshop&agenda=actions-dashboard"
    )
    agenda = form.context["form"].initial["agenda"]
    assert agenda.startswith("1. ")
    assert "Prioriteren" in agenda


def test_an_unknown_method_is_not_found(world):
    response = world.client_for("coordinator").get(url("meetings:method", world, key="geheim"))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_catalogue_reads_in_french_too(world):
    with translation.override("fr"):
        assert str(METHODS["kick-off-day"].name) != "Kick-off day"
