"""Turn the RDF knowledge graph into a networkx graph of entities and the relations between them."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from . import vocab
from .model import ASSERTED, HEDGED, NEGATED, REPORTED
from .progress import bar
from .vocab import KG, NIF, SCHEMA

# Entity classes of the ontology, preferred in this order when a resource has several kg: types.
ENTITY_TYPES = ("Person", "Organization", "Place", "Product", "Event", "CreativeWork")
# Strongest first: an edge takes the strongest modality among its statements.
MODALITY_RANK = {ASSERTED: 0, REPORTED: 1, HEDGED: 2, NEGATED: 3}
# Keys of an edge's evidence dicts, in sort order.
EVIDENCE_FIELDS = ("date", "article_title", "source", "sentence", "modality", "attributed_to", "article")
# Resources typed with these are provenance, never entities.
_NOT_ENTITY = (RDF.Statement, NIF.Sentence, NIF.Context, SCHEMA.NewsArticle)

# What to_networkx never reads: a graph made only to be turned into networkx can leave these out.
UNUSED_PREDICATES = frozenset({NIF.isString, NIF.beginIndex, NIF.endIndex, DCTERMS.identifier, KG.confidence,
                               KG.rule, KG.phrase, KG.qualifier, KG.dateline})

Index = dict[Node, list[Node]]
# The properties to_networkx reads (besides the kg: relations).
READ = (RDF.type, RDFS.label, SKOS.altLabel, KG.role, KG.mentionCount, RDF.subject, RDF.predicate, RDF.object,
        PROV.wasDerivedFrom, KG.modality, PROV.wasAttributedTo, NIF.anchorOf, NIF.referenceContext, DCTERMS.title,
        DCTERMS.date, DCTERMS.source)
Evidence = tuple[str | None, ...]  # values in EVIDENCE_FIELDS order


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """One node per entity (id = IRI) and one edge per relation triple (key = predicate local name).

    Node attributes: label, type, aliases, roles, mentions, articles (how many), article_ids (their IRIs).
    Edge attributes: predicate, label, modality, evidence (sorted list of dicts, see EVIDENCE_FIELDS).
    Graph attribute "articles": article IRI -> {"title", "date", "source"} for every article cited.
    """
    index = {p: _index(graph, p) for p in bar(READ, desc="reading the graph", unit="properties")}
    labels = index[RDFS.label]
    entities = _entity_types(index[RDF.type], labels)
    evidence, articles = _index_statements(index)
    aliases, roles, mentions = index[SKOS.altLabel], index[KG.role], index[KG.mentionCount]

    result = nx.MultiDiGraph()
    cited = sorted({a for found in articles.values() for a in found}, key=str)
    result.graph["articles"] = {str(a): {"title": _first(index[DCTERMS.title], a),
                                         "date": _first(index[DCTERMS.date], a),
                                         "source": _first(index[DCTERMS.source], a)} for a in cited}
    for iri in sorted(entities, key=str):
        result.add_node(
            str(iri),
            label=str(labels[iri][0]),
            type=entities[iri],
            aliases=sorted({str(a) for a in aliases.get(iri, ())}),
            roles=sorted({str(r) for r in roles.get(iri, ())}),
            mentions=int(mentions[iri][0].toPython()) if iri in mentions else 0,
            articles=len(articles.get(iri, ())),
            article_ids=sorted(str(a) for a in articles.get(iri, ())),
        )

    relations = sorted(
        (s, p, o)
        for s in bar(entities, desc="reading relations", unit="entities")
        for p, o in graph.predicate_objects(s)
        if o in entities and str(p).startswith(KG)
    )
    for s, p, o in relations:
        local = str(p)[len(KG):]
        found = sorted(evidence.get((s, p, o), ()), key=lambda ev: tuple(v or "" for v in ev))
        result.add_edge(
            str(s),
            str(o),
            key=local,
            predicate=local,
            label=_predicate_label(labels, p),
            modality=_strongest(ev[EVIDENCE_FIELDS.index("modality")] for ev in found),
            evidence=[dict(zip(EVIDENCE_FIELDS, ev)) for ev in found],
        )
    return result


def _strongest(modalities: Iterable[str | None]) -> str:
    """The strongest drawable modality (asserted > reported > hedged); asserted when there is none."""
    drawn = [m for m in modalities if m in MODALITY_RANK and m != NEGATED]
    return min(drawn, key=MODALITY_RANK.__getitem__, default=ASSERTED)


def _index(graph: Graph, predicate: URIRef) -> Index:
    """Objects of `predicate` for every subject that has it, sorted for determinism."""
    index: dict[Node, list[Node]] = defaultdict(list)
    for s, o in graph.subject_objects(predicate):
        index[s].append(o)
    return {s: sorted(values, key=str) for s, values in index.items()}


def _first(index: Index, key: Node) -> str | None:
    values = index.get(key)
    return str(values[0]) if values else None


def _entity_types(types: Index, labels: Index) -> dict[Node, str]:
    """Labelled resources with a kg: class that are not statements, sentences or articles -> class name."""
    result = {}
    for s, classes in types.items():
        names = {str(c)[len(KG):] for c in classes if str(c).startswith(KG)}
        if isinstance(s, URIRef) and s in labels and names and not any(c in _NOT_ENTITY for c in classes):
            known = [t for t in ENTITY_TYPES if t in names]
            result[s] = known[0] if known else min(names)
    return result


def _index_statements(index: dict[URIRef, Index]) -> tuple[dict[tuple[Node, Node, Node], set[Evidence]],
                                                           dict[Node, set[Node]]]:
    """Evidence per (subject, predicate, object) and the articles each resource's statements come from."""
    subjects, predicates, objects = index[RDF.subject], index[RDF.predicate], index[RDF.object]
    derived, modality, attributed = index[PROV.wasDerivedFrom], index[KG.modality], index[PROV.wasAttributedTo]
    anchor, context, labels = index[NIF.anchorOf], index[NIF.referenceContext], index[RDFS.label]
    title, date, source = index[DCTERMS.title], index[DCTERMS.date], index[DCTERMS.source]

    evidence: dict[tuple[Node, Node, Node], set[Evidence]] = defaultdict(set)
    articles: dict[Node, set[Node]] = defaultdict(set)
    for statement, types in index[RDF.type].items():
        if RDF.Statement not in types or statement not in subjects or statement not in predicates \
                or statement not in objects:
            continue
        triple = (subjects[statement][0], predicates[statement][0], objects[statement][0])
        speakers = attributed.get(statement, [])
        speaker = (_first(labels, speakers[0]) or str(speakers[0])) if speakers else None
        for sentence in derived.get(statement, ()):
            article = context[sentence][0] if sentence in context else sentence
            articles[triple[0]].add(article)
            articles[triple[2]].add(article)
            evidence[triple].add((
                _first(date, article),
                _first(title, article),
                _first(source, article),
                _first(anchor, sentence),
                _first(modality, statement) or ASSERTED,
                speaker,
                str(article),
            ))
    return evidence, articles


def _predicate_label(labels: Index, predicate: URIRef) -> str:
    """rdfs:label of a kg: property from the graph or the ontology file, else its local name with spaces."""
    local = str(predicate)[len(KG):]
    if predicate in labels:
        return str(labels[predicate][0])
    return _ontology_labels(vocab.ONTOLOGY_FILE).get(local, local.replace("_", " "))


@lru_cache(maxsize=4)
def _ontology_labels(path: Path) -> dict[str, str]:
    """Local name -> English (or untagged) rdfs:label of every kg: term in the ontology file."""
    if not path.exists():
        return {}
    ontology = Graph().parse(path)
    return {
        str(term)[len(KG):]: str(label)
        for term, label in ontology.subject_objects(RDFS.label)
        if str(term).startswith(KG) and getattr(label, "language", None) in (None, "en")
    }
