"""The HTML view in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Pages are built from `seeds/`, from an article full of HTML payloads and from generated graphs of 1,000 to
5,000 entities, then opened from local files. With KGBUILD_DOCS=1 the seed page's screenshot is saved as
docs/seed-view.png for the README.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from generated_graph import generated_graph
from playwright.sync_api import Browser, Page, sync_playwright

from kgbuild.cli import main
from kgbuild.network import to_networkx
from kgbuild.query import load_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
# The README's picture of the seed page: written only when asked (KGBUILD_DOCS=1), so that test runs leave the
# work tree clean.
SCREENSHOT = REPO / "docs" / "seed-view.png"
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

# Page coordinates of a node's centre and of an edge's middle.
NODE_POSITION = """id => {
  const point = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("graph").getBoundingClientRect();
  return [point.x + box.left, point.y + box.top];
}"""
EDGE_MIDDLE = """id => {
  const point = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
  const box = document.getElementById("graph").getBoundingClientRect();
  return [point.x + box.left, point.y + box.top];
}"""
DRAWN = "[network.body.nodeIndices.length, network.body.edgeIndices.length]"
# Labels vis-network draws at the current zoom (it skips those smaller than the threshold on screen), of the
# nodes inside the window.
NODE_LABELS_DRAWN = """() => {
  const scale = network.getScale(), threshold = network.body.nodes[network.body.nodeIndices[0]].options.scaling.label.drawThreshold;
  const box = document.getElementById("graph").getBoundingClientRect();
  return network.body.nodeIndices.filter(id => {
    const node = network.body.nodes[id], at = network.canvasToDOM({x: node.x, y: node.y});
    return node.options.font.size * scale >= threshold - 1 && at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
  }).map(id => network.body.nodes[id].options.label);
}"""
EDGE_LABEL_DRAWN = """id => {
  const edge = network.body.edges[id];
  return edge.options.font.size * network.getScale() >= edge.options.scaling.label.drawThreshold - 1;
}"""
# The relation whose middle lies farthest from every other relation and entity (there the mouse hovers it alone).
CLEAR_EDGE = """() => {
  const at = network.getPositions(), lines = edges.get().map(e => [e.id, at[e.from], at[e.to]]);
  const distance = (p, a, b) => {
    const dx = b.x - a.x, dy = b.y - a.y, t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
  };
  let best = null, clearance = -1;
  for (const [id, a, b] of lines) {
    const middle = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
    let near = Infinity;
    for (const [other, c, d] of lines) if (other !== id) near = Math.min(near, distance(middle, c, d));
    for (const node of Object.values(at)) near = Math.min(near, Math.hypot(node.x - middle.x, node.y - middle.y));
    if (near > clearance) { clearance = near; best = id; }
  }
  return best;
}"""
# The colour of the canvas pixel at a node's centre.
PIXEL = """id => {
  const canvas = document.querySelector("#graph canvas"), point = network.canvasToDOM(network.getPositions([id])[id]);
  const ratio = canvas.width / canvas.clientWidth;
  return Array.from(canvas.getContext("2d").getImageData(Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1).data);
}"""


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


def open_page(browser: Browser, html: Path, *, height: int = 800) -> Opened:
    """Open a local page and wait until it is drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": height})
    opened = Opened(page)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on("request", lambda request: opened.requests.append(request.url))
    started = time.perf_counter()
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-layout=done]", state="attached", timeout=60_000)
    opened.seconds = time.perf_counter() - started
    return opened


def build(folder: Path, out: Path) -> nx.MultiDiGraph:
    assert main(["build", str(folder), "--out", str(out)]) == 0
    return to_networkx(load_graph(out / "graph.ttl"))


def view(graph_file: Path, page_file: Path, *options: str) -> Path:
    assert main(["view", str(graph_file), "--out", str(page_file), *options]) == 0
    return page_file


