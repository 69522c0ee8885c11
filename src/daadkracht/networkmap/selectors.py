"""Reads of the network map: organisations, governance bodies and themes as nodes and what links
them as edges, in a fixed number of queries however large the network.

The edges:

- membership: an organisation sits in a body today, itself or through a contact person who works
  for it (the person is never named: the roles are the edge's label);
- body-theme: a body works on a theme;
- organisation-theme, one edge per pair, drawn as the strongest of what links them: engagement
  reached at an actual level (thicker for a higher level), engagement only intended so far
  (dashed), partner on an action of the theme (long dashes), interest only (dotted). Engagement
  in an action and a partnership on an action count for each of the action's themes.

Themes are shown when something links to them; bodies and organisations always, unless a filter
leaves them out. A theme's neighbourhood is the theme (with its sub-themes), the bodies that work
on it, the organisations linked to it and the organisations that sit in those bodies.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from daadkracht.bodies.models import BodyKind, BodyMembership, BodyTheme, GovernanceBody, MemberRole
from daadkracht.bodies.selectors.bodies import running
from daadkracht.engagement.models import Engagement, Level
from daadkracht.networkmap.forms import NODE_KINDS
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import ActionTheme, Theme
from daadkracht.stakeholders.models import Organisation, OrganisationKind, OrganisationTheme
from daadkracht.tenancy.trash import live_only

ORGANISATION, BODY, THEME = NODE_KINDS

MEMBERSHIP = "membership"
BODY_THEME = "body_theme"
ENGAGED = "engaged"
INTENDED = "intended"
PARTNER = "partner"
INTEREST = "interest"
LINKS = (MEMBERSHIP, BODY_THEME, ENGAGED, INTENDED, PARTNER, INTEREST)

# The drawing shows at most this many organisations (the best-linked ones): beyond it a picture
# is unreadable and its layout slow. The table lists them all.
DRAWN_ORGANISATIONS = 80


@cache
def _labels_in(language: str) -> dict[str, dict[object, str]]:
    return {
        "role": {role.value: str(role.label) for role in MemberRole},
        "partner": {role.value: str(role.label) for role in PartnerRole},
        "level": {level.value: str(level.label) for level in Level},
        "body": {kind.value: str(kind.label) for kind in BodyKind},
        "organisation": {kind.value: str(kind.label) for kind in OrganisationKind},
    }


def labels() -> dict[str, dict[object, str]]:
    """The labels of the choices the map names, in the request's language, looked up once:
    a thousand organisations would otherwise ask for a translation each time."""
    return _labels_in(get_language() or "")


def level_label(level: int | None) -> str:
    return labels()["level"][level] if level else _("not engaged yet")


@dataclass(frozen=True)
class Node:
    key: str  # "o12", "b3", "t5": unique across kinds
    kind: str
    pk: int
    name: str
    category: str = ""  # the organisation's or body's type
    category_label: str = ""


@dataclass
class ThemeTie:
    """Everything that links one organisation to one theme."""

    actual: int | None = None
    intended: int | None = None
    engaged: bool = False
    partner_roles: set[str] = field(default_factory=set)
    interested: bool = False

    @property
    def link(self) -> str:
        if self.actual:
            return ENGAGED
        if self.engaged:
            return INTENDED
        return PARTNER if self.partner_roles else INTEREST

    def describe(self) -> str:
        parts = []
        if self.engaged:
            actual = level_label(self.actual)
            intended = labels()["level"][self.intended] if self.intended else "—"
            parts.append(
                _("engaged: %(actual)s (intended: %(intended)s)")
                % {"actual": actual, "intended": intended}
            )
        if self.partner_roles:
            names = labels()["partner"]
            roles = ", ".join(sorted(names[r] for r in self.partner_roles))
            parts.append(_("partner on an action: %(roles)s") % {"roles": roles})
        if self.interested:
            parts.append(_("interested"))
        return "; ".join(parts)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    link: str
    level: int  # the actual level of an engagement, else 0
    source_name: str
    target_name: str
    roles: frozenset[str] = frozenset()  # of a membership
    tie: ThemeTie | None = None  # of an organisation and a theme

    @property
    def description(self) -> str:
        """Said only for the edges drawn: a large network has thousands that are not."""
        names = {"source": self.source_name, "target": self.target_name}
        if self.link == MEMBERSHIP:
            return _("%(organisation)s in %(body)s: %(roles)s") % {
                "organisation": self.source_name,
                "body": self.target_name,
                "roles": _roles(self.roles),
            }
        if self.link == BODY_THEME:
            return _("%(body)s works on %(theme)s") % {
                "body": self.source_name,
                "theme": self.target_name,
            }
        assert self.tie is not None
        return "{source} — {target}: ".format(**names) + self.tie.describe()


@dataclass
class OrganisationRow:
    """An organisation with everything it is linked to: a row of the table and the export."""

    node: Node
    memberships: list[tuple[Node, frozenset[str]]]  # the body, the roles

    @property
    def bodies(self) -> list[tuple[Node, str]]:
        """Each body with the roles the organisation has in it."""
        return [(body, _roles(roles)) for body, roles in self.memberships]

    themes: list[tuple[Node, ThemeTie]]


@dataclass
class NetworkMap:
    nodes: list[Node]  # drawn: themes, then bodies, then organisations
    edges: list[Edge]
    rows: list[OrganisationRow]
    # Organisations that match the filters but are left out of the drawing (DRAWN_ORGANISATIONS).
    left_out: int
    empty_network: bool  # no organisation and no body at all

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(NODE_KINDS, 0)
        for node in self.nodes:
            counts[node.kind] += 1
        return counts


@dataclass
class _Links:
    org_theme: dict[tuple[int, int], ThemeTie]
    membership: dict[tuple[int, int], set[str]]
    body_theme: set[tuple[int, int]]


def network_map(
    *,
    theme: int | None = None,
    kind: str = "",
    kinds: Iterable[str] = NODE_KINDS,
    drawn_organisations: int = DRAWN_ORGANISATIONS,
    today: date | None = None,
) -> NetworkMap:
    """The map of the network, narrowed to a theme's neighbourhood, a type of organisation and
    the kinds of node asked for."""
    shown_kinds = set(kinds)
    parents: dict[int, int | None] = {}
    themes: dict[int, Node] = {}
    for pk, code, name, parent in Theme.objects.order_by(
        "position", "code", "name", "pk"
    ).values_list("pk", "code", "name", "parent_id"):
        themes[pk] = Node(f"t{pk}", THEME, pk, f"{code} {name}".strip())
        parents[pk] = parent
    bodies = {
        pk: Node(f"b{pk}", BODY, pk, name, body_kind, labels()["body"][body_kind])
        for pk, name, body_kind in GovernanceBody.objects.order_by("name", "pk").values_list(
            "pk", "name", "kind"
        )
    }
    organisations = {
        pk: Node(f"o{pk}", ORGANISATION, pk, name, org_kind, labels()["organisation"][org_kind])
        for pk, name, org_kind in Organisation.objects.order_by("name", "pk").values_list(
            "pk", "name", "kind"
        )
    }
    links = _links(today or timezone.localdate(), set(themes), set(bodies), set(organisations))
    used_themes = {t for _o, t in links.org_theme} | {t for _b, t in links.body_theme}

    kept_orgs = {o for o, node in organisations.items() if not kind or node.category == kind}
    kept_bodies = set(bodies)
    kept_themes = used_themes
    if theme is not None:
        chosen = _with_descendants(theme, parents) & set(themes)
        kept_bodies = {b for b, t in links.body_theme if t in chosen}
        kept_orgs = kept_orgs & (
            {o for o, t in links.org_theme if t in chosen}
            | {o for o, b in links.membership if b in kept_bodies}
        )
        kept_themes = (used_themes & chosen) | ({theme} & set(themes))
    elif kind:
        kept_bodies = {b for o, b in links.membership if o in kept_orgs}
        kept_themes = {t for o, t in links.org_theme if o in kept_orgs}

    rows = _rows([organisations[o] for o in organisations if o in kept_orgs], links, bodies, themes)
    if ORGANISATION not in shown_kinds:
        kept_orgs = set()
    if BODY not in shown_kinds:
        kept_bodies = set()
    if THEME not in shown_kinds:
        kept_themes = set()

    edges = _edges(links, organisations, bodies, themes, kept_orgs, kept_bodies, kept_themes)
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    drawn_orgs = [organisations[o] for o in organisations if o in kept_orgs]
    left_out = 0
    if len(drawn_orgs) > drawn_organisations:
        best = sorted(drawn_orgs, key=lambda n: (-degree[n.key], n.name.casefold(), n.pk))
        keep = {n.key for n in best[:drawn_organisations]}
        left_out = len(drawn_orgs) - len(keep)
        drawn_orgs = [n for n in drawn_orgs if n.key in keep]
        edges = [e for e in edges if e.source[0] != "o" or e.source in keep]
    nodes = [
        *(themes[t] for t in themes if t in kept_themes),
        *(bodies[b] for b in bodies if b in kept_bodies),
        *drawn_orgs,
    ]
    return NetworkMap(
        nodes=nodes,
        edges=edges,
        rows=rows,
        left_out=left_out,
        empty_network=not organisations and not bodies,
    )


def _with_descendants(theme: int, parents: dict[int, int | None]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in parents.items():
        if parent is not None:
            children[parent].append(child)
    found, todo = {theme}, [theme]
    while todo:
        for child in children[todo.pop()]:
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _links(today: date, themes: set[int], bodies: set[int], organisations: set[int]) -> _Links:
    """Every link of the network, read in six queries; links to a theme or action in the trash
    are left out."""
    body_theme = {
        (b, t)
        for b, t in BodyTheme.objects.values_list("body_id", "theme_id")
        if b in bodies and t in themes
    }
    membership: dict[tuple[int, int], set[str]] = defaultdict(set)
    for body, own, through_person, role in (
        BodyMembership.objects.filter(running(today))
        .order_by("pk")
        .values_list("body_id", "organisation_id", "contact__organisation_id", "role")
    ):
        organisation = own or through_person
        if organisation in organisations and body in bodies:
            membership[(organisation, body)].add(role)
    org_theme: dict[tuple[int, int], ThemeTie] = defaultdict(ThemeTie)
    for organisation, theme in OrganisationTheme.objects.values_list("organisation_id", "theme_id"):
        if organisation in organisations and theme in themes:
            org_theme[(organisation, theme)].interested = True
    action_themes: dict[int, list[int]] = defaultdict(list)
    for action, theme in (
        ActionTheme.objects.filter(live_only("action"))
        .order_by("pk")
        .values_list("action_id", "theme_id")
    ):
        if theme in themes:
            action_themes[action].append(theme)
    for organisation, theme, action, intended, actual in Engagement.objects.order_by(
        "pk"
    ).values_list("organisation_id", "theme_id", "action_id", "intended", "actual"):
        if organisation not in organisations:
            continue
        for target in [theme] if theme is not None else action_themes.get(action, []):
            if target not in themes:
                continue
            tie = org_theme[(organisation, target)]
            tie.engaged = True
            tie.actual = max(tie.actual or 0, actual or 0) or None
            tie.intended = max(tie.intended or 0, intended or 0) or None
    for organisation, action, role in (
        ActionPartner.objects.filter(live_only("action"))
        .order_by("pk")
        .values_list("organisation_id", "action_id", "role")
    ):
        if organisation not in organisations:
            continue
        for target in action_themes.get(action, []):
            org_theme[(organisation, target)].partner_roles.add(role)
    return _Links(dict(org_theme), dict(membership), body_theme)


def _roles(roles: Iterable[str]) -> str:
    names = labels()["role"]
    return ", ".join(sorted(names[r] for r in roles))


def _edges(
    links: _Links,
    organisations: dict[int, Node],
    bodies: dict[int, Node],
    themes: dict[int, Node],
    kept_orgs: set[int],
    kept_bodies: set[int],
    kept_themes: set[int],
) -> list[Edge]:
    """The edges between kept nodes, in a fixed order: the same data gives the same drawing."""
    edges = []
    for (o, b), roles in sorted(links.membership.items()):
        if o in kept_orgs and b in kept_bodies:
            org, body = organisations[o], bodies[b]
            edges.append(
                Edge(org.key, body.key, MEMBERSHIP, 0, org.name, body.name, frozenset(roles))
            )
    for b, t in sorted(links.body_theme):
        if b in kept_bodies and t in kept_themes:
            body, theme = bodies[b], themes[t]
            edges.append(Edge(body.key, theme.key, BODY_THEME, 0, body.name, theme.name))
    for (o, t), tie in sorted(links.org_theme.items()):
        if o in kept_orgs and t in kept_themes:
            org, theme = organisations[o], themes[t]
            edges.append(
                Edge(org.key, theme.key, tie.link, tie.actual or 0, org.name, theme.name, tie=tie)
            )
    return edges


def _rows(
    organisations: list[Node],
    links: _Links,
    bodies: dict[int, Node],
    themes: dict[int, Node],
) -> list[OrganisationRow]:
    by_org_bodies: dict[int, list[tuple[Node, frozenset[str]]]] = defaultdict(list)
    for (o, b), roles in links.membership.items():
        by_org_bodies[o].append((bodies[b], frozenset(roles)))
    by_org_themes: dict[int, list[tuple[Node, ThemeTie]]] = defaultdict(list)
    theme_order = {t: i for i, t in enumerate(themes)}
    for (o, t), tie in links.org_theme.items():
        by_org_themes[o].append((themes[t], tie))
    return [
        OrganisationRow(
            node=node,
            memberships=sorted(by_org_bodies[node.pk], key=lambda pair: (pair[0].name, pair[0].pk)),
            themes=sorted(by_org_themes[node.pk], key=lambda pair: theme_order[pair[0].pk]),
        )
        for node in organisations
    ]
