"""The contact person form and the forms on a person's page: a lawful basis and a consent."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoiceField, RowChoices
from daadkracht.stakeholders.models import (
    ConsentChannel,
    ConsentText,
    Contact,
    Organisation,
    ProcessingBasis,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ContactForm(MergeableForm, forms.ModelForm[Contact]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = Contact
        fields = ["full_name", "organisation", "function", "email", "phone", "language", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "notes": _("Only what the work needs: no opinions, health or other sensitive data."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["organisation"].queryset = Organisation.objects.order_by("name", "pk")  # type: ignore[attr-defined]

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ContactForm.Meta.fields}


class BasisForm(forms.ModelForm[ProcessingBasis]):
    class Meta(RowChoices):
        model = ProcessingBasis
        fields = ["purpose", "basis", "since", "until", "note"]
        widgets = {"since": DATE_WIDGET, "until": DATE_WIDGET}
        help_texts = {
            "basis": _(
                "Public task for members of governance bodies; consent for the open network "
                "and newsletters."
            ),
            "until": _(
                "When the mandate or the cooperation ended; the retention period runs from then."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("since", timezone.localdate())
        super().__init__(*args, **kwargs)

    def validate_unique(self) -> None:
        # The service changes the basis recorded for the purpose instead.
        return


class ConsentForm(forms.Form):
    consent_text = RowChoiceField(
        label=_("Text shown"),
        queryset=ConsentText.objects.none(),
        help_text=_("The version of the consent text the person was shown."),
    )
    given_at = forms.DateTimeField(
        label=_("Given"), widget=DATETIME_WIDGET, input_formats=["%Y-%m-%dT%H:%M"]
    )
    given_how = forms.ChoiceField(label=_("Given how"), choices=ConsentChannel.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "given_at", timezone.localtime().replace(second=0, microsecond=0)
        )
        super().__init__(*args, **kwargs)
        field = self.fields["consent_text"]
        field.queryset = ConsentText.objects.order_by("purpose", "-version")  # type: ignore[attr-defined]
        field.label_from_instance = lambda text: (  # type: ignore[attr-defined]
            f"{text.get_purpose_display()} — v{text.version}"
        )
