"""URL matrix rows: the collaboration diagnosis and the respondent's signed link."""

from daadkracht.diagnosis.models import SurveyRound
from daadkracht.testing.factories import SurveyRoundFactory
from tests.url_matrix.rows import FORBIDDEN, GONE, NOT_ALLOWED, OK, everyone, tenant


def _survey_round(world) -> dict:
    """An open round of municipality A with its two departments (made once per world)."""
    survey_round = SurveyRound.unscoped.filter(municipality=world.a).first()
    if survey_round is None:
        survey_round = SurveyRoundFactory(
            municipality=world.a,
            name="Nulmeting",
            departments=[world.department_a, world.other_department_a],
        )
    return {"pk": survey_round.pk}


# Coordinators and coaches; the answers are never for other members.
DIAGNOSING = tenant(OK, FORBIDDEN, FORBIDDEN, OK)
DIAGNOSING_POST = tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, NOT_ALLOWED)

EXPECTED = {
    "diagnosis:rounds": DIAGNOSING,
    "diagnosis:round_create": DIAGNOSING,
    "diagnosis:round_detail": DIAGNOSING,
    "diagnosis:round_open": DIAGNOSING_POST,
    "diagnosis:round_remind": DIAGNOSING_POST,
    "diagnosis:round_close": DIAGNOSING,
    "diagnosis:round_results": DIAGNOSING,
    # Public: a link that is not a genuine one is gone for everyone.
    "respondent:answer": everyone(GONE),
}

SAMPLE_KWARGS = {
    "diagnosis:round_detail": _survey_round,
    "diagnosis:round_open": _survey_round,
    "diagnosis:round_remind": _survey_round,
    "diagnosis:round_close": _survey_round,
    "diagnosis:round_results": _survey_round,
    "respondent:answer": lambda w: {"token": "not-a-valid-token"},
}
