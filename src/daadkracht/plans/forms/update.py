"""Forms for a status update: the full one on the action page, the quick one in the action list."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.dates import validate_plausible_date
from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoiceField
from daadkracht.plans.forms.action import date_input
from daadkracht.plans.models import Action, ActionStatus, Plan, UpdateKind


class StatusUpdateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=UpdateKind.choices,
        initial=UpdateKind.UPDATE,
        widget=forms.RadioSelect,
    )
    date = forms.DateField(
        label=_("Date"), widget=date_input(), validators=[validate_plausible_date]
    )
    text = forms.CharField(
        label=_("What happened or was decided"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    new_status = RowChoiceField(
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
        validators=[validate_plausible_date],
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


class QuickUpdateForm(MergeableForm, forms.Form):
    """A short status update: status, progress, deadline and a line of text."""

    # The text is new in every update; the other fields show and change the action's own.
    merge_exclude = frozenset({"text"})

    version = forms.IntegerField(widget=forms.HiddenInput)
    new_status = RowChoiceField(
        label=_("Status"), queryset=ActionStatus.objects.none(), empty_label=None
    )
    new_progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": 5}),
    )
    new_deadline = forms.DateField(
        validators=[validate_plausible_date],
        label=_("Deadline"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    text = forms.CharField(
        label=_("What happened?"),
        max_length=1000,
        help_text=_("One or two sentences; they appear in the action's timeline."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, action: Action, inline: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"quick-{action.pk}-%s")
        self.action = action
        super().__init__(*args, **kwargs)
        status_field = self.fields["new_status"]
        assert isinstance(status_field, forms.ModelChoiceField)
        status_field.queryset = ActionStatus.objects.filter(plan_id=action.plan_id)
        if inline and not self.is_bound:
            # Opened in a row of the list: start at its first field. A form that comes back
            # with errors leaves the focus to them instead.
            status_field.widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial.update(
                {
                    "version": action.version,
                    "new_status": action.status_id,
                    "new_progress": action.progress,
                    "new_deadline": action.deadline,
                }
            )

    def merge_object(self) -> Action:
        return self.action

    def stored_values(self, obj: Any) -> dict[str, Any]:
        return {
            "new_status": obj.status_id,
            "new_progress": obj.progress,
            "new_deadline": obj.deadline,
        }


class BoardMoveForm(forms.Form):
    """A card moved on the board: the status of the column it goes to."""

    status = RowChoiceField(queryset=ActionStatus.objects.none())

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status_field = self.fields["status"]
        assert isinstance(status_field, RowChoiceField)
        status_field.queryset = ActionStatus.objects.filter(plan_id=action.plan_id)
