"""network.to_networkx and view.write_html on a small hand-built graph that follows the RDF contract."""
from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kgbuild import vocab
from kgbuild.network import to_networkx
from kgbuild.view import render_html, write_html
from kgbuild.vocab import KG, KGR, NIF, SCHEMA

MUSK, PUTIN, SPACEX, KAHL, ACT = (
    KGR["person/elon-musk"], KGR["person/vladimir-putin"], KGR["organization/spacex"],
    KGR["person/colin-kahl"], KGR["law/some-act"],
)
XSS_SENTENCE = 'Musk founded SpaceX <script>alert(1)</script> <img src=x onerror="alert(2)">.'
XSS_TITLE = "Rockets </script><script>alert(3)</script>"


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


@pytest.fixture
def rdf_graph() -> Graph:
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


@pytest.fixture(autouse=True)
def no_ontology(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vocab, "ONTOLOGY_FILE", tmp_path / "missing.ttl")


def test_nodes_are_the_entities_with_their_attributes(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert sorted(net.nodes) == sorted(str(e) for e in (MUSK, PUTIN, SPACEX, KAHL, ACT))
    musk = net.nodes[str(MUSK)]
    assert musk == {"label": "Elon Musk", "type": "Person", "aliases": ["Elon", "Musk"],
                    "roles": ["CEO", "billionaire"], "mentions": 5, "articles": 2}
    assert net.nodes[str(ACT)]["type"] == "Law"
    assert net.nodes[str(KAHL)]["articles"] == 0


def test_edges_carry_sorted_evidence_and_strongest_modality(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert sorted((u, k, v) for u, v, k in net.edges(keys=True)) == [
        (str(MUSK), "founded", str(SPACEX)), (str(MUSK), "spoke_with", str(PUTIN))]
    edge = net.edges[str(MUSK), str(PUTIN), "spoke_with"]
    assert edge["predicate"] == "spoke_with"
    assert edge["label"] == "spoke with"
    assert edge["modality"] == "asserted"
    assert edge["evidence"] == [
        {"date": "2023-08-22", "article_title": "Musk and Putin", "source": "https://example.com/a?x=1&y=2",
         "sentence": "He said he had spoken with Putin.", "modality": "asserted", "attributed_to": "Colin Kahl"},
        {"date": "2023-09-01", "article_title": XSS_TITLE, "source": "https://example.org/b",
         "sentence": "Musk may have spoken with Putin.", "modality": "hedged", "attributed_to": None},
    ]
    assert net.edges[str(MUSK), str(SPACEX), "founded"]["modality"] == "reported"


def test_negated_statement_is_not_drawn(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert not net.has_edge(str(PUTIN), str(SPACEX))


def test_predicate_label_comes_from_the_ontology(rdf_graph: Graph, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    ontology = tmp_path / "kgbuild.ttl"
    ontology.write_text(f'<{KG.spoke_with}> <{RDFS.label}> "has spoken with"@en .\n', encoding="utf-8")
    monkeypatch.setattr(vocab, "ONTOLOGY_FILE", ontology)
    net = to_networkx(rdf_graph)
    assert net.edges[str(MUSK), str(PUTIN), "spoke_with"]["label"] == "has spoken with"
    assert net.edges[str(MUSK), str(SPACEX), "founded"]["label"] == "founded"


def test_write_html_is_self_contained_and_escaped(rdf_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "site" / "graph.html"
    write_html(to_networkx(rdf_graph), out, title="News <b>graph</b>")
    html = out.read_text(encoding="utf-8")

    assert "vis.Network" in html and "vis-network" in html
    assert not re.search(r"""<(script|img|iframe)[^>]*\ssrc\s*=""", html, re.I)
    assert not re.search(r"""<link[^>]*\shref\s*=""", html, re.I)
    assert "https://example.com/a?x=1\\u0026y=2" in html  # source links only as escaped JSON data
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
    assert "News &lt;b&gt;graph&lt;/b&gt;" in html and "<b>graph" not in html
    assert html.count("</script>") == 2  # vis-network and the page's own script, nothing injected

    legend = html[html.index('<ul id="legend"'):html.index("</ul>", html.index('<ul id="legend"'))]
    for kind in ("Person", "Organization", "Thing"):
        assert kind in legend
    assert "Place" not in legend
    assert "stabilizationIterationsDone" in html
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]


def test_render_html_is_deterministic(rdf_graph: Graph) -> None:
    assert render_html(to_networkx(rdf_graph)) == render_html(to_networkx(rdf_graph))


def test_failed_write_leaves_no_temp_file(rdf_graph: Graph, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("kgbuild.view.os.replace", fail)
    with pytest.raises(OSError):
        write_html(to_networkx(rdf_graph), tmp_path / "graph.html")
    assert list(tmp_path.iterdir()) == []
