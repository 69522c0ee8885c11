"""Signed links: expiring, single-purpose, optionally single-use links to one object.

A link names its purpose (which also salts the signature, so a link for one purpose never opens
another), the municipality and the object it opens, a version of that object (a link made before
the object changed in a way that matters — an invitation resent — stops working) and a random
nonce, which single-use links record when they are used up.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core import signing
from django.db import IntegrityError, models, transaction

from daadkracht.access.context import LinkGrant
from daadkracht.access.models import UsedLink


@dataclass(frozen=True)
class LinkPurpose:
    name: str
    model_label: str  # the model of the object the link opens, e.g. "accounts.Invitation"
    max_age: Callable[[], int]  # seconds a link stays valid
    single_use: bool = False

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def salt(self) -> str:
        return f"daadkracht.link.{self.name}"


@dataclass(frozen=True)
class LinkClaim:
    """What a valid token says; the object itself is checked by the view's entry point."""

    municipality_id: int
    grant: LinkGrant
    version: str


class LinkAlreadyUsed(Exception):
    """A single-use link was used before."""


def link_token(purpose: LinkPurpose, *, municipality_id: int, object_id: int, version: str) -> str:
    payload = {
        "m": municipality_id,
        "o": object_id,
        "v": version,
        "n": secrets.token_urlsafe(12),
    }
    return signing.dumps(payload, salt=purpose.salt, compress=True)


def link_read(purpose: LinkPurpose, token: str) -> LinkClaim | None:
    """The claim of a genuine, unexpired token for this purpose; None for anything else."""
    try:
        data: Any = signing.loads(token, salt=purpose.salt, max_age=purpose.max_age())
    except signing.BadSignature:
        return None
    try:
        municipality_id, object_id = int(data["m"]), int(data["o"])
        version, nonce = str(data["v"]), str(data["n"])
    except (KeyError, TypeError, ValueError):
        return None
    grant = LinkGrant(purpose.name, purpose.model_label, object_id, nonce)
    return LinkClaim(municipality_id, grant, version)


def link_is_used(grant: LinkGrant) -> bool:
    return UsedLink.objects.filter(purpose=grant.purpose, nonce=grant.nonce).exists()


def link_use_up(grant: LinkGrant) -> None:
    """Record that a single-use link has done its work (LinkAlreadyUsed the second time).

    Call it inside the transaction of the work itself, so that a failed attempt does not use
    the link up and a concurrent second attempt is refused by the unique nonce.
    """
    try:
        with transaction.atomic():
            UsedLink.objects.create(purpose=grant.purpose, nonce=grant.nonce)
    except IntegrityError as error:
        raise LinkAlreadyUsed from error
