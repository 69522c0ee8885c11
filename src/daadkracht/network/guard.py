"""Keeping bots off the public sign-up form without a third-party captcha: a honeypot and the
signed time trap of every public form (`access.form_guard`), and a limit per client address:
`SIGNUPS_PER_HOUR` sign-ups (and leave requests) an hour."""

from django.http import HttpRequest

from daadkracht.access.throttle import address_key, hit

SIGNUPS_PER_HOUR = 5
HOUR = 60 * 60


def over_limit(request: HttpRequest, scope: str) -> bool:
    """Count one submission of the address; True once it made more than the hourly limit."""
    return hit(f"network:{scope}:{address_key(request)}", window=HOUR) > SIGNUPS_PER_HOUR
