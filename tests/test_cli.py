"""The `kgbuild` command line: build, query and view, their output and their exit codes.

Most tests call kgbuild.cli.main in-process; one runs the installed console script. The seed graph is
built once for the module. Loads the spaCy model, hence `slow`.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS
from rdflib.query import Result

import kgbuild
from kgbuild.cli import main
from kgbuild.prefixes import PREFIX_IRIS
from kgbuild.vocab import KG, SCHEMA

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
KGBUILD = Path(sys.executable).parent / "kgbuild"

SPOKE_WITH = "SELECT ?o WHERE { ?s kg:spoke_with ?o }"
SUMMARY = re.compile(r"^(\d+) articles, (\d+) entities, (\d+) relations, (\d+) statements\b", re.M)

GOOD_ARTICLE = """\
title: Initech opens Berlin office
date: 2024-04-10
source: https://news.example.org/initech-berlin

Initech opened a new office in Berlin on Tuesday. Peter Gibbons, the CEO of Initech, spoke with
German Chancellor Olaf Scholz about the investment.
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*argv: str) -> Run:
    """Call kgbuild.cli.main and capture what it prints (usable from module-scoped fixtures)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp("seed-build") / "out"
    return run("build", SEEDS, "--out", out), out


@pytest.fixture(scope="module")
def graph_file(seed_build: tuple[Run, Path]) -> Path:
    result, out = seed_build
    assert result.code == 0, result.err
    return out / "graph.ttl"


def assert_self_contained_vis_page(html: str) -> None:
    assert "vis-network" in html and "new vis.Network" in html
    assert not re.search(r"""\ssrc\s*=\s*["']?https?:""", html, re.I)
    assert not re.search(r"""<link[^>]*\shref\s*=\s*["']?https?:""", html, re.I)


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


# --- build --------------------------------------------------------------------------------------

def test_build_writes_a_turtle_graph(seed_build, graph_file) -> None:
    result, _ = seed_build
    assert result.code == 0
    graph = Graph().parse(graph_file, format="turtle")
    assert len(list(graph.subjects(RDF.type, SCHEMA.NewsArticle))) == 1
    musk = next(graph.subjects(RDFS.label, Literal("Elon Musk")))
    putin = next(graph.subjects(RDFS.label, Literal("Vladimir Putin")))
    assert (musk, KG.spoke_with, putin) in graph


def test_build_writes_a_self_contained_html_view(graph_file) -> None:
    html = (graph_file.parent / "graph.html").read_text(encoding="utf-8")
    assert_self_contained_vis_page(html)
    assert "Elon Musk" in html and "Vladimir Putin" in html


def test_a_large_build_leaves_the_html_view_to_kgbuild_view(tmp_path: Path, monkeypatch) -> None:
    """Drawing needs the whole graph in memory: over the article limit, the build writes no graph.html
    (nor keeps an earlier one) and says how to draw one."""
    out = tmp_path / "out"
    assert run("build", SEEDS, "--out", out).code == 0 and (out / "graph.html").exists()
    monkeypatch.setattr("kgbuild.store.VIEW_MAX_ARTICLES", 0)
    result = run("build", SEEDS, "--out", out)
    assert result.code == 0 and not (out / "graph.html").exists() and (out / "graph.ttl").exists()
    assert f"-> {out / 'graph.ttl'}\n" in result.out and f"kgbuild view {out / 'graph.ttl'}" in result.out


def test_build_prints_a_summary_line_matching_the_graph(seed_build, graph_file) -> None:
    result, _ = seed_build
    match = SUMMARY.search(result.out)
    assert match, result.out
    articles, entities, relations, statements = map(int, match.groups())
    graph = Graph().parse(graph_file, format="turtle")
    assert articles == 1
    assert entities == len({s for s, t in graph.subject_objects(RDF.type) if str(t).startswith(str(KG))})
    assert statements == len(set(graph.subjects(RDF.type, RDF.Statement)))
    assert relations > 0
    assert str(graph_file) in result.out
    assert "Traceback" not in result.err


def test_build_of_a_missing_path_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = run("build", missing, "--out", tmp_path / "out")
    assert result.code == 2
    assert str(missing) in one_line(result.err)
    assert not (tmp_path / "out").exists()


def test_build_with_a_model_that_is_not_installed_exits_2_naming_the_package(tmp_path: Path) -> None:
    result = run("build", SEEDS, "--out", tmp_path / "out", "--model", "en_core_web_xx_missing")
    assert result.code == 2
    message = one_line(result.err)
    assert "en_core_web_xx_missing" in message and "not installed" in message
    assert "Traceback" not in result.err
    assert not (tmp_path / "out").exists()


def test_build_skips_a_bad_file_keeps_the_good_article_and_exits_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "initech.txt", tmp_path / "empty.txt"
    good.write_text(GOOD_ARTICLE, encoding="utf-8")
    bad.write_text("", encoding="utf-8")
    result = run("build", good, bad, "--out", tmp_path / "out")

    assert result.code == 1
    assert "Traceback" not in result.err
    assert len([line for line in result.err.splitlines() if str(bad) in line]) == 1, result.err
    assert str(good) not in result.err
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert (None, DCTERMS.title, Literal("Initech opens Berlin office")) in graph
    assert (None, RDFS.label, Literal("Peter Gibbons")) in graph
    assert SUMMARY.search(result.out).group(1) == "1"


# --- query --------------------------------------------------------------------------------------

def test_query_prints_a_table_with_labels(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), SPOKE_WITH]) == 0
    out = capsys.readouterr().out
    assert "Vladimir Putin" in out
    assert out.splitlines()[0].strip() == "o"


def test_query_as_csv(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), SPOKE_WITH, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out == "o\r\nperson:vladimir-putin\r\n"  # as SPARQL reads it back; no blank line after


def test_query_as_sparql_json_that_standard_readers_read(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), SPOKE_WITH, "--format", "json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["head"]["vars"] == ["o"]
    putin = "https://w3id.org/kgbuild/resource/person/vladimir-putin"
    assert [b["o"]["value"] for b in data["results"]["bindings"]] == [putin]
    assert data["as_sparql"] == {putin: "person:vladimir-putin"}
    assert [str(row[0]) for row in Result.parse(io.StringIO(out), format="json")] == [putin]
    solutions = pyoxigraph.parse_query_results(out.encode(), format=pyoxigraph.QueryResultsFormat.JSON)
    assert [s["o"].value for s in solutions] == [putin]


def _printed_terms(out: str, form: str) -> set[str]:
    """The IRIs as printed in a query's output: table cells (a label's IRI in brackets), CSV cells, the
    "as_sparql" forms of JSON, the terms of Turtle."""
    if form == "table":
        cells = [cell for line in out.splitlines()[2:-1] for cell in re.split(r" {2,}", line.strip())]
        return {cell[cell.rindex(" (") + 2:-1] if cell.endswith(")") else cell for cell in cells}
    if form == "csv":
        return {cell for row in list(csv.reader(io.StringIO(out)))[1:] for cell in row}
    if form == "json":
        return set(json.loads(out)["as_sparql"].values())
    terms = {t for line in out.splitlines() if not line.startswith("@prefix") for t in line.split()} - {".", ";", ","}
    return {"rdf:type" if t == "a" else t for t in terms}


@pytest.mark.parametrize("form", ["table", "csv", "json", "construct"])
def test_every_iri_printed_reads_back_as_itself_in_a_new_query(graph_file, capsys, form: str) -> None:
    where = "WHERE { ?s ?p ?o FILTER(isIRI(?o)) }"
    assert main(["query", str(graph_file), f"SELECT * {where}", "--format", "json"]) == 0
    iris = {b[v]["value"] for b in json.loads(capsys.readouterr().out)["results"]["bindings"] for v in "spo"}
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} {where}" if form == "construct" else f"SELECT * {where}"
    assert main(["query", str(graph_file), sparql, *(["--format", form] if form in ("csv", "json") else [])]) == 0
    printed = _printed_terms(capsys.readouterr().out, form)
    assert any(t.startswith("person:") for t in printed) and any(t.startswith("<") for t in printed)  # sentences

    assert main(["query", str(graph_file), f"SELECT ?x WHERE {{ VALUES ?x {{ {' '.join(sorted(printed))} }} }}",
                 "--format", "json"]) == 0
    read_back = {b["x"]["value"] for b in json.loads(capsys.readouterr().out)["results"]["bindings"]}
    assert read_back == iris


@pytest.mark.parametrize("query, fmt, message", [
    ("ASK { ?s kg:spoke_with ?o }", "csv", "--format csv: an ASK query gives yes or no"),
    ("CONSTRUCT { ?s kg:spoke_with ?o } WHERE { ?s kg:spoke_with ?o }", "json",
     "--format json: a CONSTRUCT or DESCRIBE query gives RDF, printed as Turtle"),
])
def test_a_format_that_does_not_fit_the_query_is_one_line(graph_file, capsys, query: str, fmt: str,
                                                          message: str) -> None:
    assert main(["query", str(graph_file), query, "--format", fmt]) == 2
    assert one_line(capsys.readouterr().err).startswith(f"kgbuild: {message}")


def test_an_iri_copied_from_a_table_row_works_in_a_new_query(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), "SELECT ?s WHERE { ?s kg:spoke_with ?o }"]) == 0
    row = capsys.readouterr().out.splitlines()[2]  # "Elon Musk (person:elon-musk)"
    copied = row[row.index("(") + 1:row.rindex(")")]
    assert copied == "person:elon-musk"
    query = f"SELECT ?name WHERE {{ {copied} kg:spoke_with ?o . ?o rdfs:label ?name }}"
    assert main(["query", str(graph_file), query]) == 0
    assert "Vladimir Putin" in capsys.readouterr().out


def test_iris_outside_a_prefix_print_in_angle_brackets_and_read_back(graph_file, capsys) -> None:
    query = "SELECT ?sentence WHERE { ?st rdf:subject person:elon-musk ; prov:wasDerivedFrom ?sentence } LIMIT 1"
    assert main(["query", str(graph_file), query, "--format", "csv"]) == 0
    sentence = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1][0]
    assert sentence.startswith("<https://w3id.org/kgbuild/resource/article/") and "#char=" in sentence
    assert main(["query", str(graph_file), f"ASK {{ {sentence} nif:anchorOf ?text }}"]) == 0
    assert capsys.readouterr().out.strip() == "yes"


@pytest.mark.parametrize("argv", [
    ["query", "GRAPH", "--format", "csv", SPOKE_WITH],
    ["query", "--format", "csv", "GRAPH", SPOKE_WITH],
    ["query", "GRAPH", SPOKE_WITH, "--format", "csv"],
])
def test_query_options_go_anywhere(graph_file, capsys, argv: list[str]) -> None:
    assert main([str(graph_file) if a == "GRAPH" else a for a in argv]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["o", "person:vladimir-putin"]


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"kgbuild {kgbuild.__version__}"


def test_help_and_query_start_without_spacy_pandas_or_networkx(graph_file) -> None:
    script = ("import sys, contextlib, io\nfrom kgbuild.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              f"    main(['query', {str(graph_file)!r}, 'SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1'])\n"
              "print(sorted({'spacy', 'pandas', 'networkx'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("query, message", [
    ("SELECT ?o WHERE { ?s kg:spoke_with ?o",
     "kgbuild: SPARQL syntax error at line 1, column 38: the query ends too early"),
    ("SELECT ?o WHERE {\n  ?s kg:spoke_with ?o FILTER( }", "kgbuild: SPARQL syntax error at line 2, column "),
    ("SELECT ?o WHERE { ?s foo:bar ?o }", "kgbuild: unknown prefix 'foo:' at line 1, column 22 (pre-declared: kg:, "),
    ("SELECT ?o WHERE { kgr:person/elon-musk kg:spoke_with ?o }",
     "kgbuild: SPARQL syntax error at line 1, column 19: unexpected 'kgr:person/elon-musk' (a prefixed name cannot "
     "hold '/': write person:elon-musk)"),
    ("SELECT ?o WHERE { ?s ?p ?o } LIMT 3", "kgbuild: SPARQL syntax error at line 1, column 30: unexpected 'LIMT'"),
    ("SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?p",
     "kgbuild: SPARQL error: the SELECT contains a variable that is unbound"),
])
def test_sparql_errors_are_one_short_line_with_the_position(graph_file, capsys, query: str, message: str) -> None:
    assert main(["query", str(graph_file), query]) == 2
    err = capsys.readouterr().err
    assert one_line(err).startswith(message) and len(err) < 300, err


def test_a_misspelt_kg_term_warns_with_the_closest_declared_one(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), "SELECT ?o WHERE { ?s kg:spokewith ?o }"]) == 0
    assert "kg:spokewith (line 1, column 22) is not declared in the ontology; did you mean kg:spoke_with?" \
        in capsys.readouterr().err


def test_query_from_a_file(graph_file, tmp_path: Path, capsys) -> None:
    query = tmp_path / "q.rq"
    query.write_text("# who did Musk speak with?\n"
                     "SELECT ?name WHERE {\n  ?s kg:spoke_with ?o .\n  ?o rdfs:label ?name .\n}\n",
                     encoding="utf-8")
    assert main(["query", str(graph_file), "--file", str(query)]) == 0
    assert "Vladimir Putin" in capsys.readouterr().out


def test_bad_sparql_exits_2_with_a_one_line_message(graph_file, capsys) -> None:
    assert main(["query", str(graph_file), "SELECT ?o WHERE { ?s kg:spoke_with ?o"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert one_line(captured.err).startswith("kgbuild: ")
    assert "Traceback" not in captured.err


def test_query_of_a_missing_graph_file_exits_2_naming_it(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere" / "graph.ttl"
    assert main(["query", str(missing), SPOKE_WITH]) == 2
    captured = capsys.readouterr()
    assert str(missing) in one_line(captured.err)
    assert captured.out == ""


def test_console_script_runs_a_query(graph_file) -> None:
    assert KGBUILD.exists(), KGBUILD
    done = subprocess.run([str(KGBUILD), "query", str(graph_file), SPOKE_WITH],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Vladimir Putin" in done.stdout
    assert done.stderr == ""


# --- view ---------------------------------------------------------------------------------------

def test_view_writes_the_html_page(graph_file, tmp_path: Path, capsys) -> None:
    page = tmp_path / "x.html"
    assert main(["view", str(graph_file), "--out", str(page)]) == 0
    assert str(page) in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert_self_contained_vis_page(html)
    assert "Vladimir Putin" in html
