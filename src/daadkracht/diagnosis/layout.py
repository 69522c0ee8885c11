"""A force-directed layout of the network in plain Python (Fruchterman and Reingold, 1991).

networkx's own layouts need numpy, which the application does not carry. This one starts from
the nodes on a circle, in the order given, with a seeded jitter, so that the same graph always
gets the same drawing.
"""

import math
import random

import networkx as nx

SEED = 2006
ITERATIONS = 120


def force_layout(graph: nx.Graph, *, seed: int = SEED) -> dict[int, tuple[float, float]]:
    """Positions from -1 to 1 for each node; the heavier an edge's weight, the closer its ends."""
    nodes = list(graph.nodes)
    count = len(nodes)
    if count == 0:
        return {}
    if count == 1:
        return {nodes[0]: (0.0, 0.0)}
    jitter = random.Random(seed)
    position = {
        node: [
            math.cos(2 * math.pi * i / count) + jitter.uniform(-0.05, 0.05),
            math.sin(2 * math.pi * i / count) + jitter.uniform(-0.05, 0.05),
        ]
        for i, node in enumerate(nodes)
    }
    ideal = math.sqrt(4.0 / count)  # the area is 2 by 2
    edges = [(u, v, float(data.get("weight", 1))) for u, v, data in graph.edges(data=True)]
    temperature = 0.2
    cooling = temperature / (ITERATIONS + 1)
    for _ in range(ITERATIONS):
        shift = {node: [0.0, 0.0] for node in nodes}
        for i, u in enumerate(nodes):
            for v in nodes[i + 1 :]:
                dx = position[u][0] - position[v][0]
                dy = position[u][1] - position[v][1]
                distance = max(math.hypot(dx, dy), 0.01)
                push = ideal * ideal / distance
                shift[u][0] += dx / distance * push
                shift[u][1] += dy / distance * push
                shift[v][0] -= dx / distance * push
                shift[v][1] -= dy / distance * push
        for u, v, weight in edges:
            dx = position[u][0] - position[v][0]
            dy = position[u][1] - position[v][1]
            distance = max(math.hypot(dx, dy), 0.01)
            pull = distance * distance / ideal * (0.5 + weight / 5)
            shift[u][0] -= dx / distance * pull
            shift[u][1] -= dy / distance * pull
            shift[v][0] += dx / distance * pull
            shift[v][1] += dy / distance * pull
        for node in nodes:
            dx, dy = shift[node]
            length = max(math.hypot(dx, dy), 0.01)
            step = min(length, temperature)
            position[node][0] += dx / length * step
            position[node][1] += dy / length * step
            # Keep a loose node from drifting off: a gentle pull to the middle.
            position[node][0] *= 0.99
            position[node][1] *= 0.99
        temperature -= cooling
    return _normalised(position)


def _normalised(position: dict[int, list[float]]) -> dict[int, tuple[float, float]]:
    xs = [p[0] for p in position.values()]
    ys = [p[1] for p in position.values()]
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {
        node: (round((x - mid_x) / half, 4), round((y - mid_y) / half, 4))
        for node, (x, y) in position.items()
    }
