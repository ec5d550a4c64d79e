"""A small hand-built RDF graph that follows the graph contract, with untrusted text in its titles and sentences."""
from __future__ import annotations

from datetime import date as Date

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kgbuild.vocab import KG, KGR, NIF, SCHEMA

MUSK, PUTIN, SPACEX, KAHL, ACT = (
    KGR["person/elon-musk"], KGR["person/vladimir-putin"], KGR["organization/spacex"],
    KGR["person/colin-kahl"], KGR["law/some-act"],
)
# Each payload sets window.pwned when it runs; a safe page leaves it unset.
XSS_SENTENCE = 'Musk founded SpaceX <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2">.'
XSS_TITLE = "Rockets </script><script>window.pwned = 3</script>"


def _entity(g: Graph, iri: URIRef, cls: str, label: str, mentions: int = 1) -> None:
    g.add((iri, RDF.type, KG[cls]))
    g.add((iri, RDFS.label, Literal(label)))
    g.add((iri, KG.mentionCount, Literal(mentions)))


def _article(g: Graph, key: str, title: str, date: str, source: str) -> URIRef:
    article = KGR[f"article/{key}"]
    g.add((article, RDF.type, NIF.Context))
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, DCTERMS.title, Literal(title)))
    g.add((article, DCTERMS.date, Literal(Date.fromisoformat(date))))
    g.add((article, DCTERMS.source, URIRef(source)))
    g.add((article, NIF.isString, Literal("...")))
    return article


def _statement(g: Graph, key: str, s, p: str, o, article: URIRef, span: tuple[int, int], text: str,
               modality: str, attributed_to: URIRef | None = None) -> None:
    st, sentence = KGR[f"statement/{key}"], URIRef(f"{article}#char={span[0]},{span[1]}")
    for pred, obj in [(RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, KG[p]), (RDF.object, o),
                      (PROV.wasDerivedFrom, sentence), (KG.modality, Literal(modality)),
                      (KG.confidence, Literal(0.8)), (KG.rule, Literal("svo")), (KG.phrase, Literal(p))]:
        g.add((st, pred, obj))
    if attributed_to is not None:
        g.add((st, PROV.wasAttributedTo, attributed_to))
    g.add((sentence, RDF.type, NIF.Sentence))
    g.add((sentence, NIF.anchorOf, Literal(text)))
    g.add((sentence, NIF.beginIndex, Literal(span[0])))
    g.add((sentence, NIF.endIndex, Literal(span[1])))
    g.add((sentence, NIF.referenceContext, article))
    if modality != "negated":
        g.add((s, KG[p], o))


def sample_graph() -> Graph:
    """Five entities (one of a type the view does not know), two drawn relations, one negated, one role."""
    g = Graph()
    _entity(g, MUSK, "Person", "Elon Musk", mentions=5)
    g.add((MUSK, SKOS.altLabel, Literal("Musk")))
    g.add((MUSK, SKOS.altLabel, Literal("Elon")))
    g.add((MUSK, KG.role, Literal("billionaire")))
    g.add((MUSK, KG.role, Literal("CEO")))
    _entity(g, PUTIN, "Person", "Vladimir Putin")
    _entity(g, SPACEX, "Organization", "SpaceX")
    _entity(g, KAHL, "Person", "Colin Kahl")
    _entity(g, ACT, "Law", "Some Act")
    a1 = _article(g, "f00d", "Musk and Putin", "2023-08-22", "https://example.com/a?x=1&y=2")
    a2 = _article(g, "beef", XSS_TITLE, "2023-09-01", "https://example.org/b")
    _statement(g, "s1", MUSK, "spoke_with", PUTIN, a1, (10, 80), "He said he had spoken with Putin.",
               "asserted", attributed_to=KAHL)
    _statement(g, "s2", MUSK, "spoke_with", PUTIN, a2, (0, 40), "Musk may have spoken with Putin.", "hedged")
    _statement(g, "s3", MUSK, "founded", SPACEX, a2, (41, 120), XSS_SENTENCE, "reported")
    _statement(g, "s4", PUTIN, "criticized", SPACEX, a1, (81, 120), "Putin did not criticize SpaceX.", "negated")
    _statement(g, "s5", MUSK, "role", Literal("billionaire"), a1, (0, 9), "Billionaire Elon Musk.", "asserted")
    return g
