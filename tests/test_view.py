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

from generated_graph import generated_graph
from kgbuild import view, vocab
from kgbuild.cli import main
from kgbuild.network import UNUSED_PREDICATES, to_networkx
from kgbuild.view import evidence_by_modality, find_node, render_html, select, write_html
from kgbuild.view.layout import BOX_HEIGHT, BOX_WIDTH, positions
from kgbuild.view.page import HUB_LABELS, LABEL_SIZE, label_sizes
from kgbuild.vocab import KG, KGR


@pytest.fixture
def rdf_graph() -> Graph:
    return sample_graph()


def page_data(html: str) -> dict:
    """The JSON data the page's script reads."""
    return json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1))


@pytest.fixture(autouse=True)
def no_ontology(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vocab, "ONTOLOGY_FILE", tmp_path / "missing.ttl")


def test_nodes_are_the_entities_with_their_attributes(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert sorted(net.nodes) == sorted(str(e) for e in (MUSK, PUTIN, SPACEX, KAHL, ACT))
    musk = net.nodes[str(MUSK)]
    assert musk == {"label": "Elon Musk", "type": "Person", "aliases": ["Elon", "Musk"],
                    "roles": ["CEO", "billionaire"], "mentions": 5, "articles": 2,
                    "article_ids": [str(KGR["article/beef"]), str(KGR["article/f00d"])]}
    assert net.graph["articles"][str(KGR["article/f00d"])] == {
        "title": "Musk and Putin", "date": "2023-08-22", "source": "https://example.com/a?x=1&y=2"}
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
         "sentence": "He said he had spoken with Putin.", "modality": "asserted", "attributed_to": "Colin Kahl",
         "article": str(KGR["article/f00d"])},
        {"date": "2023-09-01", "article_title": XSS_TITLE, "source": "https://example.org/b",
         "sentence": "Musk may have spoken with Putin.", "modality": "hedged", "attributed_to": None,
         "article": str(KGR["article/beef"])},
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
    assert html.count("</script>") == 3  # the data, vis-network and the page's own script, nothing injected
    assert [t["type"] for t in page_data(html)["types"]] == ["Person", "Organization"]  # the types drawn
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
    data = page_data(render_html(to_networkx(rdf_graph)))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[str(MUSK)]["kind"] == "Person" and nodes[str(SPACEX)]["kind"] == "Organization"
    assert nodes[str(ACT)]["kind"] == "Thing" and nodes[str(ACT)]["type"] == "Law"  # no style of its own
    assert nodes[str(MUSK)]["value"] > nodes[str(PUTIN)]["value"] > nodes[str(KAHL)]["value"] == 0
    styles = {t["type"]: t for t in data["types"]}
    assert styles["Person"]["shape"] != styles["Organization"]["shape"]
    assert styles["Person"]["colour"] != styles["Organization"]["colour"]
    assert styles["Person"]["count"] == 3
    edges = {e["predicate"]: e for e in data["edges"]}
    assert edges["founded"]["dashes"] and edges["founded"]["modality"] == "reported"
    assert not edges["spoke_with"]["dashes"]
    assert [p["predicate"] for p in data["predicates"]] == ["founded", "spoke_with"]
    assert data["options"]["physics"] is False  # positions come with the nodes
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_reported_and_hedged_relations_are_drawn_differently() -> None:
    edges = page_data(render_html(to_networkx(generated_graph(30, articles=3))))["edges"]
    dashes = {e["modality"]: json.dumps(e["dashes"]) for e in edges}
    assert dashes["asserted"] == "false"
    assert len({dashes["asserted"], dashes["reported"], dashes["hedged"]}) == 3


