"""The form that adds a partner to an action."""

from typing import Any

from django import forms

from daadkracht.common.row_fields import RowChoices
from daadkracht.partners.models import ActionPartner
from daadkracht.stakeholders.models import Organisation


class PartnerForm(forms.ModelForm[ActionPartner]):
    class Meta(RowChoices):
        model = ActionPartner
        fields = ["organisation", "role", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name", "pk")  # type: ignore[attr-defined]

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PartnerForm.Meta.fields}
