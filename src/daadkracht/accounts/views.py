"""Invitations, the password-reset request, profile and the language switch."""

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daadkracht.access.client import client_address
from daadkracht.access.context import LinkGrant
from daadkracht.access.entry import signed_link_view
from daadkracht.accounts.forms import (
    AcceptInvitationForm,
    InvitationLoginForm,
    PasswordResetRequestForm,
    ProfileForm,
)
from daadkracht.accounts.models import Invitation, User
from daadkracht.accounts.services import (
    invitation_accept,
    password_reset_request,
    profile_update,
    user_language_set,
)
from daadkracht.accounts.tokens import INVITATION_LINK, invitation_version
from daadkracht.tenancy.models import Membership


@login_not_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered in the profile and in a cookie."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if check_for_language(language) and language in dict(settings.LANGUAGES):
        user_language_set(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response


@login_not_required
def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a link to choose a new password; the answer is the same for any address."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_reset_request(email=form.cleaned_data["email"], address=client_address(request))
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})


@signed_link_view(
    INVITATION_LINK,
    invalid_template="accounts/invitation_invalid.html",
    version=invitation_version,
)
def invitation(request: HttpRequest, found: Invitation, grant: LinkGrant) -> HttpResponse:
    """Accept an invitation: choose a password for a new account, log in to an existing one, or
    join with the account already logged in."""
    if not found.is_open:
        return render(request, "accounts/invitation_invalid.html", status=410)
    user = cast(User, request.user) if request.user.is_authenticated else None
    if user is not None and user.email.lower() != found.email.lower():
        return render(
            request, "accounts/invitation_other_account.html", {"invitation": found}, status=403
        )
    if user is None and User.objects.filter(email__iexact=found.email).exists():
        return _invitation_log_in(request, found, grant)
    form = AcceptInvitationForm(request.POST or None, email=found.email)
    if request.method == "POST" and (user is not None or form.is_valid()):
        try:
            user, membership = invitation_accept(
                invitation=found,
                grant=grant,
                user=user,
                full_name=form.cleaned_data.get("full_name", "") if user is None else "",
                password=form.cleaned_data.get("password1", "") if user is None else "",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.user.is_authenticated:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _welcome(request, membership)
    return render(request, "accounts/invitation_accept.html", {"invitation": found, "form": form})


def _invitation_log_in(request: HttpRequest, found: Invitation, grant: LinkGrant) -> HttpResponse:
    """The invited address has an account already: its password, not a new one, accepts."""
    form = InvitationLoginForm(request, request.POST or None, email=found.email)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        try:
            user, membership = invitation_accept(invitation=found, grant=grant, user=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user)
            return _welcome(request, membership)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": found, "form": form, "has_account": True},
    )


def _welcome(request: HttpRequest, membership: Membership) -> HttpResponse:
    messages.success(
        request,
        _("Welcome to %(municipality)s on Daadkracht.") % {"municipality": membership.municipality},
    )
    return redirect("tenancy:home", municipality=membership.municipality.slug)


def profile(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        profile_update(
            user=user,
            full_name=form.cleaned_data["full_name"],
            language=form.cleaned_data["language"],
        )
        response = redirect(reverse("accounts:profile"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        messages.success(request, _("Your profile has been saved."))
        return response
    return render(request, "accounts/profile.html", {"form": form})
