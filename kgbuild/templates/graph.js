// The graph view: vis-network draws what Python laid out; this script adds the legend, filters, search,
// the details panel, neighbour highlighting and in-page focus. Graph text only reaches the page through
// textContent (never as HTML).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = {}, edgeById = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.out = []; n.in = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    byId[e.from].out.push(e);
    byId[e.to].in.push(e);
  });
  var typeStyle = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });

  var state = {
    colourBy: "type",
    hiddenTypes: {},
    hiddenPredicates: {},
    focus: data.focus,   // entity whose neighbourhood is drawn (marked), or null
    shown: null,         // ids drawn while focused in the page, or null: all
    selected: null,      // clicked entity: it and its neighbours stay bright, the rest is dimmed
  };

  // ---- small DOM helpers ----
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function row(parent, name, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    var line = el("div");
    line.appendChild(el("b", name + ": "));
    line.appendChild(document.createTextNode(Array.isArray(value) ? value.join(", ") : String(value)));
    parent.appendChild(line);
  }
  function button(text, onClick, className) {
    var b = el("button", text, className);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function link(text, onClick) {
    var a = el("a", text);
    a.href = "#";
    a.addEventListener("click", function (event) { event.preventDefault(); onClick(); });
    return a;
  }
  function articleLine(index) {
    var article = data.articles[index] || {}, line = el("span", null, "meta");
    var title = article.title || "untitled article";
    if (article.source && /^https?:\/\//i.test(article.source)) {
      var a = el("a", title);
      a.href = article.source;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      line.appendChild(a);
    } else line.appendChild(el("span", title));
    if (article.date) line.appendChild(document.createTextNode(" \u00b7 " + article.date));
    if (article.source && !/^https?:\/\//i.test(article.source)) line.appendChild(document.createTextNode(" \u00b7 " + article.source));
    return line;
  }

  // ---- the network ----
  function nodeColour(n) {
    if (state.colourBy === "community") {
      var c = data.communities[n.community];
      return c ? c.colour : "#c8c8c8";
    }
    return typeStyle[n.kind].colour;
  }
  function nodeItem(n) {
    var colour = nodeColour(n), focused = n.id === state.focus;
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, value: n.value, shape: typeStyle[n.kind].shape,
      title: n.label + " \u2014 " + n.type + " \u00b7 " + n.degree + " relation" + (n.degree === 1 ? "" : "s"),
      color: { background: colour, border: focused ? "#111111" : colour,
               highlight: { background: colour, border: "#111111" }, hover: { background: colour, border: "#111111" } },
      borderWidth: focused ? 4 : 1,
      shadow: focused ? { enabled: true, color: "rgba(0,0,0,0.6)", size: 14, x: 0, y: 0 } : { enabled: false },
      font: { size: focused ? Math.max(n.size, 13) * 1.3 : n.size, bold: focused },
      hidden: !nodeVisible(n),
    };
  }
  function edgeItem(e) {
    var item = { id: e.id, from: e.from, to: e.to, label: e.label, dashes: e.dashes, hidden: !edgeVisible(e),
                 title: byId[e.from].label + " \u2014 " + e.label + " \u2192 " + byId[e.to].label + " (click for the evidence)" };
    if (e.bend) item.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 * e.bend };
    return item;
  }
  function nodeVisible(n) { return !state.hiddenTypes[n.kind] && (!state.shown || !!state.shown[n.id]); }
  function edgeVisible(e) { return !state.hiddenPredicates[e.predicate]; }

  // Python laid the graph out in a box of canvas units; stretch it to this window so that the page opens at a zoom
  // of about 1, where node and label sizes are pixels (hub labels readable, the others appearing as one zooms in).
  var container = document.getElementById("graph");
  var stretch = 0.92 * Math.min(container.clientWidth / data.box.width, container.clientHeight / data.box.height) || 1;
  data.nodes.forEach(function (n) { n.x *= stretch; n.y *= stretch; });
  // Edge labels: drawn once neighbours are about edge_label_gap px apart on screen.
  data.options.edges.font.size *= Math.min(1, data.box.edge_length * stretch / data.box.edge_label_gap);

  var nodes = new vis.DataSet(data.nodes.map(nodeItem));
  var edges = new vis.DataSet(data.edges.map(edgeItem));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  // The names pyvis pages use, for scripts and tests that inspect the page.
  window.network = network;
  window.nodes = nodes;
  window.edges = edges;

  var status = document.getElementById("status");
  network.once("afterDrawing", function () {
    status.textContent = data.nodes.length ? "" : "The graph has no entities.";
    document.body.dataset.layout = "done";
  });
  if (!data.nodes.length) document.body.dataset.layout = "done";

  // Refresh only what changed: a page of thousands of entities stays responsive.
  var drawnHidden = {};
  data.nodes.forEach(function (n) { drawnHidden[n.id] = !nodeVisible(n); });
  var edgeHidden = {};
  data.edges.forEach(function (e) { edgeHidden[e.id] = !edgeVisible(e); });
  function refresh() {
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var hidden = !nodeVisible(n);
      if (hidden !== drawnHidden[n.id]) { drawnHidden[n.id] = hidden; nodeChanges.push({ id: n.id, hidden: hidden }); }
    });
    data.edges.forEach(function (e) {
      var hidden = !edgeVisible(e);
      if (hidden !== edgeHidden[e.id]) { edgeHidden[e.id] = hidden; edgeChanges.push({ id: e.id, hidden: hidden }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }
  function restyle(ids) { nodes.update(ids.filter(function (id) { return byId[id]; }).map(function (id) { return nodeItem(byId[id]); })); }

  // ---- neighbour highlighting: the selected entity, its neighbours and their relations drawn again over a veil ----
  var highlight = null;
  function setHighlight(id) {
    state.selected = id;
    if (!id) { highlight = null; network.redraw(); return; }
    var near = {}, lines = [];
    near[id] = true;
    byId[id].out.concat(byId[id].in).forEach(function (e) {
      if (edgeHidden[e.id] || drawnHidden[e.from] || drawnHidden[e.to]) return;
      near[e.from] = near[e.to] = true;
      lines.push(e.id);
    });
    // Most connected first: they get the labels written when there are many neighbours.
    highlight = { nodes: Object.keys(near).sort(function (a, b) { return byId[b].degree - byId[a].degree; }), edges: lines };
    network.redraw();
  }
  network.on("afterDrawing", function (ctx) {
    if (!highlight) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255, 255, 255, 0.78)";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    var scale = network.getScale(), labels = [], written = 0;
    highlight.edges.forEach(function (id) {
      var edge = network.body.edges[id];
      if (edge && edge.connected) { edge.draw(ctx); edge.drawArrows(ctx); }
    });
    highlight.nodes.forEach(function (id) {
      var node = network.body.nodes[id];
      if (!node || node.options.hidden) return;
      var drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
      if (node.options.font.size * scale < data.options.nodes.scaling.label.drawThreshold - 1 && written++ < 40) {
        // Its label is too small to be drawn at this zoom: write it anyway (the first 40), 12 px on screen.
        ctx.font = (12 / scale) + "px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "#ffffff";
        ctx.fillStyle = "#222222";
        ctx.strokeText(byId[id].label, node.x, node.y + node.shape.height / 2 + 2 / scale);
        ctx.fillText(byId[id].label, node.x, node.y + node.shape.height / 2 + 2 / scale);
      }
    });
    labels.forEach(function (draw) { draw(); });
  });
  window.kgview = {
    highlighted: function () { return highlight ? highlight.nodes.slice().sort() : []; },
    state: state,
  };

  // ---- edge labels on hover (otherwise only drawn once zoomed in far enough) ----
  var baseEdgeFont = data.options.edges.font.size;
  network.on("hoverEdge", function (p) {
    edges.update({ id: p.edge, font: { size: Math.max(baseEdgeFont, 12 / network.getScale()) } });
  });
  network.on("blurEdge", function (p) { edges.update({ id: p.edge, font: { size: baseEdgeFont } }); });

  // ---- legend and colours ----
  var typeList = document.getElementById("legend-types");
  data.types.forEach(function (t) {
    var item = el("li"), label = el("label"), box = el("input"), glyph = el("span", t.glyph, "glyph");
    box.type = "checkbox"; box.name = "type"; box.value = t.type; box.checked = true;
    glyph.style.color = t.colour;
    label.appendChild(box); label.appendChild(glyph); label.appendChild(document.createTextNode(t.type + " (" + t.count + ")"));
    item.appendChild(label);
    typeList.appendChild(item);
  });
  typeList.addEventListener("change", function (event) {
    state.hiddenTypes[event.target.value] = !event.target.checked;
    refresh();
    if (state.selected) setHighlight(state.selected);
  });
  var communityList = document.getElementById("legend-communities");
  var shownCommunities = data.communities.filter(function (c) { return c.colour !== "#c8c8c8"; });
  shownCommunities.forEach(function (c) {
    var item = el("li"), swatch = el("span", "\u25cf", "glyph");
    swatch.style.color = c.colour;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode("around " + c.hub + " (" + c.size + ")"));
    communityList.appendChild(item);
  });
  if (data.communities.length > shownCommunities.length) {
    var rest = el("li"), grey = el("span", "\u25cf", "glyph");
    grey.style.color = "#c8c8c8";
    rest.appendChild(grey);
    rest.appendChild(document.createTextNode((data.communities.length - shownCommunities.length) + " smaller communities"));
    communityList.appendChild(rest);
  }
  document.getElementById("colour-by").addEventListener("change", function (event) {
    state.colourBy = event.target.value;
    communityList.hidden = state.colourBy !== "community";
    nodes.update(data.nodes.map(function (n) {
      var colour = nodeColour(n), focused = n.id === state.focus;
      return { id: n.id, color: { background: colour, border: focused ? "#111111" : colour,
                                  highlight: { background: colour, border: "#111111" }, hover: { background: colour, border: "#111111" } } };
    }));
  });

  // ---- relations filter: fits the window, with all / none ----
  var relations = document.getElementById("relations");
  var relationList = relations.querySelector("ul");
  data.predicates.forEach(function (p) {
    var item = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.name = "predicate"; box.value = p.predicate; box.checked = true;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + p.label + " (" + p.count + ")"));
    item.appendChild(label);
    relationList.appendChild(item);
  });
  function fitDropdown() {
    var dropdown = relations.querySelector(".dropdown");
    dropdown.style.maxHeight = Math.max(120, window.innerHeight - dropdown.getBoundingClientRect().top - 12) + "px";
  }
  relations.addEventListener("toggle", function () { if (relations.open) fitDropdown(); });
  window.addEventListener("resize", function () { if (relations.open) fitDropdown(); });
  relationList.addEventListener("change", function (event) {
    state.hiddenPredicates[event.target.value] = !event.target.checked;
    refresh();
    if (state.selected) setHighlight(state.selected);
  });
  function setAllPredicates(shown) {
    relationList.querySelectorAll("input").forEach(function (box) {
      box.checked = shown;
      state.hiddenPredicates[box.value] = !shown;
    });
    refresh();
    if (state.selected) setHighlight(state.selected);
  }
  document.getElementById("relations-all").addEventListener("click", function () { setAllPredicates(true); });
  document.getElementById("relations-none").addEventListener("click", function () { setAllPredicates(false); });

  // ---- details panel ----
  var details = document.getElementById("details");
  function showDetails(box) {
    details.replaceChildren(box);
    details.hidden = false;
    details.scrollTop = 0;
  }
  function hideDetails() { details.hidden = true; }

  function describeNode(n) {
    var box = el("div");
    box.dataset.entity = n.id;
    box.appendChild(el("h2", n.label));
    row(box, "Type", n.type);
    row(box, "Also known as", n.aliases);
    row(box, "Roles", n.roles);
    row(box, "Mentions", n.mentions);
    var actions = el("div", null, "actions"), hops = el("select");
    [1, 2, 3].forEach(function (h) { var o = el("option", h + " hop" + (h > 1 ? "s" : "")); o.value = h; hops.appendChild(o); });
    hops.setAttribute("aria-label", "hops");
    actions.appendChild(button("Focus here", function () { focusHere(n.id, Number(hops.value)); }, "focus-here"));
    actions.appendChild(hops);
    box.appendChild(actions);

    // Relations grouped by predicate and direction, with a count, each neighbour a link that selects it.
    var groups = {}, order = [];
    function add(key, title, e, other) {
      if (!groups[key]) { groups[key] = { title: title, items: [] }; order.push(key); }
      groups[key].items.push({ edge: e, other: other });
    }
    n.out.forEach(function (e) { add(">" + e.predicate, e.label + " \u2192", e, e.to); });
    n.in.forEach(function (e) { add("<" + e.predicate, "\u2190 " + e.label, e, e.from); });
    var total = n.out.length + n.in.length;
    box.appendChild(el("h3", "Relations (" + total + ")"));
    order.sort(function (a, b) { return groups[b].items.length - groups[a].items.length || groups[a].title.localeCompare(groups[b].title); });
    order.forEach(function (key) {
      var group = groups[key], list = el("ul");
      box.appendChild(el("h4", group.title + " (" + group.items.length + ")"));
      group.items.forEach(function (item) {
        var li = el("li"), other = byId[item.other];
        li.appendChild(link(other.label, function () { selectNode(other.id, true); }));
        var sentences = 0;
        item.edge.evidence.forEach(function (group) { sentences += group.sentences.length; });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(link("(" + sentences + " sentence" + (sentences === 1 ? "" : "s") + ")", function () { selectEdge(item.edge.id); }));
        list.appendChild(li);
      });
      box.appendChild(list);
    });
    if (n.offpage) {
      box.appendChild(el("p", n.offpage + " more relation" + (n.offpage === 1 ? "" : "s") + " with entities not on this page: "
        + "kgbuild view GRAPH --focus \"" + n.label + "\" draws them.", "note"));
    }
    if (!total && !n.offpage) box.appendChild(el("p", "No relation.", "note"));

    box.appendChild(el("h3", "Articles (" + n.articles.length + ")"));
    var articles = el("ul");
    n.articles.slice().sort(function (a, b) {
      return String((data.articles[b] || {}).date || "").localeCompare(String((data.articles[a] || {}).date || ""));
    }).forEach(function (index) {
      var li = el("li");
      li.appendChild(articleLine(index));
      articles.appendChild(li);
    });
    box.appendChild(articles);
    return box;
  }

  var HEADINGS = {
    asserted: "Asserted",
    reported: "Reported (someone says so)",
    hedged: "Hedged (may, might, reportedly\u2026)",
    negated: "Negated \u2014 the sentence denies it: not support",
  };
  function describeEdge(e) {
    var box = el("div");
    box.dataset.relation = e.id;
    box.appendChild(el("h2", byId[e.from].label + " \u2014 " + e.label + " \u2192 " + byId[e.to].label));
    var links = el("div", null, "actions");
    links.appendChild(link(byId[e.from].label, function () { selectNode(e.from, true); }));
    links.appendChild(link(byId[e.to].label, function () { selectNode(e.to, true); }));
    box.appendChild(links);
    e.evidence.forEach(function (group) {
      var modality = group.modality, entries = group.sentences;
      var heading = el("h3", (HEADINGS[modality] || modality) + " (" + entries.length + ")", modality);
      heading.dataset.modality = modality;
      box.appendChild(heading);
      var list = el("ol", null, "evidence");
      list.dataset.modality = modality;
      entries.forEach(function (ev) {
        var item = el("li"), meta = el("div", null, "meta");
        item.appendChild(el("q", ev.sentence));
        if (ev.article !== null && ev.article !== undefined) meta.appendChild(articleLine(ev.article));
        if (ev.attributed_to.length) meta.appendChild(document.createTextNode(" \u00b7 according to " + ev.attributed_to.join(", ")));
        item.appendChild(meta);
        list.appendChild(item);
      });
      box.appendChild(list);
    });
    return box;
  }

  function selectNode(id, move) {
    var n = byId[id];
    if (!n) return;
    if (drawnHidden[id]) {  // a filtered-out or out-of-focus entity: bring it back first
      state.hiddenTypes[n.kind] = false;
      var box = typeList.querySelector('input[value="' + n.kind + '"]');
      if (box) box.checked = true;
      if (state.shown && !state.shown[id]) showAll();
      refresh();
    }
    network.selectNodes([id]);
    setHighlight(id);
    showDetails(describeNode(n));
    if (move) {  // centred in the part of the graph the panel leaves free
      network.focus(id, { scale: Math.max(network.getScale(), 1.5), offset: { x: -panelWidth() / 2, y: 0 },
                          animation: { duration: 400 } });
    } else keepClear(network.getPositions([id])[id]);
  }
  function selectEdge(id) {
    var e = edgeById[id], ends = network.getPositions([e.from, e.to]);
    network.selectEdges([id]);
    setHighlight(null);
    showDetails(describeEdge(e));
    keepClear({ x: (ends[e.from].x + ends[e.to].x) / 2, y: (ends[e.from].y + ends[e.to].y) / 2 });
  }
  function panelWidth() { return details.hidden ? 0 : details.getBoundingClientRect().width; }
  // The panel lies over the right of the graph: move the view when it would hide what was clicked.
  function keepClear(point) {
    var at = network.canvasToDOM(point), free = container.clientWidth - panelWidth();
    if (at.x <= free - 30) return;
    var view = network.getViewPosition();
    network.moveTo({ position: { x: view.x + (at.x - free / 2) / network.getScale(), y: view.y },
                     animation: { duration: 300 } });
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else { setHighlight(null); hideDetails(); }
  });

  // ---- focus here: only the neighbourhood of an entity, redrawn in the page ----
  var focusBar = document.getElementById("focus-bar");
  function focusHere(id, hops) {
    var reach = {}, frontier = [id];
    reach[id] = true;
    for (var h = 0; h < hops; h++) {
      var next = [];
      frontier.forEach(function (current) {
        byId[current].out.concat(byId[current].in).forEach(function (e) {
          if (edgeHidden[e.id]) return;
          [e.from, e.to].forEach(function (other) { if (!reach[other]) { reach[other] = true; next.push(other); } });
        });
      });
      frontier = next;
    }
    var previous = state.focus;
    state.shown = reach;
    state.focus = id;
    refresh();
    restyle([previous, id]);
    var count = Object.keys(reach).length;
    document.getElementById("focus-text").textContent = count + " entit" + (count === 1 ? "y" : "ies") + " within "
      + hops + " hop" + (hops > 1 ? "s" : "") + " of " + byId[id].label;
    focusBar.hidden = false;
    network.fit({ nodes: Object.keys(reach), animation: false });
    selectNode(id, false);
  }
  function showAll() {
    var previous = state.focus;
    state.shown = null;
    state.focus = data.focus;
    focusBar.hidden = true;
    refresh();
    restyle([previous, data.focus]);
    network.fit({ animation: false });
  }
  document.getElementById("show-all").addEventListener("click", showAll);
  window.kgview.focusHere = focusHere;

  // ---- search with suggestions ----
  var search = document.getElementById("search"), suggestions = document.getElementById("suggestions");
  var names = data.nodes.map(function (n) {
    return { node: n, names: [n.label].concat(n.aliases).map(function (s) { return s.toLowerCase(); }) };
  });
  function matches(query, limit) {
    var q = query.trim().toLowerCase(), found = [];
    if (!q) return found;
    names.forEach(function (entry) {
      var best = 3;
      entry.names.forEach(function (name) {
        if (name === q) best = Math.min(best, 0);
        else if (name.indexOf(q) === 0 || name.indexOf(" " + q) >= 0) best = Math.min(best, 1);
        else if (name.indexOf(q) >= 0) best = Math.min(best, 2);
      });
      if (best < 3) found.push({ node: entry.node, rank: best });
    });
    found.sort(function (a, b) { return a.rank - b.rank || b.node.degree - a.node.degree || a.node.label.localeCompare(b.node.label); });
    return found.slice(0, limit).map(function (m) { return m.node; });
  }
  var active = -1;
  function showSuggestions() {
    var found = matches(search.value, 10);
    suggestions.replaceChildren();
    active = -1;
    found.forEach(function (n) {
      var li = el("li", n.label);
      li.setAttribute("role", "option");
      li.dataset.id = n.id;
      li.appendChild(el("span", n.type + " \u00b7 " + n.degree, "kind"));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(n); });
      suggestions.appendChild(li);
    });
    suggestions.hidden = !found.length;
  }
  function choose(n) {
    search.value = n.label;
    suggestions.hidden = true;
    status.textContent = "";
    selectNode(n.id, true);
  }
  search.addEventListener("input", showSuggestions);
  search.addEventListener("blur", function () { suggestions.hidden = true; });
  search.addEventListener("keydown", function (event) {
    var items = suggestions.querySelectorAll("li");
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && items.length) {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
    } else if (event.key === "Escape") suggestions.hidden = true;
  });
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var items = suggestions.querySelectorAll("li");
    var node = active >= 0 && !suggestions.hidden ? byId[items[active].dataset.id] : matches(search.value, 1)[0];
    if (!node) {
      suggestions.hidden = true;
      status.textContent = "No entity matches \u201c" + search.value + "\u201d";
      return;
    }
    choose(node);
  });

  network.fit({ animation: false });
  if (data.focus && byId[data.focus]) showDetails(describeNode(byId[data.focus]));
})();
