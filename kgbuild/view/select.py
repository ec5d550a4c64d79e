"""Which entities the page draws: a neighbourhood, the most connected, without entities that have no relation."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Selection:
    """The part of the graph to draw and what the page says about it."""

    part: nx.MultiDiGraph  # a read-only view of the graph, or the graph itself
    caption: str       # "" when the part is the whole graph
    focus: str | None  # IRI of the --focus entity
    isolated: int      # entities left out because they have no relation


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose IRI, label or alias is `name` (case-insensitive); the most connected one if several."""
    if name in graph:
        return name
    wanted = name.casefold()
    matches = [n for n, data in graph.nodes(data=True)
               if any(s.casefold() == wanted for s in (data["label"], *data["aliases"]))]
    if not matches:
        raise KeyError(f"no entity named {name!r}")
    return min(matches, key=lambda n: (-graph.degree(n), n))


def select(graph: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 1, max_nodes: int | None = None,
           isolated: bool = False) -> Selection:
    """The part of the graph to draw.

    With `focus`, the entities within `hops` relations of it (either direction). Entities with no relation are
    left out unless `isolated`. Then, when more than `max_nodes` remain (0 or None: no cap), the most connected
    of them, and only those related to another one drawn (the focus always kept).
    """
    part, centre, scope = graph, None, ""
    if focus is not None:
        centre = find_node(graph, focus)
        reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=hops)
        part = graph.subgraph(reach)
        scope = f" within {hops} hop{'s' if hops != 1 else ''} of {graph.nodes[centre]['label']}"
    lonely = 0
    if not isolated:
        kept = [n for n in part if part.degree(n) or n == centre]
        lonely = part.number_of_nodes() - len(kept)
        part = graph.subgraph(kept)
    if max_nodes and part.number_of_nodes() > max_nodes:
        part = graph.subgraph(_most_connected(part, max_nodes, centre, keep_isolated=isolated))
        scope = f": the most connected{scope}"
    caption = ""
    if part.number_of_nodes() != graph.number_of_nodes():
        caption = f"{part.number_of_nodes():,} of {graph.number_of_nodes():,} entities{scope}"
    return Selection(part, caption, centre, lonely)


def _most_connected(part: nx.MultiDiGraph, count: int, centre: str | None, *, keep_isolated: bool) -> set[str]:
    """The `count` nodes of highest degree, where a node none of whose neighbours is kept gives way to the next
    one related to a kept node (a capped page never shows a dot with no line)."""
    ranked = sorted(part, key=lambda n: (n != centre, -part.degree(n), n))
    undirected = part.to_undirected(as_view=True)
    chosen = set(ranked[:count])
    if keep_isolated:
        return chosen
    for _ in range(count):  # each round only adds nodes with a kept neighbour, so this ends in a few rounds
        lonely = {n for n in chosen if n != centre and not any(m in chosen for m in undirected[n] if m != n)}
        if not lonely:
            break
        chosen -= lonely
        for n in ranked[count:]:
            if len(chosen) >= count:
                break
            if n not in chosen and n not in lonely and any(m in chosen for m in undirected[n]):
                chosen.add(n)
    return chosen
