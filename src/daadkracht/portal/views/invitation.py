"""Accepting a portal invitation with the signed link in the mail: choose a password."""

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from daadkracht.access.context import LinkGrant
from daadkracht.access.entry import signed_link_view
from daadkracht.accounts.models import User
from daadkracht.portal.forms import PortalAcceptForm
from daadkracht.portal.models import PortalAccess
from daadkracht.portal.services.access import portal_invitation_accept
from daadkracht.portal.tokens import PORTAL_INVITATION_LINK, portal_invitation_version


@signed_link_view(
    PORTAL_INVITATION_LINK,
    invalid_template="portal/invitation_invalid.html",
    version=portal_invitation_version,
)
def accept(request: HttpRequest, found: PortalAccess, grant: LinkGrant) -> HttpResponse:
    """Choose a password for the portal account (or use the account logged in with the invited
    address); then on to the portal."""
    if not found.is_open:
        return render(request, "portal/invitation_invalid.html", status=410)
    user = cast(User, request.user) if request.user.is_authenticated else None
    if user is not None and user.email.lower() != found.email.lower():
        return render(request, "portal/invitation_invalid.html", status=403)
    form = PortalAcceptForm(request.POST or None, email=found.email)
    if request.method == "POST" and (user is not None or form.is_valid()):
        try:
            account = portal_invitation_accept(
                access=found,
                grant=grant,
                user=user,
                full_name=form.cleaned_data.get("full_name", "") if user is None else "",
                password=form.cleaned_data.get("password1", "") if user is None else "",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if user is None:
                login(request, account, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to the portal of %(municipality)s.")
                % {"municipality": found.municipality.name},
            )
            return redirect("portal:home", municipality=found.municipality.slug)
    return render(
        request,
        "portal/invitation_accept.html",
        {"access": found, "form": form, "logged_in": user is not None},
    )
