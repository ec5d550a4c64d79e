"""First questions on a graph, each answered by SPARQL as a pandas DataFrame: its entities, people's roles,
an entity's neighbours, facts and articles, and the facts only one article supports.

Entities are shown by their labels, predicates and types by their `kg:` names (`kg:spoke_with`,
`kg:Person`), and the `iri` columns hold IRIs in the form a query can take back (`compact_iri`)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.query import Result
from rdflib.term import Node

from .model import NEGATED
from .query import compact_iri, run_query

if TYPE_CHECKING:
    import pandas as pd

LIST_SEPARATOR = "\x1f"  # between the values GROUP_CONCAT joins, before `_listed` sorts them

# A fact: an asserted triple with a statement that is not negated (the relations and roles of the graph).
_FACT = f"""?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?modality ;
        prov:wasDerivedFrom ?sentence .
    FILTER (?modality != "{NEGATED}")
    ?s ?p ?o .
    ?sentence nif:referenceContext ?article ."""


def frame(graph: Graph, result: Result, *, labels: bool = True, iris: Iterable[str] = ("iri",)) -> pd.DataFrame:
    """A query result as a DataFrame, one column per variable. With `labels`, an IRI is shown as its
    rdfs:label, or (having none, like a predicate) in its short pasteable form (kg:spoke_with); the `iris`
    columns always show that form. Literals become Python values (str, int, float, datetime.date)."""
    import pandas as pd

    shown: dict[Node, str] = {}

    def label(term: URIRef) -> str:
        if term not in shown:
            found = graph.value(term, RDFS.label)
            shown[term] = str(found) if found is not None else compact_iri(term)
        return shown[term]

    def cell(term: Node | None, column: str) -> object:
        if term is None:
            return None
        if isinstance(term, URIRef):
            if column in iris:
                return compact_iri(term)
            return label(term) if labels else str(term)
        return term.toPython() if hasattr(term, "toPython") else str(term)

    columns = [str(v) for v in result.vars]
    return pd.DataFrame([[cell(row[v], c) for v, c in zip(result.vars, columns)] for row in result], columns=columns)


def _ask(graph: Graph, sparql: str) -> pd.DataFrame:
    return frame(graph, run_query(graph, sparql))


def _listed(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """The GROUP_CONCAT values of `column` sorted and joined by ", " ("" for none)."""
    table[column] = [", ".join(sorted(v.split(LIST_SEPARATOR))) if isinstance(v, str) else "" for v in table[column]]
    return table


def _by_names(table: pd.DataFrame) -> pd.DataFrame:
    """Facts in the order of their subject's, predicate's and object's names."""
    return table.sort_values(["subject", "predicate", "object"], key=lambda c: c.astype(str), ignore_index=True)


def entities(graph: Graph, type_iri: URIRef | None = None) -> pd.DataFrame:
    """Every entity (of the class `type_iri`, or all): entity, type, mentions, articles (with a fact about
    it), aliases; the most mentioned first."""
    typed = f"?e a {type_iri.n3()} . BIND ({type_iri.n3()} AS ?type)" if type_iri is not None else \
        "?e a ?type . FILTER (STRSTARTS(STR(?type), STR(kg:)))"
    table = _ask(graph, f"""
        SELECT ?entity ?type ?mentions ?articles ?aliases (?e AS ?iri) WHERE {{
          ?e kg:mentionCount ?mentions ; rdfs:label ?entity . {typed}
          OPTIONAL {{ SELECT ?e (GROUP_CONCAT(DISTINCT ?alias; separator="{LIST_SEPARATOR}") AS ?aliases)
                     WHERE {{ ?e skos:altLabel ?alias }} GROUP BY ?e }}
          OPTIONAL {{ SELECT ?e (COUNT(DISTINCT ?article) AS ?articles)
                     WHERE {{ ?st rdf:subject|rdf:object ?e ; prov:wasDerivedFrom/nif:referenceContext ?article }}
                     GROUP BY ?e }}
        }} ORDER BY DESC(?mentions) ?entity ?e""")
    table = table.drop_duplicates("iri", ignore_index=True)  # an entity with two kg: types: the first
    return _listed(table, "aliases").fillna({"articles": 0}).astype({"articles": int})


def roles(graph: Graph) -> pd.DataFrame:
    """Every role or title (kg:role) of an entity: entity, type, role, the sentences and articles stating
    it; by entity."""
    return _ask(graph, f"""
        SELECT ?entity ?type ?role (COUNT(DISTINCT ?sentence) AS ?sentences)
               (COUNT(DISTINCT ?article) AS ?articles) (?s AS ?iri)
        WHERE {{
          BIND (kg:role AS ?p)
          {_FACT}
          ?s rdfs:label ?entity ; a ?type . FILTER (STRSTARTS(STR(?type), STR(kg:)))
          BIND (IF(isIRI(?o), ?o, STR(?o)) AS ?role)
        }} GROUP BY ?s ?entity ?type ?role ORDER BY ?entity ?role""")


