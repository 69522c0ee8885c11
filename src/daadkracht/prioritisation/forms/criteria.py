"""The criteria page's forms: every criterion's name and weight at once, and a new criterion."""

from django import forms

from daadkracht.common.forms import RowChoices
from daadkracht.prioritisation.models import Criterion


class CriterionForm(forms.ModelForm[Criterion]):
    class Meta(RowChoices):
        model = Criterion
        fields = ["name", "weight", "description"]
        widgets = {
            "description": forms.TextInput(),
            "weight": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "100"}),
        }

    def validate_unique(self) -> None:
        """Names are checked by the service, across all criteria saved together."""


CriterionFormSet = forms.modelformset_factory(Criterion, form=CriterionForm, extra=0)
