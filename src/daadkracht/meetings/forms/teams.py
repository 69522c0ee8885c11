"""The climate team form and the form that adds a member."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoiceField, RowChoices
from daadkracht.meetings.models import ClimateTeam, ClimateTeamMember
from daadkracht.plans.models import Theme
from daadkracht.tenancy.selectors import member_users

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClimateTeamForm(MergeableForm, forms.ModelForm[ClimateTeam]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = ClimateTeam
        fields = ["name", "theme", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "name": _("For example: Climate team buildings."),
            "description": _("Who chairs, how often the team meets and whom it reports to."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("code", "name")  # type: ignore[attr-defined]


class TeamMemberForm(forms.ModelForm[ClimateTeamMember]):
    user = RowChoiceField(label=_("Person"), queryset=member_users())

    class Meta(RowChoices):
        model = ClimateTeamMember
        fields = ["user", "role", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
