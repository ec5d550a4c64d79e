"""RDF stage: resolved entities and facts -> an rdflib graph that follows the graph contract.

  entity     kgr:<type>/<slug>  a kg:<Type> ; rdfs:label ; skos:altLabel ; kg:mentionCount
  relation   entity kg:<predicate> entity | "role literal"
  statement  kgr:statement/<hash> a rdf:Statement ; rdf:subject/predicate/object ;
             prov:wasDerivedFrom <sentence> ; kg:modality ; kg:confidence ; kg:rule ; kg:phrase
  sentence   kgr:article/<id>#char=<begin>,<end> a nif:Sentence ; nif:anchorOf ; nif:beginIndex ;
             nif:endIndex ; nif:referenceContext kgr:article/<id>
  article    kgr:article/<id> a nif:Context, schema:NewsArticle ; dcterms:title ; dcterms:date ;
             dcterms:source ; nif:isString
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.store import Store
from rdflib.term import Node

from .model import NEGATED, OPEN_PREDICATE, Article, ArticleFacts, Fact, ResolvedEntity, Sentence
from .reader import normalise_date
from .resolve import Resolution
from .knowledge import known_place
from .vocab import KG, KGR, NIF, PREFIX_IRIS, SCHEMA, bind_prefixes, digest, sparql_prologue

Triple = tuple[Node, Node, Node]
EntityOf = dict[tuple[str, str], str]

_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")  # a URL Turtle can write as an IRI
DATE_PREDICATES = {"date_of_birth", "date_of_death", "date_founded"}


@dataclass
class GraphStats:
    """Counts reported after a build."""

    articles: int
    entities: int
    relations: int
    statements: int


def article_iri(article_id: str) -> URIRef:
    return KGR[f"article/{article_id}"]


def sentence_iri(article_id: str, sentence: Sentence) -> URIRef:
    return URIRef(f"{article_iri(article_id)}#char={sentence.begin},{sentence.end}")


def entity_iri(entity_id: str) -> URIRef:
    return KGR[entity_id]


def is_asserted(fact: Fact) -> bool:
    """Negated facts and relations that fit no declared predicate stay statements, not triples."""
    return fact.modality != NEGATED and fact.predicate != OPEN_PREDICATE


def _article_triples(article: Article) -> Iterator[Triple]:
    node = article_iri(article.id)
    yield node, RDF.type, NIF.Context
    yield node, RDF.type, SCHEMA.NewsArticle
    yield node, DCTERMS.identifier, Literal(article.id)
    yield node, NIF.isString, Literal(article.text)
    yield node, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)
    yield node, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger)
    if article.title:
        yield node, DCTERMS.title, Literal(article.title)
    if article.date:
        yield node, DCTERMS.date, Literal(article.date, datatype=XSD.date)
    if article.source:
        yield node, DCTERMS.source, _source(article.source)
    if article.dateline:
        yield node, KG.dateline, Literal(article.dateline)


def _source(url: str) -> URIRef | Literal:
    """A source URL as an IRI when it is a valid one (RFC 3987, as Oxigraph checks), else as a literal."""
    if _IRI.fullmatch(url):
        try:
            return URIRef(ox.NamedNode(url).value)
        except ValueError:
            pass
    return Literal(url)


def _sentence_triples(article_id: str, sentence: Sentence) -> Iterator[Triple]:
    node = sentence_iri(article_id, sentence)
    yield node, RDF.type, NIF.Sentence
    yield node, NIF.anchorOf, Literal(sentence.text)
    yield node, NIF.beginIndex, Literal(sentence.begin, datatype=XSD.nonNegativeInteger)
    yield node, NIF.endIndex, Literal(sentence.end, datatype=XSD.nonNegativeInteger)
    yield node, NIF.referenceContext, article_iri(article_id)


def _literal(predicate: str, text: str) -> Literal:
    """The object literal of a fact: dates typed (xsd:date, xsd:gYearMonth, xsd:gYear) when they parse."""
    if predicate in DATE_PREDICATES:
        if iso := normalise_date(text):
            return Literal(iso, datatype=XSD.date)
        if match := re.fullmatch(r"(?:in\s+)?([A-Z][a-z]+)\s+(\d{4})", text.strip()):
            if month := normalise_date(f"1 {match[1]} {match[2]}"):
                return Literal(month[:7], datatype=XSD.gYearMonth)
        if match := re.fullmatch(r"\d{4}", text.strip()):
            return Literal(match[0], datatype=XSD.gYear)
    return Literal(text)


def _relation(article_id: str, fact: Fact, entity_of: EntityOf) -> Triple:
    """The (subject, predicate, object) a fact states, with its entities as resolved."""
    subject = entity_iri(entity_of[(article_id, fact.subject)])
    obj = _literal(fact.predicate, fact.object) if fact.object_is_literal else entity_iri(entity_of[(article_id, fact.object)])
    return subject, KG[fact.predicate], obj


def _fact_triples(article_id: str, fact: Fact, entity_of: EntityOf) -> Iterator[Triple]:
    """One extraction as a statement, and as a triple when asserted."""
    subject, predicate, obj = _relation(article_id, fact, entity_of)
    sentence = sentence_iri(article_id, fact.sentence)
    statement = KGR[f"statement/{digest(str(subject), str(predicate), str(obj), str(sentence), fact.modality)}"]
    yield statement, RDF.type, RDF.Statement
    yield statement, RDF.subject, subject
    yield statement, RDF.predicate, predicate
    yield statement, RDF.object, obj
    yield statement, PROV.wasDerivedFrom, sentence
    yield statement, KG.modality, Literal(fact.modality)
    confidence = Decimal(str(fact.confidence))  # a float literal would be ill-typed as xsd:decimal
    yield statement, KG.confidence, Literal(confidence, datatype=XSD.decimal)
    yield statement, KG.rule, Literal(fact.rule)
    if fact.phrase:
        yield statement, KG.phrase, Literal(fact.phrase)
    for qualifier in fact.qualifiers:
        yield statement, KG.qualifier, Literal(qualifier)
    if fact.attributed_to:
        yield statement, PROV.wasAttributedTo, entity_iri(entity_of[(article_id, fact.attributed_to)])
    if is_asserted(fact):
        yield subject, predicate, obj


def article_triples(facts: ArticleFacts, entity_of: EntityOf) -> Iterator[Triple]:
    """Every triple of one article: the article, its facts as statements and asserted relations, their sentences."""
    yield from _article_triples(facts.article)
    for sentence in dict.fromkeys(fact.sentence for fact in facts.facts):
        yield from _sentence_triples(facts.article.id, sentence)
    for fact in facts.facts:
        yield from _fact_triples(facts.article.id, fact, entity_of)


def entity_triples(entity: ResolvedEntity) -> Iterator[Triple]:
    """The description of a resolved entity: type, label, aliases, mention count; for a place the gazetteers
    know, its GeoNames IRI (owl:sameAs) and ISO 3166 code (schema:identifier)."""
    node = entity_iri(entity.id)
    yield node, RDF.type, KG[entity.type]
    yield node, RDFS.label, Literal(entity.name)
    for alias in sorted(entity.aliases):
        yield node, SKOS.altLabel, Literal(alias)
    yield node, KG.mentionCount, Literal(entity.mentions)
    known = known_place(entity.name, entity.aliases) if entity.type == "Place" else None
    if known is not None:  # the gazetteers' place: graphs join with other data on these
        yield node, OWL.sameAs, URIRef(known.geonames_iri)
        if known.iso_code:
            yield node, SCHEMA.identifier, Literal(known.iso_code)


def graph_triples(articles: Iterable[ArticleFacts], resolution: Resolution, stats: GraphStats) -> Iterator[Triple]:
    """Every triple of the graph once, article by article, then the entities; only the relation triples
    are remembered across articles. Counts the relations and statements into `stats`."""
    entities = {entity_iri(i) for i in resolution.entities}
    relations: set[Triple] = set()
    statement_type = (RDF.type, RDF.Statement)
    for facts in articles:
        seen: set[Triple] = set()
        for triple in article_triples(facts, resolution.entity_of):
            if triple in seen or triple in relations:
                continue
            if triple[0] in entities:
                relations.add(triple)
            else:
                seen.add(triple)
                stats.statements += triple[1:] == statement_type
            yield triple
    stats.relations = len(relations)
    for entity in resolution.entities.values():
        yield from entity_triples(entity)


def _ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, Literal):
        datatype = ox.NamedNode(term.datatype) if term.datatype and not term.language else None
        return ox.Literal(str(term), datatype=datatype, language=term.language)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def turtle(triples: Iterable[Triple], prefixes: dict[str, str] = PREFIX_IRIS) -> bytes:
    """Triples as Turtle with the project's prefixes (or those given), written by pyoxigraph (fast; nothing
    held, and the terms exactly as given: an Oxigraph *store* would normalise literal datatypes)."""
    return ox.serialize((ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in triples), format=ox.RdfFormat.TURTLE,
                        prefixes=prefixes)


def in_memory(triples: Iterable[Triple]) -> Graph:
    """The triples in a new graph on rdflib's SimpleMemory store (no named graphs), which is filled and read
    two to three times faster than the Memory store or Oxigraph through rdflib: for reading a graph once."""
    graph = new_graph("SimpleMemory")
    for triple in triples:
        graph.store.add(triple, graph)
    return graph


def new_graph(store: str | Store = "Memory") -> Graph:
    """An rdflib graph with the project's prefixes on the default graph of `store` (rdflib's Memory store
    unless another is given: "Oxigraph" for an in-memory Oxigraph store)."""
    graph = Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)
    bind_prefixes(graph)
    return graph


def add_triples(graph: Graph, triples: Iterable[Triple], batch: int = 20_000) -> None:
    """Add triples in batches (one request each for a SPARQL endpoint)."""
    triples = iter(triples)
    while chunk := list(islice(triples, batch)):
        if isinstance(graph.store, SPARQLUpdateStore):  # its addN would name the default graph as a named one
            for triple in chunk:
                graph.add(triple)
        else:
            graph.addN((s, p, o, graph) for s, p, o in chunk)
        graph.commit()


def _moved(facts: ArticleFacts, old: EntityOf, new: EntityOf) -> bool:
    return any(old[key] != new[key] for key in ((facts.article.id, e.key) for e in facts.entities))


def _description(entity: ResolvedEntity | None) -> tuple | None:
    return entity and (entity.name, entity.type, frozenset(entity.aliases), entity.mentions)


def update_graph(graph: Graph, before: Sequence[ArticleFacts], old: Resolution,
                 after: Sequence[ArticleFacts], new: Resolution) -> GraphStats:
    """Turn the graph of the articles `before` (resolved as `old`) into the graph of `after` (a superset,
    resolved as `new`), writing only what changed: the new articles, the old ones whose entities now
    resolve differently, and the entities whose description changed. The result is the graph a build of
    `after` from scratch gives."""
    known = {f.article.id for f in before}
    changed = [f for f in before if _moved(f, old.entity_of, new.entity_of)]
    redescribed = [i for i in old.entities.keys() | new.entities.keys()
                   if _description(old.entities.get(i)) != _description(new.entities.get(i))]
    stale = {t for f in changed for t in article_triples(f, old.entity_of)}
    stale |= {t for i in redescribed if i in old.entities for t in entity_triples(old.entities[i])}
    # a relation triple an unchanged article also states stays
    subjects = {t[0] for t in stale}
    moved = {f.article.id for f in changed}
    for f in before:
        if f.article.id not in moved:
            for fact in f.facts:
                if is_asserted(fact) and entity_iri(old.entity_of[(f.article.id, fact.subject)]) in subjects:
                    stale.discard(_relation(f.article.id, fact, old.entity_of))
    for triple in stale:
        graph.remove(triple)
    graph.commit()
    fresh = chain(changed, (f for f in after if f.article.id not in known))
    add_triples(graph, chain((t for f in fresh for t in article_triples(f, new.entity_of)),
                             (t for i in redescribed if i in new.entities for t in entity_triples(new.entities[i]))))
    return GraphStats(articles=len(after), entities=len(new.entities), relations=_count(graph, _RELATIONS),
                      statements=_count(graph, "?s a rdf:Statement"))


def build_graph(articles: Sequence[ArticleFacts], resolution: Resolution,
                graph: Graph | None = None) -> tuple[Graph, GraphStats]:
    """The RDF graph of the given articles, with entities merged as the resolution says (written into
    `graph`, by default a new rdflib Memory graph)."""
    graph = new_graph() if graph is None else graph
    return graph, update_graph(graph, [], Resolution({}, {}), articles, resolution)


_BOOKKEEPING = ("modality", "confidence", "rule", "phrase", "qualifier", "mentionCount", "dateline")
_RELATIONS = (f"?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(kg:)) && ?p NOT IN "
              f"({', '.join('kg:' + name for name in _BOOKKEEPING)}))")


def _count(graph: Graph, pattern: str) -> int:
    """Number of solutions of a graph pattern."""
    rows = graph.query(f"{sparql_prologue()}SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(next(iter(rows))[0])
