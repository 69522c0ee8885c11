"""The participant's evaluation form, built from the questions of the meeting's method."""

from collections.abc import Sequence
from typing import Any

from django import forms

from daadkracht.meetings.catalogue import (
    CHOICE_LABELS,
    USEFULNESS_LABELS,
    AnswerKind,
    EvaluationQuestion,
)
from daadkracht.meetings.services.evaluations import ANSWER_LENGTH


class EvaluationForm(forms.Form):
    def __init__(self, *args: Any, questions: Sequence[EvaluationQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            field: forms.Field
            if question.kind == AnswerKind.TEXT:
                field = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=ANSWER_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            elif question.kind == AnswerKind.SCALE:
                field = forms.TypedChoiceField(
                    label=question.text,
                    coerce=int,
                    choices=[
                        (value, f"{value} \N{EN DASH} {label}")
                        for value, label in USEFULNESS_LABELS.items()
                    ],
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.ChoiceField(
                    label=question.text,
                    choices=list(CHOICE_LABELS.items()),
                    widget=forms.RadioSelect,
                )
            field.help_text = question.help
            self.fields[question.key] = field

    def rows(self) -> list[tuple[EvaluationQuestion, forms.BoundField]]:
        return [(question, self[question.key]) for question in self.questions]

    def answers(self) -> dict[str, Any]:
        return {question.key: self.cleaned_data[question.key] for question in self.questions}
