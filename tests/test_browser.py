"""The HTML view in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Pages are built from `seeds/`, from an article full of HTML payloads and from a 20,000-entity graph,
then opened from local files. The seed page's screenshot is saved as docs/graph.png for the README.
"""
from __future__ import annotations

import os

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from kgbuild.cli import main
from kgbuild.network import to_networkx
from kgbuild.query import load_graph
from kgbuild.vocab import KG, KGR

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SCREENSHOT = REPO / "docs" / "graph.png"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = ("file:", "data:")

EVIL_ARTICLE = """\
title: Initech <script>window.pwned = "title"</script> opens Berlin office
date: 2024-04-10
source: https://news.example.org/initech?q='onmouseover='window.pwned=1

Initech opened a new office in Berlin on Tuesday. Peter Gibbons, the CEO of Initech, spoke with German \
Chancellor Olaf Scholz <img src=x onerror="window.pwned = 'img'"> about the investment \
<script>window.pwned = "text"</script>.
"""

# The canvas position of an edge's middle, in page coordinates.
EDGE_MIDDLE = """id => {
  const point = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
  const box = document.getElementById("graph").getBoundingClientRect();
  return [point.x + box.left, point.y + box.top];
}"""
NODE_POSITION = """id => {
  const point = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("graph").getBoundingClientRect();
  return [point.x + box.left, point.y + box.top];
}"""
DRAWN = "[network.body.nodeIndices.length, network.body.edgeIndices.length]"


@dataclass
class Opened:
    """A page with everything it logged as an error and every URL it requested."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def assert_clean(self) -> None:
        assert self.errors == []
        assert [url for url in self.requests if not url.startswith(LOCAL)] == []


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium chromium-driver; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must run the browser tests, never skip them
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Browser, html: Path) -> Opened:
    """Open a local page and wait until its layout is done (physics stopped)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on("request", lambda request: opened.requests.append(request.url))
    started = time.perf_counter()
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-layout=done]", state="attached", timeout=30_000)
    opened.seconds = time.perf_counter() - started
    return opened


def build(folder: Path, out: Path) -> nx.MultiDiGraph:
    assert main(["build", str(folder), "--out", str(out)]) == 0
    return to_networkx(load_graph(out / "graph.ttl"))


@pytest.fixture(scope="module")
def seed_net(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, Path]:
    out = tmp_path_factory.mktemp("seed") / "out"
    return build(SEEDS, out), out / "graph.html"


@pytest.fixture
def seed_page(browser: Browser, seed_net: tuple[nx.MultiDiGraph, Path]) -> Iterator[Opened]:
    opened = open_page(browser, seed_net[1])
    yield opened
    opened.page.close()


def edge_id(net: nx.MultiDiGraph, predicate: str) -> str:
    source, target, key = next((u, v, k) for u, v, k in net.edges(keys=True) if k == predicate)
    return f"{source} {key} {target}"


def hover(page: Page, script: str, item: str) -> str:
    """Move the mouse onto a node or edge and return the text of the tooltip that appears."""
    x, y = page.evaluate(script, item)
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.text_content() or ""


def test_seed_page_draws_the_whole_graph_offline(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    assert page.evaluate("[nodes.length, edges.length]") == [net.number_of_nodes(), net.number_of_edges()]
    assert page.evaluate(DRAWN) == [net.number_of_nodes(), net.number_of_edges()]
    assert page.evaluate("network.physics.options.enabled") is False
    hover(page, EDGE_MIDDLE, edge_id(net, "spoke_with"))  # the picture shows an edge's evidence
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT)
    seed_page.assert_clean()
    assert seed_page.requests == [seed_net[1].as_uri()]


