"""Writes of the collaboration diagnosis: rounds, invitations, reminders, closing and answers."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.email import send_templated_email
from daadkracht.diagnosis.models import MaturityAnswer, Respondent, SurveyRound, TieAnswer
from daadkracht.diagnosis.policies import can_manage_diagnosis
from daadkracht.diagnosis.scales import MATURITY_MAX, MATURITY_MIN, THEME_KEYS, Level
from daadkracht.diagnosis.tokens import respondent_token
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce

MIN_DEPARTMENTS = 2
MAX_DEPARTMENTS = 80
COMMENT_LENGTH = 500


@dataclass(frozen=True)
class Representative:
    department: Department
    name: str
    email: str


def _clean_representatives(
    representatives: Sequence[Representative], municipality_id: int
) -> list[Representative]:
    if len(representatives) < MIN_DEPARTMENTS:
        raise ValidationError(
            {"departments": _("Choose at least two departments, so that they can rate each other.")}
        )
    if len(representatives) > MAX_DEPARTMENTS:
        raise ValidationError(
            {
                "departments": _("A round can hold at most %(max)d departments.")
                % {"max": MAX_DEPARTMENTS}
            }
        )
    seen: set[int] = set()
    cleaned: list[Representative] = []
    problems: list[str] = []
    for rep in representatives:
        if rep.department.municipality_id != municipality_id or rep.department.deleted_at:
            raise ValidationError({"departments": _("Choose departments of this municipality.")})
        if rep.department.pk in seen:
            raise ValidationError({"departments": _("Each department has one representative.")})
        seen.add(rep.department.pk)
        name, email = rep.name.strip(), rep.email.strip().lower()
        if not name or len(name) > 120:
            problems.append(
                _("Fill in the name of the representative of %(department)s.")
                % {"department": rep.department.name}
            )
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                _("Fill in a valid e-mail address for %(department)s.")
                % {"department": rep.department.name}
            )
        cleaned.append(Representative(rep.department, name, email))
    if problems:
        raise ValidationError({"departments": problems})
    return cleaned


def _check_dates(opens_on: date, closes_on: date) -> None:
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The round cannot close before it opens.")})


def survey_round_create(
    *,
    actor: Any,
    municipality_id: int,
    name: str,
    opens_on: date,
    closes_on: date,
    representatives: Sequence[Representative],
) -> SurveyRound:
    """A draft round with one representative per chosen department; nothing is sent yet."""
    enforce(can_manage_diagnosis)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the round a name.")})
    _check_dates(opens_on, closes_on)
    cleaned = _clean_representatives(representatives, municipality_id)
    with transaction.atomic():
        survey_round = SurveyRound.objects.create(
            municipality_id=municipality_id,
            name=name,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        survey_round.departments.set([rep.department for rep in cleaned])
        Respondent.objects.bulk_create(
            Respondent(
                municipality_id=municipality_id,
                survey_round=survey_round,
                department=rep.department,
                name=rep.name,
                email=rep.email,
            )
            for rep in cleaned
        )
        audit_record(
            actor=actor, instance=survey_round, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return survey_round


def _send_link(respondent: Respondent, *, reminder: bool) -> None:
    path = reverse("respondent:answer", kwargs={"token": respondent_token(respondent)})
    send_templated_email(
        template="diagnosis/email/survey",
        context={
            "respondent": respondent,
            "survey_round": respondent.survey_round,
            "municipality": respondent.survey_round.municipality,
            "path": path,
            "reminder": reminder,
        },
        to=[respondent.email],
    )


def survey_round_open(*, actor: Any, survey_round: SurveyRound) -> int:
    """Open a draft round and mail each representative their link; the number mailed."""
    enforce(can_manage_diagnosis)
    if survey_round.state != SurveyRound.State.DRAFT:
        raise ValidationError(_("This round has been opened already."))
    now = timezone.now()
    with transaction.atomic():
        before = snapshot(survey_round)
        survey_round.state = SurveyRound.State.OPEN
        survey_round.opened_at = now
        survey_round.save(update_fields=["state", "opened_at", "updated_at"])
        respondents = list(
            Respondent.objects.filter(survey_round=survey_round).select_related(
                "department", "survey_round__municipality"
            )
        )
        for respondent in respondents:
            respondent.invited_at = now
            _send_link(respondent, reminder=False)
        Respondent.objects.bulk_update(respondents, ["invited_at"])
        audit_record(
            actor=actor,
            instance=survey_round,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return len(respondents)


def survey_round_remind(*, actor: Any, survey_round: SurveyRound) -> int:
    """Mail the link again to the representatives who have not answered; the number mailed."""
    enforce(can_manage_diagnosis)
    if survey_round.state != SurveyRound.State.OPEN:
        raise ValidationError(_("Only an open round sends reminders."))
    now = timezone.now()
    with transaction.atomic():
        waiting = list(
            Respondent.objects.filter(
                survey_round=survey_round, answered_at__isnull=True
            ).select_related("department", "survey_round__municipality")
        )
        for respondent in waiting:
            respondent.reminded_at = now
            _send_link(respondent, reminder=True)
        Respondent.objects.bulk_update(waiting, ["reminded_at"])
    return len(waiting)


def survey_round_close(*, actor: Any, survey_round: SurveyRound) -> SurveyRound:
    """Close an open round: the links then show that it is closed and change nothing."""
    enforce(can_manage_diagnosis)
    if survey_round.state != SurveyRound.State.OPEN:
        raise ValidationError(_("Only an open round can be closed."))
    with transaction.atomic():
        before = snapshot(survey_round)
        survey_round.state = SurveyRound.State.CLOSED
        survey_round.closed_at = timezone.now()
        survey_round.save(update_fields=["state", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=survey_round,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return survey_round


def survey_answers_save(
    *,
    respondent: Respondent,
    levels: Mapping[int, int],
    maturity: Mapping[str, tuple[int, str]],
) -> Respondent:
    """Store a respondent's answers, replacing earlier ones; the round must still be open.

    Called through the respondent's signed link, which is the key: no policy applies. `levels`
    maps each other department of the round to a level; `maturity` maps each theme to a score
    and a comment. Every question must be answered.
    """
    survey_round = SurveyRound.objects.get(pk=respondent.survey_round_id)
    if survey_round.state != SurveyRound.State.OPEN:
        raise ValidationError(_("This round is closed; answers can no longer be changed."))
    others = set(
        survey_round.departments.exclude(pk=respondent.department_id).values_list("pk", flat=True)
    )
    if set(levels) != others:
        raise ValidationError(_("Rate the collaboration with every department in the list."))
    if any(level not in Level.values for level in levels.values()):
        raise ValidationError(_("Choose one of the levels 0 to 5."))
    if set(maturity) != set(THEME_KEYS):
        raise ValidationError(_("Answer every statement about your municipality."))
    for score, comment in maturity.values():
        if not MATURITY_MIN <= score <= MATURITY_MAX:
            raise ValidationError(_("Choose a score from 1 to 5."))
        if len(comment) > COMMENT_LENGTH:
            raise ValidationError(
                _("Keep each comment under %(max)d characters.") % {"max": COMMENT_LENGTH}
            )
    with transaction.atomic():
        # Closing waits for a save under way, and a save after closing is refused.
        locked = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
        if locked.state != SurveyRound.State.OPEN:
            raise ValidationError(_("This round is closed; answers can no longer be changed."))
        TieAnswer.objects.filter(respondent=respondent).delete()
        MaturityAnswer.objects.filter(respondent=respondent).delete()
        TieAnswer.objects.bulk_create(
            TieAnswer(
                municipality_id=respondent.municipality_id,
                respondent=respondent,
                other_id=other_id,
                level=level,
            )
            for other_id, level in sorted(levels.items())
        )
        MaturityAnswer.objects.bulk_create(
            MaturityAnswer(
                municipality_id=respondent.municipality_id,
                respondent=respondent,
                theme=theme,
                score=score,
                comment=comment.strip(),
            )
            for theme, (score, comment) in maturity.items()
        )
        respondent.answered_at = timezone.now()
        respondent.save(update_fields=["answered_at", "updated_at"])
    return respondent
