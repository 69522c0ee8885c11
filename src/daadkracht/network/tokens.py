"""The confirmation link of a sign-up: valid for `SIGNUP_DAYS` days, used once."""

from django.urls import reverse

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.network.models import SIGNUP_DAYS, SignUp

CONFIRM_LINK = LinkPurpose(
    name="network_signup_confirm",
    model_label="network.SignUp",
    max_age=lambda: SIGNUP_DAYS * 24 * 60 * 60,
    single_use=True,
)


def signup_version(signup: SignUp) -> str:
    # A confirmed sign-up, or one whose data was deleted, has a new key: its link is gone.
    return signup.key


def confirm_path(signup: SignUp) -> str:
    token = link_token(
        CONFIRM_LINK,
        municipality_id=signup.municipality_id,
        object_id=signup.pk,
        version=signup_version(signup),
    )
    return reverse("open_network:confirm", kwargs={"token": token})
