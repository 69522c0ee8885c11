"""The public sign-up and leave forms, the coordinator's page text and the member list's filter."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from daadkracht.access import form_guard
from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import IdField, QueryForm
from daadkracht.common.row_fields import RowsChoiceField
from daadkracht.network.models import NetworkPage
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Language

NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
MARKUP = ("<", ">")


def plain_text(value: str) -> None:
    """Names are plain text: no markup, no control characters."""
    if any(mark in value for mark in MARKUP) or not value.isprintable():
        raise ValidationError(_("Use plain text, without the characters < and >."))


class GuardedForm(forms.Form):
    """A public form with a honeypot (`website`, hidden from people) and the signed moment it
    was shown (`shown`)."""

    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    shown = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # An unbound form carries the moment it is shown; a form shown again after an error
        # keeps the moment it was first shown.
        self.initial["shown"] = form_guard.shown_stamp()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            raise ValidationError(
                _("This form could not be sent. Leave the last field empty and try again.")
            )
        try:
            form_guard.check_stamp(str(self.data.get(self.add_prefix("shown"), "")))
        except form_guard.TooFast:
            raise ValidationError(
                _("That was very fast. Check your answers and send the form again.")
            ) from None
        except form_guard.Expired:
            raise ValidationError(
                _("This form was open too long. Check your answers and send it again.")
            ) from None
        return data


class SignUpForm(GuardedForm):
    full_name = forms.CharField(
        label=_("Your name"), max_length=NAME_MAX_LENGTH, validators=[plain_text]
    )
    email = forms.EmailField(label=_("Your e-mail address"), max_length=EMAIL_MAX_LENGTH)
    organisation_name = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        validators=[plain_text],
        help_text=_("The association, school or business you join for, if any."),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"), choices=Language.choices, initial=Language.NL
    )
    themes = RowsChoiceField(
        label=_("Themes that interest you"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The version of the consent text the form showed.
    text_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )
    consent = forms.BooleanField(
        label=_("I agree to the text above."),
        error_messages={"required": _("Tick the box to agree: without it you cannot join.")},
    )

    field_order = ["full_name", "email", "organisation_name", "language", "themes", "consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by(  # type: ignore[attr-defined]
            "position", "code", "name"
        )
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"

    def clean_full_name(self) -> str:
        return str(self.cleaned_data["full_name"]).strip()

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip()


class LeaveForm(GuardedForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=EMAIL_MAX_LENGTH)

    field_order = ["email"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class IntroForm(MergeableForm, forms.ModelForm[NetworkPage]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NetworkPage
        fields = ["intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "intro": _("Shown above the sign-up form: who the network is for and what members do.")
        }


class MemberListQuery(QueryForm):
    """`?theme=` a theme's id."""

    theme = IdField()
