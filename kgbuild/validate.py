"""Check a graph against the graph contract (ontologies/shapes.ttl) with pySHACL."""
from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from .query import compact_iri
from .vocab import ONTOLOGY_DIR, ONTOLOGY_FILE

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _name(term: object) -> str:
    return compact_iri(term) if isinstance(term, URIRef) else str(term)


def violations(graph: Graph) -> list[str]:
    """One line per violation of the contract, '<focus node> <path>: <message>', sorted; [] if it conforms."""
    from pyshacl import validate  # slow to import: only when validating

    conforms, report, _ = validate(graph, shacl_graph=_shapes(), ont_graph=_ontology(), inference="none",
                                   advanced=True, allow_warnings=True)
    if conforms:
        return []
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
        where = f"{_name(focus)} {_name(path)}" if path is not None else _name(focus)
        lines.add(f"{where}: {_name(message)}")
    return sorted(lines)
