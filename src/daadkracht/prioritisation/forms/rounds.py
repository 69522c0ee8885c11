"""Opening a scoring round: its title, the criteria to score, and which actions."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from daadkracht.common.row_fields import RowsChoiceField
from daadkracht.plans.models import Action
from daadkracht.prioritisation.models import Criterion


class ActionSelection:
    FILTER = "filter"
    TICKED = "ticked"


class ScoringRoundForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: Workshop Bridge 3, mobility team, 12 March."),
    )
    criteria = RowsChoiceField(
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
    actions = RowsChoiceField(
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
