"""The 0-5 score scale, and the form that scores one action on each of the plan's criteria."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.prioritisation.selectors.scores import MAX_SCORE

SCORE_CHOICES = [(str(n), str(n)) for n in range(MAX_SCORE + 1)]


def score_field(label: Any, *, allow_empty_choice: bool = True) -> forms.TypedChoiceField:
    choices = ([("", _("not scored"))] if allow_empty_choice else []) + SCORE_CHOICES
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "scale__input"}),
    )


class ActionScoresForm(forms.Form):
    """A score 0-5 and a short explanation per criterion."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        criteria: Sequence[Criterion],
        stored: Mapping[int, ActionScore],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = score_field(criterion.name)
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Explanation for %(criterion)s") % {"criterion": criterion.name},
                max_length=300,
                required=False,
            )
            if criterion.pk in stored and not self.is_bound:
                self.initial[f"score_{criterion.pk}"] = str(stored[criterion.pk].score)
                self.initial[f"note_{criterion.pk}"] = stored[criterion.pk].note

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"score_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"note_{c.pk}"])
            for c in self.criteria
        }
