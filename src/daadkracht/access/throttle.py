"""Rate limiting of the entry points that anyone can reach without logging in."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def throttled(request: HttpRequest, scope: str) -> bool:
    """Count this request; True once the address made more than the limit in the window."""
    key = f"throttle:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return False
    return bool(count > settings.PUBLIC_REQUESTS_PER_MINUTE)
