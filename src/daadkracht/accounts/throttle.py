"""Limits on guessing passwords, per account; the lock-out per client address is django-axes'.

Failed log-ins from one client address, whatever the accounts, pause log-ins from that address
for a quarter of an hour (`AXES_*` in the settings), so spraying one password over many accounts
stops after a few tries. An account itself is never locked, or anyone could lock out its owner:
after `LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE` failed log-ins within a minute, from any
addresses, it answers "try again in a minute" without checking the password until that minute
is over, which slows guessing from many addresses and keeps its owner waiting a minute at most.

Password-reset requests are limited per client address and per e-mail address, so that no one
can flood a mailbox; the page answers the same either way.
"""

import hashlib

from axes.utils import reset as axes_reset
from django.conf import settings
from django.http import HttpRequest

from daadkracht.access.client import client_address
from daadkracht.access.throttle import hit, hits

MINUTE = 60
HOUR = 60 * 60


def _account_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def login_paused(*, email: str) -> bool:
    """True while the account has had too many failed log-ins in the current minute."""
    failures = hits(f"login:{_account_key(email)}", window=MINUTE)
    return failures >= settings.LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE


def login_failure_count(*, email: str) -> None:
    hit(f"login:{_account_key(email)}", window=MINUTE)


def login_success_forgive(*, request: HttpRequest, email: str) -> None:
    """Forget this account's failed log-ins from this address, and no one else's.

    Another account's failures from the same address still count, so logging in with an
    account of one's own does not buy more guesses at other accounts. `email` is taken as it
    was given to `authenticate`, which is how the lock-out recorded it.
    """
    address = client_address(request)
    if address is not None:
        axes_reset(ip=address, username=email)


def password_reset_allowed(*, address: str | None, email: str) -> bool:
    """Count a reset request; False once its address or its e-mail address asked too often.

    The e-mail address counts whether or not an account has it, so the limit reveals nothing.
    """
    from_address = hit(f"reset:address:{address or 'unknown'}", window=HOUR)
    if from_address > settings.PASSWORD_RESETS_PER_ADDRESS_PER_HOUR:
        return False
    for_account = hit(f"reset:account:{_account_key(email)}", window=HOUR)
    return for_account <= settings.PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR
