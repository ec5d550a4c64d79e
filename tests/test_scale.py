"""Scale (issue 5): parallel spaCy processes, Dask, persistent stores, incremental builds, SPARQL on stores.

Every way of building must give the graph of one single-process build of the same articles.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild import query
from kgbuild.pipeline import build
from kgbuild.rdf import add_triples, build_graph, new_graph, update_graph
from kgbuild.resolve import resolve_entities
from kgbuild.store import RdfStore, open_graph
from small_facts import article_facts
from test_cli import run

REPO = Path(__file__).resolve().parent.parent
INPUTS = sorted(str(p) for p in [*(REPO / "seeds").glob("*.txt"), *(REPO / "tests/regression").glob("*.txt")])
FIRST, SECOND = INPUTS[:3], INPUTS[3:]
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
README_QUERIES = ["SELECT ?s ?o WHERE { ?s kg:spoke_with ?o } ORDER BY ?s ?o",
                  "SELECT ?person ?role WHERE { ?person a kg:Person ; kg:role ?role } ORDER BY ?person ?role"]


def plain(graph: Graph) -> set:
    return {tuple(map(query.plain, triple)) for triple in graph}


def as_oxigraph(graph: Graph) -> set:
    """The triples of a graph as an Oxigraph store keeps them (literals in canonical form)."""
    stored = new_graph("Oxigraph")
    add_triples(stored, graph)
    return plain(stored)


@pytest.fixture(scope="module")
def reference() -> Graph:
    """All articles, one spaCy process."""
    return build(INPUTS, workers=1).graph


# --- without spaCy ---------------------------------------------------------------------------------

def test_an_update_merges_old_articles_into_new_entities() -> None:
    """'Musk' alone is its own entity until an article names Elon Musk; then the old article's facts
    move to the merged entity, as in a build of everything at once."""
    first = article_facts("a1")
    first.entities[0].name, first.entities[0].aliases = "Musk", set()
    second = article_facts("a2")
    graph = build_graph([first], resolve_entities([first]))[0]
    assert any("person/musk" in str(s) for s in graph.subjects())
    both = [first, second]
    stats = update_graph(graph, [first], resolve_entities([first]), both, resolve_entities(both))
    expected, expected_stats = build_graph(both, resolve_entities(both))
    assert set(graph) == set(expected) and stats == expected_stats
    assert not any("person/musk" in str(s) for s in graph.subjects())


def test_the_memory_store_keeps_its_facts() -> None:
    store = RdfStore()
    facts = [article_facts("a1")]
    store.write([], resolve_entities([]), facts, resolve_entities(facts))
    assert store.load_facts() == facts
    assert len(store.graph) == len(build_graph(facts, resolve_entities(facts))[0])  # facts not in the graph


# --- with spaCy ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_two_spacy_processes_give_the_same_graph(reference) -> None:
    assert set(build(INPUTS, workers=2).graph) == set(reference)


SPAWNED = """
import multiprocessing, sys
from kgbuild import query
from kgbuild.pipeline import build
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    build(sys.argv[2:], workers=2).graph.serialize(destination=sys.argv[1], format="nt")
"""


@pytest.mark.slow
def test_spawned_spacy_processes_give_the_same_graph(reference, tmp_path: Path) -> None:
    """Custom components and Doc extensions survive the spawn start method (macOS, Windows)."""
    script, out = tmp_path / "spawned.py", tmp_path / "graph.nt"
    script.write_text(SPAWNED)
    subprocess.run([sys.executable, str(script), str(out), *INPUTS], check=True, timeout=600)
    assert set(Graph().parse(out, format="nt")) == set(reference)


@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_same_graph(reference) -> None:
    assert set(build(INPUTS, dask="local").graph) == set(reference)


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", INPUTS[0], "--out", tmp_path, "--dask", f"tcp://127.0.0.1:{free_port()}")
    assert result.code == 2 and "cannot reach the scheduler" in result.err


@pytest.mark.slow
def test_builds_into_an_oxigraph_store_add_up(reference, tmp_path: Path) -> None:
    """build A then build B into one store equals build A+B; articles already there are skipped."""
    store = f"oxigraph:{tmp_path / 'db'}"
    for part in (FIRST, SECOND):
        result = run("build", *part, "--store", store, "--workers", "1")
        assert result.code == 0, result.err
    assert f"-> {store}" in result.out
    again = run("build", FIRST[0], "--store", store, "--workers", "1")
    assert again.code == 0 and "already in the graph" in again.err
    graph = open_graph(store, read_only=True)
    assert plain(graph) == as_oxigraph(reference)
    assert len(RdfStore(graph).load_facts()) == len(INPUTS)


@pytest.mark.slow
def test_queries_on_a_store_print_what_queries_on_the_file_print(tmp_path: Path) -> None:
    assert run("build", *INPUTS, "--out", tmp_path / "out", "--workers", "1").code == 0
    store = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", *INPUTS, "--store", store, "--workers", "1").code == 0
    for sparql in README_QUERIES:
        on_file = run("query", tmp_path / "out/graph.ttl", sparql)
        assert on_file.code == 0 and on_file.out.count("\n") > 3, on_file
        assert run("query", tmp_path / "out/graph.ttl", sparql, "--engine", "rdflib").out == on_file.out
        assert run("query", store, sparql).out == on_file.out
        assert run("query", "--store", store, sparql).out == on_file.out
    assert run("query", f"oxigraph:{tmp_path / 'none'}", README_QUERIES[0]).code == 2


@pytest.mark.slow
def test_view_export_and_validate_read_a_store_as_they_read_the_file(tmp_path: Path) -> None:
    assert run("build", *INPUTS, "--out", tmp_path / "out", "--workers", "1").code == 0
    store = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", *INPUTS, "--store", store, "--workers", "1").code == 0
    for source, name in ((tmp_path / "out/graph.ttl", "file"), (store, "store")):
        checked = run("validate", source)
        assert checked.code == 0 and "conforms" in checked.out, checked  # offsets Oxigraph keeps as xsd:integer too
        assert run("view", source, "--out", tmp_path / f"{name}.html").code == 0
        assert run("export", source, "--format", "graphml", "--out", tmp_path / f"{name}.graphml").code == 0
    assert (tmp_path / "store.graphml").read_bytes() == (tmp_path / "file.graphml").read_bytes()
    drawn = [sorted(re.findall(r'"label": "([^"]*)"', (tmp_path / f"{name}.html").read_text()))
             for name in ("file", "store")]
    assert drawn[0] == drawn[1] and len(drawn[0]) > 5
    assert run("view", f"oxigraph:{tmp_path / 'none'}").code == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path: Path):
    """`oxigraph serve` on 127.0.0.1 (the binary of the PyPI package oxigraph); yields its query URL."""
    if not shutil.which(str(OXIGRAPH)) and not os.environ.get("CI"):
        pytest.skip(f"{OXIGRAPH} not installed (pip install oxigraph)")
    port = free_port()
    server = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "served"),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        yield f"{url}/query"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_builds_into_oxigraph_serve_add_up(reference, oxigraph_server: str) -> None:
    for part in (FIRST, SECOND):
        result = run("build", *part, "--store", oxigraph_server, "--workers", "1")
        assert result.code == 0, result.err
    assert plain(open_graph(oxigraph_server, read_only=True)) == as_oxigraph(reference)
    answer = run("query", oxigraph_server, README_QUERIES[0])
    assert answer.code == 0 and "Elon Musk" in answer.out
