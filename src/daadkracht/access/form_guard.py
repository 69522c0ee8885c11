"""The signed time trap of public forms: keeping bots off without a third-party captcha.

A public form carries the signed moment it was shown (`shown_stamp`, in a hidden field). A form
sent back sooner than `MIN_SECONDS` (no person types that fast) or later than `MAX_SECONDS` is
refused, and a forged or missing stamp too (`check_stamp`). Forms pair it with a honeypot field
people do not see, and their views with a limit per address (`access.throttle`).
"""

import time
from collections.abc import Callable

from django.core import signing

MIN_SECONDS = 3
MAX_SECONDS = 24 * 60 * 60

SALT = "daadkracht.public-form-shown"

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
