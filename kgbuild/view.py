"""Interactive HTML view of the entity graph: one self-contained vis-network page, no remote resources."""
from __future__ import annotations

import math
import os
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from .model import HEDGED, REPORTED

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Node colour per entity type; any other type is drawn (and listed in the legend) as "Thing".
PALETTE = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Place": "#59a14f",
    "Product": "#b07aa1",
    "Event": "#e15759",
    "CreativeWork": "#edc948",
    "Thing": "#9d9d9d",
}
OTHER = "Thing"
DASHED = (HEDGED, REPORTED)

# vis-network options. The page turns physics off once stabilisation is done.
OPTIONS = {
    "nodes": {"shape": "dot", "font": {"size": 14}, "borderWidth": 1},
    "edges": {
        "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 20, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
}

_ENV = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True)


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph") -> str:
    """The graph as a standalone HTML page (vis-network inlined; all graph text is escaped)."""
    net = Network(directed=True, cdn_resources="in_line")
    kinds = set()
    for iri in sorted(graph.nodes):
        data = graph.nodes[iri]
        kind = data["type"] if data["type"] in PALETTE else OTHER
        kinds.add(kind)
        net.add_node(
            iri,
            label=data["label"],
            color=PALETTE[kind],
            size=round(10 + 4 * math.sqrt(graph.degree(iri)), 2),
            info={k: data[k] for k in ("type", "aliases", "roles", "mentions", "articles")},
        )

    per_pair: Counter[frozenset[str]] = Counter()
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        pair = frozenset((source, target))
        net.add_edge(
            source,
            target,
            id=f"{source} {key} {target}",
            label=data["label"],
            dashes=data["modality"] in DASHED,
            # Bend parallel edges apart so their labels do not overlap.
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.2 * per_pair[pair]},
            info={k: data[k] for k in ("label", "modality", "evidence")},
        )
        per_pair[pair] += 1

    return _ENV.get_template("graph.html").render(
        title=title,
        legend=[(kind, colour) for kind, colour in PALETTE.items() if kind in kinds],
        nodes=net.nodes,
        edges=net.edges,
        options=OPTIONS,
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
    )


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph") -> None:
    """Render the graph and write the page atomically (temp file in the same directory, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    html = render_html(graph, title=title)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
