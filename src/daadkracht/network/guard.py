"""Keeping bots off the public sign-up form without a third-party captcha.

- a honeypot: a field people do not see (hidden by the page's style, skipped by the keyboard)
  and leave empty, which form-filling bots fill in;
- a signed time trap: the form carries the signed moment it was shown; a form sent back sooner
  than `MIN_SECONDS` (no person types that fast) or later than `MAX_SECONDS` is refused, and a
  forged or missing one too;
- a limit per client address: `SIGNUPS_PER_HOUR` sign-ups (and leave requests) an hour.
"""

import time
from collections.abc import Callable

from django.core import signing
from django.http import HttpRequest

from daadkracht.access.throttle import address_key, hit

MIN_SECONDS = 3
MAX_SECONDS = 24 * 60 * 60
SIGNUPS_PER_HOUR = 5
HOUR = 60 * 60

SALT = "daadkracht.network.form-shown"

clock: Callable[[], float] = time.time


def shown_stamp() -> str:
    """The signed moment a form is shown, for its hidden field."""
    return signing.dumps({"t": int(clock())}, salt=SALT)


class TooFast(Exception):
    """The form came back sooner than a person can fill it in."""


class Expired(Exception):
    """The form was shown too long ago, or its stamp is forged or missing."""


def check_stamp(stamp: str) -> None:
    """Raise TooFast or Expired unless the form was shown a plausible time ago."""
    try:
        shown = int(signing.loads(stamp, salt=SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Expired from None
    age = clock() - shown
    if age < MIN_SECONDS:
        raise TooFast
    if age > MAX_SECONDS:
        raise Expired


def over_limit(request: HttpRequest, scope: str) -> bool:
    """Count one submission of the address; True once it made more than the hourly limit."""
    return hit(f"network:{scope}:{address_key(request)}", window=HOUR) > SIGNUPS_PER_HOUR
