#!/usr/bin/env python3
"""Wall time of the commands people run on a built graph, whole processes (imports included).

    .venv/bin/python benchmarks/commands.py out1000/graph.ttl [--repeat 3] [--pyshacl]

Times `kgbuild query` (a count of the triples), `kgbuild.load` in Python, `kgbuild validate`, `kgbuild view`
and `kgbuild export --format graphml`, each the median of `--repeat` runs; `--pyshacl` adds validation with
pySHACL (the engine `validate` used before). Progress bars stay hidden: stderr is not a terminal here.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def timed(argv: list[str], repeat: int) -> float:
    """Median wall time of `repeat` runs of the command (which must succeed)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pyshacl", action="store_true", help="also validate with pySHACL (slow)")
    args = parser.parse_args()
    graph, kgbuild, python = str(args.graph), str(BIN / "kgbuild"), sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "kgbuild query (count triples)": [kgbuild, "query", graph, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
            "kgbuild.load()": [python, "-c", f"import kgbuild; kgbuild.load({graph!r})"],
            "kgbuild validate": [kgbuild, "validate", graph],
            "kgbuild view": [kgbuild, "view", graph, "--out", f"{tmp}/view.html"],
            "kgbuild export --format graphml": [kgbuild, "export", graph, "--format", "graphml",
                                                "--out", f"{tmp}/graph.graphml"],
        }
        if args.pyshacl:
            commands["validate with pySHACL"] = [python, "-c", "from kgbuild.query import load_graph; "
                                                 "from kgbuild.validate import violations; "
                                                 f"violations(load_graph({graph!r}), engine='pyshacl')"]
        print(f"| command | seconds (median of {args.repeat}) |\n|---|---|")
        for name, argv in commands.items():
            print(f"| {name} | {timed(argv, args.repeat):.2f} |", flush=True)


if __name__ == "__main__":
    main()
