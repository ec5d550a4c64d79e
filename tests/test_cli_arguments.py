"""The command line reads its arguments as git and ripgrep users expect, names the same prefixes as the engine
and the README, and starts at once. No spaCy model: fast."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kgbuild.cli import parse_arguments
from kgbuild.prefixes import PREFIX_IRIS
from kgbuild.query import run_query
from small_facts import small_graph

REPO = Path(__file__).resolve().parent.parent
KGBUILD = Path(sys.executable).parent / "kgbuild"
QUERY = "SELECT ?o WHERE { ?s kg:met_with ?o }"


def _parsed(argv: list[str]) -> dict[str, object]:
    return {k: v for k, v in vars(parse_arguments(argv)).items() if k != "command_parser"}


@pytest.mark.parametrize("usual, other_orders", [
    (["query", "g.ttl", QUERY, "--format", "csv"],
     [["query", "g.ttl", "--format", "csv", QUERY], ["query", "--format", "csv", "g.ttl", QUERY],
      ["query", "--format=csv", "g.ttl", QUERY]]),
    (["query", "g.ttl", "INSERT DATA { kgr:x rdfs:label 'X' }", "--update", "--timeout", "5"],
     [["query", "--update", "g.ttl", "--timeout", "5", "INSERT DATA { kgr:x rdfs:label 'X' }"],
      ["query", "g.ttl", "--timeout=5", "INSERT DATA { kgr:x rdfs:label 'X' }", "--update"]]),
    (["query", "--store", "oxigraph:db", QUERY], [["query", QUERY, "--store", "oxigraph:db"]]),
    (["build", "a", "b", "--out", "o", "--workers", "1", "--append"],
     [["build", "--out", "o", "a", "--append", "b", "--workers", "1"],
      ["build", "--append", "--workers=1", "a", "b", "--out=o"]]),
    (["view", "g.ttl", "--out", "v.html", "--focus", "Elon Musk", "--hops", "2"],
     [["view", "--focus", "Elon Musk", "g.ttl", "--hops", "2", "--out", "v.html"]]),
    (["export", "g.ttl", "--format", "gexf", "--out", "g.gexf"],
     [["export", "--out", "g.gexf", "--format", "gexf", "g.ttl"]]),
    (["validate", "g.ttl"], [["validate", "g.ttl"]]),
    (["evaluate", "--gold", "refs", "--graph", "g.ttl", "--show"],
     [["evaluate", "--show", "--graph", "g.ttl", "--gold", "refs"]]),
])
def test_options_and_arguments_go_in_any_order(usual: list[str], other_orders: list[list[str]]) -> None:
    for argv in other_orders:
        assert _parsed(argv) == _parsed(usual), argv


def test_a_wrong_option_is_still_named(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse_arguments(["query", "g.ttl", "--formt", "csv", QUERY])
    assert exit_.value.code == 2 and "unrecognized arguments: --formt" in capsys.readouterr().err


def test_help_lists_the_prefixes_the_engine_declares(capsys) -> None:
    declared = ", ".join(f"{p}:" for p in PREFIX_IRIS)
    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    assert declared in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        parse_arguments(["query", "--help"])
    assert declared in " ".join(capsys.readouterr().out.split())
    graph = small_graph()
    for prefix in PREFIX_IRIS:  # every one works in a query without a PREFIX line
        assert run_query(graph, f"ASK {{ ?s ?p ?o FILTER(STRSTARTS(STR({prefix}:), STR({prefix}:))) }}").askAnswer


def test_the_readme_names_the_same_prefixes_as_the_engine() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"`query` pre-declares the prefixes (.*?) \(`person:elon-musk`", readme, re.S)
    assert sentence, "README: the sentence listing the pre-declared prefixes"
    named = re.findall(r"`(\w+):`", sentence[1])
    assert named == list(PREFIX_IRIS)


def test_help_and_version_start_without_rdflib() -> None:
    script = ("import sys, contextlib, io\nfrom kgbuild.cli import main\n"
              "for argv in (['--help'], ['query', '--help'], ['--version']):\n"
              "    try:\n        with contextlib.redirect_stdout(io.StringIO()):\n            main(argv)\n"
              "    except SystemExit:\n        pass\n"
              "print(sorted({'rdflib', 'pyoxigraph', 'spacy', 'pandas', 'networkx'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


def test_output_to_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`kgbuild query ... | head -1`: no 'Broken pipe' message, no traceback."""
    graph = tmp_path / "graph.ttl"
    small_graph().serialize(graph, format="turtle")
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([str(KGBUILD), "export", str(graph), "--format", "nquads"], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 141 and done.stderr == ""



def test_build_usage_errors_come_at_once_and_touch_nothing(tmp_path: Path) -> None:
    """A missing input or an --out that is a file: one line, exit 2, before spaCy is even imported."""
    (tmp_path / "out").write_text("not a folder")
    (tmp_path / "a.txt").write_text("Anna Berg met Tom Lund in Oslo.")
    script = ("import sys, contextlib, io\nfrom kgbuild.cli import main\n"
              f"codes = [main(['build', {str(tmp_path / 'a.txt')!r}, '--out', {str(tmp_path / 'out')!r}]),\n"
              f"         main(['build', {str(tmp_path / 'none')!r}, '--out', {str(tmp_path / 'o2')!r}])]\n"
              "print(codes, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[2, 2] False"
    assert done.stderr.splitlines() == [
        f"kgbuild: --out {tmp_path / 'out'}: a file, not a folder (the build writes graph.ttl, graph.html and "
        "facts.jsonl into a folder)",
        f"kgbuild: {tmp_path / 'none'}: no such file or directory"]
    assert (tmp_path / "out").read_text() == "not a folder" and not (tmp_path / "o2").exists()
