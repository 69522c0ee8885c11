"""A municipality with five departments taking part in a diagnosis round."""

import re
from dataclasses import dataclass

import pytest
from django.core import mail

from daadkracht.diagnosis.models import SurveyRound
from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import DepartmentFactory, SurveyRoundFactory

THEMES = {"culture": 3, "structure": 2, "model": 2, "political": 4, "dashboard": 3}


@dataclass
class Diagnosis:
    survey_round: SurveyRound
    departments: dict[str, Department]


@pytest.fixture
def diagnosis(world) -> Diagnosis:
    """An open round of municipality A: Mobiliteit, Groendienst and three more departments."""
    departments = {
        "mobiliteit": world.department_a,
        "groen": world.other_department_a,
        "omgeving": DepartmentFactory(municipality=world.a, name="Omgeving"),
        "patrimonium": DepartmentFactory(municipality=world.a, name="Patrimonium"),
        "financien": DepartmentFactory(municipality=world.a, name="Financiën"),
    }
    survey_round = SurveyRoundFactory(
        municipality=world.a,
        name="Nulmeting 2026",
        departments=list(departments.values()),
    )
    return Diagnosis(survey_round, departments)


def survey_links() -> dict[str, str]:
    """The survey link in each e-mail sent, by recipient."""
    links = {}
    for message in mail.outbox:
        match = re.search(r"http://testserver(/bevraging/\S+/)", message.body)
        assert match, message.body
        links[message.to[0]] = match.group(1)
    return links
