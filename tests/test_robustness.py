"""Hostile inputs, interrupted builds, repeatable and incremental builds, through the `kgbuild` command.

Loads the spaCy model, hence `slow`.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kgbuild.validate import violations
from kgbuild.vocab import KG
from test_cli import REPO, SEEDS, run

pytestmark = pytest.mark.slow

GOOD_ARTICLE = """\
title: Initech opens Berlin office
date: 2024-04-10
source: https://news.example.org/initech-berlin

Initech opened a new office in Berlin on Tuesday. Peter Gibbons, the CEO of Initech, spoke with German Chancellor Olaf Scholz about the investment.
"""
FILLER = ("The committee said on Monday that the talks would continue next week, and officials "
          "were expected to meet again before the end of the month.\n\n")
LONG_ARTICLE = FILLER * 400 + "Hank Scorpio, the founder of Globex Corporation, met with Frank Grimes in Springfield.\n"
SCRIPT_PAGE = """<html><head><title>Umbrella expands</title><script>var s = "<p>Albert Wesker owns Raccoon City</p>";
for (;;) {}</script><style>p { color: red }</style></head><body><article>
<p>Umbrella Corporation opened a research center in Toronto. Albert Wesker, the CEO of Umbrella Corporation,
met with Canadian Prime Minister Justin Trudeau in Ottawa.</p><script>document.write("Wesker is a lawyer")</script>
</article></body></html>"""
GOOD_LINE = {"title": "Hooli deal", "text": "Hooli acquired the startup Pied Piper. Gavin Belson, the founder of "
             "Hooli, met with Richard Hendricks in Palo Alto."}


def write_good(folder: Path) -> None:
    """Articles that must be built, some of them odd but readable."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "initech.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "musk.txt").write_text((SEEDS / "2023-08-22-musk-putin-starlink.txt").read_text(encoding="utf-8"))
    (folder / "umbrella.html").write_text(SCRIPT_PAGE, encoding="utf-8")


