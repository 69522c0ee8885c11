"""Public: anyone registers for an event on its page, without an account, and cancels with the
signed link in the confirmation mail.

The page says plainly whether a place is free or the registration lands on the waiting list.
Bots are kept out without a third-party service: a field people leave empty, a signed time trap
and a limit on the registrations one address sends.
"""

from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from daadkracht.access.context import LinkGrant, active_municipality
from daadkracht.access.entry import public_view, signed_link_view, too_many
from daadkracht.access.form_guard import shown_stamp
from daadkracht.access.throttle import address_key, hit
from daadkracht.common.forms import add_service_errors
from daadkracht.events.forms.public import PublicRegistrationForm
from daadkracht.events.models import NetworkEvent, Registration, RegistrationState
from daadkracht.events.services import registrations as registering
from daadkracht.events.tokens import CANCEL_LINK, registration_version

# Registrations one address may send in ten minutes.
REGISTRATIONS_PER_WINDOW = 10
REGISTRATION_WINDOW = 600


def _in_town(view: Any) -> Any:
    """A public page in the municipality named by the URL keyword `town` (the keyword
    `municipality` is the members' door)."""
    inner = public_view(view)

    @wraps(inner)
    def wrapped(request: HttpRequest, town: str, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = inner(request, *args, municipality=town, **kwargs)
        return response

    return wrapped


def _event(pk: int) -> NetworkEvent:
    event = NetworkEvent.objects.filter(pk=pk).first()
    if event is None:
        raise Http404
    return event


@_in_town
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    consent_text, counts = registering.public_facts(event)
    if not event.registration_open:
        consent_text = None
    full = counts.registered >= event.capacity
    form = PublicRegistrationForm(request.POST or None)
    if request.method == "POST" and consent_text is not None:
        if hit(f"event_register:{address_key(request)}", window=REGISTRATION_WINDOW) > (
            REGISTRATIONS_PER_WINDOW
        ):
            return too_many(request)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = registering.registration_public(
                    event=event,
                    full_name=data["full_name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    consent_text=consent_text,
                    language=translation.get_language() or "",
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "events/public_done.html",
                    {
                        "event": event,
                        "waiting": registration.state == RegistrationState.WAITING,
                        "position": registration.waiting_position,
                        "email": data["email"],
                    },
                )
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "events/public_register.html",
        {
            "event": event,
            "form": form,
            "consent_text": consent_text,
            "full": full,
            "places_left": max(event.capacity - counts.registered, 0),
            "municipality": active_municipality(),
            "shown": shown_stamp(),
        },
        status=status,
    )


@signed_link_view(
    CANCEL_LINK, invalid_template="events/cancel_invalid.html", version=registration_version
)
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, registration: Registration, grant: LinkGrant) -> HttpResponse:
    if request.method == "POST":
        registering.registration_cancel(actor=None, registration=registration, by_link=True)
        return redirect(request.path)
    return render(
        request,
        "events/public_cancel.html",
        {
            "registration": registration,
            "event": NetworkEvent.objects.get(pk=registration.event_id),
            "municipality": active_municipality(),
        },
    )
