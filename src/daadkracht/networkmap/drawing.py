"""The network map drawn on the server as SVG, laid out with the diagnosis' force layout.

Themes stand on a ring and stay there; bodies start inside it near their themes, organisations
near what they are linked to, so that the layout needs only a few rounds, and fewer the more
nodes there are (each round costs time in the square of their number). The same map always
gives byte-for-byte the same SVG; the layout is kept in the cache for the same nodes and edges.
Shapes tell the kinds of node apart (square theme, diamond body, circle organisation), so that
colour is never the only cue; every colour keeps 3:1 against white.
"""

import hashlib
import math
from html import escape

import networkx as nx
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from daadkracht.common.charts import fit_text, svg_number
from daadkracht.diagnosis.layout import ITERATIONS, force_layout
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
    Edge,
    NetworkMap,
    Node,
)
from daadkracht.stakeholders.models import OrganisationKind

SIZE = 860
MARGIN = 90
LABEL_WIDTH = 150
# Pairs of nodes times rounds the layout may spend: well under a tenth of a second. The nodes
# start close to where they end, so that a hundred nodes need no more than thirty rounds.
PAIR_BUDGET = 150_000
MIN_ITERATIONS = 12
# How far beyond the ring of themes a node may stand, as a share of the ring's radius.
OUTER_RING = 1.2
LAYOUT_SECONDS = 24 * 60 * 60

INK = "#1d2b36"
THEME_COLOUR = "#0b5d3b"
BODY_COLOUR = "#1d2b36"
KIND_COLOURS = {
    OrganisationKind.INTERMUNICIPAL: "#1d4f8a",
    OrganisationKind.GRID_OPERATOR: "#8a5a00",
    OrganisationKind.PORT: "#00607a",
    OrganisationKind.CIVIL_SOCIETY: "#2e7d32",
    OrganisationKind.POVERTY: "#a4262c",
    OrganisationKind.BUSINESS: "#5c3c92",
    OrganisationKind.KNOWLEDGE: "#b0306a",
    OrganisationKind.CITIZEN_GROUP: "#4d6b00",
    OrganisationKind.SCHOOL: "#b3470c",
    OrganisationKind.OTHER: "#56636e",
}
# Stroke colour, width and dashes per kind of edge; an engagement is wider the higher its level.
EDGE_STYLES = {
    MEMBERSHIP: ("#56636e", 1.5, ""),
    BODY_THEME: (THEME_COLOUR, 2.5, ""),
    ENGAGED: ("#1d4f8a", 1.5, ""),
    INTENDED: ("#1d4f8a", 1.5, "6 4"),
    PARTNER: ("#8a5a00", 1.5, "12 4"),
    INTEREST: ("#6e7f8c", 1.2, "2 4"),
}
WEIGHTS = {MEMBERSHIP: 2, BODY_THEME: 3, ENGAGED: 2, INTENDED: 1, PARTNER: 2, INTEREST: 1}


def edge_width(edge: Edge) -> float:
    width = EDGE_STYLES[edge.link][1]
    return round(width + 0.6 * edge.level, 1) if edge.link == ENGAGED else width


