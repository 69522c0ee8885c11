"""What an audience may read of a model: the declarations models make, and their defaults.

A tenant model lists, per audience, one `Reach`. An audience it does not list may not read it at
all: a query raises `AccessRefused` (loudly, so that a missing declaration shows in the tests).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from daadkracht.access.context import Audience


class Span(Enum):
    OWN = "own"  # rows of the active municipality
    ALL = "all"  # rows of every municipality
    NOTHING = "nothing"  # no row at all


@dataclass(frozen=True)
class Reach:
    """Rows of `span`, further limited to those whose columns hold the values in `where` (a
    value, or a list of the values allowed).

    With `or_own`, the rows of the active municipality are readable as well, whatever `where`
    says: shared data such as practices (published ones for everyone, drafts for their own).
    """

    span: Span
    where: Mapping[str, Any] = field(default_factory=dict)
    or_own: bool = False
    granted_only: bool = False  # only the one object a signed link or code opens
    # In the stakeholder portal: only rows whose column `portal_column` holds an id the
    # stakeholder's grant lists for the model `portal_model` (see `portal`).
    portal_column: str = ""
    portal_model: str = ""
    # For a support provider's manager: only rows whose column `provider_column` holds the id
    # of a provider they manage (see `provider`).
    provider_column: str = ""


OWN = Reach(Span.OWN)
ALL = Reach(Span.ALL)
NOTHING = Reach(Span.NOTHING)


def own_where(**where: Any) -> Reach:
    """Rows of the active municipality that are marked so, e.g. `own_where(visibility="public")`."""
    return Reach(Span.OWN, where)


def shared_where(**where: Any) -> Reach:
    """Rows of any municipality that are marked so, and every row of the active municipality."""
    return Reach(Span.ALL, where, or_own=True)


GRANTED = Reach(Span.OWN, granted_only=True)


def portal(model_label: str, column: str = "id") -> Reach:
    """For the stakeholder audience: the rows of the active municipality whose `column` is one
    of the ids the stakeholder's portal grant lists for `model_label`, e.g. an action's timeline
    entries by `portal("plans.Action", "action_id")`."""
    return Reach(Span.OWN, portal_column=column, portal_model=model_label)


def provider(column: str = "provider_id") -> Reach:
    """For the provider audience: rows of any municipality whose `column` names a provider
    the manager manages, e.g. the requests a municipality sent to that provider."""
    return Reach(Span.ALL, provider_column=column)


ReadAccess = Mapping[Audience, Reach]

# Tenant data: its members, its workers and its API clients see all of it, the platform sees
# everything, the public nothing; stakeholders and link holders only what a model declares.
TENANT_DEFAULT: ReadAccess = {
    Audience.MEMBER: OWN,
    Audience.WORKER: OWN,
    Audience.API_TOKEN: OWN,
    Audience.PLATFORM: ALL,
    Audience.PUBLIC: NOTHING,
}


def declare(**changes: Reach) -> ReadAccess:
    """The tenant default with some audiences changed: `declare(public=own_where(...))`."""
    return {**TENANT_DEFAULT, **{Audience(name): reach for name, reach in changes.items()}}
