"""The plan's themes as one tree, for the settings, the forms, the filters and the dashboard."""

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.plans.selectors.themes import (
    ThemeNode,
    arrange_themes,
    main_themes,
    theme_options,
    theme_tree,
)
from daadkracht.testing.factories import as_platform


@as_platform
def add(world, name: str, position: int, parent: Theme | None = None, code: str = "") -> Theme:
    return Theme.unscoped.create(
        municipality=world.a,
        plan=world.plan_a,
        name=name,
        code=code,
        position=position,
        parent=parent,
    )


def shape(tree: list[ThemeNode]) -> list[tuple[str, int, str]]:
    return [(node.theme.name, node.depth, node.root.name) for node in tree]


def test_each_main_theme_is_followed_by_its_sub_themes_in_order(world, django_assert_num_queries):
    b3 = add(world, "Mobiliteit", 1, code="B3")
    b1 = add(world, "Energie", 0, code="B1")
    add(world, "Fiets", 1, parent=b3)
    add(world, "Deelauto", 0, parent=b3)
    add(world, "Zon", 0, parent=b1)

    with tenant_scope(world.a), django_assert_num_queries(1):
        tree = theme_tree(world.plan_a)

    assert shape(tree) == [
        ("Energie", 0, "Energie"),
        ("Zon", 1, "Energie"),
        ("Mobiliteit", 0, "Mobiliteit"),
        ("Deelauto", 1, "Mobiliteit"),
        ("Fiets", 1, "Mobiliteit"),
    ]
    assert [n.theme.name for n in main_themes(tree)] == ["Energie", "Mobiliteit"]
    assert [c.theme.name for c in main_themes(tree)[1].children] == ["Deelauto", "Fiets"]


def test_filter_choices_indent_the_sub_themes(world):
    b3 = add(world, "Mobiliteit", 0, code="B3")
    fiets = add(world, "Fiets", 0, parent=b3, code="B3.1")

    with tenant_scope(world.a):
        options = theme_options(world.plan_a)

    assert options == [(b3.pk, "B3 Mobiliteit"), (fiets.pk, "— B3.1 Fiets")]


@as_platform
def test_a_theme_under_a_trashed_one_stands_as_a_main_theme(world):
    parent = add(world, "Oud", 0)
    orphan = add(world, "Wees", 1, parent=parent)
    add(world, "Nieuw", 2)
    Theme.unscoped.filter(pk=parent.pk).update(deleted_at="2026-01-01T00:00:00Z")

    with tenant_scope(world.a):
        tree = theme_tree(world.plan_a)

    assert shape(tree) == [("Wees", 0, "Wees"), ("Nieuw", 0, "Nieuw")]
    assert tree[0].theme == orphan


def test_themes_that_only_lead_to_each_other_are_shown_rather_than_lost(world):
    first, second = add(world, "Een", 0), add(world, "Twee", 1)
    first.parent_id, second.parent_id = second.pk, first.pk

    tree = arrange_themes([first, second])

    assert shape(tree) == [("Een", 0, "Een"), ("Twee", 1, "Een")]
