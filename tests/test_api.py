"""The Python API (kgbuild.load, KnowledgeGraph): behaviour on a hand-built graph that follows the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from oxrdflib import OxigraphStore

import kgbuild
from sample_graph import sample_graph


@pytest.fixture()
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


@pytest.fixture()
def kg(graph_file: Path) -> kgbuild.KnowledgeGraph:
    return kgbuild.load(graph_file)


def test_load_reads_every_triple_into_oxigraph(kg: kgbuild.KnowledgeGraph) -> None:
    assert isinstance(kg.graph.store, OxigraphStore)
    assert len(kg.graph) == len(sample_graph())


def test_a_loaded_graph_answers_queries_and_gives_evidence(kg: kgbuild.KnowledgeGraph) -> None:
    spoke = kg.query("SELECT ?s ?o WHERE { ?s kg:spoke_with ?o }", labels=True)
    assert spoke.to_dict("records") == [{"s": "Elon Musk", "o": "Vladimir Putin"}]
    evidence = kg.evidence("Elon Musk", "spoke_with", "Vladimir Putin")
    assert sorted(evidence["sentence"]) == ["He said he had spoken with Putin.", "Musk may have spoken with Putin."]
    assert sorted(evidence["modality"]) == ["asserted", "hedged"]


def test_load_opens_an_oxigraph_store(tmp_path: Path, graph_file: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(tmp_path / "db"))
    store.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    del store
    kg = kgbuild.load(f"oxigraph:{tmp_path / 'db'}")
    assert kg.query("SELECT ?o WHERE { ?s kg:founded ?o }", labels=True)["o"].tolist() == ["SpaceX"]
