"""Evaluation links: signed, single-purpose, one per participant of an evaluated meeting."""

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.meetings.models import EvaluationResponse

# A link works at most this long; the evaluation itself closes well before.
EVALUATION_LINK_MAX_AGE = 120 * 24 * 60 * 60

EVALUATION_LINK = LinkPurpose(
    name="meeting_evaluation",
    model_label="meetings.EvaluationResponse",
    max_age=lambda: EVALUATION_LINK_MAX_AGE,
)


def response_version(response: EvaluationResponse) -> str:
    return response.link_key


def response_token(response: EvaluationResponse) -> str:
    return link_token(
        EVALUATION_LINK,
        municipality_id=response.municipality_id,
        object_id=response.pk,
        version=response_version(response),
    )
