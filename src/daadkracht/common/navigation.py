"""The main navigation of a municipality, as far as the role allows, and links to its pages."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.roles import Permission


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Any
    permission: Permission = Permission.VIEW_INTERNAL
    exact: bool = False
    also: tuple[str, ...] = ()  # other pages (URL names) that belong to this entry


@dataclass(frozen=True)
class NavGroup:
    """One entry of the main navigation for several areas: it leads to the first area the role
    may open, and on the pages of any of them a second row names the areas."""

    label: Any
    items: tuple[NavItem, ...]


# The collaboration trajectory: its phases, the diagnosis, and the meetings with the work
# agreements made there. One entry, so that the main navigation stays on one line.
COLLABORATION = NavGroup(
    _("Collaboration"),
    (
        NavItem("trajectory:overview", _("Trajectory")),
        NavItem("diagnosis:rounds", _("Diagnosis"), Permission.MANAGE_DIAGNOSIS),
        NavItem("meetings:list", _("Meetings"), also=("agreements:list",)),
        # Only a coordinator asks for support in the municipality's name.
        NavItem("offer_requests:list", _("Support offers"), Permission.MANAGE_MEMBERS),
    ),
)

# How the municipality is set up: the plan's themes and statuses, its departments, who is a
# member, and the history of changes. One entry, so that the network fits on the line too.
ADMINISTRATION = NavGroup(
    _("Administration"),
    (
        NavItem("plans:settings", _("Plan")),
        NavItem("tenancy:departments", _("Departments")),
        NavItem("tenancy:members", _("Members"), Permission.MANAGE_MEMBERS),
        NavItem("history:recent", _("History"), Permission.VIEW_HISTORY),
    ),
)

# Learning from other municipalities: the shared practice database and the support offers.
INSPIRATION = NavGroup(
    _("Inspiration"),
    (NavItem("our_practices:list", _("Practices")),),
)

MAIN_NAVIGATION: list[NavItem | NavGroup] = [
    NavItem("tenancy:home", _("Dashboard"), exact=True),
    NavItem("plans:actions", _("Actions")),
    NavItem("plans:board", _("Board")),
    NavItem("plans:timeline", _("Timeline")),
    NavItem("prioritisation:priorities", _("Priorities")),
    COLLABORATION,
    NavItem("stakeholders:organisations", _("Network")),
    INSPIRATION,
    ADMINISTRATION,
]


def tenant_url(request: HttpRequest, name: str, **kwargs: Any) -> str:
    """The URL of a page in the request's municipality."""
    slug = request.tenant.municipality.slug  # type: ignore[attr-defined]
    return reverse(name, kwargs={"municipality": slug, **kwargs})


def _entry(item: NavItem, slug: str, path: str) -> dict[str, Any]:
    url = reverse(item.url_name, kwargs={"municipality": slug})
    if item.exact:
        current = path == url
    else:
        prefixes = [url, *(reverse(name, kwargs={"municipality": slug}) for name in item.also)]
        current = any(path.startswith(prefix) for prefix in prefixes)
    return {"url": url, "label": item.label, "current": current, "children": []}


def navigation_for(tenant: TenantContext, path: str) -> list[dict[str, Any]]:
    """The entries the role may open, each with `url`, `label`, `current` and, for a group, the
    `children` entries it leads to (the group's `url` is its first child's)."""
    slug = tenant.municipality.slug
    entries = []
    for item in MAIN_NAVIGATION:
        if isinstance(item, NavGroup):
            children = [
                _entry(child, slug, path) for child in item.items if tenant.has(child.permission)
            ]
            if children:
                entries.append(
                    {
                        "url": children[0]["url"],
                        "label": item.label,
                        "current": any(child["current"] for child in children),
                        "children": children,
                    }
                )
        elif tenant.has(item.permission):
            entries.append(_entry(item, slug, path))
    return entries
