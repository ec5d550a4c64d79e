"""Run the tour notebooks top to bottom, in a temporary copy so no outputs are written back."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
KERNEL = "kgbuild-test"


@pytest.fixture(scope="session")
def kernel_name(tmp_path_factory):
    """A kernelspec for this very interpreter, installed in a temporary Jupyter data dir.

    The "python3" spec found on a machine may belong to another Python (a user-level install, a conda base);
    this one always runs the notebooks in the environment pytest runs in, and nothing is installed for the user.
    """
    from ipykernel.kernelspec import install

    prefix = tmp_path_factory.mktemp("jupyter")
    install(kernel_name=KERNEL, display_name="kgbuild tests", prefix=str(prefix))
    data_dir = prefix / "share" / "jupyter"
    assert (data_dir / "kernels" / KERNEL / "kernel.json").is_file()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", os.pathsep.join(p for p in (str(data_dir), os.environ.get("JUPYTER_PATH")) if p))
        yield KERNEL


def execute(name: str, tmp_path: Path, kernel_name: str):
    """Execute notebooks/<name> in tmp_path/notebooks (next to a copy of seeds/); the executed notebook."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / name, work / name)
    nb = nbformat.read(work / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name=kernel_name,
                                     resources={"metadata": {"path": str(work)}})
    client.execute()
    nbformat.write(nb, work / name)  # the temporary copy only, handy when debugging a failure
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{name}: {output.get('ename')}: {output.get('evalue')}"
    return nb


def cell(nb, tag: str):
    found = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    assert found, f"no cell tagged {tag!r}"
    return found[0]


def html(cell) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs if o.output_type == "execute_result")


def text(cell) -> str:
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts.append(o.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def test_committed_notebooks_show_their_outputs():
    """Committed executed top to bottom in a fresh kernel (readable before running them), without errors,
    timings or paths of the machine that ran them."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"{path.name}: run all cells"
        assert all(c.outputs for c in code if "setup" not in c.metadata.get("tags", [])), f"{path.name}: no output"
        for c in code:
            assert "execution" not in c.metadata, f"{path.name}: timings (--ExecutePreprocessor.record_timing=False)"
            assert not any(o.output_type == "error" for o in c.outputs), path.name
        assert str(ROOT) not in path.read_text(encoding="utf-8"), f"{path.name}: a path of this machine"
        assert "<table" in path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_explore_notebook(tmp_path, kernel_name):
    nb = execute("explore.ipynb", tmp_path, kernel_name)
    spoke = cell(nb, "spoke-with")
    assert "<table" in html(spoke)
    assert "person" in text(spoke) and "other" in text(spoke)
    for tag in ("entities", "roles", "facts", "neighbours", "relations", "evidence", "centrality", "communities"):
        assert "<table" in html(cell(nb, tag)), tag
    assert "KnowledgeGraph:" in text(cell(nb, "build")) and "entities" in text(cell(nb, "build"))
    assert "did you mean" in text(cell(nb, "unknown-name"))
    assert "pagerank" in text(cell(nb, "centrality"))  # networkx's PageRank needs scipy
    assert "spoke with" in text(cell(nb, "relations"))  # predicate labels come from the ontology
    assert "->" in text(cell(nb, "shortest-path"))
    assert "<iframe" in html(cell(nb, "view"))
    assert (tmp_path / "notebooks" / "graph.html").stat().st_size > 0


@pytest.mark.slow
def test_provenance_notebook(tmp_path, kernel_name):
    nb = execute("provenance.ipynb", tmp_path, kernel_name)
    assert "--spoke_with-->" in text(cell(nb, "pick"))
    evidence = cell(nb, "evidence")
    assert "<table" in html(evidence) and "sentence" in text(evidence)
    for tag in ("articles", "entity-articles", "single-source", "single-source-api", "modality-counts", "modality",
                "negated"):
        assert "<table" in html(cell(nb, tag)), tag
    assert "...</td>" not in html(evidence)  # whole sentences
