"""Cancel links: every confirmation mail carries a signed link, for one registration only, with
which the person cancels without an account."""

from django.urls import reverse

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.events.models import Registration

# The link works until well after any event: a year.
CANCEL_LINK_MAX_AGE = 365 * 24 * 60 * 60

CANCEL_LINK = LinkPurpose(
    name="event_registration_cancel",
    model_label="events.Registration",
    max_age=lambda: CANCEL_LINK_MAX_AGE,
)


def registration_version(registration: Registration) -> str:
    return registration.link_key


def cancel_token(registration: Registration) -> str:
    return link_token(
        CANCEL_LINK,
        municipality_id=registration.municipality_id,
        object_id=registration.pk,
        version=registration_version(registration),
    )


def cancel_path(registration: Registration) -> str:
    """The path of the registration's cancel page; mails put the site's address in front."""
    return reverse("event_public:cancel", kwargs={"token": cancel_token(registration)})
