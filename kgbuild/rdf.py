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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import NEGATED, OPEN_PREDICATE, Article, ArticleFacts, Fact, Sentence
from .reader import normalise_date
from .resolve import Resolution
from .vocab import KG, KGR, NIF, SCHEMA, bind_prefixes, digest

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


def _add_article(graph: Graph, article: Article) -> URIRef:
    node = article_iri(article.id)
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    graph.add((node, NIF.isString, Literal(article.text)))
    graph.add((node, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.source:
        source = URIRef(article.source) if _IRI.fullmatch(article.source) else Literal(article.source)
        graph.add((node, DCTERMS.source, source))
    if article.dateline:
        graph.add((node, KG.dateline, Literal(article.dateline)))
    return node


def _add_sentence(graph: Graph, article_id: str, sentence: Sentence) -> URIRef:
    node = sentence_iri(article_id, sentence)
    graph.add((node, RDF.type, NIF.Sentence))
    graph.add((node, NIF.anchorOf, Literal(sentence.text)))
    graph.add((node, NIF.beginIndex, Literal(sentence.begin, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.referenceContext, article_iri(article_id)))
    return node


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


def _add_fact(graph: Graph, article_id: str, fact: Fact, entity_of: dict[tuple[str, str], str]) -> bool:
    """Add one extraction as a statement (and as a triple when asserted); True if a triple was added."""
    subject = entity_iri(entity_of[(article_id, fact.subject)])
    predicate = KG[fact.predicate]
    obj = _literal(fact.predicate, fact.object) if fact.object_is_literal else entity_iri(entity_of[(article_id, fact.object)])
    sentence = _add_sentence(graph, article_id, fact.sentence)
    statement = KGR[f"statement/{digest(str(subject), str(predicate), str(obj), str(sentence), fact.modality)}"]
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, obj))
    graph.add((statement, PROV.wasDerivedFrom, sentence))
    graph.add((statement, KG.modality, Literal(fact.modality)))
    confidence = Decimal(str(fact.confidence))  # a float literal would be ill-typed as xsd:decimal
    graph.add((statement, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    graph.add((statement, KG.rule, Literal(fact.rule)))
    if fact.phrase:
        graph.add((statement, KG.phrase, Literal(fact.phrase)))
    for qualifier in fact.qualifiers:
        graph.add((statement, KG.qualifier, Literal(qualifier)))
    if fact.attributed_to:
        graph.add((statement, PROV.wasAttributedTo, entity_iri(entity_of[(article_id, fact.attributed_to)])))
    if not is_asserted(fact):
        return False
    graph.add((subject, predicate, obj))
    return True


def build_graph(articles: Iterable[ArticleFacts], resolution: Resolution) -> tuple[Graph, GraphStats]:
    """The RDF graph of the given articles, with entities merged as the resolution says."""
    graph = Graph()
    bind_prefixes(graph)
    n_articles = 0
    for facts in articles:
        n_articles += 1
        _add_article(graph, facts.article)
        for fact in facts.facts:
            _add_fact(graph, facts.article.id, fact, resolution.entity_of)
    for entity in resolution.entities.values():
        node = entity_iri(entity.id)
        graph.add((node, RDF.type, KG[entity.type]))
        graph.add((node, RDFS.label, Literal(entity.name)))
        for alias in sorted(entity.aliases):
            graph.add((node, SKOS.altLabel, Literal(alias)))
        graph.add((node, KG.mentionCount, Literal(entity.mentions)))
    stats = GraphStats(
        articles=n_articles,
        entities=len(resolution.entities),
        relations=_count_relations(graph),
        statements=sum(1 for _ in graph.subjects(RDF.type, RDF.Statement)),
    )
    return graph, stats


def _count_relations(graph: Graph) -> int:
    """Number of asserted relation triples (kg: predicates other than bookkeeping ones)."""
    bookkeeping = {KG.modality, KG.confidence, KG.rule, KG.phrase, KG.qualifier, KG.mentionCount, KG.dateline}
    return sum(1 for _, p, _ in graph if str(p).startswith(str(KG)) and p not in bookkeeping)
