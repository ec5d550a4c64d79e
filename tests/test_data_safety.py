"""A build that reads no article never touches existing output (CLI), and says so (API)."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import kgbuild
from kgbuild.files import write_atomic
from test_cli import SEEDS, one_line, run

pytestmark = pytest.mark.slow


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("build", SEEDS, "--out", out)
    assert result.code == 0, result.err
    return out


@pytest.mark.parametrize("files", [{}, {"notes.md": "# not an article"}, {"empty.txt": ""}],
                         ids=["empty folder", "no article file", "only an unreadable article"])
def test_a_build_of_nothing_leaves_the_previous_graph_byte_identical(built: Path, tmp_path: Path,
                                                                    files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    before = _snapshot(built)
    for append in ([], ["--append"]):
        result = run("build", tmp_path, "--out", built, *append)
        assert result.code != 0
        assert result.err.strip().splitlines()[-1].startswith("kgbuild: no article to build in ")
        assert "nothing written" in result.err
        assert _snapshot(built) == before


def test_a_missing_input_is_a_usage_error_and_changes_nothing(built: Path, tmp_path: Path) -> None:
    before = _snapshot(built)
    result = run("build", tmp_path / "no-such-folder", "--out", built)
    assert result.code == 2 and "no such file or directory" in result.err
    assert _snapshot(built) == before


def test_the_api_raises_a_kgbuild_error_for_a_missing_path_or_nothing_to_build(tmp_path: Path) -> None:
    with pytest.raises(kgbuild.InputNotFound, match="no/such/folder: no such file or directory"):
        kgbuild.build("no/such/folder")
    with pytest.raises(kgbuild.NothingToBuild, match="nothing written"):
        kgbuild.build(tmp_path)
    assert issubclass(kgbuild.NothingToBuild, kgbuild.KgbuildError)


def test_the_api_reports_skipped_inputs_with_their_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    kg = kgbuild.build([SEEDS, tmp_path / "empty.txt"], workers=1)
    assert [(Path(p.path).name, p.message) for p in kg.skipped] == [("empty.txt", "empty file")]
    assert len(kg.graph) > 0


def test_append_refuses_to_rebuild_a_graph_changed_since_its_build(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    changed = run("query", out / "graph.ttl", "--update", 'INSERT DATA { person:elon-musk kg:role "investor" }')
    assert changed.code == 0
    assert one_line(changed.err).startswith(f"kgbuild: note: build --append into {out} would rebuild ")
    before = _snapshot(out)
    (tmp_path / "new.txt").write_text("Tom Lund met with Anna Berg in Oslo.\n", encoding="utf-8")
    result = run("build", tmp_path / "new.txt", "--out", out, "--append")
    assert result.code == 2
    assert one_line(result.err).startswith(f"kgbuild: {out / 'graph.ttl'} is not as kgbuild build wrote it")
    assert "lose the change" in result.err
    assert _snapshot(out) == before

    (out / "graph.ttl").unlink()  # as the message says: rebuilt from the stored facts, nothing new to read
    rebuilt = run("build", SEEDS, "--out", out, "--append")
    assert rebuilt.code == 0, rebuilt.err
    assert (out / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


@pytest.mark.parametrize("command", [["view"], ["export", "--format", "graphml"]])
def test_view_and_export_never_write_over_the_graph_they_read(built: Path, command: list[str]) -> None:
    before = _snapshot(built)
    result = run(*command, built / "graph.ttl", "--out", built / ".." / built.name / "graph.ttl")
    assert result.code == 2 and "that is the graph being read" in one_line(result.err)
    assert _snapshot(built) == before


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old graph\n")

    def pieces() -> Iterator[bytes]:
        yield b"half of the new graph"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, pieces())
    assert target.read_bytes() == b"old graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    write_atomic(target, [b"new ", b"graph\n"])
    assert target.read_bytes() == b"new graph\n"


def test_the_api_raises_nothing_to_build_for_no_input() -> None:
    with pytest.raises(kgbuild.NothingToBuild, match="no input given"):
        kgbuild.build([])
