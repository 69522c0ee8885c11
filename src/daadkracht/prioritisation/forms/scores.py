"""The 0-5 score scale, and the form that scores one action on each of the plan's criteria."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.plans.models import Action
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.prioritisation.selectors.scores import MAX_SCORE, scores_fingerprint

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


def stored_scores(action: Action) -> dict[int, ActionScore]:
    """The action's scores by criterion id."""
    return {s.criterion_id: s for s in ActionScore.objects.filter(action=action)}


class ActionScoresForm(MergeableForm, forms.Form):
    """A score 0-5 and a short explanation per criterion.

    Someone else's scores saved in the meantime show in a fingerprint of the action's scores."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    version_field = "fingerprint"

    def __init__(
        self,
        *args: Any,
        action: Action,
        criteria: Sequence[Criterion],
        stored: Mapping[int, ActionScore],
        **kwargs: Any,
    ) -> None:
        self.action = action
        self.criteria = list(criteria)
        self.stored = stored
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = score_field(criterion.name)
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Explanation for %(criterion)s") % {"criterion": criterion.name},
                max_length=300,
                required=False,
            )
            if criterion.pk in self.stored and not self.is_bound:
                self.initial[f"score_{criterion.pk}"] = str(self.stored[criterion.pk].score)
                self.initial[f"note_{criterion.pk}"] = self.stored[criterion.pk].note

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"score_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]

    def merge_object(self) -> Action:
        return self.action

    def merge_basis(self, obj: Any) -> str:
        return scores_fingerprint(obj)

    def stored_values(self, obj: Any) -> dict[str, Any]:
        stored = stored_scores(obj)
        values: dict[str, Any] = {}
        for criterion in self.criteria:
            score = stored.get(criterion.pk)
            values[f"score_{criterion.pk}"] = score.score if score else None
            values[f"note_{criterion.pk}"] = score.note if score else ""
        return values

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"note_{c.pk}"])
            for c in self.criteria
        }