@pytest.fixture(scope="module")
def seed_net(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, Path]:
    out = tmp_path_factory.mktemp("seed") / "out"
    return build(SEEDS, out), out / "graph.html"


@pytest.fixture
def seed_page(browser: Browser, seed_net: tuple[nx.MultiDiGraph, Path]) -> Iterator[Opened]:
    opened = open_page(browser, seed_net[1])
    yield opened
    opened.page.close()


@pytest.fixture(scope="module")
def generated_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 related entities (scale-free) and 300 without any relation."""
    path = tmp_path_factory.mktemp("generated") / "g.ttl"
    generated_graph(1000, isolated=300, articles=50).serialize(path, format="turtle")
    return path


def edge_id(net: nx.MultiDiGraph, predicate: str) -> str:
    source, target, key = next((u, v, k) for u, v, k in net.edges(keys=True) if k == predicate)
    return f"{source} {key} {target}"


def node_named(net: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, name in net.nodes(data="label") if name == label)


def click(page: Page, script: str, item: str) -> None:
    page.mouse.click(*page.evaluate(script, item))


def test_seed_page_draws_the_related_entities_offline(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    related = net.subgraph(n for n in net if net.degree(n))
    assert page.evaluate(DRAWN) == [related.number_of_nodes(), related.number_of_edges()]
    assert page.evaluate("network.physics.options.enabled") is False
    labels = page.evaluate(NODE_LABELS_DRAWN)
    assert sorted(labels) == sorted(related.nodes[n]["label"] for n in related)  # at 10 nodes, every name
    assert "without relations left out" in page.locator("#caption").text_content()
    scale = page.evaluate("network.getScale()")
    click(page, EDGE_MIDDLE, edge_id(net, "spoke_with"))  # the picture shows an edge's evidence
    page.wait_for_selector("#details [data-modality=negated]")
    page.wait_for_timeout(400)  # the view may move the relation clear of the panel
    assert page.evaluate("network.getScale()") == scale  # the panel opens over the graph: the zoom stays
    picture = page.screenshot(path=SCREENSHOT if os.environ.get("KGBUILD_DOCS") else None)
    assert picture.startswith(b"\x89PNG")
    seed_page.assert_clean()
    assert seed_page.requests == [seed_net[1].as_uri()]


def test_edge_evidence_is_grouped_by_modality_and_a_denial_is_never_support(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    edge = edge_id(net, "spoke_with")
    source, _, target = edge.split(" ")
    evidence = net.edges[source, target, "spoke_with"]["evidence"]
    negated = {ev["sentence"] for ev in evidence if ev["modality"] == "negated"}
    assert negated  # the seed's denial: "... though he later denied speaking with Russia's leader ..."

    click(page, EDGE_MIDDLE, edge)
    details = page.locator("#details")
    details.locator("[data-modality]").first.wait_for()
    headings = details.locator("h3").all_text_contents()
    assert [h.split(" ")[0] for h in headings] == ["Asserted", "Reported", "Negated"]
    listed = {m: details.locator(f"ol[data-modality={m}] q").all_text_contents()
              for m in ("asserted", "reported", "hedged", "negated")}
    assert set(listed["negated"]) == negated
    support = listed["asserted"] + listed["reported"] + listed["hedged"]
    assert not negated & set(support)
    everything = support + listed["negated"]
    assert len(everything) == len(set(everything)) == len({ev["sentence"] for ev in evidence})  # each once
    text = details.text_content()
    assert evidence[0]["article_title"] in text and evidence[0]["date"] in text
    assert "according to Elon Musk" in text
    seed_page.assert_clean()


def test_node_click_lists_relations_and_articles_and_dims_the_rest(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    musk, kremlin = node_named(net, "Elon Musk"), node_named(net, "Kremlin")
    click(page, NODE_POSITION, musk)
    details = page.locator("#details")
    details.locator("h2").wait_for()
    assert details.locator("h2").text_content() == "Elon Musk"
    text = details.text_content()
    assert "Type: Person" in text
    for alias in net.nodes[musk]["aliases"]:
        assert alias in text
    out_predicates = {net.edges[musk, v, k]["label"] for _, v, k in net.out_edges(musk, keys=True)}
    for label in out_predicates:  # one group per predicate, with its count
        count = sum(1 for _, _, d in net.out_edges(musk, data=True) if d["label"] == label)
        assert f"{label} \u2192 ({count})" in text
    assert f"Relations ({net.degree(musk)})" in text
    assert "Articles (1)" in text and "2023-08-22-musk-putin-starlink" in text and "2023-08-22" in text

    neighbours = {musk} | set(net.successors(musk)) | set(net.predecessors(musk))
    assert page.evaluate("kgview.highlighted()") == sorted(neighbours)
    page.wait_for_timeout(400)  # the view may move Musk clear of the panel
    # An entity unrelated to Musk, inside the window: washed out while Musk is selected, plain once deselected.
    far = page.evaluate("""ids => nodes.getIds().find(id => {
        const at = network.canvasToDOM(network.getPositions([id])[id]), graph = document.getElementById("graph");
        return !ids.includes(id) && at.x > 10 && at.y > 10 && at.x < graph.clientWidth - 10 && at.y < graph.clientHeight - 10;
    })""", sorted(neighbours))
    dimmed, selected = page.evaluate(PIXEL, far), page.evaluate(PIXEL, musk)
    page.mouse.click(5, page.evaluate("document.getElementById('graph').getBoundingClientRect().bottom") - 5)
    assert page.evaluate("kgview.highlighted()") == [] and page.locator("#details").is_hidden()
    plain = page.evaluate(PIXEL, far)
    assert sum(dimmed[:3]) > sum(plain[:3]) + 150  # the unrelated entity was washed out
    assert selected == page.evaluate(PIXEL, musk)  # Musk was drawn as it is

    click(page, NODE_POSITION, musk)
    details.get_by_role("link", name="Kremlin").click()  # a neighbour's link selects it and moves to it
    page.wait_for_function("id => network.getSelectedNodes().join() === id", arg=kremlin)
    assert details.locator("h2").text_content() == "Kremlin"
    seed_page.assert_clean()


def test_search_suggests_names_and_focuses_the_chosen_one(seed_page: Opened, seed_net) -> None:
    net, _ = seed_net
    page = seed_page.page
    putin = node_named(net, "Vladimir Putin")
    page.locator("#search").press_sequentially("put")
    suggestions = page.locator("#suggestions li")
    suggestions.first.wait_for()
    assert "Vladimir Putin" in suggestions.all_text_contents()[0]
    page.press("#search", "ArrowDown")
    page.press("#search", "Enter")
    page.wait_for_function("id => network.getSelectedNodes().join() === id", arg=putin)
    # The view moves to it (animated): centred in the part of the graph the details panel leaves free.
    page.wait_for_function("""id => {
        const at = network.canvasToDOM(network.getPositions([id])[id]), graph = document.getElementById("graph");
        const free = graph.clientWidth - document.getElementById("details").getBoundingClientRect().width;
        return Math.abs(at.x - free / 2) < 2 && Math.abs(at.y - graph.clientHeight / 2) < 2;
    }""", arg=putin, timeout=5_000)
    assert page.locator("#details h2").text_content() == "Vladimir Putin"
    assert f"Roles: {', '.join(net.nodes[putin]['roles'])}" in page.locator("#details").text_content()
    assert page.locator("#suggestions").is_hidden()
    page.fill("#search", "musk")  # an alias finds its entity
    page.press("#search", "Enter")
    assert page.locator("#details h2").text_content() == "Elon Musk"
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "No entity matches" in page.locator("#status").text_content()
    seed_page.assert_clean()


def test_filters_hide_types_and_relations_with_all_and_none(browser: Browser, seed_net) -> None:
    net, page_file = seed_net
    opened = open_page(browser, page_file, height=300)  # a short window: the relations list must still fit
    page = opened.page
    related = net.subgraph(n for n in net if net.degree(n))
    kept = [n for n in related if related.nodes[n]["type"] != "Organization"]
    page.uncheck('input[name="type"][value="Organization"]')
    assert page.evaluate(DRAWN) == [len(kept), related.subgraph(kept).number_of_edges()]
    page.check('input[name="type"][value="Organization"]')
    assert page.evaluate(DRAWN) == [related.number_of_nodes(), related.number_of_edges()]

    page.click("#relations summary")
    dropdown = page.locator("#relations .dropdown").bounding_box()
    assert dropdown["y"] + dropdown["height"] <= 300
    last = page.locator('input[name="predicate"]').last
    last.scroll_into_view_if_needed()
    assert last.is_visible()  # reachable by scrolling inside the list
    spoke = sum(1 for *_, k in related.edges(keys=True) if k == "spoke_with")
    page.uncheck('input[name="predicate"][value="spoke_with"]')
    assert page.evaluate(DRAWN) == [related.number_of_nodes(), related.number_of_edges() - spoke]
    page.click("#relations-none")
    assert page.evaluate(DRAWN) == [related.number_of_nodes(), 0]
    assert page.locator('input[name="predicate"]:checked').count() == 0
    page.click("#relations-all")
    assert page.evaluate(DRAWN) == [related.number_of_nodes(), related.number_of_edges()]
    opened.assert_clean()
    page.close()


def test_focus_node_is_marked_and_focus_here_redraws_in_the_page(browser: Browser, seed_net,
                                                                   tmp_path: Path) -> None:
    net, page_file = seed_net
    putin = node_named(net, "Vladimir Putin")
    focused = view(page_file.parent / "graph.ttl", tmp_path / "focus.html", "--focus", "Vladimir Putin")
    opened = open_page(browser, focused)
    page = opened.page
    assert page.evaluate("id => network.body.nodes[id].options.borderWidth", putin) >= 4
    assert page.evaluate("id => network.body.nodes[id].options.shadow.enabled", putin) is True
    assert page.locator("#details h2").text_content() == "Vladimir Putin"  # its panel is open
    assert "within 1 hop of Vladimir Putin" in page.locator("#caption").text_content()
    page.close()

    opened = open_page(browser, page_file)
    page = opened.page
    musk = node_named(net, "Elon Musk")
    related = net.subgraph(n for n in net if net.degree(n))
    click(page, NODE_POSITION, putin)
    page.click("#details .focus-here")
    around = {putin} | set(related.successors(putin)) | set(related.predecessors(putin))
    assert page.evaluate(DRAWN)[0] == len(around)
    assert page.evaluate("id => network.body.nodes[id].options.borderWidth", putin) >= 4
    assert f"{len(around)} entities within 1 hop of Vladimir Putin" in page.locator("#focus-bar").text_content()
    page.select_option("#details select", "2")
    page.click("#details .focus-here")
    two = set(nx.single_source_shortest_path_length(related.to_undirected(), putin, cutoff=2))
    assert page.evaluate(DRAWN)[0] == len(two) and musk in two
    page.click("#show-all")
    assert page.evaluate(DRAWN)[0] == related.number_of_nodes()
    assert page.evaluate("id => network.body.nodes[id].options.borderWidth", putin) == 1
    opened.assert_clean()
    page.close()


def test_article_html_is_shown_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    net = build(tmp_path / "in", tmp_path / "out")
    opened = open_page(browser, tmp_path / "out" / "graph.html")
    page = opened.page

    edge = edge_id(net, "spoke_with")
    click(page, EDGE_MIDDLE, edge)
    text = page.locator("#details").text_content()
    assert '<script>window.pwned = "text"</script>' in text
    assert "<img src=x onerror=" in text
    assert '<script>window.pwned = "title"</script>' in text
    click(page, NODE_POSITION, edge.split(" ")[0])
    page.wait_for_timeout(300)
    page.mouse.move(*page.evaluate(NODE_POSITION, edge.split(" ")[2]))
    page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5_000)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#details img, #details script, div.vis-tooltip img, div.vis-tooltip script").count() == 0
    assert page.locator("#details a[href^='https://news.example.org/initech']").count() == 1  # the source link
    opened.assert_clean()


def test_overview_names_hubs_and_zoom_brings_labels_and_edge_labels(browser: Browser, generated_ttl: Path,
                                                                     tmp_path: Path) -> None:
    page_file = view(generated_ttl, tmp_path / "g.html")  # 500 of 1,300 entities by default
    opened = open_page(browser, page_file)
    page = opened.page
    assert page.evaluate("nodes.length") == 500
    assert "300 entities without relations left out" in page.locator("#caption").text_content()
    # No dot without a line: every entity drawn has a relation drawn.
    assert page.evaluate("nodes.getIds().filter(id => !network.getConnectedEdges(id).length).length") == 0
    names = page.evaluate(NODE_LABELS_DRAWN)
    assert 20 <= len(names) <= 40
    hubs = page.evaluate("nodes.get().sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1)).map(n => n.label)")
    assert hubs[0] in names
    some_edge = page.evaluate(CLEAR_EDGE)
    assert page.evaluate(EDGE_LABEL_DRAWN, some_edge) is False  # no edge label at the overview

    page.mouse.move(*page.evaluate(EDGE_MIDDLE, some_edge), steps=5)  # hover: that edge's label appears
    page.wait_for_function(f"id => ({EDGE_LABEL_DRAWN})(id)", arg=some_edge, timeout=10_000)
    page.mouse.move(1, 1)

    page.evaluate("network.moveTo({scale: network.getScale() * 6})")
    zoomed = page.evaluate(NODE_LABELS_DRAWN)
    assert len(zoomed) > 0 and not set(zoomed) <= set(names)  # labels that were too small now appear
    assert page.evaluate(EDGE_LABEL_DRAWN, some_edge) is True
    page.screenshot(path=tmp_path / "overview.png")
    opened.assert_clean()
    page.close()


def test_colour_by_community_with_a_legend(browser: Browser, generated_ttl: Path, tmp_path: Path) -> None:
    opened = open_page(browser, view(generated_ttl, tmp_path / "g.html", "--max-nodes", "300"))
    page = opened.page
    by_type = page.evaluate("nodes.get().map(n => n.color.background)")
    assert len(set(by_type)) == 5  # one colour per type
    assert page.locator("#legend-communities").is_hidden()
    page.select_option("#colour-by", "community")
    legend = page.locator("#legend-communities li")
    assert legend.count() >= 5 and "around Entity" in legend.first.text_content()
    by_community = page.evaluate("nodes.get().map(n => n.color.background)")
    assert by_community != by_type and len(set(by_community)) >= 5
    opened.assert_clean()
    page.close()


def test_five_thousand_entities_answer_a_click_within_10_s(browser: Browser, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    graph_file = tmp_path / "big.ttl"
    generated_graph(5000, isolated=500).serialize(graph_file, format="turtle")
    page_file = view(graph_file, tmp_path / "big.html", "--max-nodes", "0")
    assert "kgbuild: warning: drawing 5,000 entities" in capsys.readouterr().err

    started = time.perf_counter()
    opened = open_page(browser, page_file)
    page = opened.page
    hub = page.evaluate("nodes.get().sort((a, b) => b.value - a.value)[0].id")
    click(page, NODE_POSITION, hub)
    page.wait_for_selector("#details h2", timeout=30_000)
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n5,000 entities: drawn in {opened.seconds:.1f} s, a click answered {seconds:.1f} s after opening")
    assert seconds < 10
    assert page.evaluate("nodes.length") == 5000
    assert page.locator("#details h2").text_content() == page.evaluate("id => nodes.get(id).label", hub)
    opened.assert_clean()
    page.close()