def map_layout(net: NetworkMap) -> dict[str, tuple[float, float]]:
    """Each drawn node's position from -1 to 1."""
    weighted = [(e.source, e.target, WEIGHTS[e.link] + e.level) for e in net.edges]
    shape = repr(([n.key for n in net.nodes], weighted))
    key = "networkmap:layout:" + hashlib.sha256(shape.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return {str(node): (float(x), float(y)) for node, (x, y) in cached.items()}
    graph = nx.Graph()
    graph.add_nodes_from(n.key for n in net.nodes)
    graph.add_edges_from((source, target, {"weight": w}) for source, target, w in weighted)
    start, fixed = _start(net)
    count = len(net.nodes)
    pairs = max(count * (count - 1) // 2, 1)
    iterations = max(MIN_ITERATIONS, min(ITERATIONS, PAIR_BUDGET // pairs))
    positions = _tidy(
        force_layout(graph, iterations=iterations, start=start or None, fixed=fixed), fixed
    )
    cache.set(key, positions, LAYOUT_SECONDS)
    return positions


def _ring(keys: list[str], radius: float) -> dict[str, tuple[float, float]]:
    count = len(keys)
    return {
        key: (
            radius * math.cos(2 * math.pi * i / count - math.pi / 2),
            radius * math.sin(2 * math.pi * i / count - math.pi / 2),
        )
        for i, key in enumerate(keys)
    }


def _start(net: NetworkMap) -> tuple[dict[str, tuple[float, float]], set[str]]:
    """Themes on a ring that stays (or the bodies, without themes); the others near what they
    are linked to, the unlinked ones on an outer ring."""
    themes = [n.key for n in net.nodes if n.kind == THEME]
    bodies = [n.key for n in net.nodes if n.kind == BODY]
    organisations = [n.key for n in net.nodes if n.kind == ORGANISATION]
    if not themes and not bodies:
        return {}, set()
    neighbours: dict[str, list[str]] = {}
    for edge in net.edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)
    if themes:
        start = _ring(themes, 1.0)
        fixed = set(themes)
        loose = bodies
    else:
        start = _ring(bodies, 1.0)
        fixed = set(bodies)
        loose = []
    for keys, pull in ((loose, 0.5), (organisations, 0.85)):
        unlinked = []
        for key in keys:
            placed = [start[other] for other in neighbours.get(key, []) if other in start]
            if placed:
                start[key] = (
                    pull * sum(x for x, _y in placed) / len(placed),
                    pull * sum(y for _x, y in placed) / len(placed),
                )
            else:
                unlinked.append(key)
        start.update(_ring(unlinked, 0.3 if keys is loose else 1.25) if unlinked else {})
    return start, fixed


def _tidy(
    positions: dict[str, tuple[float, float]], ring: set[str]
) -> dict[str, tuple[float, float]]:
    """Pulls a node pushed far beyond the ring back to just outside it, and fills the drawing:
    one loose organisation far out would otherwise shrink everything else."""
    if not ring or len(positions) < 2:
        return positions
    mid_x = sum(positions[key][0] for key in ring) / len(ring)
    mid_y = sum(positions[key][1] for key in ring) / len(ring)
    radius = max(math.dist(positions[key], (mid_x, mid_y)) for key in ring) or 1.0
    limit = radius * OUTER_RING
    tidy = {}
    for key, (x, y) in positions.items():
        dx, dy = x - mid_x, y - mid_y
        distance = math.hypot(dx, dy)
        factor = limit / distance if distance > limit else 1.0
        tidy[key] = (dx * factor, dy * factor)
    half = max(max(abs(x), abs(y)) for x, y in tidy.values()) or 1.0
    return {key: (round(x / half, 4), round(y / half, 4)) for key, (x, y) in tidy.items()}


def _coordinate(value: float) -> str:
    return svg_number(round(MARGIN + (value + 1) / 2 * (SIZE - 2 * MARGIN), 1))


def _link(node: Node, municipality: str) -> str:
    if node.kind == ORGANISATION:
        return reverse(
            "stakeholders:organisation", kwargs={"municipality": municipality, "pk": node.pk}
        )
    if node.kind == BODY:
        return reverse("bodies:detail", kwargs={"municipality": municipality, "pk": node.pk})
    return reverse("plans:actions", kwargs={"municipality": municipality}) + f"?theme={node.pk}"


def _shape(node: Node, x: str, y: str) -> str:
    cx, cy = float(x), float(y)
    if node.kind == THEME:
        return (
            f'<rect x="{svg_number(cx - 9)}" y="{svg_number(cy - 9)}" width="18" height="18" '
            f'fill="#ffffff" stroke="{THEME_COLOUR}" stroke-width="3"/>'
        )
    if node.kind == BODY:
        points = " ".join(
            f"{svg_number(px)},{svg_number(py)}"
            for px, py in ((cx, cy - 12), (cx + 12, cy), (cx, cy + 12), (cx - 12, cy))
        )
        return f'<polygon points="{points}" fill="{BODY_COLOUR}" stroke="#ffffff"/>'
    colour = KIND_COLOURS.get(OrganisationKind(node.category), INK)
    return f'<circle cx="{x}" cy="{y}" r="7" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>'


def summary(net: NetworkMap) -> str:
    counts = net.counts
    return _(
        "%(themes)d themes, %(bodies)d governance bodies, %(organisations)d organisations and "
        "%(edges)d links."
    ) % {
        "themes": counts[THEME],
        "bodies": counts[BODY],
        "organisations": counts[ORGANISATION],
        "edges": len(net.edges),
    }


def map_svg(net: NetworkMap, *, municipality: str) -> SafeString:
    positions = map_layout(net)
    description = (
        summary(net)
        + " "
        + _(
            "Squares are themes, diamonds governance bodies, circles organisations (coloured by "
            "type). The legend explains the lines; the table below gives the same information."
        )
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'class="network-map" role="img" aria-labelledby="map-title map-desc">',
        f'<title id="map-title">{escape(_("Map of the network"))}</title>',
        f'<desc id="map-desc">{escape(description)}</desc>',
    ]
    at = {key: (_coordinate(x), _coordinate(y)) for key, (x, y) in positions.items()}
    for edge in net.edges:
        first, second = at.get(edge.source), at.get(edge.target)
        if first is None or second is None:
            continue
        colour, _width, dashes = EDGE_STYLES[edge.link]
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        parts.append(
            f'<line x1="{first[0]}" y1="{first[1]}" x2="{second[0]}" y2="{second[1]}" '
            f'stroke="{colour}" stroke-width="{svg_number(edge_width(edge))}"{dash}>'
            f"<title>{escape(edge.description)}</title></line>"
        )
    links: dict[str, int] = {}
    for edge in net.edges:
        links[edge.source] = links.get(edge.source, 0) + 1
        links[edge.target] = links.get(edge.target, 0) + 1
    for node in net.nodes:
        x, y = at[node.key]
        size = 12 if node.kind != ORGANISATION else 11
        weight = ' font-weight="700"' if node.kind != ORGANISATION else ""
        label = escape(fit_text(node.name, LABEL_WIDTH, size, bold=node.kind != ORGANISATION))
        label_y = svg_number(round(float(y) + 14 + size, 1))
        kind_label = node.category_label or _("theme")
        title = _("%(name)s (%(kind)s): %(links)d links") % {
            "name": node.name,
            "kind": kind_label,
            "links": links.get(node.key, 0),
        }
        parts.append(
            f'<a href="{escape(_link(node, municipality))}" class="network-map__node">'
            f"<title>{escape(title)}</title>{_shape(node, x, y)}"
            f'<text x="{x}" y="{label_y}" font-size="{size}"{weight} text-anchor="middle" '
            f'fill="{INK}">{label}</text></a>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text is escaped above


def legend_sample(link: str, level: int = 0) -> SafeString:
    """A short line drawn as the map draws an edge of this kind, for the legend."""
    colour, width, dashes = EDGE_STYLES[link]
    if link == ENGAGED:
        width = round(width + 0.6 * level, 1)
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return mark_safe(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="12" viewBox="0 0 40 12" '
        f'aria-hidden="true"><line x1="2" y1="6" x2="38" y2="6" stroke="{colour}" '
        f'stroke-width="{svg_number(width)}"{dash}/></svg>'
    )


def kind_sample(kind: str) -> SafeString:
    """The shape the map draws for an organisation of this type, for the legend."""
    colour = KIND_COLOURS.get(OrganisationKind(kind), INK)
    return mark_safe(
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" '
        f'aria-hidden="true"><circle cx="8" cy="8" r="6" fill="{colour}"/></svg>'
    )


def node_sample(kind: str) -> SafeString:
    node = Node("", kind, 0, "", OrganisationKind.OTHER if kind == ORGANISATION else "")
    return mark_safe(
        '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 28 28" '
        f'aria-hidden="true">{_shape(node, "14", "14")}</svg>'
    )
