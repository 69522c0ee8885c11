"""The network map: what it draws, how the filters narrow it, that it never names a person or
shows another municipality's organisations, and who may read it."""

import csv
import io
from http import HTTPStatus
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.networkmap.selectors import (
    BODY_THEME,
    ENGAGED,
    INTENDED,
    INTEREST,
    MEMBERSHIP,
    PARTNER,
    network_map,
)
from tests.networkmap.conftest import map_url
from tests.svg_bounds import SVG, chart_svg, labels_outside


def _page(world, who: str = "coordinator", query: str = "") -> str:
    response = world.client_for(who).get(map_url(world, query))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def _svg(html: str) -> ElementTree.Element:
    return ElementTree.fromstring(chart_svg(html, 'class="network-map"'))


def _node_titles(html: str) -> list[str]:
    root = _svg(html)
    return [a.find(f"{SVG}title").text for a in root.iter(f"{SVG}a")]


def _edges(world, **filters) -> set[tuple[str, str, str]]:
    with world.as_member("viewer"):
        net = network_map(**filters)
    names = {node.key: node.name for node in net.nodes}
    return {(names[e.source], names[e.target], e.link) for e in net.edges}


def test_the_map_draws_organisations_bodies_and_themes_with_their_links(world, alliance):
    assert _edges(world) == {
        ("Fluvius", "Beleidsgroep klimaat", MEMBERSHIP),
        ("IVBO", "Beleidsgroep klimaat", MEMBERSHIP),
        # Els sits in the workbench: the edge is her organisation's.
        ("Welzijnsschakels Brugge", "Klimaatwerkbank fossielvrij verwarmen", MEMBERSHIP),
        ("Klimaatwerkbank fossielvrij verwarmen", "B1 Fossielvrij verwarmen", BODY_THEME),
        ("Fluvius", "B1 Fossielvrij verwarmen", INTEREST),
        # Partner on an action counts for the action's theme.
        ("Fluvius", "B3 Brugge verplaatst zich slim", PARTNER),
        ("IVBO", "B1.A Woningen renoveren", ENGAGED),
        # Engaged in an action, not yet at any level: intended only.
        ("Welzijnsschakels Brugge", "B3 Brugge verplaatst zich slim", INTENDED),
        ("Sint-Lodewijkscollege", "B3 Brugge verplaatst zich slim", INTEREST),
    }
    html = _page(world)
    titles = _node_titles(html)
    for name in ("Fluvius", "IVBO", "Beleidsgroep klimaat", "B1.A Woningen renoveren"):
        assert any(title.startswith(f"{name} (") for title in titles), name
    # A body without members is still part of the structure; the ended membership is no edge.
    assert any(title.startswith("Oude stuurgroep (") for title in titles)
    assert "Fluvius in Beleidsgroep klimaat: voorzitter" in html
    assert "betrokken: samen uitvoeren (beoogd: zelf laten beslissen)" in html


@pytest.mark.parametrize("who", ["coordinator", "viewer", "coach"])
def test_the_map_never_names_a_person_nor_shows_another_municipality(world, alliance, who):
    html = _page(world, who)
    assert "Els Vandamme" not in html
    assert "els@welzijn.example" not in html
    assert "Geheime vzw van Beta" not in html
    assert "Welzijnsschakels Brugge" in html


def test_a_theme_shows_its_neighbourhood(world, alliance):
    edges = _edges(world, theme=alliance.heating.pk)
    nodes = {name for edge in edges for name in edge[:2]}
    assert nodes == {
        "B1 Fossielvrij verwarmen",
        "B1.A Woningen renoveren",  # a sub-theme
        "Klimaatwerkbank fossielvrij verwarmen",
        "Fluvius",
        "IVBO",
        "Welzijnsschakels Brugge",  # sits in the theme's workbench
    }
    html = _page(world, query=f"?theme={alliance.heating.pk}")
    titles = " ".join(_node_titles(html))
    assert "Sint-Lodewijkscollege" not in titles
    assert "Beleidsgroep klimaat" not in titles
    assert "De omgeving van B1 Fossielvrij verwarmen" in html


