"""The graph's structure, computed before the page opens, in C (igraph: 5,000 entities in about 2 s).

Where each entity is drawn: a force-directed layout per connected component (Fruchterman-Reingold),
components packed in rows, the whole scaled into a BOX of canvas units so that the page opens at a zoom of
about 1 whatever the size of the graph. Which entities belong together: communities (the Louvain method).
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import igraph
import networkx as nx

BOX_WIDTH, BOX_HEIGHT = 1000.0, 620.0
SEED = 7
ITERATIONS = 500
# Above this many nodes in one component, Fruchterman-Reingold repels only nearby nodes (a grid), as igraph advises.
GRID_NODES = 500
# Space between packed components, in the units of a component's layout (about one unit per node).
GAP = 0.6
MAX_STRETCH = 1.6

Point = tuple[float, float]


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The entities and which are related, without direction, parallel relations, self-loops or data."""
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def positions(graph: nx.MultiDiGraph) -> dict[str, Point]:
    """x, y of every node within BOX (centred on 0, 0); the same graph always gets the same positions."""
    simple = undirected(graph)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    with _seeded():
        laid = [_component_layout(simple, nodes) for nodes in components]
    return _fit(_pack(laid))


def communities(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Groups of densely related entities, largest first (igraph's community_multilevel: the Louvain method, as
    networkx's louvain_communities, 100 times faster at 5,000 entities); the same graph gives the same groups."""
    simple = undirected(graph)
    nodes = sorted(simple)
    if not nodes:
        return []
    with _seeded():
        found = _igraph(simple, nodes).community_multilevel()
    groups = [sorted(nodes[i] for i in members) for members in found]
    return sorted(groups, key=lambda c: (-len(c), c))


@contextmanager
def _seeded() -> Iterator[None]:
    """igraph's random numbers from a fixed seed (it draws them from Python's random module by default)."""
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _igraph(simple: nx.Graph, nodes: list[str]) -> igraph.Graph:
    """The subgraph of `nodes` as an igraph graph whose vertex i is nodes[i]."""
    index = {n: i for i, n in enumerate(nodes)}
    return igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in simple.subgraph(nodes).edges])


def _component_layout(simple: nx.Graph, nodes: list[str]) -> dict[str, Point]:
    """Force-directed positions of one connected component, scaled to an area of about one unit per node."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    # Random start (igraph's, from the fixed seed): spread out, so that the grid variant stays fast.
    coords = _igraph(simple, nodes).layout_fruchterman_reingold(niter=ITERATIONS, grid=len(nodes) > GRID_NODES).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    left, top = min(xs), min(ys)
    scale = 1.6 * math.sqrt(len(nodes)) / (max(max(xs) - left, max(ys) - top) or 1.0)
    return {n: ((x - left) * scale, (y - top) * scale) for n, (x, y) in zip(nodes, coords)}


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
