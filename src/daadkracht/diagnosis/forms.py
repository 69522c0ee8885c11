"""Forms of the diagnosis: a new round with its representatives, the respondent's answers, and
the query parameters of the results page."""

from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.query import ExportQuery, IdField
from daadkracht.diagnosis.scales import (
    LEVEL_DEFINITIONS,
    MATURITY_LABELS,
    MATURITY_MAX,
    MATURITY_MIN,
    MATURITY_THEMES,
    Level,
)
from daadkracht.diagnosis.services import COMMENT_LENGTH, Representative
from daadkracht.tenancy.models import Department

DEFAULT_DAYS_OPEN = 14


class SurveyRoundForm(forms.Form):
    """The round's name and dates, and per department: take part, and its representative."""

    name = forms.CharField(label=_("Name"), max_length=120)
    opens_on = forms.DateField(
        label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    closes_on = forms.DateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, data: Any = None, *, departments: Sequence[Department]) -> None:
        today = timezone.localdate()
        super().__init__(
            data,
            initial={
                "opens_on": today,
                "closes_on": today + timedelta(days=DEFAULT_DAYS_OPEN),
                **self._contacts(departments),
            },
        )
        self.departments = list(departments)
        for department in self.departments:
            self.fields[f"take_{department.pk}"] = forms.BooleanField(
                label=department.name, required=False
            )
            self.fields[f"name_{department.pk}"] = forms.CharField(
                label=_("Representative of %(department)s") % {"department": department.name},
                max_length=120,
                required=False,
            )
            self.fields[f"email_{department.pk}"] = forms.EmailField(
                label=_("E-mail address of %(department)s") % {"department": department.name},
                required=False,
            )

    @staticmethod
    def _contacts(departments: Iterable[Department]) -> dict[str, Any]:
        """The climate contact person of each department, if it has one, filled in already."""
        initial: dict[str, Any] = {}
        for department in departments:
            contact = department.climate_contact
            if contact is not None:
                initial[f"take_{department.pk}"] = True
                initial[f"name_{department.pk}"] = contact.full_name or contact.email
                initial[f"email_{department.pk}"] = contact.email
        return initial

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "department": d,
                "take": self[f"take_{d.pk}"],
                "name": self[f"name_{d.pk}"],
                "email": self[f"email_{d.pk}"],
            }
            for d in self.departments
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for department in self.departments:
            if not cleaned.get(f"take_{department.pk}"):
                continue
            if not (cleaned.get(f"name_{department.pk}") or "").strip():
                self.add_error(f"name_{department.pk}", _("Fill in the representative's name."))
            if not cleaned.get(f"email_{department.pk}"):
                self.add_error(f"email_{department.pk}", _("Fill in an e-mail address."))
        return cleaned

    def representatives(self) -> list[Representative]:
        data = self.cleaned_data
        return [
            Representative(d, data[f"name_{d.pk}"], data[f"email_{d.pk}"])
            for d in self.departments
            if data.get(f"take_{d.pk}")
        ]


LEVEL_CHOICES = [(level.value, f"{level.value} {level.label}") for level in Level]
SCORE_CHOICES = [(s, f"{s} {MATURITY_LABELS[s]}") for s in range(MATURITY_MIN, MATURITY_MAX + 1)]


class AnswerForm(forms.Form):
    """A level per other department, then a score and a comment per maturity theme."""

    def __init__(
        self,
        data: Any = None,
        *,
        others: Sequence[Department],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.others = list(others)
        for department in self.others:
            self.fields[f"level_{department.pk}"] = forms.TypedChoiceField(
                label=department.name,
                choices=LEVEL_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a level for this department.")},
            )
        for theme in MATURITY_THEMES:
            self.fields[f"score_{theme.key}"] = forms.TypedChoiceField(
                label=theme.question,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score for this statement.")},
            )
            self.fields[f"comment_{theme.key}"] = forms.CharField(
                label=_("Comment (optional)"),
                max_length=COMMENT_LENGTH,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def level_rows(self) -> list[forms.BoundField]:
        return [self[f"level_{d.pk}"] for d in self.others]

    def theme_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "theme": theme,
                "score": self[f"score_{theme.key}"],
                "comment": self[f"comment_{theme.key}"],
            }
            for theme in MATURITY_THEMES
        ]

    def levels(self) -> dict[int, int]:
        return {d.pk: self.cleaned_data[f"level_{d.pk}"] for d in self.others}

    def maturity(self) -> dict[str, tuple[int, str]]:
        return {
            theme.key: (
                self.cleaned_data[f"score_{theme.key}"],
                self.cleaned_data[f"comment_{theme.key}"],
            )
            for theme in MATURITY_THEMES
        }


LEVEL_GUIDE = [
    {"level": level.value, "label": level.label, "definition": LEVEL_DEFINITIONS[level]}
    for level in Level
]


class ResultsQuery(ExportQuery):
    """`?vergelijk=<round>`: compare with another round; `?export=xlsx`: download."""

    vergelijk = IdField()
