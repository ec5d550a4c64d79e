"""Interactive HTML view of the entity graph: one self-contained vis-network page, no remote resources.

select (which entities) -> layout (where, computed in Python) -> page (the HTML file with its data and script).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from ..files import write_atomic
from ..settings import MAX_NODES
from .page import evidence_by_modality, page_data, render_html
from .select import Selection, find_node, select

__all__ = ["Selection", "evidence_by_modality", "find_node", "page_data", "render_html", "select", "write_html",
           "cost", "LARGE_PAGE"]

# Above this many entities drawn, the page is slow to open and too dense to read: say so and suggest --focus.
LARGE_PAGE = 2_000
# Measured on a 2-core machine (benchmarks/view.py; 5,000 entities and 10,000 relations: `kgbuild view` 8.2 s,
# 7.3 MB, a click answered 3.7 s after loading starts), per 1,000 units of size (entities + relations / 2):
# seconds to lay out and write, megabytes of page, seconds until the page answers a click in headless Chromium.
LAYOUT_SECONDS, PAGE_MB, OPEN_SECONDS, PAGE_BASE_MB = 0.8, 0.7, 0.4, 0.5


def cost(entities: int, relations: int) -> str:
    """What drawing this many entities and relations costs, in words."""
    size = entities + relations / 2
    return (f"about {PAGE_MB * size / 1000 + PAGE_BASE_MB:.0f} MB of page, {LAYOUT_SECONDS * size / 1000:.0f} s "
            f"to lay out and write, {OPEN_SECONDS * size / 1000:.0f} s to open in a browser")


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph", focus: str | None = None,
               hops: int = 1, max_nodes: int | None = MAX_NODES, isolated: bool = False,
               warn: Callable[[str], None] | None = None) -> str:
    """Write the page of the part of the graph that `select` picks (atomically); return its caption.

    `warn` is told, before the work starts, when the page will be large (more than LARGE_PAGE entities).
    """
    chosen = select(graph, focus=focus, hops=hops, max_nodes=max_nodes, isolated=isolated)
    drawn = chosen.part.number_of_nodes()
    if warn is not None and drawn > LARGE_PAGE:
        warn(f"drawing {drawn:,} entities and {chosen.part.number_of_edges():,} relations: "
             f"{cost(drawn, chosen.part.number_of_edges())}, and too dense to read; --focus NAME --hops 2 draws "
             f"one entity's neighbourhood, --max-nodes {MAX_NODES} the most connected")
    caption = chosen.caption
    if chosen.isolated:
        left_out = f"{chosen.isolated:,} entities without relations left out (--isolated draws them)"
        caption = f"{caption}; {left_out}" if caption else left_out
    html = render_html(chosen.part, title=title, caption=caption, whole=graph, focus=chosen.focus)
    write_atomic(Path(path), html)
    return caption
