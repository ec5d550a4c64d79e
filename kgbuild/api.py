"""The Python API for notebooks and scripts: build or load a graph, query it, view it.

pandas and spaCy are imported when first needed, so `kgbuild.load` reads a graph as fast as `kgbuild query`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from .errors import InputNotFound
from .files import write_atomic
from .query import load_for_query, run_query
from .settings import MAX_NODES
from .vocab import KG, PREFIXES

if TYPE_CHECKING:
    from .reader import ReadProblem
    import networkx as nx
    import pandas as pd

EVIDENCE_QUERY = """
SELECT ?sentence ?title ?date ?source ?modality ?confidence ?rule WHERE {
  VALUES (?s ?p ?o) { (%s %s %s) }
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      prov:wasDerivedFrom ?sent ; kg:modality ?modality ; kg:confidence ?confidence ; kg:rule ?rule .
  ?sent nif:anchorOf ?sentence ; nif:referenceContext ?article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:date ?date }
  OPTIONAL { ?article dcterms:source ?source }
} ORDER BY ?date ?sentence
"""


@dataclass
class KnowledgeGraph:
    """A built knowledge graph (an rdflib Graph) with helpers for exploring it."""

    graph: Graph
    skipped: list[ReadProblem] = field(default_factory=list)  # inputs a build could not read, with why

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        """Read a graph written by `kgbuild build` (or any RDF file) into an in-memory Oxigraph store, as
        `kgbuild query` does; a store name (oxigraph:PATH, an endpoint URL) opens that store read-only."""
        return cls(load_for_query(path))

    def save(self, path: str | Path) -> None:
        """Write the graph as Turtle (atomically)."""
        write_atomic(Path(path), self.graph.serialize(format="turtle"))

    def query(self, sparql: str, *, labels: bool = False) -> pd.DataFrame:
        """Run SPARQL (project prefixes pre-declared); one DataFrame column per variable.

        With labels=True, IRIs that have an rdfs:label are shown as that label.
        """
        import pandas as pd

        result = run_query(self.graph, sparql)
        columns = [str(v) for v in result.vars]
        rows = [[self._value(row[v], labels) for v in result.vars] for row in result]
        return pd.DataFrame(rows, columns=columns)

    def _value(self, term, labels: bool):
        if term is None:
            return None
        if labels and isinstance(term, URIRef):
            label = self.graph.value(term, RDFS.label)
            return str(label) if label is not None else str(term)
        return term.toPython() if hasattr(term, "toPython") else str(term)

    def entity(self, name: str) -> URIRef:
        """The IRI of the entity with this label or alias (case-insensitive)."""
        wanted = name.casefold()
        for predicate in (RDFS.label, PREFIXES["skos"].altLabel):
            for node, label in self.graph.subject_objects(predicate):
                if str(label).casefold() == wanted:
                    return node
        raise KeyError(f"no entity named {name!r}")

    def evidence(self, subject: str, predicate: str, obj: str) -> pd.DataFrame:
        """Every sentence (with its article) that supports `subject -predicate-> obj`.

        Subject and object are entity names (or a role text for kg:role); predicate a kg: local name.
        """
        s = self.entity(subject)
        try:
            o = self.entity(obj)
        except KeyError:
            o = Literal(obj)
        import pandas as pd

        result = run_query(self.graph, EVIDENCE_QUERY % (s.n3(), KG[predicate].n3(), o.n3()))
        columns = [str(v) for v in result.vars]
        return pd.DataFrame([[self._value(row[v], False) for v in result.vars] for row in result], columns=columns)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The entities and relations as a networkx MultiDiGraph (evidence on the edges)."""
        from .network import to_networkx

        return to_networkx(self.graph)

    def view(self, path: str | Path = "graph.html", *, title: str = "Knowledge graph", focus: str | None = None,
             hops: int = 1, max_nodes: int | None = MAX_NODES) -> Path:
        """Write the interactive HTML view and return its path (use IPython.display.IFrame to show it).

        focus/hops: only the entities within `hops` relations of the entity named `focus`;
        max_nodes: at most this many entities, the most connected (None or 0: all).
        """
        from .view import write_html

        path = Path(path)
        write_html(self.to_networkx(), path, title=title, focus=focus, hops=hops, max_nodes=max_nodes)
        return path


def build(paths: Iterable[str | Path] | str | Path, *, model: str | None = None, gazetteer: Path | None = None,
          workers: int | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from article files and folders (optionally with a gazetteer file), with the
    spaCy `model` (default: nlp.DEFAULT_MODEL) in `workers` spaCy processes (default: all cores), into an
    in-memory rdflib graph. Inputs that could not be read are on the result's `skipped`, with their reasons.

    Raises InputNotFound for a path that does not exist and NothingToBuild when no article could be read
    (both are kgbuild.KgbuildError).
    """
    from .settings import DEFAULT_MODEL
    from .pipeline import build as run_build

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for path in paths:
        if not os.path.lexists(path):
            raise InputNotFound(f"{path}: no such file or directory")
    result = run_build(paths, model=model or DEFAULT_MODEL, gazetteer=gazetteer, workers=workers)
    return KnowledgeGraph(result.graph, skipped=result.skipped)
