"""Survey links: signed, single-purpose, and made anew (the old one stops) with a new link key."""

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.diagnosis.models import Respondent

# A link works at most this long; a closed round refuses answers well before.
SURVEY_LINK_MAX_AGE = 180 * 24 * 60 * 60

SURVEY_LINK = LinkPurpose(
    name="diagnosis_survey",
    model_label="diagnosis.Respondent",
    max_age=lambda: SURVEY_LINK_MAX_AGE,
)


def respondent_version(respondent: Respondent) -> str:
    return respondent.link_key


def respondent_token(respondent: Respondent) -> str:
    return link_token(
        SURVEY_LINK,
        municipality_id=respondent.municipality_id,
        object_id=respondent.pk,
        version=respondent_version(respondent),
    )
