"""The Open Network's public pages: joining, confirming with the link in the mail, leaving.

They need no log-in; each names its municipality in the URL (`/open-netwerk/<municipality>/`).
The sign-up and leave pages answer the same whether or not the address belongs to a member, so
that they tell nobody who is in the network.
"""

from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from daadkracht.access.context import LinkGrant, active_municipality
from daadkracht.access.entry import ViewFunc, public_view, signed_link_view, too_many
from daadkracht.access.links import LinkAlreadyUsed
from daadkracht.network import guard, services
from daadkracht.network.forms import LeaveForm, SignUpForm
from daadkracht.network.models import SignUp
from daadkracht.network.tokens import CONFIRM_LINK, signup_version
from daadkracht.stakeholders.models import ConsentText

INVALID = "network/confirm_invalid.html"
# The municipality's slug in these URLs: not `municipality`, which names the member pages.
SLUG = "slug"


def public_page(view: ViewFunc) -> ViewFunc:
    """A public page of the municipality named by the URL's `slug`."""
    inner = public_view(view)

    @wraps(inner)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kwargs["municipality"] = kwargs.pop(SLUG)
        return inner(request, *args, **kwargs)

    return wrapped


def _slug() -> str:
    municipality = active_municipality()
    assert municipality is not None
    return municipality.slug


@public_page
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    text = services.current_consent_text()
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if guard.over_limit(request, "join"):
            return too_many(request)
        if form.is_valid():
            shown = services.consent_text_version(form.cleaned_data["text_version"]) or text
            services.signup_submit(
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                organisation_name=form.cleaned_data["organisation_name"],
                language=form.cleaned_data["language"],
                themes=list(form.cleaned_data["themes"]),
                consent_text=shown,
            )
            return redirect("open_network:sent", slug=_slug())
    else:
        form.initial["text_version"] = text.version
    return render(
        request,
        "network/join.html",
        {
            "form": form,
            "intro": services.page_intro(),
            "consent_text": text,
            "municipality": active_municipality(),
        },
    )


@public_page
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "network/sent.html", {"municipality": active_municipality()})


@signed_link_view(CONFIRM_LINK, invalid_template=INVALID, version=signup_version)
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, signup: SignUp, grant: LinkGrant) -> HttpResponse:
    """The link in the confirmation mail: a button confirms (a mail scanner that opens the link
    confirms nothing)."""
    municipality = active_municipality()
    assert municipality is not None
    if request.method == "POST":
        try:
            services.signup_confirm(signup=signup, grant=grant)
        except (ValidationError, LinkAlreadyUsed):
            return render(request, INVALID, status=410)
        return redirect("open_network:welcome", slug=municipality.slug)
    return render(
        request,
        "network/confirm.html",
        {
            "signup": signup,
            "text": ConsentText.objects.get(pk=signup.consent_text_id),
            "themes": services.signup_themes(signup),
            "municipality": municipality,
        },
    )


@public_page
@require_GET
def welcome(request: HttpRequest) -> HttpResponse:
    return render(request, "network/welcome.html", {"municipality": active_municipality()})


@public_page
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if guard.over_limit(request, "leave"):
            return too_many(request)
        if form.is_valid():
            services.leave_request(email=form.cleaned_data["email"])
            return redirect("open_network:leave_sent", slug=_slug())
    return render(
        request, "network/leave.html", {"form": form, "municipality": active_municipality()}
    )


@public_page
@require_GET
def leave_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "network/leave_sent.html", {"municipality": active_municipality()})
