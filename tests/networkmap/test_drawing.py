"""The drawing: the same data gives the same SVG, themes keep their ring, every colour keeps
3:1 against white, and a very large network is drawn by its best-linked organisations."""

import networkx as nx
from django.core.cache import cache

from daadkracht.diagnosis.layout import force_layout
from daadkracht.networkmap.drawing import EDGE_STYLES, KIND_COLOURS, map_layout, map_svg
from daadkracht.networkmap.selectors import THEME, network_map
from daadkracht.stakeholders.models import Organisation, OrganisationKind


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_colour_keeps_three_to_one_against_white():
    colours = [*KIND_COLOURS.values(), *(style[0] for style in EDGE_STYLES.values())]
    for colour in colours:
        assert 1.05 / (_luminance(colour) + 0.05) >= 3, colour
    assert set(KIND_COLOURS) == set(OrganisationKind)


def test_the_same_network_gives_the_same_svg(world, alliance):
    with world.as_member("viewer"):
        first = map_svg(network_map(), municipality="alfa")
        cache.clear()  # laid out again, not read from the cache
        second = map_svg(network_map(), municipality="alfa")
    assert first == second


def test_themes_stand_on_a_ring(world, alliance):
    with world.as_member("viewer"):
        net = network_map()
        positions = map_layout(net)
    themes = [positions[n.key] for n in net.nodes if n.kind == THEME]
    middle = (sum(x for x, _ in themes) / len(themes), sum(y for _, y in themes) / len(themes))
    radii = [((x - middle[0]) ** 2 + (y - middle[1]) ** 2) ** 0.5 for x, y in themes]
    assert max(radii) - min(radii) < 0.01
    assert all(-1 <= value <= 1 for point in positions.values() for value in point)


def test_the_layout_keeps_fixed_nodes_where_they_start():
    graph = nx.Graph()
    graph.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    start = {"a": (-1.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 0.3), "d": (0.0, -0.2)}
    positions = force_layout(graph, start=start, fixed={"a", "b"}, iterations=5)
    assert positions["a"] == (-1.0, positions["a"][1])
    assert positions["a"][1] == positions["b"][1]
    assert positions == force_layout(graph, start=start, fixed={"a", "b"}, iterations=5)


def test_a_large_network_draws_its_best_linked_organisations_and_says_so(world, alliance):
    with world.as_member("coordinator"):
        Organisation.objects.bulk_create(
            [
                Organisation(name=f"Buurtcomité {n:03d}", kind=OrganisationKind.CITIZEN_GROUP)
                for n in range(30)
            ]
        )
        net = network_map(drawn_organisations=10)
    organisations = [n.name for n in net.nodes if n.kind == "organisation"]
    assert len(organisations) == 10
    # The linked ones first, then by name.
    assert {"Fluvius", "IVBO", "Sint-Lodewijkscollege", "Welzijnsschakels Brugge"} <= set(
        organisations
    )
    assert net.left_out == 24
    assert len(net.rows) == 34
    response = world.client_for("viewer").get("/alfa/netwerk/kaart/")
    assert "De tabel hieronder toont elke organisatie." not in response.content.decode()
