"""kgbuild export: the entity network as GraphML and GEXF, the whole RDF graph as JSON-LD and N-Quads."""
from __future__ import annotations

import io
import json
from xml.etree import ElementTree
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from sample_graph import ACT, MUSK, PUTIN, SPACEX, XSS_SENTENCE, sample_graph

from kgbuild import vocab
from kgbuild.cli import main
from kgbuild.export import FORMATS, export


@pytest.fixture(autouse=True)
def no_ontology(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vocab, "ONTOLOGY_FILE", tmp_path / "missing.ttl")


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_keep_nodes_edges_and_attributes(fmt: str, read) -> None:
    net = read(io.BytesIO(export(sample_graph(), fmt)))
    assert sorted(net.nodes) == sorted(str(e) for e in (MUSK, PUTIN, SPACEX, ACT, vocab.KGR["person/colin-kahl"]))
    assert net.is_directed()
    musk = net.nodes[str(MUSK)]
    assert musk["label"] == "Elon Musk" and musk["type"] == "Person" and musk["mentions"] == 5
    assert json.loads(musk["aliases"]) == ["Elon", "Musk"]
    edges = {data["predicate"]: data for _, _, data in net.edges(data=True)}
    assert sorted(edges) == ["founded", "spoke_with"]
    assert edges["spoke_with"]["label"] == "spoke with" and edges["spoke_with"]["modality"] == "asserted"
    evidence = json.loads(edges["founded"]["evidence"])
    assert [ev["sentence"] for ev in evidence] == [XSS_SENTENCE]


def test_graphml_edge_ids_are_unique() -> None:
    root = ElementTree.fromstring(export(sample_graph(), "graphml"))
    ids = [edge.get("id") for edge in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == 2


@pytest.mark.parametrize("fmt, parse", [
    ("jsonld", lambda data: Graph().parse(data=data, format="json-ld")),
    ("nquads", lambda data: Graph().parse(data=data, format="nquads")),
])
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside rdflib's own parsers
def test_rdf_formats_round_trip(fmt: str, parse) -> None:
    graph = sample_graph()
    data = export(graph, fmt)
    assert isomorphic(parse(data), graph)


def test_jsonld_uses_the_project_prefixes() -> None:
    context = json.loads(export(sample_graph(), "jsonld"))["@context"]
    assert context["kg"] == str(vocab.KG) and context["prov"] == str(vocab.PREFIXES["prov"])


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="graphml"):
        export(sample_graph(), "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_to_file_and_stdout(fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    ttl, out = tmp_path / "g.ttl", tmp_path / f"g.{fmt}"
    sample_graph().serialize(ttl, format="turtle")
    assert main(["export", str(ttl), "--format", fmt, "--out", str(out)]) == 0
    assert capsysbinary.readouterr().out.decode().strip() == f"wrote {out}"
    assert main(["export", str(ttl), "--format", fmt]) == 0
    printed = capsysbinary.readouterr().out
    if fmt != "gexf":  # GEXF carries today's date
        assert printed == out.read_bytes()
    assert len(printed) > 500


def test_cli_export_of_a_missing_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "none.ttl"), "--format", "nquads"]) == 2
    assert "none.ttl" in capsys.readouterr().err
