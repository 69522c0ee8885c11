"""The organisation form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Organisation


class OrganisationForm(MergeableForm, forms.ModelForm[Organisation]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = Organisation
        fields = ["name", "kind", "website", "themes", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "name": _("For example: Fluvius, the port authority, a neighbourhood committee."),
            "themes": _("The themes of the plan the organisation works on or cares about."),
            "notes": _("What they do for the plan; no personal data about people here."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by("position", "code", "name")  # type: ignore[attr-defined]
        self.fields["themes"].required = False

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in ("name", "kind", "website", "notes", "themes")}
