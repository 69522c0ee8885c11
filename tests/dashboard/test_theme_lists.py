"""Every list of themes shows a sub-theme under its own main theme: the dashboard's filters and
table, the action page and list, the action form, the ranking filters, exports and history."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from daadkracht.access.context import tenant_scope
from daadkracht.history.models import AuditEntry
from daadkracht.plans.models import Action, Theme
from daadkracht.plans.selectors.themes import TREE_ORDER, in_tree_order, theme_tree
from daadkracht.plans.services.actions import action_update
from daadkracht.testing.factories import as_platform
from tests.plans.test_spreadsheets_export import TEMPLATE_URL, csv_records, xlsx_sheet

# The positions put the sub-theme first if a list sorts by position alone.
EXPECTED = ["B1 Energie", "B3 Mobiliteit", "B3.1 Fiets"]


@pytest.fixture
@as_platform
def themes(world):
    energy = Theme.unscoped.create(
        municipality=world.a, plan=world.plan_a, code="B1", name="Energie", position=1
    )
    mobility = Theme.unscoped.create(
        municipality=world.a, plan=world.plan_a, code="B3", name="Mobiliteit", position=2
    )
    cycling = Theme.unscoped.create(
        municipality=world.a,
        plan=world.plan_a,
        code="B3.1",
        name="Fiets",
        parent=mobility,
        position=0,
    )
    world.action_a.themes.set([cycling, energy, mobility])
    return energy, mobility, cycling


def names(themes) -> list[str]:
    return [str(theme) for theme in themes]


def test_the_sql_and_the_python_tree_order_agree(world, themes):
    with tenant_scope(world.a):
        from_sql = list(Theme.objects.filter(plan=world.plan_a).order_by(*TREE_ORDER))
        tree = [node.theme for node in theme_tree(world.plan_a)]
        parents = {theme.pk: theme for theme in tree}
        assert names(from_sql) == names(tree) == names(in_tree_order(reversed(tree), parents))
    assert names(from_sql) == EXPECTED


def test_the_action_page_lists_its_themes_in_the_tree(world, themes):
    response = world.client_for("viewer").get(f"/alfa/plan/acties/{world.action_a.pk}/")

    assert names(response.context["themes"]) == EXPECTED


def test_the_action_list_rows_show_the_themes_in_the_tree(world, themes):
    response = world.client_for("viewer").get("/alfa/plan/acties/")

    content = response.content.decode()
    row = content[content.index("Fietsstraten in het centrum") :]
    row = row[: row.index("</tr>")]
    assert re.findall(r'class="theme-chip" title="([^"]+)"', row) == [
        "Energie",
        "Mobiliteit",
        "Fiets",
    ]


def test_the_filters_of_the_dashboard_lists_and_the_ranking_indent_the_sub_theme(world, themes):
    client = world.client_for("coordinator")
    for url in (
        "/alfa/dashboard/aandacht/",
        "/alfa/plan/acties/",
        "/alfa/plan/prioriteiten/",
        "/alfa/plan/prioriteiten/kostencurve/",
    ):
        options = client.get(url).context["theme_options"]
        assert [label for _pk, label in options] == ["B1 Energie", "B3 Mobiliteit", "— B3.1 Fiets"]


def test_the_action_form_groups_the_sub_theme_under_its_bridge(world, themes):
    form = world.client_for("coordinator").get(f"/alfa/plan/acties/{world.action_a.pk}/bewerken/")

    groups = form.context["form"].theme_groups
    assert [(str(g.theme), names(c.theme for c in g.children)) for g in groups] == [
        ("B1 Energie", []),
        ("B3 Mobiliteit", ["B3.1 Fiets"]),
    ]


def test_the_dashboard_rolls_the_sub_theme_into_its_bridge(world, themes):
    dashboard = world.client_for("viewer").get("/alfa/").context["dashboard"]

    assert [str(t.theme) for t in dashboard.themes if t.theme] == ["B1 Energie", "B3 Mobiliteit"]


def test_the_export_and_the_template_list_the_themes_in_the_tree(world, themes):
    client = world.client_for("coordinator")
    rows = csv_records(client.get("/alfa/plan/acties/export/?format=csv"))

    row = next(r for r in rows if r["Nummer"] == "B3.01")
    assert row["Thema's"] == "B1; B3; B3.1"
    workbook, _sheet = xlsx_sheet(client.get(TEMPLATE_URL))
    text = "\n".join(
        str(value) for row in workbook["Uitleg"].iter_rows(values_only=True) for value in row
    )
    assert "B1 Energie\nB3 Mobiliteit\nB3.1 Fiets" in text


def test_the_history_names_the_themes_in_the_tree(world, themes):
    energy, _mobility, _cycling = themes
    with world.as_member("coordinator"):
        action = Action.objects.get(pk=world.action_a.pk)
        action.themes.set([energy])
        action_update(
            actor=world.users["coordinator"],
            action=action,
            expected_version=action.version,
            themes=list(themes),
            tag_names=[],
            involvements=[],
        )
    entry = AuditEntry.unscoped.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
    ).latest("id")
    assert entry.changes["themes"] == ["B1 Energie", ", ".join(EXPECTED)]