def test_node_data_lists_its_articles_and_relations_off_the_page(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    chosen = select(net, max_nodes=2)
    data = page_data(render_html(chosen.part, whole=net))
    nodes = {n["id"]: n for n in data["nodes"]}
    articles = [data["articles"][i] for i in nodes[str(MUSK)]["articles"]]
    assert sorted(a["title"] for a in articles) == sorted(["Musk and Putin", XSS_TITLE])
    assert {"title": "Musk and Putin", "date": "2023-08-22", "source": "https://example.com/a?x=1&y=2"} in articles
    assert nodes[str(MUSK)]["offpage"] == 1  # spoke_with Putin, who is not drawn
    assert nodes[str(MUSK)]["roles"] == ["CEO", "billionaire"] and nodes[str(MUSK)]["aliases"] == ["Elon", "Musk"]


def test_evidence_lists_each_sentence_once_and_negated_ones_apart() -> None:
    def ev(sentence: str, modality: str, speaker: str | None = None, article: str = "a1") -> dict:
        return {"sentence": sentence, "modality": modality, "attributed_to": speaker, "article": article,
                "date": None, "article_title": None, "source": None}

    denied = "He said he had spoken with Putin, though he later denied it."
    grouped = evidence_by_modality([
        ev("Musk may have spoken with Putin.", "hedged"),
        ev(denied, "negated"), ev(denied, "reported", "Elon Musk"),
        ev("Musk spoke with Putin.", "asserted"), ev("Musk spoke with Putin.", "reported", "Kahl"),
        ev("Musk spoke with Putin.", "asserted", article="a2"),
    ])
    assert list(grouped) == ["asserted", "hedged", "negated"]
    assert [e["sentence"] for e in grouped["negated"]] == [denied]
    assert grouped["negated"][0]["attributed_to"] == ["Elon Musk"]
    assert [(e["sentence"], e["article"]) for e in grouped["asserted"]] == [
        ("Musk spoke with Putin.", "a1"), ("Musk spoke with Putin.", "a2")]
    assert grouped["asserted"][0]["attributed_to"] == ["Kahl"]
    assert all(denied != e["sentence"] for m in ("asserted", "reported", "hedged") for e in grouped.get(m, []))


def test_find_node_by_iri_label_or_alias(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    assert find_node(net, str(PUTIN)) == str(PUTIN)
    assert find_node(net, "vladimir putin") == str(PUTIN)
    assert find_node(net, "MUSK") == str(MUSK)
    with pytest.raises(KeyError):
        find_node(net, "Putin")


def test_select_leaves_out_entities_without_relations(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    chosen = select(net)
    assert sorted(chosen.part) == sorted([str(MUSK), str(PUTIN), str(SPACEX)])
    assert chosen.isolated == 2 and chosen.caption == "3 of 5 entities"
    everything = select(net, isolated=True)
    assert everything.part.number_of_nodes() == 5 and everything.isolated == 0 and everything.caption == ""


def test_select_keeps_the_most_connected(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    chosen = select(net, max_nodes=2)
    assert sorted(chosen.part) == sorted([str(MUSK), str(SPACEX)])  # SpaceX and Putin tie: the IRI decides
    assert chosen.part.number_of_edges() == 1
    assert chosen.caption == "2 of 5 entities: the most connected"


def test_a_capped_page_draws_no_entity_without_a_line() -> None:
    # A hub with many leaves, and pairs whose members rank high but whose partners rank low.
    net = nx.MultiDiGraph()
    for n in ["hub", *(f"leaf{i}" for i in range(5)), "a", "b", "c", "d"]:
        net.add_node(n, label=n, type="Person", aliases=[], roles=[], mentions=1, articles=0)
    for i in range(5):
        net.add_edge("hub", f"leaf{i}", key="knows")
    net.add_edge("a", "b", key="knows")
    for n in ("a", "c"):  # a and c rank second and third, b and d last
        net.add_edge(n, "x" + n, key="knows")
        net.add_edge(n, "y" + n, key="knows")
        net.nodes["x" + n].update(label="x" + n, type="Person", aliases=[], roles=[], mentions=1, articles=0)
        net.nodes["y" + n].update(label="y" + n, type="Person", aliases=[], roles=[], mentions=1, articles=0)
    part = select(net, max_nodes=4).part
    assert part.number_of_nodes() == 4
    undirected = part.to_undirected()
    assert all(undirected.degree(n) > 0 for n in part)


def test_select_around_a_focus(rdf_graph: Graph) -> None:
    net = to_networkx(rdf_graph)
    chosen = select(net, focus="SpaceX", hops=1)
    assert sorted(chosen.part) == sorted([str(MUSK), str(SPACEX)]) and chosen.focus == str(SPACEX)
    assert chosen.caption == "2 of 5 entities within 1 hop of SpaceX"
    chosen = select(net, focus="Vladimir Putin", hops=2, max_nodes=2)
    assert sorted(chosen.part) == sorted([str(MUSK), str(PUTIN)])  # the focus stays, though SpaceX ranks before it
    assert chosen.caption == "2 of 5 entities: the most connected within 2 hops of Vladimir Putin"
    assert sorted(select(net, focus="SpaceX", hops=0).part) == [str(SPACEX)]
    assert sorted(select(net, focus="Colin Kahl").part) == [str(KAHL)]  # a focus without relations stays


def test_layout_is_computed_in_python_deterministic_and_inside_the_box() -> None:
    net = to_networkx(generated_graph(300, isolated=0, articles=5))
    where = positions(net)
    assert set(where) == set(net) and where == positions(net)
    xs, ys = [p[0] for p in where.values()], [p[1] for p in where.values()]
    assert max(xs) - min(xs) == pytest.approx(BOX_WIDTH, abs=1) or max(ys) - min(ys) == pytest.approx(BOX_HEIGHT, abs=1)
    assert max(map(abs, xs)) <= BOX_WIDTH / 2 + 1 and max(map(abs, ys)) <= BOX_HEIGHT / 2 + 1
    assert len(set(where.values())) == len(where)  # no two entities on the same spot


def test_hubs_get_readable_labels_that_do_not_overlap() -> None:
    net = to_networkx(generated_graph(1000, articles=5))
    where = positions(net)
    ranked = sorted(net, key=lambda n: (-net.degree(n), n))
    sizes = label_sizes(net, where, ranked)
    labelled = [n for n in ranked if sizes[n] == LABEL_SIZE]
    assert 20 <= len(labelled) <= HUB_LABELS
    assert ranked[0] in labelled  # the biggest hub is always named
    assert max(sizes[n] for n in ranked if n not in labelled) < 0.7 * LABEL_SIZE  # others wait for zoom
    for i, a in enumerate(labelled):  # labels (about 0.6 em per character) of two named hubs never overlap
        for b in labelled[i + 1:]:
            (ax, ay), (bx, by) = where[a], where[b]
            half_widths = 0.3 * LABEL_SIZE * (len(net.nodes[a]["label"]) + len(net.nodes[b]["label"]))
            assert abs(ax - bx) >= half_widths or abs(ay - by) >= 3.5 * LABEL_SIZE


def test_caption_is_shown_on_the_page(rdf_graph: Graph, tmp_path: Path) -> None:
    caption = write_html(to_networkx(rdf_graph), tmp_path / "g.html", focus="Elon Musk", max_nodes=2)
    assert caption == "2 of 5 entities: the most connected within 1 hop of Elon Musk"
    html = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert f'<span id="caption">{caption}</span>' in html
    assert page_data(html)["focus"] == str(MUSK)
    caption = write_html(to_networkx(rdf_graph), tmp_path / "g.html")
    assert caption == "3 of 5 entities; 2 entities without relations left out (--isolated draws them)"


def test_empty_graph_gives_a_page(tmp_path: Path) -> None:
    assert write_html(nx.MultiDiGraph(), tmp_path / "g.html") == ""
    assert page_data((tmp_path / "g.html").read_text(encoding="utf-8"))["nodes"] == []


def test_cli_view_options(rdf_graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, page = tmp_path / "g.ttl", tmp_path / "g.html"
    rdf_graph.serialize(ttl, format="turtle")
    assert main(["view", str(ttl), "--out", str(page), "--focus", "musk", "--hops", "1", "--max-nodes", "2"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"wrote {page} (2 of 5 entities: the most connected within 1 hop of Elon Musk)")
    assert len(page_data(page.read_text(encoding="utf-8"))["nodes"]) == 2

    assert main(["view", str(ttl), "--out", str(page), "--isolated"]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {page}"
    assert len(page_data(page.read_text(encoding="utf-8"))["nodes"]) == 5

    assert main(["view", str(ttl), "--out", str(page), "--focus", "Nobody"]) == 2
    assert "Nobody" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["view", str(ttl), "--hops", "-1"])
    assert exit_.value.code == 2


def test_cli_warns_before_drawing_a_large_page(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ttl, page = tmp_path / "g.ttl", tmp_path / "g.html"
    generated_graph(60, isolated=5, articles=5).serialize(ttl, format="turtle")
    monkeypatch.setattr(view, "LARGE_PAGE", 50)
    assert main(["view", str(ttl), "--out", str(page), "--max-nodes", "0"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("kgbuild: warning: drawing 60 entities and ")
    assert "MB of page" in err and "to open in a browser" in err and "--focus NAME --hops 2" in err
    assert main(["view", str(ttl), "--out", str(page), "--max-nodes", "40"]) == 0
    assert capsys.readouterr().err == ""


def test_to_networkx_reads_none_of_the_unused_predicates(rdf_graph: Graph) -> None:
    pruned = Graph()
    for triple in rdf_graph:
        if triple[1] not in UNUSED_PREDICATES:
            pruned.add(triple)
    assert len(pruned) < len(rdf_graph)
    full, lean = to_networkx(rdf_graph), to_networkx(pruned)
    assert dict(full.nodes(data=True)) == dict(lean.nodes(data=True))
    assert list(full.edges(keys=True, data=True)) == list(lean.edges(keys=True, data=True))
