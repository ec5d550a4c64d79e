"""A large generated knowledge graph that follows the graph contract: a scale-free network of entities whose
relations each cite a sentence of an article (some hedged, reported or negated)."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kgbuild.vocab import KG, KGR, NIF, SCHEMA

KINDS = ("Person", "Organization", "Place", "Product", "Event")
PREDICATES = ("works_for", "spoke_with", "owns", "located_in", "met_with", "founded", "member_of", "citizen_of")
MODALITIES = ("asserted", "asserted", "reported", "hedged", "asserted")


def entity(n: int) -> URIRef:
    return KGR[f"thing/e{n}"]


def generated_graph(entities: int, *, edges_per_entity: int = 2, isolated: int = 0, articles: int = 200,
                    seed: int = 1) -> Graph:
    """`entities` related entities (Barabasi-Albert) and `isolated` more with no relation; every third relation
    also has a sentence that negates it."""
    network = nx.barabasi_albert_graph(entities, edges_per_entity, seed=seed)
    graph = Graph()
    for n in range(entities + isolated):
        graph.add((entity(n), RDF.type, KG[KINDS[n % len(KINDS)]]))
        graph.add((entity(n), RDFS.label, Literal(f"Entity {n}")))
    for a in range(articles):
        article = KGR[f"article/a{a}"]
        graph.add((article, RDF.type, SCHEMA.NewsArticle))
        graph.add((article, DCTERMS.title, Literal(f"Article {a}")))
        graph.add((article, DCTERMS.date, Literal(f"2024-01-{a % 28 + 1:02d}")))
        graph.add((article, DCTERMS.source, URIRef(f"https://news.example.org/{a}")))
    for i, (u, v) in enumerate(sorted(network.edges)):
        predicate, modality = PREDICATES[i % len(PREDICATES)], MODALITIES[i % len(MODALITIES)]
        words = predicate.replace("_", " ")
        _statement(graph, f"s{i}", (u, predicate, v), KGR[f"article/a{i % articles}"], i,
                   f"Entity {u} {words} Entity {v}.", modality)
        if i % 3 == 0:
            _statement(graph, f"n{i}", (u, predicate, v), KGR[f"article/a{(i + 1) % articles}"], i,
                       f"Entity {u} never {words} Entity {v}.", "negated")
        graph.add((entity(u), KG[predicate], entity(v)))
    return graph


def _statement(graph: Graph, key: str, triple: tuple[int, str, int], article: URIRef, offset: int, text: str,
               modality: str) -> None:
    u, predicate, v = triple
    sentence, statement = URIRef(f"{article}#char={offset},{offset + len(text)}"), KGR[f"statement/{key}"]
    graph.add((sentence, RDF.type, NIF.Sentence))
    graph.add((sentence, NIF.anchorOf, Literal(text)))
    graph.add((sentence, NIF.referenceContext, article))
    for p, o in ((RDF.type, RDF.Statement), (RDF.subject, entity(u)), (RDF.predicate, KG[predicate]),
                 (RDF.object, entity(v)), (PROV.wasDerivedFrom, sentence), (KG.modality, Literal(modality))):
        graph.add((statement, p, o))
