"""Rate limiting in fixed windows, counted in the cache shared by all application processes.

`throttled` limits the entry points that anyone can reach without logging in, per client
address; `record_miss` and `too_many_misses` limit an address's wrong guesses of a secret code;
`hit` and `hits` count any other event (failed log-ins of an account, password-reset requests)
in a window of its own.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from daadkracht.access.client import client_address

WINDOW_SECONDS = 60

clock: Callable[[], float] = time.time


def _key(key: str, window: int) -> str:
    return f"throttle:{key}:{window}:{int(clock() // window)}"


def hit(key: str, *, window: int) -> int:
    """Count one event for `key` in the current window of `window` seconds; return the count."""
    bucket = _key(key, window)
    if cache.add(bucket, 1, timeout=window):
        return 1
    try:
        return int(cache.incr(bucket))
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=window)
        return 1


def hits(key: str, *, window: int) -> int:
    """The events counted for `key` in the current window, without counting one."""
    return int(cache.get(_key(key, window), 0))


def address_key(request: HttpRequest) -> str:
    return client_address(request) or "unknown"


def throttled(request: HttpRequest, scope: str) -> bool:
    """Count this request; True once the address made more than the limit in the window."""
    count = hit(f"{scope}:{address_key(request)}", window=WINDOW_SECONDS)
    return count > settings.PUBLIC_REQUESTS_PER_MINUTE


MISS_WINDOW_SECONDS = 600


def _miss_key(request: HttpRequest, scope: str) -> str:
    return f"miss:{scope}:{address_key(request)}"


def too_many_misses(request: HttpRequest, scope: str) -> bool:
    """True once the address guessed wrong (an unknown code) too often in the last window."""
    limit: int = settings.CODE_MISSES_PER_WINDOW
    return hits(_miss_key(request, scope), window=MISS_WINDOW_SECONDS) >= limit


def record_miss(request: HttpRequest, scope: str) -> None:
    """Count a wrong guess of the address: an unknown code, typed or in a URL."""
    hit(_miss_key(request, scope), window=MISS_WINDOW_SECONDS)
