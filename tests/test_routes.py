"""Every route, named or not, declares its door; visitors without the right get no method through.

The URL matrix (test_authorization.py) checks the page each visitor gets for every named URL.
This test closes what a GET-only walk over named URLs leaves open: a route without a name, a
route whose view declares no permission or audience, and methods other than GET.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.views.decorators.http import require_POST

from daadkracht.access.entry import ACCOUNT_DOOR
from daadkracht.bodies.models import BodyMeeting, BodyMembership, GovernanceBody
from daadkracht.events.models import NetworkEvent, Registration
from daadkracht.messaging.models import MailOptOut, Message, MessageDelivery
from daadkracht.network.models import NetworkMember, NetworkPage, SignUp
from daadkracht.offers.models import OfferRequest
from daadkracht.partners.models import ActionPartner
from daadkracht.plans.models import Action, Task, Theme
from daadkracht.plans.policies import can_manage_plan
from daadkracht.portal.models import PortalAccess, UpdateProposal
from daadkracht.stakeholders.models import (
    Consent,
    ConsentText,
    Contact,
    Organisation,
    RetentionRule,
)
from daadkracht.tenancy.decorators import tenant_view
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import Role
from daadkracht.trajectory.models import (
    ChecklistItem,
    ChosenMethod,
    ClimateContactName,
    CollaborationBody,
    CollaborationModel,
    Phase,
    PlanOfApproach,
    Trajectory,
)
from tests.url_matrix import SAMPLE_KWARGS

METHODS = ["get", "post", "put", "patch", "delete"]
DELEGATED_NAMESPACES = {"admin"}  # Django's admin checks is_staff itself (test_authorization)


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str  # "" for a route without a name
    callback: Any

    @property
    def door(self) -> str | None:
        if getattr(self.callback, "required_rule", None):
            return f"policy:{self.callback.required_rule.__qualname__}"
        if getattr(self.callback, "access_audience", None):
            return f"audience:{self.callback.access_audience}"
        if getattr(self.callback, "access_door", None) == ACCOUNT_DOOR:
            return ACCOUNT_DOOR
        return None


def routes(patterns: list[Any] | None = None, prefix: str = "", ns: str = "") -> Iterator[Route]:
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in DELEGATED_NAMESPACES:
                continue
            inner = f"{ns}{entry.namespace}:" if entry.namespace else ns
            yield from routes(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{ns}{entry.name}" if entry.name else ""
            yield Route(prefix + str(entry.pattern), name, entry.callback)


def undeclared(patterns: list[Any] | None = None) -> list[str]:
    return [f"{r.pattern} ({r.name or 'no name'})" for r in routes(patterns) if r.door is None]


def test_every_route_declares_who_may_use_it():
    assert undeclared() == [], "decorate these views with tenant_view, public_view, … (access)"


def _sneaky(request):
    return HttpResponse("written")


@tenant_view(can_manage_plan)
def _guarded(request):
    return HttpResponse("written")


def test_an_unnamed_post_route_without_a_permission_is_caught():
    patterns = [
        path("<slug:municipality>/stiekem/", require_POST(_sneaky)),
        path("<slug:municipality>/bewaakt/", require_POST(_guarded)),
    ]

    assert undeclared(patterns) == ["<slug:municipality>/stiekem/ (no name)"]


def test_the_declared_permission_is_the_one_the_view_enforces():
    assert _guarded.required_rule is can_manage_plan  # type: ignore[attr-defined]


def tenant_routes() -> list[Route]:
    return [r for r in routes() if r.door and r.door.startswith("policy:")]


def test_posting_an_update_has_a_door_of_its_own():
    """A contributing department posts updates on actions it may not edit: the update routes
    declare the update policy, the routes that change the action itself the edit policy."""
    doors = {r.name: r.door for r in tenant_routes()}

    assert doors["plans:update_create"] == "policy:can_post_updates"
    assert doors["plans:action_quick_update"] == "policy:can_post_updates"
    assert doors["plans:action_edit"] == "policy:can_edit_actions"
    assert doors["plans:board_move"] == "policy:can_edit_actions"


def _url(route: Route, world) -> str:
    assert route.name, f"{route.pattern}: a tenant route needs a name and sample arguments"
    kwargs = SAMPLE_KWARGS[route.name](world) if route.name in SAMPLE_KWARGS else {}
    return reverse(route.name, kwargs={"municipality": world.a.slug, **kwargs})


def _counts() -> dict[str, int]:
    models = [
        *(Action, Department, Theme, Task, Membership, ActionPartner),
        *(GovernanceBody, BodyMembership, BodyMeeting),
        *(NetworkPage, SignUp, NetworkMember),
        *(Trajectory, Phase, ChecklistItem, PlanOfApproach, ChosenMethod),
        *(CollaborationModel, CollaborationBody, ClimateContactName),
        *(Organisation, Contact, Consent, ConsentText, RetentionRule),
        *(NetworkEvent, Registration),
        *(Message, MessageDelivery, MailOptOut),
        *(PortalAccess, UpdateProposal),
        OfferRequest,
    ]
    return {m.__name__: m.unscoped.count() for m in models}


@pytest.mark.parametrize(
    "visitor",
    [
        "anonymous",
        "editor",
        "viewer",
        "coach",
        "other_municipality",
        "no_membership",
        "stakeholder",
    ],
)
def test_visitors_without_the_right_get_no_method_through(world, visitor):
    from daadkracht.history.models import AuditEntry

    client = world.client_for(visitor)
    role = Role(visitor) if visitor in {r.value for r in Role} else None
    # The policy answers for a member of this role; a visitor without one passes none.
    member = Membership(role=role) if role else None
    refused = [
        _url(route, world)
        for route in tenant_routes()
        # What members may do is covered by the URL matrix and the pages' own tests.
        if member is None or not route.callback.required_rule(member)
    ]
    before, entries = _counts(), AuditEntry.unscoped.count()
    failures = []
    for url in refused:
        for method in METHODS:
            response = getattr(client, method)(url)
            status = response.status_code
            if visitor == "anonymous":
                ok = status == HTTPStatus.FOUND and "/account/aanmelden/" in response["Location"]
            elif role is None:
                ok = status == HTTPStatus.NOT_FOUND
            else:
                ok = status in {HTTPStatus.FORBIDDEN, HTTPStatus.METHOD_NOT_ALLOWED}
            if not ok:
                failures.append(f"{method.upper()} {url}: {status}")

    assert failures == []
    assert _counts() == before
    assert AuditEntry.unscoped.count() == entries
