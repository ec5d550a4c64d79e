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

from . import explore, lookup
from .errors import InputNotFound, UnknownName
from .files import write_atomic
from .query import compact_iri, load_for_query, run_query
from .settings import MAX_NODES

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

# The objects of the statements with a subject and predicate (entities by label, texts as they are).
STATED_OBJECTS = "SELECT DISTINCT ?object WHERE { ?st rdf:subject %s ; rdf:predicate %s ; rdf:object ?object }"


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

    def __repr__(self) -> str:
        counted = [f"{n:,} {what if n != 1 else what[:-1]}" for what, n in explore.counts(self.graph).items()]
        return f"<KnowledgeGraph: {', '.join(counted)} ({len(self.graph):,} triples)>"

    def query(self, sparql: str, *, labels: bool = False) -> pd.DataFrame:
        """Run SPARQL (project prefixes pre-declared); one DataFrame column per variable.

        With labels=True, an IRI is shown as its rdfs:label, or (having none, like a predicate) in its short
        form (kg:spoke_with); without, as the full IRI.
        """
        return explore.frame(self.graph, run_query(self.graph, sparql), labels=labels, iris=())

    def entity(self, name: str) -> URIRef:
        """The IRI of the entity with this label or alias (case-insensitive) or IRI (full, <...> or prefixed).
        Raises UnknownName (a KeyError) with the closest names."""
        return lookup.entity(self.graph, name)

    def entities(self, type: str | None = None) -> pd.DataFrame:  # noqa: A002 (the word users write)
        """The entities, or those of one `type` ("Person", "kg:Organization", ...), the most mentioned first:
        entity, type, mentions, articles, aliases, iri."""
        return explore.entities(self.graph, None if type is None else lookup.entity_type(type))

    def roles(self) -> pd.DataFrame:
        """The roles and titles of entities (kg:role), with the sentences and articles stating them."""
        return explore.roles(self.graph)

    def neighbours(self, name: str, hops: int = 1) -> pd.DataFrame:
        """The entities within `hops` relations of the named one, with the relations that reach them."""
        if hops < 1:
            raise ValueError("hops: give 1 or more")
        return explore.neighbours(self.graph, self.entity(name), hops)

    def facts(self, name: str) -> pd.DataFrame:
        """The facts about the named entity (as subject or object), with how many sentences and articles
        support each."""
        return explore.facts(self.graph, self.entity(name))

    def articles(self, name: str) -> pd.DataFrame:
        """The articles with a statement about the named entity: title, date, source, statements, iri."""
        return explore.articles(self.graph, self.entity(name))

    def single_source_facts(self) -> pd.DataFrame:
        """The facts that only one article supports, with a sentence that states them."""
        return explore.single_source_facts(self.graph)

    def evidence(self, subject: str, predicate: str, obj: str) -> pd.DataFrame:
        """Every sentence (with its article) that supports `subject -predicate-> obj`.

        Subject and object are entity names, aliases or IRIs (the object may be a role text for kg:role);
        the predicate `spoke_with`, `kg:spoke_with`, its label or IRI. Unknown names raise UnknownName
        with the closest known ones.
        """
        s, p = self.entity(subject), lookup.predicate(self.graph, predicate)
        try:
            o = self.entity(obj)
        except UnknownName:
            said = explore.frame(self.graph, run_query(self.graph, STATED_OBJECTS % (s.n3(), p.n3())))["object"]
            if obj not in set(said):
                raise lookup.did_you_mean("object", obj, said, where=f"the {compact_iri(p)} statements of "
                                          f"{subject!r}") from None
            o = Literal(obj)
        sparql = EVIDENCE_QUERY % (s.n3(), p.n3(), o.n3())
        return explore.frame(self.graph, run_query(self.graph, sparql), labels=False, iris=())

    def to_networkx(self) -> nx.MultiDiGraph:
        """The entities and relations as a networkx MultiDiGraph (evidence on the edges)."""
        from .network import to_networkx

        return to_networkx(self.graph)

    def view(self, path: str | Path = "graph.html", *, title: str = "Knowledge graph", focus: str | None = None,
             hops: int = 1, max_nodes: int | None = MAX_NODES, isolated: bool = False) -> Path:
        """Write the interactive HTML view and return its path (use IPython.display.IFrame to show it).

        focus/hops: only the entities within `hops` relations of the entity `focus` (a label, an alias or an
        IRI; UnknownName with the closest names if there is none); max_nodes: at most this many entities, the
        most connected (None or 0: all); isolated: also draw entities without relations.
        """
        from .view import write_html

        path = Path(path)
        centre = None if focus is None else str(self.entity(focus))
        write_html(self.to_networkx(), path, title=title, focus=centre, hops=hops, max_nodes=max_nodes,
                   isolated=isolated)
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
