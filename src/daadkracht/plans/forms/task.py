"""The form for a task or milestone of an action."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.plans.forms.action import date_input
from daadkracht.plans.models import Task
from daadkracht.tenancy.forms import VersionField
from daadkracht.tenancy.selectors import member_users


class TaskForm(MergeableForm, forms.ModelForm[Task]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Task
        fields = ["title", "owner", "due_date", "is_milestone"]
        widgets = {"due_date": date_input()}
        help_texts = {"is_milestone": _("A milestone marks a moment, such as a council decision.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
