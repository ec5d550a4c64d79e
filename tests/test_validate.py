"""`kgbuild validate`: the graph contract (ontologies/shapes.ttl) checked as SPARQL on Oxigraph, and with pySHACL."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS

from kgbuild.cli import main
from kgbuild.query import compact_iri
from kgbuild.validate import violations
from kgbuild.vocab import KG, NIF
from small_facts import small_graph
from test_cli import SEEDS, run


def statement_of(graph) -> object:
    return next(graph.subjects(RDF.type, RDF.Statement))


def test_a_built_graph_conforms() -> None:
    assert violations(small_graph()) == []


def test_a_statement_without_its_sentence_is_named() -> None:
    graph = small_graph()
    statement = statement_of(graph)
    graph.remove((statement, PROV.wasDerivedFrom, None))
    [line] = violations(graph)
    assert line.startswith(f"{compact_iri(statement)} prov:wasDerivedFrom: ")
    assert "nif:Sentence" in line


BREAKAGES = [
    (lambda g: g.add((next(g.subjects(KG.mentionCount, None)), RDFS.label, Literal("Other"))), "rdfs:label"),
    (lambda g: g.set((statement_of(g), KG.modality, Literal("maybe"))), "kg:modality"),
    (lambda g: g.set((statement_of(g), KG.confidence, Literal(1.5))), "kg:confidence"),
    (lambda g: g.set((next(g.subjects(RDF.type, NIF.Sentence)), NIF.anchorOf, Literal("x"))), "article text"),
    (lambda g: g.remove((None, NIF.isString, None)), "nif:isString"),
    (lambda g: g.remove((statement_of(g), RDF.subject, None)), "rdf:subject"),
    (lambda g: g.add((next(g.subjects(KG.mentionCount, None)), KG.owns, Literal("x"))), "no statement"),
]


@pytest.mark.parametrize("breakage, expected", BREAKAGES)
def test_each_rule_of_the_contract(breakage, expected: str) -> None:
    graph = small_graph()
    breakage(graph)
    found = violations(graph)
    assert any(expected in line for line in found), found


@pytest.mark.parametrize("breakage, expected", BREAKAGES)
def test_pyshacl_finds_the_same_violations(breakage, expected: str) -> None:
    graph = small_graph()
    breakage(graph)
    where = [{line.split(": ")[0] for line in violations(graph, engine=engine)} for engine in ("sparql", "pyshacl")]
    assert where[0] == where[1] != set()


def test_a_bad_value_is_quoted() -> None:
    graph = small_graph()
    graph.set((statement_of(graph), KG.modality, Literal("maybe")))
    [line] = violations(graph)
    assert line.endswith("(value 'maybe')"), line


def test_a_graph_in_oxigraph_is_checked_where_it_is(tmp_path: Path) -> None:
    from kgbuild.query import load_for_query

    path = tmp_path / "graph.ttl"
    graph = small_graph()
    graph.remove((statement_of(graph), PROV.wasDerivedFrom, None))
    graph.serialize(path, format="turtle")
    assert violations(load_for_query(path)) == violations(graph) != []


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    graph = small_graph()
    graph.serialize(good, format="turtle")
    statement = statement_of(graph)
    graph.remove((statement, PROV.wasDerivedFrom, None))
    graph.serialize(bad, format="turtle")

    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert main(["validate", str(bad)]) == 1
    captured = capsys.readouterr()
    assert [line.split()[0] for line in captured.out.splitlines()] == [compact_iri(statement)]
    assert "1 violation" in captured.err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2


@pytest.mark.slow
def test_the_seed_graph_conforms(tmp_path: Path) -> None:
    assert run("build", SEEDS, "--out", tmp_path).code == 0
    result = run("validate", tmp_path / "graph.ttl")
    assert result.code == 0, result.out
