"""`kgbuild query` is read-only, local and time-limited unless told otherwise."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.query import QueryError, run_query
from small_facts import small_graph
from test_cli import KGBUILD, run

INSERT = "INSERT DATA { kgr:x rdfs:label 'X' }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    small_graph().serialize(path, format="turtle")
    return path


def test_update_is_refused_and_the_file_left_alone(graph_file: Path) -> None:
    before = graph_file.read_bytes()
    result = run("query", graph_file, INSERT)
    assert result.code == 2
    assert "read-only" in result.err and "--update" in result.err
    assert graph_file.read_bytes() == before


def test_update_with_the_flag_writes_the_graph_back(graph_file: Path) -> None:
    size = len(Graph().parse(graph_file))
    result = run("query", graph_file, INSERT, "--update")
    assert result.code == 0, result.err
    assert f"{size} -> {size + 1} triples" in result.out
    assert len(Graph().parse(graph_file)) == size + 1
    assert [p.name for p in graph_file.parent.iterdir()] == ["graph.ttl"]  # no temporary file left
    assert run("query", graph_file, "SELECT * WHERE { ?s ?p ?o }", "--update").code == 2


@pytest.mark.parametrize("sparql, keyword", [
    ("SELECT * WHERE { SERVICE <http://example.invalid/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://example.invalid/g> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("ASK { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.invalid/> { ?s ?q ?r } } }", "SERVICE"),
])
def test_remote_data_is_refused(graph_file: Path, sparql: str, keyword: str) -> None:
    result = run("query", graph_file, sparql)
    assert result.code == 2
    assert keyword in result.err and "--allow-remote" in result.err


def test_remote_updates_are_refused_even_with_update(graph_file: Path) -> None:
    result = run("query", graph_file, "LOAD <http://example.invalid/data.ttl>", "--update")
    assert result.code == 2 and "LOAD" in result.err


def test_the_api_is_read_only_too() -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_query(small_graph(), INSERT)


def test_a_runaway_query_is_stopped(graph_file: Path) -> None:
    start = time.perf_counter()
    done = subprocess.run([str(KGBUILD), "query", str(graph_file), SLOW, "--timeout", "1"],
                          capture_output=True, text=True, timeout=120)
    assert time.perf_counter() - start < 30
    assert done.returncode == 2
    assert "stopped after 1 s" in done.stderr and "Traceback" not in done.stderr


def test_a_negative_timeout_is_a_usage_error(graph_file: Path) -> None:
    result = run("query", graph_file, "ASK { ?s ?p ?o }", "--timeout", "-1")
    assert result.code == 2 and "--timeout" in result.err
