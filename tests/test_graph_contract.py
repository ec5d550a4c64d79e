"""The graph contract (DEVELOPERS.md), checked on a real build of seeds/ plus a few articles of our own.

Entities, relations, provenance, negation and stable IRIs: every rule is checked on the whole graph.
Loads the spaCy model, hence `slow`.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from datetime import date as Date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kgbuild.pipeline import build
from kgbuild.validate import violations
from kgbuild.vocab import KG, KGR, NIF, ONTOLOGY_FILE, SCHEMA, slug

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
# kg: properties that describe entities, articles and statements rather than relate entities.
BOOKKEEPING = {KG.mentionCount, KG.dateline, KG.modality, KG.confidence, KG.rule, KG.phrase, KG.qualifier}
ENTITY_DESCRIPTION = {RDF.type, RDFS.label, SKOS.altLabel, KG.mentionCount, OWL.sameAs, SCHEMA.identifier}

TXT_ARTICLE = textwrap.dedent("""\
    title: Acme Robotics names new chief
    date: 2024-03-05
    source: https://news.example.com/acme-robotics-ceo

    Boston, Massachusetts - Acme Robotics has hired Maria Lopez as its new chief executive. Lopez \
    previously worked at Globex Corporation in Chicago. Daniel Brooks, the founder of Acme Robotics, \
    met with Maria Lopez in Boston last week.

    Maria Lopez is not a lawyer, and she is not an employee of Globex Corporation anymore.
    """)

JSONL_ARTICLES = [
    {"title": "Initech opens Berlin office", "date": "2024-04-10",
     "url": "https://news.example.org/initech-berlin",
     "text": "Initech opened a new office in Berlin on Tuesday. Peter Gibbons, the CEO of Initech, "
             "spoke with German Chancellor Olaf Scholz about the investment."},
    {"title": "Hooli acquires Pied Piper", "date": "April 12, 2024",
     "url": "https://news.example.org/hooli-pied-piper",
     "text": "Hooli acquired the startup Pied Piper for $50 million. Gavin Belson, the founder of Hooli, "
             "said Richard Hendricks did not meet with investors in Palo Alto."},
]

HTML_ARTICLE = textwrap.dedent("""\
    <!doctype html>
    <html><head><title>Umbrella Corp expands</title>
    <meta property="article:published_time" content="2024-05-20T09:00:00Z">
    <link rel="canonical" href="https://news.example.net/umbrella-expands">
    </head><body>
    <nav>Home | World | Business</nav>
    <article><h1>Umbrella Corp expands into Canada</h1>
    <p>Umbrella Corporation opened a research center in Toronto. Albert Wesker, the CEO of Umbrella
    Corporation, met with Canadian Prime Minister Justin Trudeau in Ottawa.</p>
    <p>Wesker is not a member of the Canadian Senate.</p>
    </article>
    <footer>Copyright 2024</footer>
    </body></html>
    """)

# title -> (date, source) of every article in the build
EXPECTED_ARTICLES = {
    "2023-08-22-musk-putin-starlink": ("2023-08-22", None),
    "Acme Robotics names new chief": ("2024-03-05", "https://news.example.com/acme-robotics-ceo"),
    "Initech opens Berlin office": ("2024-04-10", "https://news.example.org/initech-berlin"),
    "Hooli acquires Pied Piper": ("2024-04-12", "https://news.example.org/hooli-pied-piper"),
    "Umbrella Corp expands": ("2024-05-20", "https://news.example.net/umbrella-expands"),
}


# --- fixtures and helpers -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "acme.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (folder / "business.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in JSONL_ARTICLES), encoding="utf-8")
    (folder / "umbrella.html").write_text(HTML_ARTICLE, encoding="utf-8")
    return [str(SEEDS), str(folder / "acme.txt"), str(folder / "business.jsonl"), str(folder / "umbrella.html")]


@pytest.fixture(scope="module")
def result(inputs: list[str]):
    built = build(inputs)
    assert built.problems == [], built.problems
    return built


@pytest.fixture(scope="module")
def g(result) -> Graph:
    return result.graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def entities(g: Graph) -> set[URIRef]:
    """Every node typed with a kg: class."""
    return {s for s, t in g.subject_objects(RDF.type) if str(t).startswith(str(KG))}


def relation_triples(g: Graph) -> list[tuple]:
    """Asserted relations: kg: predicates other than the bookkeeping ones."""
    return sorted((s, p, o) for s, p, o in g if str(p).startswith(str(KG)) and p not in BOOKKEEPING)


def statements(g: Graph) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, RDF.Statement))


def one(g: Graph, subject, predicate):
    values = list(g.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def entity_named(g: Graph, label: str) -> URIRef:
    [node] = [s for s in g.subjects(RDFS.label, Literal(label)) if s in entities(g)]
    return node


def article_titled(g: Graph, title: str) -> URIRef:
    [node] = g.subjects(DCTERMS.title, Literal(title))
    return node


def sorted_ntriples(g: Graph) -> list[str]:
    return sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())


# --- entities -----------------------------------------------------------------------------------

def test_graph_has_every_article_and_some_entities_relations_and_statements(g, result) -> None:
    assert result.stats.articles == len(EXPECTED_ARTICLES)
    assert len(entities(g)) == result.stats.entities > 10
    assert len(relation_triples(g)) == result.stats.relations > 10
    assert len(statements(g)) == result.stats.statements > 10


def test_every_entity_has_exactly_one_label(g) -> None:
    for entity in entities(g):
        assert isinstance(entity, URIRef)
        label = one(g, entity, RDFS.label)
        assert isinstance(label, Literal) and str(label).strip(), entity


def test_every_entity_type_is_a_class_of_the_ontology(g, ontology) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    for entity in entities(g):
        types = set(g.objects(entity, RDF.type))
        assert types and types <= classes, (entity, types)
    used = {t for e in entities(g) for t in g.objects(e, RDF.type)}
    assert {KG.Person, KG.Organization, KG.Place} <= used


def test_entity_iris_are_type_and_name_slugs(g) -> None:
    for entity in entities(g):
        [kind] = g.objects(entity, RDF.type)
        local = str(kind)[len(str(KG)):]
        assert str(entity) == str(KGR[f"{local.lower()}/{slug(str(g.value(entity, RDFS.label)))}"])


def test_aliases_are_alt_labels_of_entities(g) -> None:
    for node, alias in g.subject_objects(SKOS.altLabel):
        assert node in entities(g)
        assert isinstance(alias, Literal) and str(alias).strip()
        assert alias != g.value(node, RDFS.label), node
    putin = entity_named(g, "Vladimir Putin")
    assert Literal("Putin") in set(g.objects(putin, SKOS.altLabel))


# --- relations ----------------------------------------------------------------------------------

def test_relations_link_entities_with_snake_case_kg_predicates(g, ontology) -> None:
    all_entities = entities(g)
    for s, p, o in relation_triples(g):
        local = str(p)[len(str(KG)):]
        assert SNAKE_CASE.match(local), p
        assert s in all_entities, (s, p, o)
        if (p, RDF.type, OWL.ObjectProperty) in ontology:
            assert o in all_entities, (s, p, o)
        else:
            assert (p, RDF.type, OWL.DatatypeProperty) in ontology, p
            assert isinstance(o, Literal), (s, p, o)


def test_roles_are_literals(g) -> None:
    roles = list(g.subject_objects(KG.role))
    assert roles
    for entity, role in roles:
        assert entity in entities(g)
        assert isinstance(role, Literal) and str(role).strip()
    assert (entity_named(g, "Colin Kahl"), KG.role, Literal("Under Secretary of Defense for Policy")) in g


def test_entities_carry_only_descriptions_and_relations(g) -> None:
    """Apart from label, type, aliases, mention count and a place's identifiers, what an entity has is a
    relation."""
    relations = set(relation_triples(g))
    for entity in entities(g):
        for p, o in g.predicate_objects(entity):
            assert p in ENTITY_DESCRIPTION or (entity, p, o) in relations, (entity, p, o)


def test_ontology_declares_every_predicate_used(g, ontology) -> None:
    used = {p for _, p, _ in g if str(p).startswith(str(KG))}
    used |= set(g.objects(None, RDF.predicate))
    assert KG.spoke_with in used and KG.role in used
    for p in sorted(used):
        kinds = set(ontology.objects(p, RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{p} is not declared"
        for field in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert ontology.value(p, field) is not None, f"{p} has no {field}"


def test_seed_graph_says_elon_musk_spoke_with_vladimir_putin(g) -> None:
    rows = g.query("""
        SELECT ?s ?o WHERE {
          ?s kg:spoke_with ?o ; rdfs:label "Elon Musk" .
          ?o rdfs:label "Vladimir Putin" .
        }""", initNs={"kg": KG, "rdfs": RDFS})
    assert len(rows) == 1


# --- provenance ---------------------------------------------------------------------------------

def test_every_asserted_triple_has_a_non_negated_statement(g) -> None:
    for s, p, o in relation_triples(g):
        supporting = [st for st in g.subjects(RDF.subject, s)
                      if (st, RDF.type, RDF.Statement) in g
                      and (st, RDF.predicate, p) in g and (st, RDF.object, o) in g
                      and g.value(st, KG.modality) != Literal("negated")]
        assert supporting, f"no statement for {s} {p} {o}"


def test_every_statement_reifies_one_triple_and_is_derived_from_sentences(g) -> None:
    for st in statements(g):
        one(g, st, RDF.subject)
        assert str(one(g, st, RDF.predicate)).startswith(str(KG))
        one(g, st, RDF.object)
        assert str(one(g, st, KG.modality)) in {"asserted", "hedged", "reported", "negated"}
        sources = list(g.objects(st, PROV.wasDerivedFrom))
        assert sources, st
        for sentence in sources:
            assert (sentence, RDF.type, NIF.Sentence) in g, sentence


def test_every_sentence_anchor_is_its_slice_of_the_article_text(g) -> None:
    sentences = list(g.subjects(RDF.type, NIF.Sentence))
    assert sentences
    for sentence in sentences:
        anchor = one(g, sentence, NIF.anchorOf)
        begin = one(g, sentence, NIF.beginIndex).toPython()
        end = one(g, sentence, NIF.endIndex).toPython()
        article = one(g, sentence, NIF.referenceContext)
        text = str(one(g, article, NIF.isString))
        assert 0 <= begin < end <= len(text)
        assert str(anchor) == text[begin:end], sentence


def test_sentences_refer_to_news_article_contexts(g) -> None:
    for sentence in g.subjects(RDF.type, NIF.Sentence):
        article = one(g, sentence, NIF.referenceContext)
        assert (article, RDF.type, NIF.Context) in g
        assert (article, RDF.type, SCHEMA.NewsArticle) in g


def test_articles_carry_title_date_source_and_text(g) -> None:
    articles = set(g.subjects(RDF.type, SCHEMA.NewsArticle))
    assert articles == set(g.subjects(RDF.type, NIF.Context))
    assert {str(one(g, a, DCTERMS.title)) for a in articles} == set(EXPECTED_ARTICLES)
    for title, (date, source) in EXPECTED_ARTICLES.items():
        article = article_titled(g, title)
        assert one(g, article, DCTERMS.date) == Literal(Date.fromisoformat(date))  # an xsd:date
        if source is None:
            assert g.value(article, DCTERMS.source) is None
        else:
            assert one(g, article, DCTERMS.source) == URIRef(source)
        assert str(one(g, article, NIF.isString)).strip()


def test_article_text_is_the_body_without_header_or_markup(g) -> None:
    for record in JSONL_ARTICLES:
        assert str(g.value(article_titled(g, record["title"]), NIF.isString)) == record["text"]
    acme = str(g.value(article_titled(g, "Acme Robotics names new chief"), NIF.isString))
    assert acme.startswith("Acme Robotics has hired Maria Lopez")
    assert "source:" not in acme and "2024-03-05" not in acme
    umbrella = str(g.value(article_titled(g, "Umbrella Corp expands"), NIF.isString))
    assert umbrella.startswith("Umbrella Corporation opened a research center in Toronto.")
    assert "<" not in umbrella and "Home | World" not in umbrella and "Copyright" not in umbrella


# --- negation -----------------------------------------------------------------------------------

def test_negated_statements_are_not_asserted(g) -> None:
    negated = list(g.subjects(KG.modality, Literal("negated")))
    assert negated
    for st in negated:
        triple = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        if triple in g:  # only allowed when another, non-negated statement supports it
            others = [o for o in g.subjects(RDF.subject, triple[0])
                      if o != st and (o, RDF.predicate, triple[1]) in g and (o, RDF.object, triple[2]) in g
                      and g.value(o, KG.modality) != Literal("negated")]
            assert others, f"negated statement {st} is asserted as {triple}"


def test_is_not_a_sentence_gives_a_negated_statement_and_no_triple(g) -> None:
    lopez = entity_named(g, "Maria Lopez")
    [st] = [st for st in g.subjects(RDF.subject, lopez)
            if (st, RDF.predicate, KG.role) in g and (st, RDF.object, Literal("lawyer")) in g]
    assert g.value(st, KG.modality) == Literal("negated")
    sentence = g.value(st, PROV.wasDerivedFrom)
    assert str(g.value(sentence, NIF.anchorOf)).startswith("Maria Lopez is not a lawyer")
    assert (lopez, KG.role, Literal("lawyer")) not in g

    musk = entity_named(g, "Elon Musk")
    assert (musk, KG.role, Literal("diplomat")) not in g


# --- stable IRIs --------------------------------------------------------------------------------

def iris(g: Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef)}


def test_the_graph_conforms_to_the_shapes(g) -> None:
    """ontologies/shapes.ttl states this contract in SHACL; `kgbuild validate` checks it."""
    assert violations(g) == []


def test_building_twice_gives_identical_triples(g, inputs) -> None:
    again = build(inputs).graph
    assert violations(again) == []
    assert sorted_ntriples(again) == sorted_ntriples(g)
    assert isomorphic(again, g)
    assert iris(again) == iris(g)


def test_build_in_another_process_gives_identical_triples(g, inputs, tmp_path) -> None:
    """Same triples whatever the interpreter's hash seed (no set or dict-order dependence)."""
    out = tmp_path / "graph.nt"
    code = ("import sys; from kgbuild.pipeline import build; "
            "build(sys.argv[2:]).graph.serialize(destination=sys.argv[1], format='nt')")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(out), *inputs], check=True, env=env, timeout=300)
    other = Graph().parse(out, format="nt")
    assert sorted_ntriples(other) == sorted_ntriples(g)
    assert iris(other) == iris(g)
