"""SPARQL over a built graph, with the project's prefixes pre-declared, as a table, CSV or JSON."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.query import Result
from rdflib.util import guess_format

from .vocab import PREFIXES, bind_prefixes

FORMATS = ("table", "csv", "json")


class QueryError(ValueError):
    """The graph file or the query cannot be used."""


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file (Turtle, N-Triples, RDF/XML, JSON-LD, ...) chosen by its extension."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file")
    graph = Graph()
    bind_prefixes(graph)
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:
        raise QueryError(f"{path}: cannot parse graph: {exc}") from exc
    return graph


def run_query(graph: Graph, sparql: str) -> Result:
    """Run a read-only SPARQL query; kg:, schema:, prov:, nif:, rdfs:, skos: ... need no PREFIX lines."""
    try:
        return graph.query(sparql, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from exc


def compact_iri(iri: URIRef) -> str:
    """prefix:rest for IRIs in a project namespace (the longest matching one), else the IRI itself."""
    matches = [(len(str(ns)), p) for p, ns in PREFIXES.items() if str(iri).startswith(str(ns))]
    if not matches:
        return str(iri)
    length, prefix = max(matches)
    return f"{prefix}:{str(iri)[length:]}"


def _cell(graph: Graph, term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        short = compact_iri(term)
        label = graph.value(term, RDFS.label)
        return f"{label} ({short})" if label is not None else short
    return str(term)


def format_result(graph: Graph, result: Result, fmt: str = "table") -> str:
    """Render query results: an aligned text table (IRIs shown with their labels), CSV or SPARQL JSON."""
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    if result.type == "ASK":
        return "yes" if result.askAnswer else "no"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="turtle").decode("utf-8")
    header = [str(v) for v in result.vars]
    rows = [[_cell(graph, row[v]) for v in result.vars] for row in result]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
