#!/usr/bin/env python3
"""Reproduce the KnowledgeNet figure of the README: text-evaluation P/R/F1 on folds 1-3, beside the
published anchors, with the machine and the time it took.

    .venv/bin/python benchmarks/knowledgenet.py [FILE.jsonl] [--workers N] [--json]

Same code path as `kgbuild evaluate --knowledgenet FILE.jsonl`.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path

from kgbuild.knowledgenet import run
from kgbuild.nlp import DEFAULT_MODEL

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared/benchmarks/knowledgenet/knowledgenet_dev_folds1-3.jsonl"
# Text-evaluation F1 on the KnowledgeNet leaderboard (https://github.com/diffbot/knowledge-net).
ANCHORS = {"Baseline 1": 0.518, "Diffbot open relation extraction": 0.560, "Baseline 5": 0.688,
           "Diffbot joint model": 0.810, "Human": 0.878}


def machine() -> str:
    """CPU model and core count, for the README."""
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE, help="KnowledgeNet JSON lines")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (default: 1)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = run(args.file, model=args.model, workers=args.workers)
    if args.json:
        print(json.dumps({**result.as_json(), "machine": machine(), "anchors_f1": ANCHORS}, indent=2))
        return
    print(result.report())
    print(f"\nmachine: {machine()}\n")
    overall = result.overall
    rows = sorted([*ANCHORS.items(), (f"kgbuild ({args.model})", round(overall.f1, 3))], key=lambda r: r[1])
    print("| system | text-evaluation F1 |\n|---|---|")
    print("\n".join(f"| {name} | {f1:.3f} |" for name, f1 in rows))


if __name__ == "__main__":
    main()
