"""axe-core (WCAG 2.1 A and AA rules) finds nothing on the pages of the collaboration trajectory,
read on the demo as the coordinator and as the coach, nor on the pages a respondent opens
through a link."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page

from daadkracht.access.context import platform_scope
from daadkracht.accounts.models import User
from daadkracht.diagnosis.models import Respondent, SurveyRound
from daadkracht.diagnosis.tokens import respondent_token
from daadkracht.meetings.models import ClimateTeam, EvaluationResponse, Meeting
from daadkracht.meetings.tokens import response_token

pytestmark = pytest.mark.e2e

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def _violations(page: Page, path: str) -> list[str]:
    page.goto(path)
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{path}: {violation['id']} — {violation['help']} "
        f"({', '.join(node['target'][0] for node in violation['nodes'][:3])})"
        for violation in results.response["violations"]
    ]


@pytest.fixture
def demo(method_catalogue) -> dict[str, int]:
    call_command("demo", stdout=StringIO())
    with platform_scope():
        rounds = SurveyRound.objects.filter(municipality__slug="brugge-demo").order_by("opens_on")
        meetings = Meeting.objects.filter(municipality__slug="brugge-demo")
        return {
            "round": rounds.last().pk,
            "first_round": rounds.first().pk,
            "held": meetings.filter(title__startswith="Doorstartdag").get().pk,
            "team": ClimateTeam.objects.filter(municipality__slug="brugge-demo").first().pk,
        }


def test_the_trajectory_pages_have_no_violations(page: Page, log_in, demo):
    log_in(User.objects.get(email="coordinator@brugge.demo"))
    base = "/brugge-demo"
    paths = [
        f"{base}/traject/",
        f"{base}/traject/samenwerkingsmodel/",
        f"{base}/traject/plan-van-aanpak/",
        f"{base}/samenwerking/",
        f"{base}/samenwerking/rondes/{demo['round']}/",
        f"{base}/samenwerking/rondes/{demo['round']}/resultaten/?vergelijk={demo['first_round']}",
        f"{base}/overleg/",
        f"{base}/overleg/{demo['held']}/",
        f"{base}/overleg/methodieken/",
        f"{base}/overleg/klimaatteams/{demo['team']}/",
        f"{base}/werkafspraken/",
        f"{base}/",
    ]
    found = [problem for path in paths for problem in _violations(page, path)]
    assert found == []


def test_the_coach_and_the_respondents_pages_have_no_violations(page: Page, log_in, context, demo):
    with platform_scope():
        respondent = Respondent.objects.filter(survey_round_id=demo["round"]).first()
        response = EvaluationResponse.objects.filter(evaluation__meeting_id=demo["held"]).first()
        links = [
            f"/bevraging/{respondent_token(respondent)}/",
            f"/evaluatie/{response_token(response)}/",
        ]
    found = [problem for path in links for problem in _violations(page, path)]
    log_in(User.objects.get(email="coach@ecolife.demo"))
    found += _violations(page, "/coach/")
    assert found == []


def test_the_check_finds_what_it_looks_for(page: Page):
    """The same check on a page with a missing text alternative and an unlabelled field."""
    page.set_content('<html lang="nl"><body><img src="a.png"><input type="text"></body></html>')
    results = Axe().run(page, options=WCAG_21_AA)
    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "label"} <= found
