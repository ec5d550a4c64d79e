"""The page: one self-contained HTML file (vis-network, its data and the page's script inlined, nothing fetched)."""
from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..model import ASSERTED, HEDGED, NEGATED, REPORTED
from .layout import BOX_HEIGHT, BOX_WIDTH, communities, positions, spacing

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
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
OTHER = "Thing"
# The legend's character for each shape.
GLYPH = {"dot": "\u25cf", "square": "\u25a0", "triangle": "\u25b2", "diamond": "\u25c6", "star": "\u2605",
         "triangleDown": "\u25bc", "hexagon": "\u2b22"}
# Colours of the largest communities (Tableau 10 and two more); smaller ones share SMALL_COMMUNITY.
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#8cd17d", "#499894", "#d37295")
SMALL_COMMUNITY = "#c8c8c8"
# Evidence headings in the order the page lists them; a sentence that negates the relation is never support.
HEADINGS = (ASSERTED, REPORTED, HEDGED, NEGATED)
RANK = {m: i for i, m in enumerate(HEADINGS)}
# Line style of an edge by its strongest modality (asserted: solid).
DASHES = {REPORTED: [10, 6], HEDGED: [2, 5]}

# Labels: the HUB_LABELS most connected entities are written LABEL_SIZE px high at the opening zoom, the others
# smaller in canvas units, so that they appear as one zooms in (vis draws a label only from LABEL_THRESHOLD px on
# screen and never larger than LABEL_MAX px).
HUB_LABELS = 30
LABEL_SIZE, LABEL_THRESHOLD, LABEL_MAX = 13.0, 10, 16
HIDDEN_LABEL = 0.6  # the largest label not drawn at the opening zoom, as a fraction of LABEL_SIZE
# Edge labels appear once neighbours are about EDGE_LABEL_GAP px apart on screen (or on hover).
EDGE_LABEL_GAP, EDGE_LABEL_SIZE = 160.0, 11.0
# Above this many edges lines are straight and hidden while dragging or zooming (drawing stays fluid).
MANY_EDGES = 2000

_ENV = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True)


def evidence_by_modality(evidence: list[dict]) -> dict[str, list[dict]]:
    """An edge's evidence as the page lists it: each sentence of an article once, under one heading.

    A sentence that negates the relation goes under "negated" even if another reading of it supports the
    relation; otherwise under the strongest modality it gives. Attributions of all its readings are kept.
    """
    sentences: dict[tuple, dict] = {}
    for ev in evidence:
        key = (ev.get("article"), ev["sentence"])
        entry = sentences.setdefault(key, {"sentence": ev["sentence"], "article": ev.get("article"),
                                           "modalities": set(), "attributed_to": []})
        entry["modalities"].add(ev["modality"] or ASSERTED)
        if ev["attributed_to"] and ev["attributed_to"] not in entry["attributed_to"]:
            entry["attributed_to"].append(ev["attributed_to"])
    grouped: dict[str, list[dict]] = {}
    for entry in sentences.values():
        modalities = entry.pop("modalities")
        heading = NEGATED if NEGATED in modalities else min(modalities, key=lambda m: RANK.get(m, len(RANK)))
        grouped.setdefault(heading, []).append(entry)
    return {m: grouped[m] for m in sorted(grouped, key=lambda m: RANK.get(m, len(RANK)))}


def page_data(graph: nx.MultiDiGraph, *, whole: nx.MultiDiGraph | None = None, focus: str | None = None) -> dict:
    """Everything the page's script reads: entities with positions, relations with evidence, articles, legend."""
    whole = graph if whole is None else whole
    where = positions(graph)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), n))
    rank = {n: i for i, n in enumerate(ranked)}
    sizes = label_sizes(graph, where, ranked)
    groups = communities(graph)
    community = {n: i for i, members in enumerate(groups) for n in members}
    catalogue = dict(whole.graph.get("articles", {}))
    article_index: dict[str, int] = {}

    def article(iri: str | None, fallback: dict | None = None) -> int | None:
        if iri is None:
            return None
        if iri not in article_index:
            article_index[iri] = len(article_index)
        catalogue.setdefault(iri, fallback or {"title": None, "date": None, "source": None})
        return article_index[iri]

    nodes = []
    for iri in sorted(graph):
        data, (x, y) = graph.nodes[iri], where[iri]
        kind = data["type"] if data["type"] in STYLE else OTHER
        nodes.append({
            "id": iri, "label": data["label"], "type": data["type"], "kind": kind, "x": x, "y": y,
            "value": round(math.sqrt(graph.degree(iri)), 3), "degree": graph.degree(iri),
            "size": sizes[iri],
            "community": community[iri],
            "aliases": data["aliases"], "roles": data["roles"], "mentions": data["mentions"],
            "articles": [article(a) for a in data.get("article_ids", ())],
            "offpage": whole.degree(iri) - graph.degree(iri) if iri in whole else 0,
        })

    edges, per_pair = [], Counter()
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        pair = frozenset((source, target))
        grouped = evidence_by_modality(data["evidence"])
        edges.append({
            "id": f"{source} {key} {target}", "from": source, "to": target, "predicate": data["predicate"],
            "label": data["label"], "modality": data["modality"], "dashes": DASHES.get(data["modality"], False),
            "bend": per_pair[pair],
            "evidence": [{"modality": m, "sentences": [
                {"sentence": e["sentence"], "attributed_to": e["attributed_to"],
                 "article": article(e["article"], _article_of(e, data["evidence"]))} for e in entries]}
                for m, entries in grouped.items()],  # a list: the page keeps the order of HEADINGS
        })
        per_pair[pair] += 1

    kinds = {n["kind"] for n in nodes}
    predicates = Counter((e["predicate"], e["label"]) for e in edges)
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": [catalogue[iri] for iri in article_index],
        "focus": focus,
        "types": [{"type": kind, "colour": colour, "shape": shape, "glyph": GLYPH[shape],
                   "count": sum(n["kind"] == kind for n in nodes)} for kind, (colour, shape) in STYLE.items()
                  if kind in kinds],
        "communities": [{"colour": COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) else SMALL_COMMUNITY,
                         "hub": graph.nodes[min(members, key=lambda n: rank[n])]["label"], "size": len(members)}
                        for i, members in enumerate(groups)],
        "predicates": [{"predicate": p, "label": label, "count": count}
                       for (p, label), count in sorted(predicates.items(), key=lambda i: (i[0][1], i[0][0]))],
        "options": _options(graph, where),
        "box": {"width": BOX_WIDTH, "height": BOX_HEIGHT, "edge_length": round(edge_length(graph, where), 1),
                "edge_label_gap": EDGE_LABEL_GAP},
    }


