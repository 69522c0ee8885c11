"""The public registration form, with its defences against bots: a field people leave empty
(hidden from them) and the signed time trap of public forms (`access.form_guard`) — a form sent
within seconds of being shown, or shown more than a day ago, is refused."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.access import form_guard


class PublicRegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Your first and last name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        help_text=_("Leave empty if you come in your own name."),
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)
    # Left empty by people (hidden from them); bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["full_name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")
        self.fields["consent"].error_messages["required"] = _(
            "Tick the box to agree: we need it to register you."
        )

    def _plain(self, name: str) -> str:
        value = str(self.cleaned_data.get(name, "")).strip()
        if "<" in value or ">" in value:
            raise forms.ValidationError(_("Use letters, digits and punctuation only, no < or >."))
        if not value and self.fields[name].required:
            raise forms.ValidationError(self.fields[name].error_messages["required"])
        return value

    def clean_full_name(self) -> str:
        return self._plain("full_name")

    def clean_organisation(self) -> str:
        return self._plain("organisation")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Your registration could not be accepted. Leave the last field empty."),
                code="honeypot",
            )
        try:
            form_guard.check_stamp(str(cleaned.get("shown") or ""))
        except form_guard.Expired:
            raise forms.ValidationError(
                _("This form was open too long. Check your details and send it again."),
                code="stale",
            ) from None
        except form_guard.TooFast:
            raise forms.ValidationError(
                _("That was very fast. Check your details and send the form again."),
                code="too_fast",
            ) from None
        return cleaned
