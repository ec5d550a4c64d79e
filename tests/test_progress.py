"""Progress on stderr: a count against a total and the time left, on a terminal only."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from kgbuild import progress
from kgbuild.cli import main
from small_facts import small_graph
from test_cli import SEEDS, run


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch, *argv: object) -> str:
    """What `kgbuild ARGV` writes to stderr when it is a terminal (bars shown at once)."""
    monkeypatch.setattr(progress, "DELAY", 0)
    err = Terminal()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        main([str(a) for a in argv])
    return err.getvalue()


def counted(err: str, desc: str, unit: str) -> bool:
    """Whether the bar `desc` counts `unit`s against a total, with room for the time left ([spent<left])."""
    totals = re.findall(rf"{desc}:\s+\d+%\|[^|]*\| \d+/(\d+) \[[0-9:]+<[0-9:?]+, [^\]]*{unit}/s\]", err)
    return bool(totals) and int(totals[-1]) > 0


@pytest.fixture()
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    small_graph().serialize(path, format="turtle")
    return path


def test_validate_view_and_export_show_totals_on_a_terminal(monkeypatch: pytest.MonkeyPatch, graph_file: Path,
                                                             tmp_path: Path) -> None:
    err = on_terminal(monkeypatch, "validate", graph_file)
    assert counted(err, "validating", "checks"), err
    assert counted(err, "reading graph.ttl", ""), err
    err = on_terminal(monkeypatch, "view", graph_file, "--out", tmp_path / "view.html")
    assert counted(err, "reading the graph", "properties") and counted(err, "reading relations", "entities"), err
    err = on_terminal(monkeypatch, "export", graph_file, "--format", "graphml", "--out", tmp_path / "g.graphml")
    assert counted(err, "reading the graph", "properties") and counted(err, "reading relations", "entities"), err


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch, graph_file: Path,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(progress, "DELAY", 0)
    assert run("validate", graph_file).err == ""
    assert run("view", graph_file, "--out", tmp_path / "view.html").err == ""


@pytest.mark.slow
def test_build_shows_the_articles_done_out_of_all(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    err = on_terminal(monkeypatch, "build", SEEDS, "--out", tmp_path / "out", "--workers", "1")
    assert counted(err, "extracting", "articles"), err
