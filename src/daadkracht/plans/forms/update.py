"""The form for posting a status update or decision on an action's timeline."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.plans.forms.action import date_input
from daadkracht.plans.models import ActionStatus, Plan, UpdateKind


class StatusUpdateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=UpdateKind.choices,
        initial=UpdateKind.UPDATE,
        widget=forms.RadioSelect,
    )
    date = forms.DateField(label=_("Date"), widget=date_input())
    text = forms.CharField(
        label=_("What happened or was decided"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    new_status = forms.ModelChoiceField(
        label=_("New status"),
        queryset=ActionStatus.objects.none(),
        required=False,
        empty_label=_("— unchanged —"),
    )
    new_progress = forms.IntegerField(
        label=_("New progress (%)"),
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        help_text=_("Leave empty to keep the progress as it is."),
    )
    new_deadline = forms.DateField(
        label=_("New deadline"),
        required=False,
        widget=date_input(),
        help_text=_("Leave empty to keep the deadline."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_status"].queryset = ActionStatus.objects.filter(plan=plan)  # type: ignore[attr-defined]
        self.fields["date"].initial = timezone.localdate

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "on_date": data["date"],
            "text": data["text"],
            "new_status": data["new_status"],
            "new_progress": data["new_progress"],
            "new_deadline": data["new_deadline"],
        }
