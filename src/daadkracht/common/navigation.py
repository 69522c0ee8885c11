"""The main navigation of a municipality (shown as far as the pages exist and the role allows),
and links to a municipality's pages that this installation may not have."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.roles import Permission


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Any
    permission: Permission = Permission.VIEW_INTERNAL
    exact: bool = False


MAIN_NAVIGATION = [
    NavItem("tenancy:home", _("Dashboard"), exact=True),
    NavItem("plans:actions", _("Actions")),
    NavItem("plans:board", _("Board")),
    NavItem("plans:timeline", _("Timeline")),
    NavItem("plans:priorities", _("Priorities")),
    NavItem("plans:settings", _("Plan")),
    NavItem("tenancy:departments", _("Departments")),
    NavItem("tenancy:members", _("Members"), Permission.MANAGE_MEMBERS),
    NavItem("history:recent", _("History"), Permission.VIEW_HISTORY),
]


def tenant_url(request: HttpRequest, name: str, **kwargs: Any) -> str | None:
    """The URL of a page in the request's municipality, or None if this installation lacks it."""
    slug = request.tenant.municipality.slug  # type: ignore[attr-defined]
    try:
        return reverse(name, kwargs={"municipality": slug, **kwargs})
    except NoReverseMatch:
        return None


def navigation_for(tenant: TenantContext, path: str) -> list[dict[str, Any]]:
    items = []
    for item in MAIN_NAVIGATION:
        if not tenant.has(item.permission):
            continue
        try:
            url = reverse(item.url_name, kwargs={"municipality": tenant.municipality.slug})
        except NoReverseMatch:
            continue  # the page is not part of this installation (yet)
        current = path == url if item.exact else path.startswith(url)
        items.append({"url": url, "label": item.label, "current": current})
    return items