def test_a_type_shows_those_organisations_and_what_they_link_to(world, alliance):
    html = _page(world, query="?kind=school")
    titles = " ".join(_node_titles(html))
    assert "Sint-Lodewijkscollege" in titles
    assert "B3 Brugge verplaatst zich slim" in titles
    assert "Fluvius" not in titles
    assert "Beleidsgroep klimaat" not in titles
    # The table follows the filter too.
    assert "Fluvius" not in html.split('id="map-table"')[1]


def test_the_kinds_of_node_can_be_left_out(world, alliance):
    html = _page(world, query="?shown=1&bodies=1&themes=1")
    titles = " ".join(_node_titles(html))
    assert "Fluvius (" not in titles
    assert "Klimaatwerkbank fossielvrij verwarmen (" in titles
    assert "0 organisaties" in html
    # The tick boxes keep what was asked.
    assert 'name="organisations" value="1">' in html
    assert 'name="bodies" value="1" checked>' in html


def test_filters_that_match_nothing_say_so(world, alliance):
    html = _page(world, query="?kind=port")
    assert "Niets op de kaart past bij deze filters." in html
    assert "Geen enkele organisatie past bij deze filters." in html
    assert 'class="network-map"' not in html


def test_an_empty_network_shows_how_to_start(world):
    html = _page(world)
    assert "Het netwerk heeft nog geen organisaties of organen." in html
    assert "Organisatie toevoegen" in html
    assert "Orgaan toevoegen" in html
    assert "Orgaan toevoegen" not in _page(world, "viewer")


def test_the_drawing_is_accessible(world, alliance):
    html = _page(world)
    root = _svg(html)
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "map-title map-desc"
    assert root.find(f"{SVG}title").text == "Kaart van het netwerk"
    assert root.find(f"{SVG}desc").text.startswith(
        "3 thema's, 3 organen, 4 organisaties en 9 verbindingen."
    )
    nodes = list(root.iter(f"{SVG}a"))
    assert len(nodes) == 10
    for node in nodes:
        assert node.attrib["href"].startswith("/alfa/")
        assert node.find(f"{SVG}title").text
    hrefs = {node.attrib["href"] for node in nodes}
    assert f"/alfa/netwerk/organisaties/{alliance.fluvius.pk}/" in hrefs
    assert f"/alfa/organen/{alliance.workbench.pk}/" in hrefs
    assert f"/alfa/plan/acties/?theme={alliance.heating.pk}" in hrefs
    # Each shape per kind of node: colour is not the only cue.
    assert len(list(root.iter(f"{SVG}rect"))) == 3
    assert len(list(root.iter(f"{SVG}polygon"))) == 3
    assert len(list(root.iter(f"{SVG}circle"))) == 4
    assert labels_outside(chart_svg(html, 'class="network-map"')) == []


def test_a_long_name_is_shortened_on_the_drawing_and_whole_in_its_title(world, alliance):
    long_name = "Vereniging voor duurzame energie en klimaatbewuste buurten van Brugge-Noord"
    with tenant_scope(world.a):
        alliance.ivbo.name = long_name
        alliance.ivbo.save()
    html = _page(world)
    root = _svg(html)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert long_name not in texts
    assert any(t.startswith("Vereniging voor") and t.endswith("…") for t in texts)
    assert any(title.startswith(long_name) for title in _node_titles(html))


def test_the_table_sorts_and_exports(world, alliance):
    html = _page(world, query="?sort=-name")
    table = html.split('id="map-table"')[1]
    assert table.index("Welzijnsschakels Brugge") < table.index("Fluvius")
    response = world.client_for("viewer").get(map_url(world, "?export=csv"))
    assert response.status_code == HTTPStatus.OK
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Fluvius", "IVBO", "Sint-Lodewijkscollege", "Welzijnsschakels Brugge"}
    assert (
        "Klimaatwerkbank fossielvrij verwarmen (secretaris)" in by_name["Welzijnsschakels Brugge"]
    )
    assert (
        by_name["IVBO"][4]
        == "B1.A Woningen renoveren: samen uitvoeren (beoogd: zelf laten beslissen)"
    )
    assert "Els Vandamme" not in text
    response = world.client_for("coach").get(map_url(world, "?export=xlsx&kind=grid_operator"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values[1:]] == ["Fluvius"]


def test_the_map_is_linked_from_the_network_pages(world, alliance):
    response = world.client_for("viewer").get("/alfa/netwerk/")
    assert 'href="/alfa/netwerk/kaart/"' in response.content.decode()
