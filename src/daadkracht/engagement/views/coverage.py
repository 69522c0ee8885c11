"""The coverage view: main themes against organisation types, with the gaps standing out."""

from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_format, export_response
from daadkracht.engagement.forms import CoverageQuery
from daadkracht.engagement.models import Level
from daadkracht.engagement.policies import can_manage_engagement
from daadkracht.engagement.selectors.coverage import Cell, coverage
from daadkracht.stakeholders.models import OrganisationKind
from daadkracht.tenancy.decorators import TenantRequest, tenant_view


def _cell_text(cell: Cell) -> str:
    if cell.level is None:
        return _("nobody") + (
            f" ({cell.planned_only} " + _("planned") + ")" if cell.planned else ""
        )
    return f"{len(cell.engaged)} · {cell.level.label}"


@tenant_view()
def coverage_page(request: TenantRequest) -> HttpResponseBase:
    filters = CoverageQuery(request.GET).values()
    matrix = coverage(kind=filters["kind"])
    fmt = export_format(request)
    if fmt:
        return export_response(
            name=_("Coverage"),
            fmt=fmt,
            headers=[_("Theme"), *(label for _value, label in matrix.kinds)],
            rows=([str(row.theme), *(_cell_text(c) for c in row.cells)] for row in matrix.rows),
        )
    return render(
        request,
        "engagement/coverage.html",
        {
            "coverage": matrix,
            "filters": filters,
            "kinds": OrganisationKind.choices,
            "levels": Level.choices,
            "can_manage": can_manage_engagement(request.tenant.membership),
        },
    )
