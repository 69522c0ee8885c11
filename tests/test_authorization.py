"""Every URL times every kind of visitor: the expected status, and no URL left unlisted.

Visitors: anonymous, each role in municipality A, the coordinator of municipality B, and a
logged-in user without any membership. Tenant URLs are requested for municipality A.
"""

from collections.abc import Iterator
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from daadkracht.accounts.models import Invitation
from daadkracht.tenancy.models import Membership
from daadkracht.testing.factories import InvitationFactory

VISITORS = [
    "anonymous",
    "coordinator",
    "editor",
    "viewer",
    "coach",
    "other_municipality",
    "no_membership",
]

OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, GONE = 200, 302, 403, 404, 405, 410


def row(anonymous, coordinator, editor, viewer, coach, other, nobody) -> dict[str, int]:
    return dict(
        zip(VISITORS, [anonymous, coordinator, editor, viewer, coach, other, nobody], strict=True)
    )


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(VISITORS, status)


def logged_in(status: int) -> dict[str, int]:
    return {**everyone(status), "anonymous": REDIRECT}


def tenant(coordinator, editor, viewer, coach) -> dict[str, int]:
    return row(REDIRECT, coordinator, editor, viewer, coach, NOT_FOUND, NOT_FOUND)


# URL name -> expected GET status per visitor. A URL without a row fails the test.
EXPECTED: dict[str, dict[str, int]] = {
    "home": row(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, OK),
    "set_language": everyone(NOT_ALLOWED),
    "accounts:login": row(OK, *[REDIRECT] * 6),
    "accounts:logout": logged_in(NOT_ALLOWED),
    "accounts:password_reset": everyone(OK),
    "accounts:password_reset_done": everyone(OK),
    "accounts:password_reset_confirm": everyone(OK),
    "accounts:password_reset_complete": everyone(OK),
    "accounts:password_change": logged_in(OK),
    "accounts:password_change_done": logged_in(OK),
    "accounts:invitation": everyone(GONE),
    "accounts:profile": logged_in(OK),
    "tenancy:home": tenant(OK, OK, OK, OK),
    "tenancy:departments": tenant(OK, OK, OK, OK),
    "tenancy:department_create": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:department_trash": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:department_edit": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:department_delete": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:department_restore": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:members": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:member_invite": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:member_edit": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:member_remove": tenant(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:invitation_resend": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "tenancy:invitation_cancel": tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    "history:recent": tenant(OK, FORBIDDEN, FORBIDDEN, OK),
    "history:object": tenant(OK, FORBIDDEN, FORBIDDEN, OK),
}

# Django's own admin site is checked as a whole (index below), not per generated URL.
DELEGATED_NAMESPACES = {"admin"}


def url_names(patterns=None, namespace: str = "") -> Iterator[str]:
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_listed():
    names = {n for n in url_names() if n.split(":")[0] not in DELEGATED_NAMESPACES}
    assert names - EXPECTED.keys() == set(), "add these URLs to EXPECTED"
    assert EXPECTED.keys() - names == set(), "these listed URLs no longer exist"


def sample_url(name: str, world, invitation: Invitation) -> str:
    slug = world.a.slug
    membership_pk = Membership.unscoped.get(user=world.users["editor"]).pk
    kwargs: dict[str, dict[str, object]] = {
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "accounts:invitation": {"token": "not-a-valid-token"},
        "tenancy:department_edit": {"pk": world.department_a.pk},
        "tenancy:department_delete": {"pk": world.department_a.pk},
        "tenancy:department_restore": {"pk": world.department_a.pk},
        "tenancy:member_edit": {"pk": membership_pk},
        "tenancy:member_remove": {"pk": membership_pk},
        "tenancy:invitation_resend": {"pk": invitation.pk},
        "tenancy:invitation_cancel": {"pk": invitation.pk},
        "history:object": {"model_label": "tenancy.department", "object_id": world.department_a.pk},
    }
    extra = kwargs.get(name, {})
    if name.split(":")[0] in {"tenancy", "history"}:
        extra = {"municipality": slug, **extra}
    return reverse(name, kwargs=extra or None)


@pytest.fixture
def matrix_world(world, client):
    invitation = InvitationFactory.create(municipality=world.a, email="nieuw@alfa.test")
    # The department needs a history entry for its history page to exist.
    coordinator = world.client_for("coordinator")
    coordinator.post(
        reverse(
            "tenancy:department_edit",
            kwargs={"municipality": world.a.slug, "pk": world.department_a.pk},
        ),
        {"name": "Mobiliteit en Verkeer", "version": world.department_a.version},
    )
    return world, invitation


@pytest.mark.parametrize("visitor", VISITORS)
def test_status_of_every_url(matrix_world, visitor):
    world, invitation = matrix_world
    client = world.client_for(visitor)
    failures = []
    for name, expected in EXPECTED.items():
        url = sample_url(name, world, invitation)
        status = client.get(url).status_code
        if status != expected[visitor]:
            failures.append(f"{name} {url}: {status}, expected {expected[visitor]}")
    assert failures == []


@pytest.mark.parametrize(
    ("visitor", "expected"),
    [("anonymous", REDIRECT), ("coordinator", REDIRECT), ("other_municipality", REDIRECT)],
)
def test_admin_is_for_superusers_only(world, visitor, expected):
    assert world.client_for(visitor).get(reverse("admin:index")).status_code == expected


def test_superuser_reaches_admin(world):
    world.users["coordinator"].is_superuser = True
    world.users["coordinator"].is_staff = True
    world.users["coordinator"].save()
    assert world.client_for("coordinator").get(reverse("admin:index")).status_code == HTTPStatus.OK
