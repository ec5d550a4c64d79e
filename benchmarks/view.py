#!/usr/bin/env python3
"""Graph view benchmark: write the page of a graph, open it in headless Chromium, click the biggest hub.

    .venv/bin/python benchmarks/view.py GRAPH.ttl [--max-nodes N] [--screenshot PNG]
    .venv/bin/python benchmarks/view.py --generated 5000 [--max-nodes 0]

Prints the entities and relations drawn, the seconds `kgbuild view` takes (layout included), the page's size,
the seconds until the page is drawn and until a click on the most connected entity opens its panel (both from
the start of loading), and how many entity labels are drawn at the opening zoom. With --generated, the graph is
the tests' scale-free graph (tests/generated_graph.py) of that many related entities.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from generated_graph import generated_graph  # noqa: E402 (the tests' generator)
from test_browser import CHROMIUM, CHROMIUM_ARGS, NODE_LABELS_DRAWN, NODE_POSITION  # noqa: E402

from kgbuild.cli import main  # noqa: E402


def measure(graph_file: Path, page_file: Path, max_nodes: int, screenshot: Path | None) -> None:
    started = time.perf_counter()
    assert main(["view", str(graph_file), "--out", str(page_file), "--max-nodes", str(max_nodes)]) == 0
    written = time.perf_counter() - started
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        started = time.perf_counter()
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-layout=done]", state="attached", timeout=120_000)
        drawn = time.perf_counter() - started
        labels = page.evaluate(NODE_LABELS_DRAWN)
        if screenshot:
            page.screenshot(path=screenshot)
        counts = page.evaluate("[nodes.length, edges.length]")
        hub = page.evaluate("nodes.get().sort((a, b) => b.value - a.value)[0].id")
        page.mouse.click(*page.evaluate(NODE_POSITION, hub))
        page.wait_for_selector("#details h2", timeout=120_000)
        answered = time.perf_counter() - started
        browser.close()
    print(f"{counts[0]:,} entities, {counts[1]:,} relations drawn; kgbuild view {written:.1f} s, "
          f"{page_file.stat().st_size / 1e6:.1f} MB; drawn after {drawn:.1f} s, click answered after {answered:.1f} s; "
          f"{len(labels)} labels at the opening zoom: {', '.join(sorted(labels)[:40])}")


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, help="a graph file (graph.ttl)")
    parser.add_argument("--generated", type=int, metavar="N", help="use a generated graph of N related entities")
    parser.add_argument("--max-nodes", type=int, default=500, help="as for kgbuild view (default: 500)")
    parser.add_argument("--screenshot", type=Path, help="save the page at its opening zoom as this PNG")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        graph_file = args.graph
        if args.generated:
            graph_file = Path(folder) / "generated.ttl"
            generated_graph(args.generated, isolated=args.generated // 10).serialize(graph_file, format="turtle")
        if graph_file is None:
            parser.error("give a graph file or --generated N")
        measure(graph_file, Path(folder) / "view.html", args.max_nodes, args.screenshot)


if __name__ == "__main__":
    run()
