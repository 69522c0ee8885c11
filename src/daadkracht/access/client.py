"""The address of the client that sent a request, as the deployment's own proxies report it.

Rate limits and log-in lock-outs count per client address. Behind a reverse proxy, the
connection comes from the proxy; each proxy appends the address it was connected from to
`X-Forwarded-For`. With `TRUSTED_PROXIES` proxies in front of the application, the N-th entry
from the right was written by the outermost trusted proxy and is the client's address. Entries
further left come from the client itself and are never read, so a client cannot choose its own
address by sending the header.
"""

from ipaddress import IPv6Address, ip_address

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, or None if the server gave no valid one."""
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    hops = settings.TRUSTED_PROXIES
    if hops > 0:
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if len(forwarded) >= hops:
            return _valid(forwarded[-hops]) or remote
    return remote


def _valid(value: object) -> str | None:
    """`value` as a normalised IP address; an IPv4 address mapped into IPv6 as itself."""
    try:
        address = ip_address(str(value).strip())
    except ValueError:
        return None
    if isinstance(address, IPv6Address):
        if address.scope_id is not None:
            return None
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
    return str(address)
