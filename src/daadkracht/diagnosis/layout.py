"""A force-directed layout of the network in plain Python (Fruchterman and Reingold, 1991).

networkx's own layouts need numpy, which the application does not carry. This one starts from
the nodes on a circle, in the order given, with a seeded jitter, so that the same graph always
gets the same drawing. A caller may instead give the starting positions, keep some nodes where
they start (`fixed`) and spend fewer rounds (`iterations`): each round costs time in the square
of the number of nodes, so a large drawing starts close to its end and moves little.
"""

import math
import random
from collections.abc import Collection, Hashable, Mapping

import networkx as nx

SEED = 2006
ITERATIONS = 80


def force_layout[N: Hashable](
    graph: nx.Graph,
    *,
    seed: int = SEED,
    iterations: int = ITERATIONS,
    start: Mapping[N, tuple[float, float]] | None = None,
    fixed: Collection[N] = (),
) -> dict[N, tuple[float, float]]:
    """Positions from -1 to 1 for each node; the heavier an edge's weight, the closer its ends."""
    nodes: list[N] = list(graph.nodes)
    count = len(nodes)
    if count == 0:
        return {}
    if count == 1:
        return {nodes[0]: (0.0, 0.0)}
    jitter = random.Random(seed)
    if start is None:
        position = {
            node: [
                math.cos(2 * math.pi * i / count) + jitter.uniform(-0.05, 0.05),
                math.sin(2 * math.pi * i / count) + jitter.uniform(-0.05, 0.05),
            ]
            for i, node in enumerate(nodes)
        }
    else:
        # A little jitter still, so that two nodes given the same place come apart.
        position = {
            node: [
                start.get(node, (0.0, 0.0))[0] + jitter.uniform(-0.01, 0.01),
                start.get(node, (0.0, 0.0))[1] + jitter.uniform(-0.01, 0.01),
            ]
            for node in nodes
        }
        for node in fixed:
            if node in position:
                position[node] = list(start.get(node, (0.0, 0.0)))
    ideal = math.sqrt(4.0 / count)  # the area is 2 by 2
    index = {node: i for i, node in enumerate(nodes)}
    xs = [position[node][0] for node in nodes]
    ys = [position[node][1] for node in nodes]
    edges = [
        (index[u], index[v], (0.5 + float(data.get("weight", 1)) / 5) / ideal)
        for u, v, data in graph.edges(data=True)
    ]
    square = ideal * ideal
    pinned = [index[node] for node in fixed if node in index]
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        shift_x = [0.0] * count
        shift_y = [0.0] * count
        for i in range(count):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, count):
                dx, dy = xi - xs[j], yi - ys[j]
                # Repulsion k²/d along the unit vector: (dx, dy) * k² / d².
                push = square / max(dx * dx + dy * dy, 0.0001)
                shift_x[i] += dx * push
                shift_y[i] += dy * push
                shift_x[j] -= dx * push
                shift_y[j] -= dy * push
        for i, j, strength in edges:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            # Attraction d²/k along the unit vector: (dx, dy) * d / k, stronger for heavier ties.
            pull = math.sqrt(dx * dx + dy * dy) * strength
            shift_x[i] -= dx * pull
            shift_y[i] -= dy * pull
            shift_x[j] += dx * pull
            shift_y[j] += dy * pull
        for i in pinned:
            shift_x[i] = shift_y[i] = 0.0
        for i in range(count):
            dx, dy = shift_x[i], shift_y[i]
            length = max(math.sqrt(dx * dx + dy * dy), 0.01)
            step = min(length, temperature) / length
            # A gentle pull to the middle keeps a loose node from drifting off.
            xs[i] = (xs[i] + dx * step) * 0.99
            ys[i] = (ys[i] + dy * step) * 0.99
        for i in pinned:
            xs[i], ys[i] = position[nodes[i]][0], position[nodes[i]][1]
        temperature -= cooling
    position = {node: [xs[i], ys[i]] for i, node in enumerate(nodes)}
    return _normalised(position)


def _normalised[N: Hashable](position: dict[N, list[float]]) -> dict[N, tuple[float, float]]:
    xs = [p[0] for p in position.values()]
    ys = [p[1] for p in position.values()]
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {
        node: (round((x - mid_x) / half, 4), round((y - mid_y) / half, 4))
        for node, (x, y) in position.items()
    }