def write_hostile(folder: Path) -> dict[str, str]:
    """Broken and odd inputs, by file name -> the word its one stderr line must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    sentence = " ".join(["the officials said that the talks would go on and"] * 1000)  # 50,000 characters
    files: dict[str, tuple[str, bytes]] = {
        "empty.txt": ("empty", b""),
        "blank.txt": ("empty", b"  \n\t\r\n  "),
        "report.txt": ("binary", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 40),
        "photo.txt": ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40),
        "scan.pdf": ("unsupported", b"%PDF-1.4\n"),
        "latin1.txt": ("UTF-8", "Zürich - Café owner Hans Müller met with Swiss President Alain Berset."
                       .encode("cp1252")),
        "utf16.txt": ("UTF-8", "Kyiv - Volodymyr Zelensky spoke with Emmanuel Macron on Monday.".encode("utf-16")),
        "long.txt": ("pieces", LONG_ARTICLE.encode()),
        "sentence.txt": ("pieces", sentence.encode()),
        "french.txt": ("not English", "Le président de la République a rencontré le chancelier allemand à Berlin "
                       "pour discuter de la situation en Ukraine et des relations entre les deux pays. Les deux "
                       "dirigeants ont également évoqué la question de l'énergie.".encode()),
        "russian.txt": ("not English", "Президент России Владимир Путин провёл переговоры.".encode()),
        "baddate.txt": ("date", b"date: 2023-99-99\n\nAcme Corp named John Smith as its chief executive."),
        "secret.txt": ("permission denied", b"Nobody may read this."),
        "feed.jsonl": ("line 2", (json.dumps(GOOD_LINE) + "\n{broken json\n").encode()),
        "repeat.txt": ("duplicate", GOOD_ARTICLE.encode()),  # read after initech.txt
    }
    for name, (_, data) in files.items():
        (folder / name).write_bytes(data)
    (folder / "secret.txt").chmod(0)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    expected = {name: word for name, (word, _) in files.items()}
    return expected | {"gone.txt": "broken", "loop.txt": "loop", "sub/up": "loop"}


def graph_of(folder: Path) -> Graph:
    return Graph().parse(folder / "graph.ttl", format="turtle")


def labelled(graph: Graph, name: str) -> URIRef:
    return next(graph.subjects(RDFS.label, Literal(name)))


def iris(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


def test_hostile_inputs_are_named_once_and_the_good_articles_built(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_good(folder)
    expected = write_hostile(folder)
    result = run("build", folder, "--out", tmp_path / "out")

    assert result.code == 1
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    for name, word in expected.items():
        named = [line for line in lines if f"{folder / name}:" in line or line.endswith(str(folder / name))]
        assert len(named) == 1, (name, named)
        assert word in named[0], named[0]
    for good in ("initech.txt", "musk.txt", "umbrella.html"):
        assert not any(line.startswith(f"skipped {folder / good}") for line in lines)

    g = graph_of(tmp_path / "out")
    assert violations(g) == []
    assert (labelled(g, "Elon Musk"), KG.spoke_with, labelled(g, "Vladimir Putin")) in g
    assert (labelled(g, "Peter Gibbons"), KG.spoke_with, labelled(g, "Olaf Scholz")) in g
    assert (labelled(g, "Albert Wesker"), KG.met_with, labelled(g, "Justin Trudeau")) in g
    assert (labelled(g, "Gavin Belson"), KG.met_with, labelled(g, "Richard Hendricks")) in g
    assert (labelled(g, "Hank Scorpio"), KG.met_with, labelled(g, "Frank Grimes")) in g  # past 50,000 characters
    assert (labelled(g, "Hans Müller"), None, None) in g  # cp1252
    assert (labelled(g, "Volodymyr Zelensky"), KG.spoke_with, labelled(g, "Emmanuel Macron")) in g  # UTF-16
    assert not any("Raccoon" in str(o) or "lawyer" in str(o) for o in g.objects())  # scripts left out


def test_strict_writes_nothing_when_an_input_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = run("build", tmp_path / "good.txt", tmp_path / "empty.txt", "--out", out, "--strict")
    assert result.code == 1
    assert "--strict" in result.err and not out.exists()
    assert run("build", tmp_path / "good.txt", "--out", out, "--strict").code == 0


def test_a_killed_build_leaves_the_previous_graph_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    assert run("build", tmp_path / "good.txt", "--out", out).code == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "facts.jsonl")}
    paragraphs = (f"Delegation {i} said on day {i % 30 + 1} that the talks would go on.\n\n" for i in range(20_000))
    (tmp_path / "big.txt").write_text("".join(paragraphs), encoding="utf-8")  # half a minute of parsing

    command = [sys.executable, "-m", "kgbuild.cli", "build", str(tmp_path / "big.txt"), "--out", str(out)]
    build = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # the model is loaded, the article being parsed
    assert build.poll() is None, f"the build ended before it could be killed: {build.communicate()[1]}"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()

    assert {name: (out / name).read_bytes() for name in before} == before


def test_append_equals_building_everything_at_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "initech.txt").parent.mkdir()
    (first / "initech.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (first / "musk.txt").write_text((SEEDS / "2023-08-22-musk-putin-starlink.txt").read_text(encoding="utf-8"))
    second.mkdir()
    (second / "umbrella.html").write_text(SCRIPT_PAGE, encoding="utf-8")
    (second / "more.txt").write_text("Elon Musk met with Justin Trudeau in Ottawa. Musk spoke with Peter Gibbons.",
                                     encoding="utf-8")

    assert run("build", first, "--out", tmp_path / "inc").code == 0
    appended = run("build", second, "--out", tmp_path / "inc", "--append")
    assert appended.code == 0, appended.err
    assert run("build", first, second, "--out", tmp_path / "all").code == 0
    incremental, at_once = graph_of(tmp_path / "inc"), graph_of(tmp_path / "all")
    assert isomorphic(incremental, at_once)
    assert iris(incremental) == iris(at_once)
    assert (labelled(at_once, "Elon Musk"), KG.met_with, labelled(at_once, "Justin Trudeau")) in at_once

    again = run("build", first, "--out", tmp_path / "inc", "--append")  # nothing new: same graph
    assert again.code == 0 and "already in the graph" in again.err
    assert isomorphic(graph_of(tmp_path / "inc"), at_once)


def test_two_builds_of_a_folder_are_identical(tmp_path: Path) -> None:
    write_good(tmp_path / "in")
    assert run("build", tmp_path / "in", "--out", tmp_path / "one").code == 0
    assert run("build", tmp_path / "in", "--out", tmp_path / "two").code == 0
    one, two = graph_of(tmp_path / "one"), graph_of(tmp_path / "two")
    assert isomorphic(one, two)
    assert iris(one) == iris(two)


def test_append_to_a_graph_without_its_facts_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.ttl").write_text("")
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = run("build", tmp_path / "good.txt", "--out", tmp_path / "out", "--append")
    assert result.code == 2 and "facts.jsonl" in result.err
    assert run("build", tmp_path / "good.txt", "--out", tmp_path / "out", "--workers", "0").code == 2