def facts(graph: Graph, iri: URIRef) -> pd.DataFrame:
    """The facts with the entity as subject or object: subject, predicate, object, modalities, the
    sentences and articles that support each; by predicate, then names."""
    table = _ask(graph, f"""
        SELECT ?subject ?predicate ?object (GROUP_CONCAT(DISTINCT ?modality; separator="{LIST_SEPARATOR}") AS ?modalities)
               (COUNT(DISTINCT ?sentence) AS ?sentences) (COUNT(DISTINCT ?article) AS ?articles)
        WHERE {{
          {{ BIND ({iri.n3()} AS ?s) ?s ?p ?o }} UNION {{ BIND ({iri.n3()} AS ?o) ?s ?p ?o }}
          FILTER (?p != kg:mentionCount)
          {_FACT}
          BIND (?s AS ?subject) BIND (?p AS ?predicate) BIND (IF(isIRI(?o), ?o, STR(?o)) AS ?object)
        }} GROUP BY ?subject ?predicate ?object""")
    return _by_names(_listed(table, "modalities")).sort_values("predicate", kind="stable", ignore_index=True)


def articles(graph: Graph, iri: URIRef) -> pd.DataFrame:
    """The articles with a statement about the entity (as subject or object, negated ones included):
    title, date, source, statements; by date."""
    return _ask(graph, f"""
        SELECT ?title ?date ?source (COUNT(DISTINCT ?st) AS ?statements) (?article AS ?iri) WHERE {{
          {{ ?st rdf:subject {iri.n3()} }} UNION {{ ?st rdf:object {iri.n3()} }}
          ?st prov:wasDerivedFrom/nif:referenceContext ?article .
          OPTIONAL {{ ?article dcterms:title ?title }}
          OPTIONAL {{ ?article dcterms:date ?date }}
          OPTIONAL {{ ?article dcterms:source ?source }}
        }} GROUP BY ?article ?title ?date ?source ORDER BY ?date ?title ?article""")


def single_source_facts(graph: Graph) -> pd.DataFrame:
    """The facts that only one article supports: subject, predicate, object, the supporting sentences
    (count and the first), the article's title and date; by subject, predicate and object names."""
    return _by_names(_ask(graph, f"""
        SELECT ?subject ?predicate ?object (COUNT(DISTINCT ?sentence) AS ?sentences) (MIN(?text) AS ?evidence)
               (SAMPLE(?title) AS ?article) (SAMPLE(?date) AS ?published)
        WHERE {{
          {_FACT}
          ?sentence nif:anchorOf ?text .
          OPTIONAL {{ ?article dcterms:title ?title }}
          OPTIONAL {{ ?article dcterms:date ?date }}
          BIND (?s AS ?subject) BIND (?p AS ?predicate) BIND (IF(isIRI(?o), ?o, STR(?o)) AS ?object)
        }} GROUP BY ?subject ?predicate ?object HAVING (COUNT(DISTINCT ?article) = 1)"""))


def neighbours(graph: Graph, iri: URIRef, hops: int = 1) -> pd.DataFrame:
    """The entities within `hops` relations of the entity (either direction), one row per relation that
    reaches one: neighbour, type, hops, subject, predicate, object, the neighbour's iri; nearest first."""
    import pandas as pd

    seen, frontier, parts = {iri}, {iri}, []
    for hop in range(1, hops + 1):
        if not frontier:
            break
        result = run_query(graph, f"""
            SELECT ?neighbour ?type ?subject ?predicate ?object (?n AS ?iri) WHERE {{
              VALUES ?from {{ {" ".join(e.n3() for e in sorted(frontier))} }}
              {{ ?from ?predicate ?n BIND(?from AS ?subject) BIND(?n AS ?object) }}
              UNION {{ ?n ?predicate ?from BIND(?n AS ?subject) BIND(?from AS ?object) }}
              FILTER (STRSTARTS(STR(?predicate), STR(kg:)) && ?n NOT IN ({", ".join(e.n3() for e in sorted(seen))}))
              ?n kg:mentionCount [] ; rdfs:label ?neighbour ; a ?type . FILTER (STRSTARTS(STR(?type), STR(kg:)))
            }}""")
        frontier = {row["iri"] for row in result}
        seen |= frontier
        parts.append(frame(graph, result).assign(hops=hop))
    columns = ["neighbour", "type", "hops", "subject", "predicate", "object", "iri"]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return table[columns].drop_duplicates().sort_values(["hops", "neighbour", "predicate", "subject"],
                                                         ignore_index=True)


def counts(graph: Graph) -> dict[str, int]:
    """How many entities, facts (asserted triples with a statement) and articles the graph holds."""
    result = run_query(graph, f"""
        SELECT ?entities ?facts ?articles WHERE {{
          {{ SELECT (COUNT(DISTINCT ?e) AS ?entities) WHERE {{ ?e kg:mentionCount [] }} }}
          {{ SELECT (COUNT(*) AS ?facts) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {_FACT} }} }} }}
          {{ SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE {{ ?a a nif:Context }} }}
        }}""")
    row = next(iter(result))
    return {name: int(row[name]) for name in ("entities", "facts", "articles")}
