"""Consistency checks of the project ontology (ontologies/kgbuild.ttl). Fast: rdflib only."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kgbuild.vocab import KG, ONTOLOGY_FILE, SCHEMA

WDT = Namespace("http://www.wikidata.org/prop/direct/")
ONTOLOGY_IRI = URIRef("https://w3id.org/kgbuild/ontology")

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
CAMEL_BOOKKEEPING = {"mentionCount", "openPredicate"}
PHRASE_PROPERTIES = (KG.trigger, KG.nominalTrigger, KG.relationalNoun)
STRIPPED_WORDS = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"}


@pytest.fixture(scope="module")
def g() -> Graph:
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    return graph


def local(term: URIRef) -> str:
    return str(term)[len(str(KG)):]


def kg_terms(g: Graph, rdf_type: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, rdf_type) if isinstance(s, URIRef) and s.startswith(str(KG)))


def object_properties(g: Graph) -> list[URIRef]:
    return kg_terms(g, OWL.ObjectProperty)


def phrases(g: Graph, prop: URIRef, annotation: URIRef | None = None) -> list[str]:
    annotations = (annotation,) if annotation else PHRASE_PROPERTIES
    return [str(o) for a in annotations for o in g.objects(prop, a)]


def test_parses_and_has_header(g):
    assert len(g) > 500
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    for p in (RDFS.label, RDFS.comment, OWL.versionInfo):
        assert g.value(ONTOLOGY_IRI, p) is not None, p


def test_predicate_count(g):
    assert 60 <= len(object_properties(g)) <= 120


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty])
def test_properties_fully_described(g, kind):
    props = kg_terms(g, kind)
    assert props
    for p in props:
        for q in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            values = list(g.objects(p, q))
            assert len(values) == 1, f"{local(p)} needs exactly one {q}, has {values}"


def test_annotation_properties_declared(g):
    for p in PHRASE_PROPERTIES:
        assert (p, RDF.type, OWL.AnnotationProperty) in g
        assert g.value(p, RDFS.label) and g.value(p, RDFS.comment)


def test_names(g):
    for p in object_properties(g):
        assert SNAKE.match(local(p)), local(p)
    assert (KG.role, RDF.type, OWL.DatatypeProperty) in g
    for p in kg_terms(g, OWL.DatatypeProperty):
        name = local(p)
        assert SNAKE.match(name) or name in CAMEL_BOOKKEEPING, name


def test_classes(g):
    expected = {"Agent", "Actor", "Person", "Organization", "Place", "Product", "Event", "CreativeWork"}
    declared = {local(c) for c in kg_terms(g, OWL.Class)}
    assert expected <= declared
    for c in kg_terms(g, OWL.Class):
        assert g.value(c, RDFS.label) and g.value(c, RDFS.comment), local(c)
    for name in expected - {"Agent", "Actor"}:
        assert (KG[name], OWL.equivalentClass, SCHEMA[name]) in g, name
    assert (KG.Person, RDFS.subClassOf, KG.Agent) in g
    assert (KG.Organization, RDFS.subClassOf, KG.Agent) in g


def test_referenced_kg_terms_are_declared(g):
    declared = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for p in (RDFS.domain, RDFS.range, RDFS.subPropertyOf, RDFS.subClassOf, OWL.inverseOf):
        for s, o in g.subject_objects(p):
            if isinstance(o, URIRef) and o.startswith(str(KG)):
                assert o in declared, f"{s} {p} {o}: {o} is not declared"


def test_phrases_are_clean_lemmas(g):
    for p in object_properties(g):
        for a in PHRASE_PROPERTIES:
            for o in g.objects(p, a):
                assert isinstance(o, Literal) and o.language is None, (local(p), o)
                text = str(o)
                assert text == text.lower(), f"{local(p)}: {text!r} is not lower-case"
                assert text == " ".join(text.split()), f"{local(p)}: {text!r} has stray whitespace"
                assert not STRIPPED_WORDS & set(text.split()), f"{local(p)}: {text!r} has a determiner"
    for a in PHRASE_PROPERTIES:
        for s in g.subjects(a, None):
            assert (s, RDF.type, OWL.ObjectProperty) in g, f"{s} has {a} but is not an object property"


def test_no_phrase_under_two_predicates(g):
    owners: dict[str, set[str]] = defaultdict(set)
    for p in object_properties(g):
        for text in phrases(g, p):
            owners[text].add(local(p))
    shared = {t: sorted(ps) for t, ps in owners.items() if len(ps) > 1}
    assert not shared, shared


def test_every_predicate_is_reachable_by_some_phrase(g):
    """A predicate without phrases must be the inverse of one that has them (or the open fallback)."""
    for p in object_properties(g):
        if phrases(g, p) or p == KG.related_to:
            continue
        inverse = g.value(p, OWL.inverseOf) or g.value(None, OWL.inverseOf, p)
        assert inverse is not None and phrases(g, inverse), local(p)


def test_inverses(g):
    pairs = list(g.subject_objects(OWL.inverseOf))
    assert pairs
    for p, q in pairs:
        assert (q, RDF.type, OWL.ObjectProperty) in g, f"inverse target {q} of {p} is not declared"
        assert (q, OWL.inverseOf, p) in g, f"{q} should declare owl:inverseOf {p}"
        assert g.value(p, RDFS.domain) == g.value(q, RDFS.range), (p, q)
        assert g.value(p, RDFS.range) == g.value(q, RDFS.domain), (p, q)
        assert (p, RDF.type, OWL.SymmetricProperty) not in g
    for a, b in [("child_of", "parent_of"), ("subsidiary_of", "parent_organization_of"),
                 ("founded", "founded_by"), ("ceo_of", "ceo"), ("works_for", "employs"), ("owns", "owned_by")]:
        assert (KG[a], OWL.inverseOf, KG[b]) in g, (a, b)


def test_symmetric_properties(g):
    expected = {"spoke_with", "met_with", "in_contact_with", "negotiated_with", "partnered_with",
                "spouse_of", "sibling_of", "allied_with", "competes_with"}
    symmetric = {local(p) for p in kg_terms(g, OWL.SymmetricProperty)}
    assert expected <= symmetric
    for name in symmetric:
        p = KG[name]
        assert (p, RDF.type, OWL.ObjectProperty) in g
        assert g.value(p, RDFS.domain) == g.value(p, RDFS.range), name


WIKIDATA = {
    "works_for": "P108", "member_of": "P463", "founded_by": "P112", "ceo": "P169", "headquartered_in": "P159",
    "educated_at": "P69", "citizen_of": "P27", "lives_in": "P551", "born_in": "P19", "spouse_of": "P26",
    "parent_of": "P40", "member_of_party": "P102", "subsidiary_of": "P749", "owns": "P1830",
    "date_of_birth": "P569", "date_of_death": "P570", "date_founded": "P571",
}


@pytest.mark.parametrize("name,pid", sorted(WIKIDATA.items()))
def test_wikidata_alignment(g, name, pid):
    assert (KG[name], SKOS.closeMatch, WDT[pid]) in g


@pytest.mark.parametrize("name,expected", [
    ("spoke_with", ["speak with", "speak to", "talk with", "talk to", "have conversation with", "call"]),
    ("in_contact_with", ["keep in contact with", "maintain contact with", "stay in touch with", "contact"]),
    ("works_for", ["work for", "work at", "join", "serve at"]),
    ("invaded", ["invade", "invasion of"]),
    ("consulted_with", ["consultation with"]),
    ("met_with", ["meeting with"]),
    ("acquired", ["acquisition of"]),
    ("criticized", ["criticism of", "criticise", "criticize"]),
    ("supported", ["support for"]),
    ("published_in", ["publish in"]),
    ("ceo_of", ["ceo of"]),
])
def test_known_phrases(g, name, expected):
    have = set(phrases(g, KG[name]))
    assert set(expected) <= have, set(expected) - have


def test_literal_properties(g):
    from rdflib.namespace import XSD

    assert g.value(KG.role, RDFS.range) == XSD.string
    assert (KG.role, RDFS.subPropertyOf, SCHEMA.jobTitle) in g
    assert g.value(KG.date_of_birth, RDFS.range) == XSD.date
    assert g.value(KG.confidence, RDFS.range) == XSD.decimal
    assert g.value(KG.mentionCount, RDFS.range) == XSD.integer
    assert g.value(KG.openPredicate, RDFS.range) == XSD.boolean
    for name in ("modality", "confidence", "rule", "qualifier", "phrase", "dateline"):
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in g, name


def test_open_relation_fallback(g):
    assert (KG.related_to, RDF.type, OWL.ObjectProperty) in g
    assert str(g.value(KG.related_to, RDFS.label)) == "related to"
    assert not phrases(g, KG.related_to)
