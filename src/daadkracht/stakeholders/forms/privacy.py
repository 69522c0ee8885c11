"""The privacy settings: retention periods and consent texts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.stakeholders.models import Purpose
from daadkracht.stakeholders.services.retention import MAX_MONTHS


class RetentionForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    months = forms.IntegerField(
        label=_("Retention period in months"),
        min_value=1,
        max_value=MAX_MONTHS,
        help_text=_("Counted from the day the lawful basis ended: a mandate, a withdrawal."),
    )


class ConsentTextForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_(
            "What the person agrees to, in plain words: what you send, how often, and that "
            "they can withdraw at any time with one click."
        ),
    )
