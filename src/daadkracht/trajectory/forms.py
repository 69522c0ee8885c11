"""Forms of the trajectory: starting it, the intake agreements, a phase and a checklist item."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.dates import validate_plausible_date
from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.meetings.models import Method
from daadkracht.plans.forms.action import date_input
from daadkracht.tenancy.forms import VersionField
from daadkracht.tenancy.selectors import member_users
from daadkracht.trajectory.models import (
    ChecklistItem,
    ChosenMethod,
    Phase,
    PlanOfApproach,
    Trajectory,
)


class StartForm(forms.Form):
    started_on = forms.DateField(
        label=_("Start date"),
        widget=date_input(),
        validators=[validate_plausible_date],
        help_text=_("The phases are planned from this date; you can move each one afterwards."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("started_on", timezone.localdate())


class VersionedModelForm(MergeableForm):
    """Keeps the object's version in the form, for the service's check."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance  # type: ignore[attr-defined]
        if instance.pk and not self.is_bound:
            self.initial["version"] = instance.version

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}  # type: ignore[attr-defined]


class AgreementsForm(VersionedModelForm, forms.ModelForm[Trajectory]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Trajectory
        fields = ["course", "timing", "task_division", "contact_person", "alderman"]
        widgets = {
            "course": forms.Textarea(attrs={"rows": 3}),
            "timing": forms.Textarea(attrs={"rows": 2}),
            "task_division": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_person"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]


class PhaseForm(VersionedModelForm, forms.ModelForm[Phase]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Phase
        fields = ["state", "planned_start", "planned_end", "owner", "notes"]
        widgets = {
            "planned_start": date_input(),
            "planned_end": date_input(),
            "state": forms.RadioSelect,
            "owner": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 5}),
        }


class ChecklistItemForm(VersionedModelForm, forms.ModelForm[ChecklistItem]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = ChecklistItem
        fields = ["text", "owner", "due_date"]
        widgets = {"due_date": date_input()}


class PlanForm(VersionedModelForm, forms.ModelForm[PlanOfApproach]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = PlanOfApproach
        fields = ["introduction", "aim", "coach_responsibilities", "status", "approved_on"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "aim": forms.Textarea(attrs={"rows": 3}),
            "coach_responsibilities": forms.Textarea(attrs={"rows": 5}),
            "status": forms.RadioSelect,
            "approved_on": date_input(),
        }


class ChosenMethodForm(VersionedModelForm, forms.ModelForm[ChosenMethod]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = ChosenMethod
        fields = ["method", "title", "reason", "finding", "period", "lead"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "finding": forms.Textarea(attrs={"rows": 2}),
            "lead": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = Method.objects.all()  # type: ignore[attr-defined]
        self.fields["reason"].required = True
