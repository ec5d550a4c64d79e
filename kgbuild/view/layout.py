"""Where each entity is drawn, computed before the page opens: a force-directed layout per connected component
(igraph's Fruchterman-Reingold, in C: 5,000 entities in under a second), components packed in rows, the whole
scaled into a BOX of canvas units so that the page opens at a zoom of about 1 whatever the size of the graph."""
from __future__ import annotations

import math
import random
from collections.abc import Iterable

import igraph
import networkx as nx

BOX_WIDTH, BOX_HEIGHT = 1000.0, 620.0
SEED = 7
ITERATIONS = 500
# Above this many nodes in one component, Fruchterman-Reingold repels only nearby nodes (a grid), as igraph advises.
GRID_NODES = 1000
# Space between packed components, in the units of a component's layout (about one unit per node).
GAP = 0.6
MAX_STRETCH = 1.6

Point = tuple[float, float]


def positions(graph: nx.MultiDiGraph) -> dict[str, Point]:
    """x, y of every node within BOX (centred on 0, 0); the same graph always gets the same positions."""
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        laid = [_component_layout(simple, nodes) for nodes in components]
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: Python's random module
    return _fit(_pack(laid))


def _component_layout(simple: nx.Graph, nodes: list[str]) -> dict[str, Point]:
    """Force-directed positions of one connected component, scaled to an area of about one unit per node."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {n: i for i, n in enumerate(nodes)}
    component = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in simple.subgraph(nodes).edges])
    radius = math.sqrt(len(nodes))
    start = [[radius * math.cos(2 * math.pi * i / len(nodes)), radius * math.sin(2 * math.pi * i / len(nodes))]
             for i in range(len(nodes))]
    coords = component.layout_fruchterman_reingold(seed=start, niter=ITERATIONS, grid=len(nodes) > GRID_NODES).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = 1.6 * math.sqrt(len(nodes)) / extent
    return {n: ((x - min(xs)) * scale, (y - min(ys)) * scale) for n, (x, y) in zip(nodes, coords)}


def _pack(layouts: Iterable[dict[str, Point]]) -> dict[str, Point]:
    """Components side by side in rows (largest first), GAP apart, rows about as wide as the box's aspect."""
    boxes = [(layout, max(x for x, _ in layout.values()), max(y for _, y in layout.values())) for layout in layouts]
    area = sum((w + GAP) * (h + GAP) for _, w, h in boxes)
    row_width = max(max((w for _, w, _ in boxes), default=0.0), math.sqrt(area * BOX_WIDTH / BOX_HEIGHT))
    placed: dict[str, Point] = {}
    x = y = row_height = 0.0
    for layout, width, height in boxes:
        if x and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        placed.update((n, (x + px, y + py)) for n, (px, py) in layout.items())
        x, row_height = x + width + GAP, max(row_height, height)
    return placed


def _fit(points: dict[str, Point]) -> dict[str, Point]:
    """The points scaled into BOX and centred on 0, 0, rounded to 0.1 unit; one axis is stretched at most
    MAX_STRETCH times the other, so that a graph fills a wide window without looking distorted."""
    if not points:
        return {}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    sx, sy = BOX_WIDTH / width if width else math.inf, BOX_HEIGHT / height if height else math.inf
    if sx == sy == math.inf:
        sx = sy = 1.0
    sx, sy = min(sx, MAX_STRETCH * sy), min(sy, MAX_STRETCH * sx)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round((x - cx) * sx, 1), round((y - cy) * sy, 1)) for n, (x, y) in points.items()}


def spacing(count: int) -> float:
    """The typical distance between neighbouring nodes in BOX when `count` nodes are drawn."""
    return math.sqrt(BOX_WIDTH * BOX_HEIGHT / max(count, 1))
