"""Forms for log-in, invitations and the profile."""

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from daadkracht.accounts.models import User
from daadkracht.accounts.throttle import (
    login_failure_count,
    login_paused,
    login_success_forgive,
)
from daadkracht.common.row_fields import RowChoices

ACCOUNT_PAUSED = _(
    "There were too many failed attempts to log in to this account. Wait a minute and try again."
)


class ThrottledAuthenticationForm(AuthenticationForm):
    """A log-in form that counts failures per account and does not try a paused account.

    The password of a paused account is not checked at all, so a guess then tells nothing, and
    the attempt does not count against the visitor's address either.
    """

    def clean(self) -> dict[str, Any]:
        email = str(self.cleaned_data.get("username") or "")
        tried = bool(email and self.cleaned_data.get("password"))
        if tried and login_paused(email=email):
            raise forms.ValidationError(ACCOUNT_PAUSED, code="account_paused")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            # Refused because the address is locked out: no password was tried for the account.
            if tried and not getattr(self.request, "axes_locked_out", False):
                login_failure_count(email=email)
            raise
        if self.request is not None:
            login_success_forgive(request=self.request, email=email)
        return cleaned


class AdminLoginForm(ThrottledAuthenticationForm, AdminAuthenticationForm):
    """The platform administration's log-in, with the same limits as the site's."""


class LoginForm(ThrottledAuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        "invalid_login": _("This e-mail address and password do not match. Try again."),
        "inactive": _("This account has been deactivated."),
    }

    def clean_username(self) -> str:
        # Addresses are stored in lower case (UserManager); people type them as they like. The
        # log-in throttle sees the same lower-case address, so case variants share one count.
        return str(self.cleaned_data["username"]).lower()


class InvitationLoginForm(LoginForm):
    """Log in to accept an invitation: the address is the invitation's, only the password is
    typed; the same limits on failed attempts apply as on the log-in page."""

    def __init__(self, request: Any = None, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.disabled = True
        username.initial = email
        username.widget.attrs = {"autocomplete": "username"}
        self.fields["password"].widget.attrs.update({"autofocus": True})


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class SetPasswordFields(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Repeat password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            candidate = User(
                email=getattr(self, "email", ""), full_name=cleaned.get("full_name", "")
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AcceptInvitationForm(SetPasswordFields):
    full_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    field_order = ["full_name", "password1", "password2"]

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email


class ProfileForm(forms.ModelForm[User]):
    class Meta(RowChoices):
        model = User
        fields = ["full_name", "language"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Colleagues see this name on actions and in the history: it may not be left empty.
        self.fields["full_name"].required = True
