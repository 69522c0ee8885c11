"""The plan's themes as a tree: each main theme (a Bridge) followed by its sub-themes."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.db.models.functions import Coalesce

from daadkracht.plans.models import Plan, Theme

# The tree order in SQL, for a list of some of the plan's themes (an action's, say): each theme
# at its main theme's place, the main theme first, then its sub-themes in their own order.
TREE_ORDER: tuple[Any, ...] = (
    Coalesce("parent__position", "position"),
    Coalesce("parent__code", "code"),
    Coalesce("parent__name", "name"),
    Coalesce("parent_id", "id"),
    F("parent_id").asc(nulls_first=True),
    "position",
    "code",
    "name",
    "id",
)


@dataclass
class ThemeNode:
    """A theme in the tree: how deep it lies, its main theme, and its sub-themes in order."""

    theme: Theme
    depth: int
    root: Theme
    children: list["ThemeNode"] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The theme's name indented with a dash per level, for a list of choices."""
        return "— " * self.depth + str(self.theme)


def theme_tree(plan: Plan) -> list[ThemeNode]:
    """Every live theme of the plan in tree order (one query)."""
    return arrange_themes(Theme.objects.filter(plan=plan))


def arrange_themes(themes: Iterable[Theme]) -> list[ThemeNode]:
    """The given themes of one plan in tree order: each theme followed by its sub-themes, both
    in the order the themes come in. For themes a caller has read already (annotated, say).

    A theme whose parent is not among them (in the trash, say) stands as a main theme.
    """
    themes = list(themes)
    known = {theme.pk for theme in themes}
    children: dict[int, list[Theme]] = {}
    for theme in themes:
        if theme.parent_id in known:
            children.setdefault(theme.parent_id, []).append(theme)
    nodes: list[ThemeNode] = []
    placed: set[int] = set()

    def place(theme: Theme, depth: int, root: Theme) -> ThemeNode:
        placed.add(theme.pk)
        node = ThemeNode(theme, depth, root)
        nodes.append(node)
        for child in children.get(theme.pk, []):
            if child.pk not in placed:
                node.children.append(place(child, depth + 1, root))
        return node

    for theme in themes:
        if theme.parent_id not in known:
            place(theme, 0, theme)
    # Themes that only lead to each other never reach a main theme: show them, not lose them.
    for theme in themes:
        if theme.pk not in placed:
            place(theme, 0, theme)
    return nodes


def main_themes(tree: list[ThemeNode]) -> list[ThemeNode]:
    return [node for node in tree if node.depth == 0]


def theme_options(plan: Plan) -> list[tuple[int, str]]:
    """(id, label) of every theme in tree order, sub-themes indented: a filter's choices."""
    return [(node.theme.pk, node.label) for node in theme_tree(plan)]


def tree_key(theme: Theme, parent: Theme | None) -> tuple[Any, ...]:
    """Where a theme stands in the tree, as `TREE_ORDER` sorts it: at its main theme's place."""
    root = parent or theme
    own = (theme.position, theme.code, theme.name, theme.pk)
    return (root.position, root.code, root.name, root.pk, parent is not None, *own)


def in_tree_order(
    themes: Iterable[Theme], parents: Mapping[int, Theme] | None = None
) -> list[Theme]:
    """Some of the plan's themes in tree order, each sub-theme right after its main theme's
    place. The parents come from `parents` (id -> theme) or else from `theme.parent`, which
    the caller has selected along (no query per theme)."""

    def parent_of(theme: Theme) -> Theme | None:
        if theme.parent_id is None:
            return None
        return parents.get(theme.parent_id) if parents is not None else theme.parent

    return sorted(themes, key=lambda theme: tree_key(theme, parent_of(theme)))
