"""Export a knowledge graph for other tools: GraphML and GEXF (Gephi, Cytoscape), JSON-LD and N-Quads."""
from __future__ import annotations

import io
import json

import networkx as nx
from rdflib import Graph

from .network import to_networkx
from .settings import EXPORT_FORMATS as FORMATS
from .vocab import PREFIX_IRIS



def export(graph: Graph, fmt: str) -> bytes:
    """The graph in one of FORMATS: the entity network (graphml, gexf) or every RDF triple (jsonld, nquads)."""
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=PREFIX_IRIS, indent=2).encode("utf-8")
    if fmt == "nquads":  # every triple in the default graph: N-Triples lines are N-Quads
        return graph.serialize(format="nt", encoding="utf-8")
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = io.BytesIO()
    writers[fmt](flat_network(graph), out)
    return out.getvalue()


def flat_network(graph: Graph) -> nx.MultiDiGraph:
    """The networkx graph of `to_networkx` with list and dict attributes as JSON text and unique edge keys.

    GraphML and GEXF only hold scalar attributes; edge keys become the edge ids GraphML requires unique.
    """
    net = to_networkx(graph)
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _scalars(data)) for n, data in net.nodes(data=True))
    for i, (source, target, data) in enumerate(net.edges(data=True)):
        flat.add_edge(source, target, key=f"e{i}", **_scalars(data))
    return flat


def _scalars(data: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in data.items() if v is not None}
