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
    # Other sections of the site that belong under this item.
    also: tuple[str, ...] = ()


MAIN_NAVIGATION = [
    NavItem("tenancy:home", _("Dashboard"), exact=True),
    NavItem("plans:actions", _("Actions")),
    NavItem("plans:board", _("Board")),
    NavItem("plans:timeline", _("Timeline")),
    NavItem("prioritisation:priorities", _("Priorities")),
    NavItem("meetings:list", _("Meetings"), also=("agreements:list",)),
    NavItem("plans:settings", _("Plan")),
    NavItem("trajectory:overview", _("Trajectory")),
    NavItem("tenancy:departments", _("Departments")),
    NavItem("diagnosis:rounds", _("Collaboration"), Permission.MANAGE_DIAGNOSIS),
    NavItem("tenancy:members", _("Members"), Permission.MANAGE_MEMBERS),
    NavItem("history:recent", _("History"), Permission.VIEW_HISTORY),
]


def tenant_url(request: HttpRequest, name: str, **kwargs: Any) -> str:
    """The URL of a page in the request's municipality."""
    slug = request.tenant.municipality.slug  # type: ignore[attr-defined]
    return reverse(name, kwargs={"municipality": slug, **kwargs})


def navigation_for(tenant: TenantContext, path: str) -> list[dict[str, Any]]:
    items = []
    for item in MAIN_NAVIGATION:
        if not tenant.has(item.permission):
            continue
        slug = {"municipality": tenant.municipality.slug}
        url = reverse(item.url_name, kwargs=slug)
        current = path == url if item.exact else path.startswith(url)
        current = current or any(path.startswith(reverse(n, kwargs=slug)) for n in item.also)
        items.append({"url": url, "label": item.label, "current": current})
    return items
