(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("dutygraph-data").textContent);
  var KINDS = data.kinds.map(function (k) { return k.kind; });
  var COLOUR = {};
  data.kinds.forEach(function (k) { COLOUR[k.kind] = k.colour; });
  var COLUMNS = ["bearer", "group", "duty", "provision", "instrument"];
  var TITLES = {bearer: "bearer", group: "as one of", duty: "duty or recommendation",
                provision: "provision", instrument: "instrument"};
  var WIDTH = {bearer: 170, group: 160, duty: 400, provision: 150, instrument: 250};
  var CHARS = {bearer: 24, group: 22, duty: 64, provision: 21, instrument: 36};
  var ROW = 44, BOX = 36, TOP = 36, MARGIN = 20, GAP = 50;
  var HINTS = {duties: "Click a duty to see its action, basis and passage.",
               theme: "Click a theme to list its passages."};
  var X = {}, GROUPS = {};
  var state = {view: data.view, bearer: data.selectedBearer, kinds: {}, search: "",
               selected: ""};
  KINDS.forEach(function (k) { state.kinds[k] = true; });
  var dutyById = {};
  data.duties.forEach(function (d) { dutyById[d.id] = d; });
  var themes = dutygraphThemes({data: data, state: state, dutyById: dutyById, make: make,
                                labelOf: labelOf, clearPanel: clearPanel});

  function make(tag, attributes, text, namespace) {
    var node = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function svg(tag, attributes, text) { return make(tag, attributes, text, SVGNS); }

  function labelOf(id) {
    if (data.actors[id]) { return data.actors[id].label; }
    if (data.sources[id]) { return data.sources[id].label; }
    return dutyById[id] ? dutyById[id].label : id;
  }
  function noteOf(id) {
    if (!data.sources[id] || data.sources[id].category !== "instrument") { return ""; }
    return data.sources[id].type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  }
  function columnOf(id) {
    if (data.sources[id]) { return data.sources[id].category; }
    if (GROUPS[id]) { return "group"; }
    return data.actors[id] ? "bearer" : "duty";
  }
  function shownBearers(duty) {
    if (state.bearer) {
      return duty.owedBy.filter(function (e) { return e.actor === state.bearer; });
    }
    return duty.direct;
  }
  function visibleDuties() {
    return data.duties.filter(function (d) {
      return state.kinds[d.kind] && shownBearers(d).length > 0;
    });
  }

  function links(duties) {
    var result = [], seen = {}, shown = {};
    function add(source, target, colour, dashed, duty) {
      var key = source + " " + target;
      if (!seen[key]) {
        seen[key] = true;
        result.push({source: source, target: target, colour: colour, dashed: dashed, duty: duty});
      }
    }
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) {
        if (e.via) {
          add(e.actor, e.via, "#444444", true, "");
          var stated = d.direct.filter(function (s) { return s.actor === e.via; });
          add(e.via, d.id, COLOUR[d.kind],
              stated.every(function (s) { return s.derivation === "inferred"; }), d.id);
        } else {
          add(e.actor, d.id, COLOUR[d.kind], e.derivation === "inferred", d.id);
        }
      });
      d.basis.forEach(function (b) {
        add(d.id, b, COLOUR[d.kind], d.derivation === "inferred", d.id);
        shown[b] = true;
      });
    });
    Object.keys(shown).sort().forEach(function (s) {
      data.sources[s].partOf.forEach(function (w) { add(s, w, "#888888", false, ""); });
    });
    return result;
  }

  function orderedDuties(duties) {
    var load = {};
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) { load[e.actor] = (load[e.actor] || 0) + 1; });
    });
    var ranked = Object.keys(load).sort(function (a, b) {
      return load[b] - load[a] || labelOf(a).toLowerCase().localeCompare(labelOf(b).toLowerCase());
    });
    function rank(d) {
      var ranks = shownBearers(d).map(function (e) { return ranked.indexOf(e.actor); });
      return ranks.length ? Math.min.apply(null, ranks) : 0;
    }
    function via(d) {
      var vias = shownBearers(d).filter(function (e) { return e.via; })
        .map(function (e) { return labelOf(e.via).toLowerCase(); }).sort();
      return vias.length ? vias[0] : "";
    }
    return duties.slice().sort(function (a, b) {
      return rank(a) - rank(b) || via(a).localeCompare(via(b)) ||
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
        a.label.toLowerCase().localeCompare(b.label.toLowerCase());
    });
  }

  function layout(duties, allLinks) {
    var boxes = {};
    orderedDuties(duties).forEach(function (d, row) {
      boxes[d.id] = {id: d.id, column: "duty", label: d.label, y: TOP + row * ROW,
                     kind: d.kind, dashed: d.derivation === "inferred"};
    });
    ["group", "bearer", "provision", "instrument"].forEach(function (column) {
      placeColumn(column, allLinks, boxes);
    });
    var x = MARGIN;
    X = {};
    COLUMNS.forEach(function (c) {
      if (c !== "group" || Object.keys(GROUPS).length) { X[c] = x; x += WIDTH[c] + GAP; }
    });
    return boxes;
  }

  function placeColumn(column, allLinks, boxes) {
    var heights = {};
    allLinks.forEach(function (l) {
      var leftward = column === "bearer" || column === "group";
      var node = leftward ? l.source : l.target, other = leftward ? l.target : l.source;
      if (columnOf(node) === column && boxes[other]) {
        (heights[node] = heights[node] || []).push(boxes[other].y);
      }
    });
    var placed = Object.keys(heights).sort().map(function (id) {
      var ys = heights[id];
      return {id: id, column: column, label: labelOf(id), kind: "", dashed: false,
              note: noteOf(id), y: ys.reduce(function (a, b) { return a + b; }, 0) / ys.length};
    });
    placed.sort(function (a, b) {
      return a.y - b.y || a.label.toLowerCase().localeCompare(b.label.toLowerCase());
    });
    var lowest = -Infinity;
    placed.forEach(function (box) {
      box.y = Math.max(box.y, lowest + ROW);
      lowest = box.y;
      boxes[box.id] = box;
    });
  }

  function wrap(text, column) {
    var words = [], lines = [], line = "", limit = CHARS[column];
    text.split(/\s+/).filter(Boolean).forEach(function (word) {
      while (word.length > limit) { words.push(word.slice(0, limit)); word = word.slice(limit); }
      words.push(word);
    });
    words.forEach(function (w) {
      if (line && (line + " " + w).length > limit) { lines.push(line); line = w; }
      else { line = line ? line + " " + w : w; }
    });
    if (line) { lines.push(line); }
    if (lines.length > 2) { lines = [lines[0], lines[1].slice(0, limit - 1) + "\u2026"]; }
    return lines.length ? lines : [""];
  }

  function tint(colour) {
    var parts = [1, 3, 5].map(function (i) {
      var c = parseInt(colour.slice(i, i + 2), 16);
      return Math.round(c + (255 - c) * 0.82);
    });
    return "rgb(" + parts.join(",") + ")";
  }

  function boxColours(box) {
    if (box.column === "duty") { return [tint(COLOUR[box.kind]), COLOUR[box.kind], "#111"]; }
    if (box.column === "bearer") { return ["#333", "#333", "#fff"]; }
    if (box.column === "group") { return ["#ddd", "#333", "#111"]; }
    return [box.column === "instrument" ? "#f2f2f2" : "#fff", "#777", "#111"];
  }

  function drawBox(group, box) {
    var colours = boxColours(box);
    var node = svg("g", {"class": "node " + box.column, "data-id": box.id});
    node.appendChild(svg("title", {}, labelOf(box.id)));
    var rect = svg("rect", {x: X[box.column], y: box.y, width: WIDTH[box.column], height: BOX,
                            rx: 5, fill: colours[0], stroke: colours[1], "stroke-width": 1.5});
    if (box.dashed) { rect.setAttribute("stroke-dasharray", "5 3"); }
    node.appendChild(rect);
    var lines = wrap(box.label, box.column);
    var notes = box.note && lines.length === 1 ? [box.note] : [];
    var top = box.y + BOX / 2 - (lines.length + notes.length - 1) * 6.5 + 4;
    lines.forEach(function (line, i) {
      node.appendChild(svg("text", {x: X[box.column] + 8, y: top + i * 13, fill: colours[2]},
                           line));
    });
    notes.forEach(function (note) {
      node.appendChild(svg("text", {x: X[box.column] + 8, y: top + 13, fill: "#666",
                                    "class": "note"}, note));
    });
    node.addEventListener("click", function () { select(box.id); });
    group.appendChild(node);
  }

  function drawLink(group, link, boxes) {
    var a = boxes[link.source], b = boxes[link.target];
    if (!a || !b) { return; }
    var x1 = X[a.column] + WIDTH[a.column], y1 = a.y + BOX / 2;
    var x2 = X[b.column], y2 = b.y + BOX / 2, m = (x1 + x2) / 2;
    var path = svg("path", {d: "M" + x1 + "," + y1 + " C" + m + "," + y1 + " " + m + "," + y2 +
                            " " + x2 + "," + y2,
                            fill: "none", stroke: link.colour, "stroke-width": 1.6,
                            "stroke-opacity": 0.8, "class": "link", "data-duty": link.duty});
    if (link.dashed) { path.setAttribute("stroke-dasharray", "6 4"); }
    group.appendChild(path);
  }

  function render() {
    document.body.classList.toggle("view-theme", state.view === "theme");
    document.getElementById("title").textContent = data.titles[state.view];
    if (state.view === "theme") { renderThemes(); } else { renderGraph(); }
  }

  function renderThemes() {
    themes.render();
    var duties = visibleDuties();
    document.body.setAttribute("data-rendered", String(duties.length));
    document.getElementById("subtitle").textContent = summary(duties);
    highlight();
  }

  function renderGraph() {
    var graph = document.getElementById("graph");
    while (graph.firstChild) { graph.removeChild(graph.firstChild); }
    var duties = visibleDuties();
    GROUPS = {};
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) { if (e.via) { GROUPS[e.via] = true; } });
    });
    var allLinks = links(duties), boxes = layout(duties, allLinks);
    var bottom = TOP;
    Object.keys(boxes).forEach(function (id) { bottom = Math.max(bottom, boxes[id].y); });
    var width = X.instrument + WIDTH.instrument + MARGIN, height = bottom + BOX + 30;
    graph.setAttribute("viewBox", "0 0 " + width + " " + height);
    graph.setAttribute("width", width);
    graph.setAttribute("height", height);
    Object.keys(X).forEach(function (c) {
      graph.appendChild(svg("text", {x: X[c], y: TOP - 14, "class": "column-title"},
                            TITLES[c].toUpperCase()));
    });
    var edges = svg("g", {"class": "links"}), nodes = svg("g", {"class": "nodes"});
    allLinks.forEach(function (l) { drawLink(edges, l, boxes); });
    Object.keys(boxes).forEach(function (id) { drawBox(nodes, boxes[id]); });
    graph.appendChild(edges);
    graph.appendChild(nodes);
    if (!duties.length) {
      graph.appendChild(svg("text", {x: 20, y: TOP + 20}, "No duty matches these filters."));
    }
    document.body.setAttribute("data-rendered", String(duties.length));
    document.getElementById("subtitle").textContent = summary(duties);
    highlight();
  }

  function summary(duties) {
    var counts = data.kinds.map(function (k) {
      var n = duties.filter(function (d) { return d.kind === k.kind; }).length;
      return n ? n + " " + k.short : "";
    }).filter(Boolean);
    return duties.length + " duties and recommendations shown (" +
      (counts.join(", ") || "none") + ")";
  }

  function clearPanel() {
    var panel = document.getElementById("panel");
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    return panel;
  }

  function highlight() {
    var query = state.search.trim().toLowerCase();
    themes.highlight(query);
    document.querySelectorAll("#graph .node").forEach(function (node) {
      var id = node.getAttribute("data-id"), d = dutyById[id];
      var text = (labelOf(id) + " " + (d ? d.action + " " + d.quote : "")).toLowerCase();
      var hit = query !== "" && text.indexOf(query) >= 0;
      node.classList.toggle("match", hit);
      node.classList.toggle("dim", query !== "" && !hit);
      node.classList.toggle("selected", id === state.selected);
    });
  }

  function select(id) {
    var duty = dutyById[id];
    if (!duty) { return; }
    state.selected = id;
    highlight();
    showDuty(duty);
  }

  function basisText(id) {
    var source = data.sources[id], wholes = source.partOf.map(labelOf);
    return source.label + (wholes.length ? ", " + wholes.join(", ") : "") +
      " (" + source.type + ")";
  }

  function bearerText(duty) {
    var entries = state.bearer ? shownBearers(duty) : duty.direct;
    return entries.map(function (e) {
      return labelOf(e.actor) + (e.via ? " (as one of " + labelOf(e.via) + ")" : "");
    }).join("; ");
  }

  function showDuty(duty) {
    var panel = clearPanel();
    panel.appendChild(make("h2", {}, duty.type + " \u00b7 " + duty.kind));
    var list = make("dl");
    [["bearer", bearerText(duty)], ["action", duty.action],
     ["basis", duty.basis.map(basisText).join("; ") || "none stated"],
     ["binding force", duty.force], ["derivation", duty.derivation === "inferred" ?
       "derived by a rule from the party status and a group duty" : "stated in the text"]]
      .forEach(function (row) {
        list.appendChild(make("dt", {}, row[0]));
        list.appendChild(make("dd", {"class": "field-" + row[0].replace(" ", "-")}, row[1]));
      });
    panel.appendChild(list);
    panel.appendChild(make("blockquote", {id: "quote"}, duty.quote));
    panel.appendChild(make("p", {id: "offsets"}, duty.source +
                           (duty.page ? ", p. " + duty.page : "") + ", code points " +
                           duty.begin + "\u2013" + duty.end));
  }

  function controls() {
    var view = document.getElementById("view");
    view.value = state.view;
    view.addEventListener("change", function () {
      state.view = view.value;
      state.selected = "";
      clearPanel().appendChild(make("p", {"class": "hint"}, HINTS[state.view]));
      render();
    });
    var select = document.getElementById("bearer");
    select.appendChild(make("option", {value: ""}, "all bearers"));
    data.bearerOptions.forEach(function (id) {
      select.appendChild(make("option", {value: id}, labelOf(id)));
    });
    select.value = state.bearer;
    select.addEventListener("change", function () { state.bearer = select.value; render(); });
    var kinds = document.getElementById("kinds");
    data.kinds.forEach(function (k) {
      var label = make("label", {"class": "kind-toggle"});
      var box = make("input", {type: "checkbox", value: k.kind});
      box.checked = true;
      box.addEventListener("change", function () { state.kinds[k.kind] = box.checked; render(); });
      label.appendChild(box);
      label.appendChild(make("span", {"class": "swatch", style: "background:" + k.colour}));
      label.appendChild(document.createTextNode(k.name));
      kinds.appendChild(label);
    });
    document.getElementById("search").addEventListener("input", function (event) {
      state.search = event.target.value;
      highlight();
    });
  }

  function legend() {
    var box = document.getElementById("legend");
    [["", "stated in the text"], ["dashed", "derived by a rule (party status, one of a group)"]]
      .forEach(function (item) {
        var entry = make("span");
        entry.appendChild(make("span", {"class": "line-sample " + item[0]}));
        entry.appendChild(document.createTextNode(item[1]));
        box.appendChild(entry);
      });
    box.appendChild(make("span", {}, "colour: kind of duty \u00b7 dark boxes: bearers \u00b7 " +
                         "grey boxes: provisions and instruments"));
  }

  controls();
  legend();
  render();
  clearPanel().appendChild(make("p", {"class": "hint"}, HINTS[state.view]));
  // Test hook: "#test=click" clicks the first duty, "#test=click&duty=IRI" that duty;
  // "#test=cell&theme=IRI" the first cell of that theme in the theme view.
  var hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.get("test") === "cell") {
    var cell = null;
    document.querySelectorAll("#themes .theme-cell").forEach(function (node) {
      if (!cell && node.getAttribute("data-theme") === (hash.get("theme") || "")) { cell = node; }
    });
    if (cell) { cell.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
  }
  if (hash.get("test") === "click") {
    var wanted = hash.get("duty"), target = null;
    document.querySelectorAll("#graph .node.duty").forEach(function (node) {
      if (!target && (!wanted || node.getAttribute("data-id") === wanted)) { target = node; }
    });
    if (target) { target.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
  }
})();
