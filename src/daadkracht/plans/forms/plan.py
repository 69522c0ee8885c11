"""Forms of the plan's settings: the plan itself, its themes and its statuses."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.plans.models import ActionStatus, Plan, Theme
from daadkracht.plans.services.plan import PLAN_FIELDS
from daadkracht.tenancy.forms import VersionField


def colour_input() -> forms.TextInput:
    return forms.TextInput(attrs={"type": "color"})


class PlanForm(MergeableForm, forms.ModelForm[Plan]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Plan
        fields = PLAN_FIELDS  # what the plan service may change
        help_texts = {
            "baseline_emissions": _(
                "The CO2 emissions of the municipality in the baseline year, from its CO2"
                " inventory; the target and the CO2 gap are counted from them."
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def validate_unique(self) -> None:
        """One plan per municipality: the view offers creating only when there is none."""

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ThemeForm(MergeableForm, forms.ModelForm[Theme]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Theme
        fields = ["parent", "code", "name", "description", "colour"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "colour": colour_input()}
        help_texts = {
            "parent": _("Leave empty for a main theme (a Bridge); choose one for a sub-theme."),
            "code": _("A short code shown before the name, for example B3."),
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Theme.objects.filter(plan=plan, parent=None)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].empty_label = _("— none: a main theme —")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class StatusForm(forms.ModelForm[ActionStatus]):
    class Meta(RowChoices):
        model = ActionStatus
        fields = ["name", "category", "colour"]
        widgets = {"colour": colour_input()}
        help_texts = {
            "category": _(
                "What the status means for monitoring: the dashboard counts late, open and "
                "finished actions by this meaning, whatever the name. “Unknown” is for actions "
                "whose state the source does not give: they count in no progress figure."
            )
        }

    def validate_unique(self) -> None:
        """Name uniqueness in the plan is checked by the service."""

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
