#!/usr/bin/env python3
"""Build throughput beside raw spaCy, side by side in one run (README table of benchmarks/README.md).

    .venv/bin/python benchmarks/throughput.py [--sizes 1000 10000] [--workers N] [--keep DIR]

For each corpus size (benchmarks/corpus.py: real prose, distinct articles), two fresh processes:
  raw    spacy.load(MODEL, exclude=["senter"]) -> nlp.pipe(texts, n_process=N, batch_size=32): the same model,
         components and processes as the build, doing nothing with the docs
  build  kgbuild build CORPUS --out DIR --workers N (parse, extract, resolve, graph.ttl, graph.html, facts.jsonl)
Wall time of each (model loading included; raw and build alternated --repeat times, the fastest run of
each kept), articles/s, words/s, raw/build time ratio, per-article time growth from the smallest to the
largest size, and the peak memory of one more build (sampled every 0.2 s: PSS summed over its processes,
and the RSS of the largest one; timed runs are not sampled, as reading memory maps costs CPU).
Entity resolution's share: resolve_entities over the build's facts, timed again in this process.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from knowledgenet import machine  # noqa: E402

from kgbuild.nlp import DEFAULT_MODEL  # noqa: E402
from kgbuild.resolve import resolve_entities  # noqa: E402
from kgbuild.store import load_facts  # noqa: E402

RAW = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2], exclude=["senter"])
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=32):
    pass
"""


def timed(command: list[str]) -> float:
    """Wall seconds of a command (not watched meanwhile: reading a process's memory maps costs CPU)."""
    started = time.perf_counter()
    returncode = subprocess.run(command, stdout=subprocess.DEVNULL).returncode
    if returncode not in (0, 1):  # 1: some input skipped (e.g. not English)
        raise SystemExit(f"{command[:3]} failed with {returncode}")
    return time.perf_counter() - started


def peak_memory(command: list[str]) -> tuple[int, int]:
    """Peak memory of a command's whole process tree (PSS summed: pages shared by forked processes counted
    once) and peak RSS of its largest process, in bytes, sampled every 0.2 s."""
    process = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak = largest = 0
    while process.poll() is None:
        try:
            tree = [p.memory_full_info() for p in [process, *process.children(recursive=True)] if p.is_running()]
            peak = max(peak, sum(m.pss for m in tree))
            largest = max(largest, *(m.rss for m in tree))
        except (psutil.Error, ValueError):
            pass
        time.sleep(0.2)
    return peak, largest


def measure(size: int, workers: int, folder: Path, repeat: int) -> dict:
    """Raw and build runs alternated `repeat` times, the fastest of each (the least disturbed by other load);
    then one more build watched for its memory."""
    corpus = folder / f"corpus{size}.jsonl"
    words = write_corpus(size, corpus)
    out = folder / f"out{size}"
    build_command = [str(Path(sys.executable).parent / "kgbuild"), "build", str(corpus), "--out", str(out),
                     "--workers", str(workers)]
    runs = [(timed([sys.executable, "-c", RAW, str(corpus), DEFAULT_MODEL, str(workers)]), timed(build_command))
            for _ in range(repeat)]
    raw = min(r[0] for r in runs)
    build = min(r[1] for r in runs)
    build_pss, largest_rss = peak_memory(build_command)
    facts = load_facts(out)
    started = time.perf_counter()
    resolve_entities(facts)
    resolve = time.perf_counter() - started
    return {"articles": size, "words": words, "workers": workers, "raw_s": raw, "build_s": build,
            "raw_words_per_s": words / raw, "build_words_per_s": words / build,
            "raw_articles_per_s": size / raw, "build_articles_per_s": size / build, "ratio": raw / build,
            "build_ms_per_article": 1000 * build / size, "build_peak_pss_mb": build_pss / 2**20,
            "build_largest_rss_mb": largest_rss / 2**20, "resolve_s": resolve,
            "resolution_slowdown": build / (build - resolve), "graph_bytes": (out / "graph.ttl").stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, alternated (default: 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = [measure(size, args.workers, folder, args.repeat) for size in args.sizes]
    print(f"machine: {machine()}; model {DEFAULT_MODEL}; --workers/n_process {args.workers}")
    print("| articles | words | raw nlp.pipe | kgbuild build | ratio | ms/article | peak memory (all: PSS / largest process: RSS) "
          "| resolution |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['words']:,} | {r['raw_s']:.0f} s: {r['raw_articles_per_s']:.1f} art/s, "
              f"{r['raw_words_per_s']:,.0f} w/s | {r['build_s']:.0f} s: {r['build_articles_per_s']:.1f} art/s, "
              f"{r['build_words_per_s']:,.0f} w/s | {r['ratio']:.2f} | {r['build_ms_per_article']:.1f} | "
              f"{r['build_peak_pss_mb']:,.0f} / {r['build_largest_rss_mb']:,.0f} MB | {r['resolve_s']:.2f} s ({r['resolution_slowdown']:.3f}x) |")
    if len(rows) > 1:
        print(f"per-article time growth {rows[0]['articles']:,} -> {rows[-1]['articles']:,}: "
              f"{rows[-1]['build_ms_per_article'] / rows[0]['build_ms_per_article']:.2f}x")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
