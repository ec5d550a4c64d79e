"""network.to_networkx and view.write_html on a small hand-built graph that follows the RDF contract."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import RDFS
from sample_graph import ACT, KAHL, MUSK, PUTIN, SPACEX, XSS_TITLE, sample_graph

from kgbuild import vocab
from kgbuild.cli import main
from kgbuild.network import UNUSED_PREDICATES, to_networkx
from kgbuild.view import find_node, render_html, select, write_html
from kgbuild.vocab import KG


@pytest.fixture
def rdf_graph() -> Graph:
    return sample_graph()


def page_data(html: str, name: str):
    """The JSON value the page's script assigns to `var name`."""
    return json.loads(re.search(rf"var {name} = (.*);\n", html).group(1))


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
    assert "<script>window.pwned" not in html
    assert "<img src=x" not in html
    assert "\\u003cscript\\u003ewindow.pwned = 1\\u003c/script\\u003e" in html
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

    monkeypatch.setattr("kgbuild.files.os.replace", fail)
    with pytest.raises(OSError):
        write_html(to_networkx(rdf_graph), tmp_path / "graph.html")
    assert list(tmp_path.iterdir()) == []


def test_nodes_are_styled_by_type_and_sized_by_degree(rdf_graph: Graph) -> None:
    html = render_html(to_networkx(rdf_graph))
    nodes = {n["id"]: n for n in page_data(html, "nodeData")}
    assert nodes[str(MUSK)]["group"] == "Person" and nodes[str(SPACEX)]["group"] == "Organization"
    assert nodes[str(ACT)]["group"] == "Thing"  # a type without a style of its own
    assert nodes[str(MUSK)]["value"] > nodes[str(PUTIN)]["value"] > nodes[str(KAHL)]["value"] == 0
    groups = page_data(html, "options")["groups"]
    assert groups["Person"]["shape"] != groups["Organization"]["shape"]
    assert groups["Person"]["color"] != groups["Organization"]["color"]
    edges = {e["info"]["predicate"]: e for e in page_data(html, "edgeData")}
    assert edges["founded"]["dashes"] and edges["founded"]["info"]["modality"] == "reported"
    assert not edges["spoke_with"]["dashes"]
    # One filter checkbox per drawn type and per predicate.
    assert re.findall(r'name="type" value="(\w+)"', html) == ["Person", "Organization", "Thing"]
    assert re.findall(r'name="predicate" value="(\w+)"', html) == ["founded", "spoke_with"]


def test_find_node_by_iri_label_or_alias(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert find_node(net, str(PUTIN)) == str(PUTIN)
    assert find_node(net, "vladimir putin") == str(PUTIN)
    assert find_node(net, "MUSK") == str(MUSK)
    with pytest.raises(KeyError):
        find_node(net, "Putin")


def test_select_keeps_the_most_connected(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    part, caption = select(net, max_nodes=2)
    assert sorted(part) == sorted([str(MUSK), str(SPACEX)])  # SpaceX and Putin tie: the IRI decides
    assert part.number_of_edges() == 1
    assert caption == "2 of 5 entities: the most connected"
    assert select(net, max_nodes=5)[1] == select(net, max_nodes=0)[1] == ""


def test_select_around_a_focus(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    part, caption = select(net, focus="SpaceX", hops=1)
    assert sorted(part) == sorted([str(MUSK), str(SPACEX)])
    assert caption == "2 of 5 entities within 1 hop of SpaceX"
    part, caption = select(net, focus="Vladimir Putin", hops=2, max_nodes=2)
    assert sorted(part) == sorted([str(MUSK), str(PUTIN)])  # the focus stays, though SpaceX ranks before it
    assert caption == "2 of 5 entities: the most connected within 2 hops of Vladimir Putin"
    assert sorted(select(net, focus="SpaceX", hops=0)[0]) == [str(SPACEX)]


def test_caption_is_shown_on_the_page(rdf_graph: Graph, tmp_path: Path) -> None:
    caption = write_html(to_networkx(rdf_graph), tmp_path / "g.html", focus="Elon Musk", max_nodes=2)
    assert caption == "2 of 5 entities: the most connected within 1 hop of Elon Musk"
    assert f'<span id="caption">{caption}</span>' in (tmp_path / "g.html").read_text(encoding="utf-8")


def test_empty_graph_gives_a_page(tmp_path: Path) -> None:
    assert write_html(nx.MultiDiGraph(), tmp_path / "g.html") == ""
    assert page_data((tmp_path / "g.html").read_text(encoding="utf-8"), "nodeData") == []


def test_cli_view_options(rdf_graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, page = tmp_path / "g.ttl", tmp_path / "g.html"
    rdf_graph.serialize(ttl, format="turtle")
    assert main(["view", str(ttl), "--out", str(page), "--focus", "musk", "--hops", "1", "--max-nodes", "2"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"wrote {page} (2 of 5 entities: the most connected within 1 hop of Elon Musk)")
    assert len(page_data(page.read_text(encoding="utf-8"), "nodeData")) == 2

    assert main(["view", str(ttl), "--out", str(page), "--focus", "Nobody"]) == 2
    assert "Nobody" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["view", str(ttl), "--hops", "-1"])
    assert exit_.value.code == 2


def test_to_networkx_reads_none_of_the_unused_predicates(rdf_graph: Graph) -> None:
    pruned = Graph()
    for triple in rdf_graph:
        if triple[1] not in UNUSED_PREDICATES:
            pruned.add(triple)
    assert len(pruned) < len(rdf_graph)
    full, lean = to_networkx(rdf_graph), to_networkx(pruned)
    assert dict(full.nodes(data=True)) == dict(lean.nodes(data=True))
    assert list(full.edges(keys=True, data=True)) == list(lean.edges(keys=True, data=True))
