"""Every URL times every kind of visitor: the expected status, and no URL left unlisted.

Visitors: anonymous, each role in municipality A, the coordinator of municipality B, and a
logged-in user without any membership. Tenant URLs are requested for municipality A; the rows
live in tests/url_matrix/, one module per area.
"""

from collections.abc import Iterator
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.url_matrix import EXPECTED, SAMPLE_KWARGS, VISITORS
from tests.url_matrix.rows import REDIRECT

# Django's own admin site is checked as a whole (index below), not per generated URL.
DELEGATED_NAMESPACES = {"admin"}
TENANT_NAMESPACES = {
    "tenancy",
    "history",
    "bodies",
    "plans",
    "partners",
    "prioritisation",
    "dashboard",
    "trajectory",
    "diagnosis",
    "network",
    "meetings",
    "agreements",
    "stakeholders",
    "networkmap",
    "events",
    "engagement",
    "messaging",
    "portal",
    "portal_access",
    "proposals",
    "offer_requests",
    "our_practices",
}


def url_names(patterns=None, namespace: str = "") -> Iterator[str]:
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_listed():
    names = {n for n in url_names() if n.split(":")[0] not in DELEGATED_NAMESPACES}
    assert names - EXPECTED.keys() == set(), "add these URLs to tests/url_matrix/"
    assert EXPECTED.keys() - names == set(), "these listed URLs no longer exist"


def sample_url(name: str, world) -> str:
    kwargs = SAMPLE_KWARGS[name](world) if name in SAMPLE_KWARGS else {}
    if name.split(":")[0] in TENANT_NAMESPACES:
        kwargs = {"municipality": world.a.slug, **kwargs}
    return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def matrix_world(world):
    # The department needs a history entry for its history page to exist.
    world.client_for("coordinator").post(
        reverse(
            "tenancy:department_edit",
            kwargs={"municipality": world.a.slug, "pk": world.department_a.pk},
        ),
        {"name": "Mobiliteit en Verkeer", "version": world.department_a.version},
    )
    return world


@pytest.mark.parametrize("visitor", VISITORS)
def test_status_of_every_url(matrix_world, visitor):
    client = matrix_world.client_for(visitor)
    failures = []
    for name, expected in EXPECTED.items():
        url = sample_url(name, matrix_world)
        status = client.get(url).status_code
        if status != expected[visitor]:
            failures.append(f"{name} {url}: {status}, expected {expected[visitor]}")
    assert failures == []


@pytest.mark.parametrize("visitor", ["anonymous", "coordinator", "other_municipality"])
def test_admin_is_for_superusers_only(world, visitor):
    assert world.client_for(visitor).get(reverse("admin:index")).status_code == REDIRECT


def test_superuser_reaches_admin(world):
    world.users["coordinator"].is_superuser = True
    world.users["coordinator"].is_staff = True
    world.users["coordinator"].save()
    assert world.client_for("coordinator").get(reverse("admin:index")).status_code == HTTPStatus.OK
