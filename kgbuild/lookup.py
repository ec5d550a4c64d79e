"""Names to IRIs for the Python API: an entity by its label, an alias or its IRI; a predicate as
`spoke_with`, `kg:spoke_with`, its label or IRI; a type as `Person` or `kg:Person`. An unknown name raises
UnknownName with the closest known names ("did you mean ...")."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .errors import UnknownName
from .query import compact_iri, run_query
from .vocab import KG, ONTOLOGY_FILE, PREFIXES

SUGGESTIONS = 3


@cache
def ontology() -> Graph:
    """The project ontology (ontologies/kgbuild.ttl), read once."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def did_you_mean(kind: str, name: str, known: Iterable[str], where: str = "the graph") -> UnknownName:
    """The error for an unknown `name` of a `kind`, naming the closest of the `known` names."""
    known = sorted(set(known))
    folded = {k.casefold(): k for k in known}
    close = [folded[c] for c in difflib.get_close_matches(name.casefold(), list(folded), n=SUGGESTIONS, cutoff=0.6)]
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return UnknownName(f"no {kind} named {name!r} in {where}{hint}")


def expand(name: str) -> URIRef | None:
    """The IRI that `name` writes as <IRI>, a full http(s) IRI or prefix:rest with a project prefix; else None."""
    if name.startswith("<") and name.endswith(">"):
        return URIRef(name[1:-1])
    if name.startswith(("http://", "https://")):
        return URIRef(name)
    prefix, colon, rest = name.partition(":")
    if colon and prefix in PREFIXES:
        return URIRef(PREFIXES[prefix] + rest)
    return None


def entity(graph: Graph, name: str | URIRef) -> URIRef:
    """The entity named `name`: its IRI (full, <...> or prefixed), its label or one of its aliases (case
    ignored); among several, a label before an alias, then the most mentioned."""
    iri = name if isinstance(name, URIRef) else expand(name)
    if iri is not None and (iri, None, None) in graph:
        return iri
    found = run_query(graph, """
        SELECT ?e ?alias ?mentions WHERE {
          { ?e rdfs:label ?name BIND(0 AS ?alias) } UNION { ?e skos:altLabel ?name BIND(1 AS ?alias) }
          FILTER (LCASE(STR(?name)) = LCASE(%s))
          OPTIONAL { ?e kg:mentionCount ?mentions }
        }""" % Literal(str(name)).n3())
    ranked = sorted(found, key=lambda r: (int(r["alias"]), -int(r["mentions"] or 0), str(r["e"])))
    if ranked:
        return ranked[0]["e"]
    names = (str(o) for p in (RDFS.label, SKOS.altLabel) for _, o in graph.subject_objects(p))
    raise did_you_mean("entity", str(name), names)


def predicates(graph: Graph) -> dict[URIRef, str]:
    """Every kg: property the ontology declares or a statement of the graph uses -> its English label."""
    declared = {p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in ontology().subjects(RDF.type, kind)}
    used = {row["p"] for row in run_query(graph, "SELECT DISTINCT ?p WHERE { ?st rdf:predicate ?p }")}
    return {p: str(ontology().value(p, RDFS.label) or "") for p in declared | used if str(p).startswith(KG)}


def predicate(graph: Graph, name: str | URIRef) -> URIRef:
    """The kg: property named `name`: `spoke_with`, `kg:spoke_with`, its IRI or its label ("spoke with")."""
    known = predicates(graph)
    iri = name if isinstance(name, URIRef) else expand(name)
    if iri is None and re.fullmatch(r"\w+", name):
        iri = KG[name]
    if iri in known:
        return iri
    by_label = {label.casefold(): p for p, label in known.items() if label}
    if str(name).casefold() in by_label:
        return by_label[str(name).casefold()]
    raise did_you_mean("predicate", str(name), [compact_iri(p) for p in known])


def entity_type(name: str | URIRef) -> URIRef:
    """The ontology class named `name`: `Person`, `person`, `kg:Person` or its IRI."""
    classes = {c for c in ontology().subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and c.startswith(KG)}
    iri = name if isinstance(name, URIRef) else expand(name)
    if iri in classes:
        return iri
    by_name = {str(c)[len(KG):].casefold(): c for c in classes}
    if str(name).casefold() in by_name:
        return by_name[str(name).casefold()]
    raise did_you_mean("type", str(name), [compact_iri(c) for c in classes], where="the ontology")
