"""Background work on accounts, which belongs to no municipality."""

import unicodedata

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from daadkracht.access.tasks import platform_task
from daadkracht.accounts.models import User
from daadkracht.common.email import deliver, render_email


def _same_address(first: str, second: str) -> bool:
    def fold(value: str) -> str:
        return unicodedata.normalize("NFKC", value).casefold()

    return fold(first) == fold(second)


@platform_task()
def password_reset_send(*, email: str) -> None:
    """Mail a link to choose a new password, if an active account with a password has `email`.

    The mail goes to the address the account has stored, in its owner's language.
    """
    for user in User.objects.filter(email__iexact=email, is_active=True):
        if not user.has_usable_password() or not _same_address(user.email, email):
            continue
        rendered = render_email(
            template="accounts/email/password_reset",
            context={
                "user": user,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
            language=user.language,
        )
        deliver(subject=rendered.subject, body=rendered.body, html=rendered.html, to=[user.email])
