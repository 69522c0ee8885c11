"""The public registration form, with its defences against bots: a field people leave empty
(hidden from them) and a signed time trap — a form sent within seconds of being shown, or shown
more than a day ago, is refused."""

import time
from collections.abc import Callable
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

# A person needs more than this to fill in the form…
MIN_SECONDS = 3
# …and a form shown longer ago than this is stale.
MAX_SECONDS = 24 * 60 * 60
TRAP_SALT = "daadkracht.events.registration.shown"

clock: Callable[[], float] = time.time


def shown_token() -> str:
    """The signed moment the form is shown: every page with the form carries a fresh one."""
    return signing.dumps({"t": int(clock())}, salt=TRAP_SALT)


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
            shown = int(signing.loads(str(cleaned.get("shown") or ""), salt=TRAP_SALT)["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            shown = None
        age = clock() - shown if shown is not None else None
        if age is None or age > MAX_SECONDS:
            raise forms.ValidationError(
                _("This form was open too long. Check your details and send it again."),
                code="stale",
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very fast. Check your details and send the form again."),
                code="too_fast",
            )
        return cleaned
