"""The platform administration's writes: opening the platform to a new municipality, and
inviting a municipality's coordinator.

A superuser creates the municipality and invites its first coordinator in one step, without
becoming a member, and can invite a coordinator again later. The municipality is platform
data; an invitation belongs to the municipality and is made in its own scope, so that it is
stored, audited and mailed as any coordinator's invitation is.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.text import slugify
from django.utils.translation import gettext as _

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import Invitation
from daadkracht.accounts.services import invitation_create
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.tenancy.models import Municipality
from daadkracht.tenancy.policies import enforce_platform
from daadkracht.tenancy.roles import Role

SLUG_LENGTH = Municipality._meta.get_field("slug").max_length or 60


def address_from_name(name: str) -> str:
    """The short name in the web address that a municipality's name suggests."""
    return slugify(name)[:SLUG_LENGTH].strip("-_")


def reserved_addresses() -> frozenset[str]:
    """First path segments the platform's own pages use (/account/, /beheer/, …)."""
    reserved = {"static", "media"}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLPattern | URLResolver):
            first = str(entry.pattern).split("/", 1)[0]
            if first and "<" not in first:
                reserved.add(first.lower())
    return frozenset(reserved)


def _address_taken(slug: str) -> bool:
    return slug in reserved_addresses() or Municipality.objects.filter(slug__iexact=slug).exists()


def free_address(slug: str) -> str:
    """`slug`, or the first of slug-2, slug-3, … that is free."""
    candidate, number = slug, 1
    while _address_taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = slug[: SLUG_LENGTH - len(suffix)].rstrip("-_") + suffix
    return candidate


def check_address(slug: str) -> None:
    """Refuse an address that is empty, the platform's own or another municipality's."""
    if not slug:
        raise ValidationError(
            {
                "slug": _(
                    "Choose a short name for the web address: lower-case letters, digits and "
                    "hyphens, such as sint-niklaas."
                )
            }
        )
    if slug in reserved_addresses():
        raise ValidationError(
            {
                "slug": _(
                    "The address /%(slug)s/ is reserved for the platform's own pages. "
                    "Choose another short name, such as %(suggestion)s."
                )
                % {"slug": slug, "suggestion": free_address(slug)}
            }
        )
    holder = Municipality.objects.filter(slug__iexact=slug).first()
    if holder is not None:
        raise ValidationError(
            {
                "slug": _(
                    "The address /%(slug)s/ is already used by %(municipality)s. "
                    "Choose another short name, such as %(suggestion)s."
                )
                % {"slug": slug, "municipality": holder.name, "suggestion": free_address(slug)}
            }
        )


def check_name(name: str) -> None:
    """Refuse the name of a municipality that is on the platform already."""
    holder = Municipality.objects.filter(name__iexact=name).first()
    if holder is not None:
        raise ValidationError(
            {
                "name": _("%(municipality)s is on the platform already, at /%(slug)s/.")
                % {"municipality": holder.name, "slug": holder.slug}
            }
        )


def municipality_create(
    *,
    actor: Any,
    name: str,
    slug: str = "",
    coordinator_email: str,
    language: str | None = None,
    province: str = "",
    population: int | None = None,
) -> tuple[Municipality, Invitation]:
    """Create a municipality and invite its first coordinator (platform administrators only).

    An empty `slug` is made from the name. The invitation e-mail is written in `language`
    (the administrator's own if None).
    """
    enforce_platform()
    name = " ".join(name.split())
    slug = (slug.strip().lower() or address_from_name(name))[:SLUG_LENGTH]
    check_name(name)
    check_address(slug)
    municipality = Municipality(name=name, slug=slug, province=province, population=population)
    municipality.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            municipality.save()
            audit_record(
                actor=actor,
                instance=municipality,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
            invitation = coordinator_invite(
                actor=actor,
                municipality=municipality,
                coordinator_email=coordinator_email,
                language=language,
            )
    except IntegrityError as error:  # the same name or address, created at the same moment
        check_name(name)
        check_address(slug)
        raise ValidationError(_("This municipality could not be created. Try again.")) from error
    return municipality, invitation


def coordinator_invite(
    *,
    actor: Any,
    municipality: Municipality,
    coordinator_email: str,
    language: str | None = None,
) -> Invitation:
    """Invite a climate coordinator of a municipality (platform administrators only).

    The first one, or another when an invitation went to a wrong address or expired: the
    administrator is not a member and cannot use the municipality's own members page. The
    invitation is made, audited and mailed in the municipality's scope.
    """
    enforce_platform()
    with tenant_scope(municipality, actor=actor):
        try:
            return invitation_create(
                actor=actor,
                municipality=municipality,
                email=coordinator_email,
                role=Role.COORDINATOR,
                department=None,
                language=language,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "email" in error.error_dict:
                raise ValidationError({"coordinator_email": error.error_dict["email"]}) from error
            raise
