"""Interactive HTML view of the entity graph: one self-contained vis-network page, no remote resources."""
from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from .files import write_atomic
from .model import HEDGED, REPORTED
from .settings import MAX_NODES

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Colour and vis-network shape per entity type; any other type is drawn (and listed in the legend) as "Thing".
STYLE = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Place": ("#59a14f", "triangle"),
    "Product": ("#b07aa1", "diamond"),
    "Event": ("#e15759", "star"),
    "CreativeWork": ("#edc948", "triangleDown"),
    "Thing": ("#9d9d9d", "hexagon"),
}
# The legend's character for each shape.
GLYPH = {"dot": "\u25cf", "square": "\u25a0", "triangle": "\u25b2", "diamond": "\u25c6", "star": "\u2605",
         "triangleDown": "\u25bc", "hexagon": "\u2b22"}
OTHER = "Thing"
DASHED = (HEDGED, REPORTED)
# Default cap on the entities drawn: beyond a few hundred the page gets slow and unreadable.
# Below this many nodes vis-network's improved (Kamada-Kawai) initial layout is worth its cost.
IMPROVED_LAYOUT_NODES = 100

# vis-network options. The page turns physics off once stabilisation is done.
OPTIONS = {
    "groups": {kind: {"color": colour, "shape": shape} for kind, (colour, shape) in STYLE.items()},
    "nodes": {"font": {"size": 14}, "borderWidth": 1, "scaling": {"min": 8, "max": 36}},
    "edges": {
        "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 20, "fit": True},
    },
    "layout": {"randomSeed": 7},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
}

_ENV = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True)


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


def select(graph: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 1,
           max_nodes: int | None = MAX_NODES) -> tuple[nx.MultiDiGraph, str]:
    """The part of the graph to draw, and a caption saying what it is ("" when it is the whole graph).

    With `focus`, the entities within `hops` relations of it (either direction); then, when there are
    more than `max_nodes` (0 or None: no cap), the most connected of them (the focus always kept).
    """
    part, centre, scope = graph, None, ""
    if focus is not None:
        centre = find_node(graph, focus)
        reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=hops)
        part = graph.subgraph(reach)
        scope = f" within {hops} hop{'s' if hops != 1 else ''} of {graph.nodes[centre]['label']}"
    if max_nodes and part.number_of_nodes() > max_nodes:
        ranked = sorted(part, key=lambda n: (n != centre, -graph.degree(n), n))
        part = graph.subgraph(ranked[:max_nodes])
        scope = f": the most connected{scope}"
    if part.number_of_nodes() == graph.number_of_nodes():
        return part, ""
    return part, f"{part.number_of_nodes():,} of {graph.number_of_nodes():,} entities{scope}"


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph", caption: str = "") -> str:
    """The graph as a standalone HTML page (vis-network inlined; all graph text is escaped)."""
    nodes = []
    for iri in sorted(graph.nodes):
        data = graph.nodes[iri]
        nodes.append({
            "id": iri,
            "label": data["label"],
            "group": data["type"] if data["type"] in STYLE else OTHER,
            "value": round(math.sqrt(graph.degree(iri)), 3),
            "info": {k: data[k] for k in ("type", "aliases", "roles", "mentions", "articles")},
        })

    edges = []
    per_pair: Counter[frozenset[str]] = Counter()
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        pair = frozenset((source, target))
        edges.append({
            "id": f"{source} {key} {target}",
            "from": source,
            "to": target,
            "label": data["label"],
            "dashes": data["modality"] in DASHED,
            # Bend parallel edges apart so their labels do not overlap.
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.2 * per_pair[pair]},
            "info": {k: data[k] for k in ("predicate", "label", "modality", "evidence")},
        })
        per_pair[pair] += 1

    kinds = {n["group"] for n in nodes}
    predicates = Counter((e["info"]["predicate"], e["label"]) for e in edges)
    options = {**OPTIONS, "layout": {**OPTIONS["layout"], "improvedLayout": len(nodes) <= IMPROVED_LAYOUT_NODES}}
    return _ENV.get_template("graph.html").render(
        title=title,
        caption=caption,
        legend=[(kind, colour, GLYPH[shape]) for kind, (colour, shape) in STYLE.items() if kind in kinds],
        predicates=[(p, label, count) for (p, label), count in sorted(predicates.items(), key=lambda i: i[0][1])],
        nodes=nodes,
        edges=edges,
        options=options,
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
    )


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph", focus: str | None = None,
               hops: int = 1, max_nodes: int | None = MAX_NODES) -> str:
    """Write the page of the part of the graph that `select` picks (atomically); return its caption."""
    part, caption = select(graph, focus=focus, hops=hops, max_nodes=max_nodes)
    write_atomic(Path(path), render_html(part, title=title, caption=caption))
    return caption
