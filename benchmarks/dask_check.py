#!/usr/bin/env python3
"""A Dask LocalCluster build of N articles gives the same graph as the single-process build.

    .venv/bin/python benchmarks/dask_check.py [N]      # default 1,000 articles (benchmarks/corpus.py)

Runs `kgbuild build CORPUS --workers 1` and `kgbuild build CORPUS --dask local`, compares the two
graph.ttl files triple by triple (no blank nodes: equal triple sets = isomorphic) and prints both times.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

KGBUILD = Path(sys.executable).parent / "kgbuild"


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(size, corpus)
        graphs, seconds = [], []
        for name, how in (("one process", ["--workers", "1"]), ("dask local", ["--dask", "local"])):
            started = time.perf_counter()
            subprocess.run([str(KGBUILD), "build", str(corpus), "--out", f"{tmp}/{name}", *how],
                           capture_output=True, check=False)
            seconds.append(time.perf_counter() - started)
            graphs.append(set(Graph().parse(f"{tmp}/{name}/graph.ttl")))
    same = graphs[0] == graphs[1]
    print(f"{size:,} articles: one process {seconds[0]:.0f} s, Dask LocalCluster {seconds[1]:.0f} s; "
          f"{len(graphs[0]):,} triples; {'identical graphs' if same else 'GRAPHS DIFFER'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
