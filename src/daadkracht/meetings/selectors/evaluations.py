"""Reads of a meeting's evaluation: who was asked, who answered, and the answers without names."""

from dataclasses import dataclass, field
from typing import Any

from daadkracht.dashboard.charts import BarChart, bar_chart
from daadkracht.meetings.catalogue import (
    CHOICE_LABELS,
    USEFULNESS,
    USEFULNESS_LABELS,
    AnswerKind,
    EvaluationQuestion,
    evaluation_form,
)
from daadkracht.meetings.models import (
    EvaluationResponse,
    Meeting,
    MeetingAttendee,
    MeetingEvaluation,
)

BAR_COLOUR = "#0b5d3b"


@dataclass(frozen=True)
class Tally:
    value: Any
    label: str
    count: int


@dataclass
class QuestionResult:
    question: EvaluationQuestion
    texts: list[str] = field(default_factory=list)  # open answers, without names
    tallies: list[Tally] = field(default_factory=list)  # choices and scores, with their counts


@dataclass
class EvaluationResults:
    evaluation: MeetingEvaluation
    is_open: bool
    invited: int
    answered: int
    waiting: list[Any]  # the people who have not answered yet
    usefulness: QuestionResult
    average: float | None
    chart: BarChart
    questions: list[QuestionResult]  # every other question, in the form's order


def _result(question: EvaluationQuestion, responses: list[EvaluationResponse]) -> QuestionResult:
    values = [r.answers.get(question.key) for r in responses]
    result = QuestionResult(question)
    if question.kind == AnswerKind.TEXT:
        # Sorted by their text, so that neither the order of sending nor of answering
        # points to who wrote what.
        result.texts = sorted((str(v) for v in values if v), key=str.casefold)
        return result
    labels = USEFULNESS_LABELS if question.kind == AnswerKind.SCALE else CHOICE_LABELS
    result.tallies = [
        Tally(value, str(label), sum(1 for v in values if v == value))
        for value, label in labels.items()
    ]
    return result


def evaluation_results(meeting: Meeting) -> EvaluationResults | None:
    """The results of the meeting's evaluation; None while it has not been sent."""
    evaluation = MeetingEvaluation.objects.filter(meeting=meeting).first()
    if evaluation is None:
        return None
    responses = list(
        EvaluationResponse.objects.filter(evaluation=evaluation)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    answered = [r for r in responses if r.answered_at is not None]
    questions = evaluation_form(meeting.method.key if meeting.method is not None else None)
    usefulness = next(q for q in questions if q.key == USEFULNESS)
    scale = _result(usefulness, answered)
    scores = [t.value * t.count for t in scale.tallies]
    rated = sum(t.count for t in scale.tallies)
    return EvaluationResults(
        evaluation=evaluation,
        is_open=evaluation.is_open(),
        invited=len(responses),
        answered=len(answered),
        waiting=[r.user for r in responses if r.answered_at is None],
        usefulness=scale,
        average=sum(scores) / rated if rated else None,
        chart=bar_chart(
            [(f"{t.value} \N{EN DASH} {t.label}", t.count, BAR_COLOUR) for t in scale.tallies],
            maximum=max(rated, 1),
        ),
        questions=[_result(q, answered) for q in questions if q.key != USEFULNESS],
    )


@dataclass
class EvaluationPanel:
    """What the meeting page shows to whoever manages meetings: the results, and whether the
    evaluation can be sent (or sent again) now."""

    results: EvaluationResults | None
    can_send: bool
    can_close: bool
    eligible: int  # participants who would get it: attended, or attendance unknown
    sendable_from: Any  # when the meeting ends, while it is still to come


def evaluation_panel(meeting: Meeting, attendees: list[MeetingAttendee]) -> EvaluationPanel:
    results = evaluation_results(meeting) if meeting.is_past else None
    is_open = results is not None and results.is_open
    usable = meeting.is_past and not meeting.is_cancelled
    return EvaluationPanel(
        results=results,
        can_send=usable and (results is None or is_open),
        can_close=is_open,
        eligible=sum(1 for a in attendees if a.attended is not False),
        sendable_from=None if meeting.is_past else meeting.ends_at,
    )
