"""Sending a meeting's evaluation to its participants, reminding, closing, and their answers."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.email import send_templated_email
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.meetings.catalogue import (
    CHOICE_LABELS,
    USEFULNESS_LABELS,
    AnswerKind,
    evaluation_form,
)
from daadkracht.meetings.models import (
    EvaluationResponse,
    Meeting,
    MeetingAttendee,
    MeetingEvaluation,
)
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.meetings.tokens import response_token
from daadkracht.tenancy.policies import enforce

# An evaluation closes by itself this long after the meeting; one sent late stays open at
# least a week, so that the participants have time to answer.
EVALUATION_OPEN_DAYS = 30
EVALUATION_MIN_OPEN_DAYS = 7
ANSWER_LENGTH = 1000


def evaluation_invitees(meeting: Meeting) -> list[MeetingAttendee]:
    """The participants who get the evaluation: those who attended and those whose attendance
    was not recorded; not those marked absent."""
    return list(
        MeetingAttendee.objects.filter(meeting=meeting)
        .filter(Q(attended=True) | Q(attended__isnull=True))
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def _send_link(
    response: EvaluationResponse,
    evaluation: MeetingEvaluation,
    meeting: Meeting,
    *,
    reminder: bool,
) -> None:
    email = getattr(response.user, "email", "")
    if not email:
        return
    path = reverse("evaluation:answer", kwargs={"token": response_token(response)})
    send_templated_email(
        template="meetings/email/evaluation",
        context={
            "person": response.user,
            "meeting": meeting,
            "evaluation": evaluation,
            "municipality": meeting.municipality,
            "path": path,
            "reminder": reminder,
        },
        to=[email],
        language=getattr(response.user, "language", "") or None,
    )


def meeting_evaluation_send(*, actor: Any, meeting: Meeting) -> int:
    """Mail the evaluation to the participants once the meeting is over; the number mailed.

    The first time, every participant who attended (or whose attendance is unknown) gets their
    own link. Sent again while it is open, it goes to those who have not answered yet: the
    ones who got it before are reminded, participants added since get it for the first time.
    """
    enforce(can_manage_meetings)
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting is not evaluated."))
    if not meeting.is_past:
        raise ValidationError(_("The evaluation can be sent once the meeting is over."))
    now = timezone.now()
    with transaction.atomic():
        # Two managers pressing at once make one evaluation, not two.
        locked = (
            Meeting.objects.select_for_update(of=("self",))
            .select_related("municipality")
            .get(pk=meeting.pk)
        )
        evaluation = MeetingEvaluation.objects.filter(meeting=locked).first()
        first = evaluation is None
        if evaluation is None:
            evaluation = MeetingEvaluation.objects.create(
                meeting=locked,
                sent_at=now,
                sent_by=actor if getattr(actor, "is_authenticated", False) else None,
                closes_at=max(
                    locked.ends_at + timedelta(days=EVALUATION_OPEN_DAYS),
                    now + timedelta(days=EVALUATION_MIN_OPEN_DAYS),
                ),
            )
            audit_record(
                actor=actor,
                instance=evaluation,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
        elif not evaluation.is_open(now):
            raise ValidationError(_("This evaluation is closed; it can no longer be sent."))
        existing = {
            r.user_id: r
            for r in EvaluationResponse.objects.filter(evaluation=evaluation).select_related("user")
        }
        new = [
            EvaluationResponse(evaluation=evaluation, user=a.user)
            for a in evaluation_invitees(locked)
            if a.user_id not in existing
        ]
        EvaluationResponse.objects.bulk_create(new)
        waiting = [r for r in existing.values() if r.answered_at is None]
        for response in new:
            _send_link(response, evaluation, locked, reminder=False)
        for response in waiting:
            _send_link(response, evaluation, locked, reminder=True)
        if not first and waiting:
            before = snapshot(evaluation)
            evaluation.reminded_at = now
            evaluation.save(update_fields=["reminded_at", "updated_at"])
            audit_record(
                actor=actor,
                instance=evaluation,
                action=AuditAction.UPDATED,
                source=ChangeSource.FORM,
                before=before,
            )
    return len(new) + len(waiting)


def meeting_evaluation_close(*, actor: Any, evaluation: MeetingEvaluation) -> MeetingEvaluation:
    """Close an open evaluation: the links then say so and change nothing."""
    enforce(can_manage_meetings)
    with transaction.atomic():
        locked = MeetingEvaluation.objects.select_for_update().get(pk=evaluation.pk)
        if not locked.is_open():
            raise ValidationError(_("This evaluation is closed already."))
        before = snapshot(locked)
        locked.closed_at = timezone.now()
        locked.save(update_fields=["closed_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return locked


def _clean_answers(method_key: str | None, answers: Mapping[str, Any]) -> dict[str, Any]:
    questions = evaluation_form(method_key)
    unknown = set(answers) - {q.key for q in questions}
    if unknown:
        raise ValidationError(_("Answer the questions of this evaluation only."))
    cleaned: dict[str, Any] = {}
    for question in questions:
        value = answers.get(question.key)
        if question.kind == AnswerKind.TEXT:
            text = str(value or "").strip()
            if len(text) > ANSWER_LENGTH:
                raise ValidationError(
                    {
                        question.key: _("Keep each answer under %(max)d characters.")
                        % {"max": ANSWER_LENGTH}
                    }
                )
            cleaned[question.key] = text
        elif question.kind == AnswerKind.SCALE:
            if value not in USEFULNESS_LABELS:
                raise ValidationError({question.key: _("Choose a score from 1 to 5.")})
            cleaned[question.key] = value
        else:
            if value not in CHOICE_LABELS:
                raise ValidationError({question.key: _("Choose yes, partly or no.")})
            cleaned[question.key] = value
    return cleaned


def evaluation_answer_save(
    *, response: EvaluationResponse, answers: Mapping[str, Any]
) -> EvaluationResponse:
    """Store a participant's answers, replacing earlier ones, while the evaluation is open.

    Called through the participant's signed link, which is the key: no policy applies. The
    answers are not written to the history, which every coordinator reads: the results show
    them without names.
    """
    evaluation = MeetingEvaluation.objects.select_related("meeting__method").get(
        pk=response.evaluation_id
    )
    method = evaluation.meeting.method
    cleaned = _clean_answers(method.key if method is not None else None, answers)
    with transaction.atomic():
        # Closing waits for a save under way, and a save after closing is refused.
        locked = MeetingEvaluation.objects.select_for_update().get(pk=evaluation.pk)
        if not locked.is_open():
            raise ValidationError(_("This evaluation is closed; answers can no longer be changed."))
        response.answers = cleaned
        response.answered_at = timezone.now()
        response.save(update_fields=["answers", "answered_at", "updated_at"])
    return response
