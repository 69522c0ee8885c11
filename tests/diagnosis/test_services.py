"""Running a diagnosis round: creating it, sending the links, reminding, closing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from daadkracht.access.context import member_scope, tenant_scope
from daadkracht.diagnosis.models import Respondent, SurveyRound
from daadkracht.diagnosis.services import (
    Representative,
    survey_answers_save,
    survey_round_close,
    survey_round_create,
    survey_round_open,
    survey_round_remind,
)
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import DepartmentFactory, SurveyRoundFactory, survey_answers_give
from tests.diagnosis.conftest import THEMES, survey_links

TODAY = timezone.localdate()


def _create(world, representatives, **changes):
    values = {
        "actor": world.users["coordinator"],
        "municipality_id": world.a.pk,
        "name": "Nulmeting",
        "opens_on": TODAY,
        "closes_on": TODAY + timedelta(days=14),
        "representatives": representatives,
    }
    values.update(changes)
    return survey_round_create(**values)


def test_a_coordinator_creates_a_draft_round_with_one_representative_per_department(world):
    with world.as_member("coordinator"):
        survey_round = _create(
            world,
            [
                Representative(world.department_a, "An Peeters", "An.Peeters@alfa.test"),
                Representative(world.other_department_a, "Bart Claes", "bart@alfa.test"),
            ],
        )
        respondents = list(Respondent.objects.filter(survey_round=survey_round))
        names = set(survey_round.departments.values_list("name", flat=True))
    assert survey_round.state == SurveyRound.State.DRAFT
    assert {r.email for r in respondents} == {"an.peeters@alfa.test", "bart@alfa.test"}
    assert names == {
        "Mobiliteit",
        "Groendienst",
    }
    assert mail.outbox == []  # nothing is sent before the round is opened


@pytest.mark.parametrize(
    "problem",
    ["one department", "bad e-mail", "closes before it opens", "another municipality", "no name"],
)
def test_a_round_that_cannot_work_is_refused_with_a_reason(world, problem):
    reps = [
        Representative(world.department_a, "An Peeters", "an@alfa.test"),
        Representative(world.other_department_a, "Bart Claes", "bart@alfa.test"),
    ]
    changes = {}
    if problem == "one department":
        reps = reps[:1]
    elif problem == "bad e-mail":
        reps[1] = Representative(world.other_department_a, "Bart", "geen-adres")
    elif problem == "closes before it opens":
        changes["closes_on"] = TODAY - timedelta(days=1)
    elif problem == "another municipality":
        reps[1] = Representative(world.department_b, "Beta", "beta@beta.test")
    else:
        reps[1] = Representative(world.other_department_a, "  ", "bart@alfa.test")
    with world.as_member("coordinator"), pytest.raises(ValidationError) as raised:
        _create(world, reps, **changes)
    assert raised.value.messages
    with world.as_member("coordinator"):
        assert not SurveyRound.objects.exists()


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_only_coordinators_and_coaches_run_a_round(world, role):
    reps = [
        Representative(world.department_a, "An", "an@alfa.test"),
        Representative(world.other_department_a, "Bart", "bart@alfa.test"),
    ]
    with world.as_member(role), pytest.raises(PermissionDenied):
        _create(world, reps)
    with world.as_member("coach"):
        assert _create(world, reps).state == SurveyRound.State.DRAFT


def test_opening_mails_each_representative_their_own_link(
    world, django_capture_on_commit_callbacks
):
    survey_round = SurveyRoundFactory(
        municipality=world.a,
        state=SurveyRound.State.DRAFT,
        departments=[world.department_a, world.other_department_a],
    )
    with world.as_member("coordinator"), django_capture_on_commit_callbacks(execute=True):
        assert survey_round_open(actor=world.users["coordinator"], survey_round=survey_round) == 2
    links = survey_links()
    assert len(links) == 2
    assert len(set(links.values())) == 2
    assert "Mobiliteit" in mail.outbox[0].body or "Mobiliteit" in mail.outbox[1].body
    survey_round.refresh_from_db()
    assert survey_round.state == SurveyRound.State.OPEN
    with world.as_member("coordinator"), pytest.raises(ValidationError):
        survey_round_open(actor=world.users["coordinator"], survey_round=survey_round)


def test_a_reminder_goes_only_to_those_who_have_not_answered(
    world, diagnosis, django_capture_on_commit_callbacks
):
    deps = diagnosis.departments
    survey_answers_give(
        diagnosis.survey_round,
        deps["mobiliteit"],
        {d: 2 for k, d in deps.items() if k != "mobiliteit"},
        THEMES,
    )
    with world.as_member("coordinator"), django_capture_on_commit_callbacks(execute=True):
        sent = survey_round_remind(
            actor=world.users["coordinator"], survey_round=diagnosis.survey_round
        )
    assert sent == 4
    assert len(mail.outbox) == 4
    assert all("Mobiliteit" not in m.body for m in mail.outbox)
    with world.as_member("coordinator"):
        reminded = Respondent.objects.filter(reminded_at__isnull=False)
        assert reminded.count() == 4


def test_a_closed_round_refuses_answers(world, diagnosis):
    deps = diagnosis.departments
    with world.as_member("coordinator"):
        survey_round_close(actor=world.users["coordinator"], survey_round=diagnosis.survey_round)
    with world.as_member("coordinator"):
        respondent = Respondent.objects.get(department=deps["groen"])
    with tenant_scope(world.a), pytest.raises(ValidationError):
        survey_answers_save(
            respondent=respondent,
            levels={d.pk: 1 for k, d in deps.items() if k != "groen"},
            maturity=dict.fromkeys(THEMES, (3, "")),
        )
    with world.as_member("coordinator"):
        respondent.refresh_from_db()
        assert respondent.answered_at is None


def test_another_municipality_never_sees_the_round(world, diagnosis):
    other = DepartmentFactory(municipality=world.b, name="Beta dienst")
    assert other.pk
    membership = Membership.unscoped.select_related("municipality").get(
        user=world.users["other_municipality"]
    )
    with member_scope(membership, actor=world.users["other_municipality"]):
        assert not SurveyRound.objects.exists()
        assert not Respondent.objects.exists()