def test_search_box_focuses_a_node(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    putin = next(n for n, label in net.nodes(data="label") if label == "Vladimir Putin")
    page.fill("#search", "putin")
    page.press("#search", "Enter")
    page.wait_for_function("id => network.getSelectedNodes().join() === id", arg=putin)
    # The view moves to the node (animated).
    page.wait_for_function("""id => {
        const node = network.getPositions([id])[id], view = network.getViewPosition();
        return Math.hypot(node.x - view.x, node.y - view.y) < 1;
    }""", arg=putin, timeout=5_000)
    assert "Vladimir Putin" in page.locator("#details").text_content()
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "No entity matches" in page.locator("#status").text_content()
    seed_page.assert_clean()


def test_hover_shows_evidence_and_entity_details(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    edge = edge_id(net, "spoke_with")
    text = hover(page, EDGE_MIDDLE, edge)
    source, _, target = edge.split(" ")
    for evidence in net.edges[source, target, "spoke_with"]["evidence"]:
        assert evidence["sentence"] in text
        assert evidence["article_title"] in text and evidence["date"] in text
    assert "reported" in text or "asserted" in text

    page.mouse.move(1, 1)
    text = hover(page, NODE_POSITION, source)
    assert net.nodes[source]["label"] in text and f"Type: {net.nodes[source]['type']}" in text
    assert f"Mentions: {net.nodes[source]['mentions']}" in text
    seed_page.assert_clean()


def test_filters_hide_types_and_relations(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    kept = [n for n, kind in net.nodes(data="type") if kind != "Organization"]
    page.uncheck('input[name="type"][value="Organization"]')
    assert page.evaluate(DRAWN) == [len(kept), net.subgraph(kept).number_of_edges()]
    page.check('input[name="type"][value="Organization"]')
    assert page.evaluate(DRAWN) == [net.number_of_nodes(), net.number_of_edges()]

    page.click("#relations summary")
    page.uncheck('input[name="predicate"][value="spoke_with"]')
    spoke = sum(1 for *_, k in net.edges(keys=True) if k == "spoke_with")
    assert page.evaluate(DRAWN) == [net.number_of_nodes(), net.number_of_edges() - spoke]
    seed_page.assert_clean()


def test_article_html_is_shown_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    net = build(tmp_path / "in", tmp_path / "out")
    opened = open_page(browser, tmp_path / "out" / "graph.html")
    page = opened.page

    edge = edge_id(net, "spoke_with")
    text = hover(page, EDGE_MIDDLE, edge)
    assert '<script>window.pwned = "text"</script>' in text
    assert "<img src=x onerror=" in text
    x, y = page.evaluate(EDGE_MIDDLE, edge)
    page.mouse.click(x, y)  # pins the details panel
    assert '<script>window.pwned = "title"</script>' in page.locator("#details").text_content()
    page.mouse.click(*page.evaluate(NODE_POSITION, edge.split(" ")[0]))
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#details img, #details script, div.vis-tooltip img, div.vis-tooltip script").count() == 0
    opened.assert_clean()


def test_twenty_thousand_entities_capped_at_500_stabilise_within_10_s(browser: Browser, tmp_path: Path) -> None:
    scale_free = nx.barabasi_albert_graph(20_000, 2, seed=1)
    kinds = ["Person", "Organization", "Place", "Product", "Event"]
    graph = Graph()
    for n in scale_free:
        graph.add((KGR[f"thing/e{n}"], RDF.type, KG[kinds[n % len(kinds)]]))
        graph.add((KGR[f"thing/e{n}"], RDFS.label, Literal(f"Entity {n}")))
    for u, v in scale_free.edges:
        graph.add((KGR[f"thing/e{u}"], KG.related_to, KGR[f"thing/e{v}"]))
    graph.serialize(tmp_path / "big.ttl", format="turtle")
    page_file = tmp_path / "big.html"
    assert main(["view", str(tmp_path / "big.ttl"), "--out", str(page_file), "--max-nodes", "500"]) == 0

    opened = open_page(browser, page_file)
    print(f"20,000 entities, 500 drawn: open and stabilise in {opened.seconds:.1f} s")
    assert opened.seconds < 10
    assert opened.page.evaluate("nodes.length") == 500
    assert opened.page.evaluate("network.physics.options.enabled") is False
    assert "500 of 20,000 entities" in opened.page.locator("#caption").text_content()
    opened.assert_clean()