def _article_of(entry: dict, evidence: list[dict]) -> dict:
    """Title, date and source of the article an evidence entry comes from (graphs without an article table)."""
    first = next(ev for ev in evidence if ev.get("article") == entry["article"])
    return {"title": first["article_title"], "date": first["date"], "source": first["source"]}


def label_sizes(graph: nx.MultiDiGraph, where: dict[str, tuple[float, float]], ranked: list[str]) -> dict[str, float]:
    """Font size of each node's label, in canvas units (pixels at the opening zoom).

    The most connected entities whose labels do not overlap an earlier one's get LABEL_SIZE (drawn at once), up
    to HUB_LABELS of them; the others smaller the lower their rank, so that they appear as one zooms in.
    """
    placed: list[tuple[float, float, float, float]] = []
    sizes = {}
    for i, node in enumerate(ranked):
        x, y = where[node]
        width = 0.6 * LABEL_SIZE * len(graph.nodes[node]["label"])
        box = (x - width / 2, y - LABEL_SIZE, x + width / 2, y + 2.5 * LABEL_SIZE)  # the node and its label below
        if len(placed) < HUB_LABELS and not any(_overlap(box, other) for other in placed):
            placed.append(box)
            sizes[node] = LABEL_SIZE
        else:
            sizes[node] = round(LABEL_SIZE * min(HIDDEN_LABEL, math.sqrt(HUB_LABELS / (i + 1))), 2)
    return sizes


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def edge_length(graph: nx.MultiDiGraph, where: dict[str, tuple[float, float]]) -> float:
    """The median length of the drawn relations, in canvas units."""
    lengths = sorted(math.dist(where[u], where[v]) for u, v in graph.edges() if u != v)
    return lengths[len(lengths) // 2] if lengths else spacing(graph.number_of_nodes())


def _options(graph: nx.MultiDiGraph, where: dict[str, tuple[float, float]]) -> dict:
    """vis-network options for this graph: no physics (positions come with the nodes), sizes for its density."""
    gap = spacing(graph.number_of_nodes())
    many = graph.number_of_edges() > MANY_EDGES
    return {
        "autoResize": True,
        "physics": False,
        "layout": {"improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": LABEL_SIZE, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": round(min(max(0.12 * gap, 1.5), 8), 2), "max": round(min(max(0.5 * gap, 6), 28), 2),
                        "label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD, "maxVisible": LABEL_MAX}},
        },
        "edges": {
            "width": 1,
            "color": {"color": "#9a9a9a", "highlight": "#222222", "hover": "#222222", "inherit": False},
            "font": {"size": EDGE_LABEL_SIZE, "align": "middle",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": EDGE_LABEL_SIZE - 1, "maxVisible": EDGE_LABEL_SIZE + 2}},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": many, "hideEdgesOnZoom": many,
                        "multiselect": False},
    }


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph", caption: str = "",
                whole: nx.MultiDiGraph | None = None, focus: str | None = None) -> str:
    """The graph as a standalone HTML page (vis-network inlined; graph text reaches the page only as JSON)."""
    return _ENV.get_template("graph.html").render(
        title=title,
        caption=caption,
        data=page_data(graph, whole=whole, focus=focus),
        page_css=_raw("graph.css"),
        page_js=_raw("graph.js"),
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
    )


def _raw(name: str) -> Markup:
    return Markup((TEMPLATE_DIR / name).read_text(encoding="utf-8"))
