"""Puts the providers the user manages in every template, for the user menu."""

from typing import Any

from django.http import HttpRequest

from daadkracht.offers.access import managed_providers


def providers(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    # Asked by the user menu outside a municipality's pages only (a query then, none on a
    # municipality's pages, whose query counts stay as they are).
    return {"my_providers": (lambda: list(managed_providers(user))) if user is not None else list}
