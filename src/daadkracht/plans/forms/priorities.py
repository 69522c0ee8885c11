"""Forms for prioritising: criteria and weights, scoring an action, rounds and joining one."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from daadkracht.plans.models import Action
from daadkracht.plans.selectors.priorities import MAX_SCORE
from daadkracht.prioritisation.models import ActionScore, Criterion
from daadkracht.tenancy.models import Department

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


class CriterionForm(forms.ModelForm[Criterion]):
    class Meta:
        model = Criterion
        fields = ["name", "weight", "description"]
        widgets = {
            "description": forms.TextInput(),
            "weight": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "100"}),
        }

    def validate_unique(self) -> None:
        """Names are checked by the service, across all criteria saved together."""


CriterionFormSet = forms.modelformset_factory(Criterion, form=CriterionForm, extra=0)


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


class ActionSelection:
    FILTER = "filter"
    TICKED = "ticked"


class ScoringRoundForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: Workshop Bridge 3, mobility team, 12 March."),
    )
    criteria = forms.ModelMultipleChoiceField(
        label=_("Criteria to score"),
        queryset=Criterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one criterion.")},
    )
    selection = forms.ChoiceField(
        label=_("Which actions"),
        choices=[
            (ActionSelection.FILTER, _("All actions shown below (the current filter)")),
            (ActionSelection.TICKED, _("Only the actions I tick below")),
        ],
        initial=ActionSelection.TICKED,
        widget=forms.RadioSelect,
    )
    actions = forms.ModelMultipleChoiceField(
        label=_("Actions"),
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        criteria: QuerySet[Criterion],
        actions: QuerySet[Action],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria"].queryset = criteria  # type: ignore[attr-defined]
        self.fields["actions"].queryset = actions  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial["criteria"] = list(criteria)

    def chosen_actions(self) -> list[Action]:
        if self.cleaned_data["selection"] == ActionSelection.FILTER:
            return list(self.fields["actions"].queryset)  # type: ignore[attr-defined]
        return list(self.cleaned_data["actions"])


class JoinForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    department = forms.ModelChoiceField(
        label=_("Your department or organisation"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("— none or another organisation —"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.all()  # type: ignore[attr-defined]
        self.fields["name"].widget.attrs["autocomplete"] = "name"


class EnterCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code shown on the screen"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class RoundActionForm(forms.Form):
    """One participant's scores of one action: a 0-5 scale per criterion of the round."""

    def __init__(
        self,
        *args: Any,
        action: Action,
        criteria: Sequence[Criterion],
        disabled: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", f"a{action.pk}")
        # The labels wrap their radio buttons, so the inputs need no ids; without them a swapped
        # card carries no ids whose attributes htmx would copy over while settling.
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
        self.action = action
        self.criteria = list(criteria)
        for criterion in self.criteria:
            field = score_field(criterion.name, allow_empty_choice=False)
            field.disabled = disabled
            self.fields[f"c{criterion.pk}"] = field

    def rows(self) -> list[tuple[Criterion, forms.BoundField]]:
        return [(c, self[f"c{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}
