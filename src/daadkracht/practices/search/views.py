"""The public list of published practices: search, facets, sort, pages and a download."""

from typing import cast

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from daadkracht.access.entry import public_view
from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.query import requested_page
from daadkracht.practices.models import Practice
from daadkracht.practices.search.facets import size_of
from daadkracht.practices.search.forms import PracticeSearchQuery
from daadkracht.practices.search.query import practice_url, search_all, search_practices


@public_view
@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    """Every published practice, searchable without logging in."""
    query = PracticeSearchQuery(request.GET)
    arguments = query.search()
    fmt = export_format(request)
    if fmt:
        # The entry point types views as returning pages; a download streams a file.
        return cast(HttpResponse, _export(request, fmt, search_all(**arguments)))
    found = search_practices(**arguments, page=requested_page(request.GET) or 1)
    facets = [
        ("theme", _("Theme"), found.facets["theme"]),
        ("werf", _("LEKP werf"), found.facets["werf"]),
        ("province", _("Province"), found.facets["province"]),
        ("size", _("Size of the municipality"), found.facets["size"]),
        ("year", _("Year it started"), found.facets["year"]),
    ]
    response: HttpResponse = render(
        request,
        "practices/public_list.html",
        {
            "found": found,
            "page": found.page,
            "facets": facets,
            "q": arguments["text"],
            "sort": found.sort,
        },
    )
    return response


def _export(request: HttpRequest, fmt: str, practices: list[Practice]) -> FileResponse:
    return export_response(
        name=_("Practices"),
        fmt=fmt,
        headers=[
            _("Title"),
            _("Municipality"),
            _("Province"),
            _("Size of the municipality"),
            _("Year it started"),
            _("Themes"),
            _("LEKP werf"),
            _("Introduction"),
            _("Link"),
        ],
        rows=(
            [
                practice.title,
                practice.municipality.name,
                str(practice.municipality.get_province_display()),
                str(size.label) if (size := size_of(practice.municipality.population)) else "",
                practice.started_year,
                ", ".join(str(tag) for tag in practice.theme_tags.all()),
                str(practice.get_lekp_werf_display()),
                practice.summary,
                request.build_absolute_uri(url) if (url := practice_url(practice)) else "",
            ]
            for practice in practices
        ),
    )
