// Actor network (vis-network, vendored): nodes are actors coloured by type, edges are
// source→target events, width by count and colour from cooperation (green) to conflict (red)
// by mean Goldstein score. The reader switches actor types off and keeps the top N actors by
// degree (slider); after the layout settles, every label is placed where it meets no other label
// or node (placeLabels) and drawn on the canvas as plain text, with a leader line when moved.
(function () {
  "use strict";
  var KIND_COLOURS = { country: "#2952a3", person: "#7c3aed", organization: "#0891b2", group: "#d97706", other: "#667085" };
  var DEFAULT_TOP = 40, FONT = 20; // labels stay legible when the whole graph is fitted in view
  var state = { data: null, names: {}, network: null, nodes: null, edges: null, labels: null };

  function colour(goldstein) {
    var t = Math.max(-10, Math.min(10, goldstein)) / 10; // -1 conflict .. +1 cooperation
    var r, g, b;
    if (t >= 0) { r = Math.round(150 - 104 * t); g = Math.round(150 - 25 * t); b = Math.round(150 - 100 * t); }
    else { r = Math.round(150 + 48 * -t); g = Math.round(150 - 110 * -t); b = Math.round(150 - 110 * -t); }
    return "rgb(" + r + "," + g + "," + b + ")";
  }

  function kindOf(node) { return KIND_COLOURS[node.kind] ? node.kind : "other"; }

  function params(form) {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) out.append(key, String(value).trim()); });
    return out;
  }

  function fillTable(edges) {
    var table = document.getElementById("network-edges");
    var body = table.querySelector("tbody");
    body.textContent = "";
    edges.slice(0, 50).forEach(function (e) {
      var tr = document.createElement("tr");
      [state.names[e.source], state.names[e.target], String(e.count), String(e.goldstein)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = edges.length === 0;
  }

  // The nodes and edges the controls keep: actor types switched on, then the top N by degree
  // (distinct neighbours, ties by events) among those.
  function selection() {
    var kinds = {};
    document.querySelectorAll("#network-kinds input").forEach(function (box) { kinds[box.value] = box.checked; });
    var allowed = {};
    state.data.nodes.forEach(function (n) { if (kinds[kindOf(n)] !== false) allowed[n.actor_id] = n; });
    var degree = {};
    var edges = state.data.edges.filter(function (e) { return allowed[e.source] && allowed[e.target]; });
    edges.forEach(function (e) {
      degree[e.source] = (degree[e.source] || 0) + 1; degree[e.target] = (degree[e.target] || 0) + 1;
    });
    var ranked = Object.keys(degree).sort(function (a, b) {
      return (degree[b] - degree[a]) || (allowed[b].events - allowed[a].events) || (a < b ? -1 : 1);
    });
    var slider = document.getElementById("network-top");
    slider.max = String(Math.max(2, ranked.length));
    if (!slider.dataset.touched) slider.value = String(Math.min(DEFAULT_TOP, ranked.length));
    var top = Math.min(Number(slider.value), ranked.length);
    document.getElementById("network-top-value").textContent = String(top);
    var kept = {};
    ranked.slice(0, top).forEach(function (id) { kept[id] = degree[id]; });
    return {
      nodes: ranked.slice(0, top).map(function (id) { return allowed[id]; }),
      edges: edges.filter(function (e) { return kept[e.source] !== undefined && kept[e.target] !== undefined; }),
      degree: kept
    };
  }

  // Label placement (network coordinates): biggest actors first, each label takes the first of
  // a ring of spots around its node (below, above, right, left, the corners, then farther out)
  // whose box meets no placed label and no other node; where every spot is taken, the one that
  // overlaps least. Labels are moved apart, never hidden; a moved label gets a leader line.
  var measure = document.createElement("canvas").getContext("2d");

  function overlap(a, b) {
    var w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function spots(p, radius, w, h) {
    var out = [], gap = 4;
    for (var ring = 0; ring < 6; ring++) {
      var d = radius + gap + ring * h;
      [[0, d + h / 2], [0, -d - h / 2], [d + w / 2, 0], [-d - w / 2, 0],
       [d + w / 2, d + h / 2], [-d - w / 2, d + h / 2], [d + w / 2, -d - h / 2], [-d - w / 2, -d - h / 2]].forEach(function (o) {
        out.push({ l: p.x + o[0] - w / 2, r: p.x + o[0] + w / 2, t: p.y + o[1] - h / 2, b: p.y + o[1] + h / 2, ring: ring, k: out.length });
      });
    }
    return out;
  }

  function placeLabels(box) {
    var positions = state.network.getPositions();
    measure.font = FONT + "px sans-serif";
    var nodes = state.nodes.get({ fields: ["id", "fullLabel", "value"] }).sort(function (a, b) { return b.value - a.value; });
    var discs = nodes.map(function (n) {
      var bb = state.network.getBoundingBox(n.id), p = positions[n.id];
      var radius = bb ? Math.max(bb.right - bb.left, bb.bottom - bb.top) / 2 : 10;
      return { id: n.id, l: p.x - radius, r: p.x + radius, t: p.y - radius, b: p.y + radius, radius: radius };
    });
    var placed = [], moved = 0;
    nodes.forEach(function (n, i) {
      var p = positions[n.id], w = measure.measureText(n.fullLabel).width + 6, h = FONT * 1.2;
      var best = null, bestCost = Infinity;
      spots(p, discs[i].radius, w, h).some(function (spot) {
        var cost = 0;
        placed.forEach(function (q) { cost += overlap(spot, q); });
        discs.forEach(function (d) { if (d.id !== n.id) cost += overlap(spot, d); });
        if (cost < bestCost) { best = spot; bestCost = cost; }
        return cost === 0;
      });
      if (best.k > 0) moved += 1; // not in its usual place below the node
      placed.push({ id: n.id, text: n.fullLabel, x: p.x, y: p.y, l: best.l, r: best.r, t: best.t, b: best.b, ring: best.ring });
    });
    state.labels = placed;
    var clashes = 0;
    for (var a = 0; a < placed.length; a++) for (var b = a + 1; b < placed.length; b++) if (overlap(placed[a], placed[b]) > 0) clashes += 1;
    box.dataset.labelsShown = String(placed.length);
    box.dataset.labelsMoved = String(moved);
    box.dataset.labelsOverlapping = String(clashes);
    box.dataset.labels = JSON.stringify(placed.map(function (q) {
      return { id: q.id, l: Math.round(q.l), r: Math.round(q.r), t: Math.round(q.t), b: Math.round(q.b) };
    }));
    state.network.redraw();
  }

  function drawLabels(ctx) {
    if (!state.labels) return;
    ctx.save();
    ctx.font = FONT + "px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    state.labels.forEach(function (q) {
      var cx = (q.l + q.r) / 2, cy = (q.t + q.b) / 2;
      if (q.ring > 0) { // a leader line from the node to a label moved away from it
        ctx.strokeStyle = "#98a2b3"; ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(q.x, q.y); ctx.lineTo(cx, cy < q.y ? q.b : q.t); ctx.stroke();
      }
      ctx.lineWidth = 4; ctx.strokeStyle = "#ffffff"; ctx.strokeText(q.text, cx, cy);
      ctx.fillStyle = "#1d2330"; ctx.fillText(q.text, cx, cy);
    });
    ctx.restore();
  }

  function render(box) {
    var chosen = selection();
    var nodes = chosen.nodes.map(function (n) {
      return { id: n.actor_id, fullLabel: n.name, value: n.events, shape: "dot", color: KIND_COLOURS[kindOf(n)],
               title: n.name + " (" + (n.kind || "actor") + (n.country ? ", " + n.country : "") + "): " + n.events + " events, " + chosen.degree[n.actor_id] + " links" };
    });
    var edges = chosen.edges.map(function (e) {
      return { id: e.source + "→" + e.target, from: e.source, to: e.target, value: e.count, arrows: "to", color: { color: colour(e.goldstein) },
               title: state.names[e.source] + " → " + state.names[e.target] + ": " + e.count + " events, mean Goldstein " + e.goldstein, raw: e };
    });
    document.getElementById("network-status").textContent = nodes.length + " actors, " + edges.length + " links (of " +
      state.data.nodes.length + " actors, " + state.data.edges.length + " links loaded)";
    box.dataset.nodes = String(nodes.length);
    box.dataset.edges = String(edges.length);
    box.dataset.nodeIds = nodes.map(function (n) { return n.id; }).join(" ");
    fillTable(chosen.edges);
    if (!window.vis) { document.getElementById("network-status").textContent += " (graph library missing)"; return; }
    state.nodes = new window.vis.DataSet(nodes);
    state.edges = new window.vis.DataSet(edges);
    if (state.network) state.network.destroy();
    state.labels = null;
    box.dataset.ready = "0";
    state.network = new window.vis.Network(box, { nodes: state.nodes, edges: state.edges }, {
      nodes: { scaling: { min: 8, max: 40 }, font: { size: FONT, strokeWidth: 4, strokeColor: "#ffffff" } },
      edges: { scaling: { min: 1, max: 12 }, smooth: { type: "continuous" } },
      physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 120, avoidOverlap: 1 },
                 stabilization: { iterations: 250, fit: true } },
      layout: { randomSeed: 7, improvedLayout: nodes.length < 150 },
      interaction: { hover: true }
    });
    state.network.on("click", function (ev) {
      if (ev.nodes.length) { window.location.href = "/actors/" + encodeURIComponent(ev.nodes[0]); return; }
      if (ev.edges.length) { // an edge opens its events, under the same filters
        var e = state.edges.get(ev.edges[0]).raw;
        var q = params(document.getElementById("network-filters"));
        ["min_count", "actor", "top"].forEach(function (k) { q.delete(k); });
        q.set("source", e.source); q.set("target", e.target);
        window.location.href = "/events?" + q.toString();
      }
    });
    state.network.on("afterDrawing", drawLabels);
    state.network.on("dragEnd", function (ev) { if (ev.nodes.length) placeLabels(box); });
    state.network.once("stabilizationIterationsDone", function () {
      state.network.setOptions({ physics: false }); // settled: no drift, labels stay where placed
      placeLabels(box);
      box.dataset.ready = "1";
    });
    box.dataset.drawn = "1";
  }

  function load() {
    var box = document.getElementById("network");
    var form = document.getElementById("network-filters");
    if (!box || !form) return;
    fetch(box.dataset.src + "?" + params(form).toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) {
        state.data = data;
        data.nodes.forEach(function (n) { state.names[n.actor_id] = n.name; });
        render(box);
        document.querySelectorAll("#network-kinds input").forEach(function (input) {
          input.addEventListener("change", function () { render(box); });
        });
        var slider = document.getElementById("network-top");
        var pending = null; // redraw once the slider rests, not at every step it passes
        slider.addEventListener("input", function () {
          slider.dataset.touched = "1";
          document.getElementById("network-top-value").textContent = slider.value;
          window.clearTimeout(pending);
          pending = window.setTimeout(function () { render(box); }, 120);
        });
      })
      .catch(function (err) { document.getElementById("network-status").textContent = "Could not load the network: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", load);
})();
