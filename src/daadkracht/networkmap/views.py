"""The network map: a drawing of organisations, bodies and themes, with a table beside it."""

from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from daadkracht.common.exporting import export_format, export_response
from daadkracht.common.listing import page_of
from daadkracht.common.query import requested_sort
from daadkracht.networkmap.drawing import (
    KIND_COLOURS,
    kind_sample,
    legend_sample,
    map_svg,
    node_sample,
    summary,
)
from daadkracht.networkmap.forms import NetworkMapQuery
from daadkracht.networkmap.selectors import (
    BODY,
    BODY_THEME,
    ENGAGED,
    INTENDED,
    INTEREST,
    MEMBERSHIP,
    ORGANISATION,
    PARTNER,
    THEME,
    OrganisationRow,
    ThemeTie,
    level_label,
    network_map,
)
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import OrganisationKind
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.tenancy.decorators import TenantRequest, tenant_view

SORTS = ("name", "kind", "bodies", "themes")
# Rows of the table per page; the export holds them all.
PAGE_SIZE = 100


def _sorted(rows: list[OrganisationRow], sort: str) -> list[OrganisationRow]:
    key = sort.lstrip("-")
    descending = sort.startswith("-")
    ordered = sorted(rows, key=lambda r: (r.node.name.casefold(), r.node.pk))
    if key == "kind":
        ordered.sort(key=lambda r: r.node.category_label.casefold())
    elif key == "bodies":
        ordered.sort(key=lambda r: len(r.memberships), reverse=True)
    elif key == "themes":
        ordered.sort(key=lambda r: len(r.themes), reverse=True)
    if descending:
        ordered.reverse()
    return ordered


def _engagement(tie: ThemeTie) -> str:
    actual = level_label(tie.actual)
    intended = level_label(tie.intended) if tie.intended else "—"
    return _("%(actual)s (intended: %(intended)s)") % {"actual": actual, "intended": intended}


def _export(rows: list[OrganisationRow], fmt: str) -> HttpResponseBase:
    return export_response(
        name=_("Network map"),
        fmt=fmt,
        headers=[
            _("Organisation"),
            _("Type"),
            _("Governance bodies"),
            _("Themes"),
            _("Engagement"),
        ],
        rows=(
            [
                row.node.name,
                row.node.category_label,
                "; ".join(f"{body.name} ({roles})" for body, roles in row.bodies),
                "; ".join(f"{theme.name}: {tie.describe()}" for theme, tie in row.themes),
                "; ".join(
                    f"{theme.name}: {_engagement(tie)}" for theme, tie in row.themes if tie.engaged
                ),
            ]
            for row in rows
        ),
    )


@tenant_view()
def network_map_page(request: TenantRequest) -> HttpResponseBase:
    query = NetworkMapQuery(request.GET)
    theme, kind, kinds = query.value("theme"), query.value("kind"), query.node_kinds()
    net = network_map(theme=theme, kind=kind, kinds=kinds)
    sort = requested_sort(request.GET, SORTS, "name")
    rows = _sorted(net.rows, sort)
    fmt = export_format(request)
    if fmt:
        return _export(rows, fmt)
    themes = list(Theme.objects.order_by("position", "code", "name"))
    page = page_of(request, rows, PAGE_SIZE)
    return render(
        request,
        "networkmap/map.html",
        {
            "net": net,
            "svg": map_svg(net, municipality=request.tenant.municipality.slug)
            if net.nodes
            else None,
            "summary": summary(net),
            "rows": page.object_list,
            "page": page,
            "sort": sort,
            "filters": {"theme": theme, "kind": kind, "kinds": kinds},
            "filtered": theme is not None or bool(kind) or len(kinds) < 3,
            "chosen_theme": next((t for t in themes if t.pk == theme), None),
            "themes": themes,
            "kinds": OrganisationKind.choices,
            "can_manage": can_manage_stakeholders(request.tenant.membership),
            "node_legend": [
                (node_sample(THEME), _("theme (links to its actions)"), THEME),
                (node_sample(BODY), _("governance body"), BODY),
                (node_sample(ORGANISATION), _("organisation"), ORGANISATION),
            ],
            "kind_legend": [
                (kind_sample(value), label)
                for value, label in OrganisationKind.choices
                if value in KIND_COLOURS
            ],
            "edge_legend": [
                (legend_sample(MEMBERSHIP), _("sits in the body today (role in the tooltip)")),
                (legend_sample(BODY_THEME), _("the body works on the theme")),
                (
                    legend_sample(ENGAGED, 4),
                    _("engaged in the theme or one of its actions; thicker for a higher level"),
                ),
                (legend_sample(INTENDED), _("engagement intended, not reached yet")),
                (legend_sample(PARTNER), _("partner on an action of the theme")),
                (legend_sample(INTEREST), _("interested in the theme")),
            ],
        },
    )
