"""A build that reads no article never touches existing output (CLI), and says so (API)."""
from __future__ import annotations

from pathlib import Path

import pytest

import kgbuild
from test_cli import SEEDS, run

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
