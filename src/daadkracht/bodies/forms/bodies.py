"""The body form and the query of the bodies list."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.bodies.models import BodyKind, GovernanceBody
from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import IdField, KeyField, QueryForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.plans.models import Theme


class BodyForm(MergeableForm, forms.ModelForm[GovernanceBody]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = GovernanceBody
        fields = ["name", "kind", "mandate", "themes", "meets", "notes"]
        widgets = {
            "mandate": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "name": _("For example: policy group, sounding board, climate workbench Energy."),
            "mandate": _("What the body decides, advises or does, and for whom."),
            "themes": _("The themes of the plan it works on; a climate workbench needs one."),
            "meets": _("For example: twice a year, every quarter."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by("position", "code", "name")  # type: ignore[attr-defined]
        self.fields["themes"].required = False

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in BodyForm.Meta.fields}


class BodyListQuery(QueryForm):
    """`?kind=` a type of body; `?theme=` a theme's id."""

    kind = KeyField(BodyKind.values)
    theme = IdField()
