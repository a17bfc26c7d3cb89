// Actor network (vis-network, vendored): nodes are actors, edges are source→target events,
// width by count and colour from cooperation (green) to conflict (red) by mean Goldstein score.
// Labels are plain strings: vis-network draws them on a canvas and shows string titles as text.
(function () {
  "use strict";
  function colour(goldstein) {
    var t = Math.max(-10, Math.min(10, goldstein)) / 10; // -1 conflict .. +1 cooperation
    var r, g, b;
    if (t >= 0) { r = Math.round(150 - 104 * t); g = Math.round(150 - 25 * t); b = Math.round(150 - 100 * t); }
    else { r = Math.round(150 + 48 * -t); g = Math.round(150 - 110 * -t); b = Math.round(150 - 110 * -t); }
    return "rgb(" + r + "," + g + "," + b + ")";
  }

  function params(form) {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) out.append(key, String(value).trim()); });
    return out;
  }

  function fillTable(data, names) {
    var table = document.getElementById("network-edges");
    var body = table.querySelector("tbody");
    body.textContent = "";
    data.edges.slice(0, 50).forEach(function (e) {
      var tr = document.createElement("tr");
      [names[e.source], names[e.target], String(e.count), String(e.goldstein)].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = data.edges.length === 0;
  }

  function draw(box, data) {
    var status = document.getElementById("network-status");
    var names = {};
    var nodes = data.nodes.map(function (n) {
      names[n.actor_id] = n.name;
      return { id: n.actor_id, label: n.name, title: n.name + (n.country ? " (" + n.country + ")" : "") + ": " + n.events + " events",
               value: n.events, shape: "dot", color: n.kind === "country" ? "#2952a3" : (n.kind === "person" ? "#7c3aed" : "#0891b2") };
    });
    var edges = data.edges.map(function (e, i) {
      return { id: i, from: e.source, to: e.target, value: e.count, arrows: "to", color: { color: colour(e.goldstein) },
               title: names[e.source] + " → " + names[e.target] + ": " + e.count + " events, mean Goldstein " + e.goldstein };
    });
    status.textContent = nodes.length + " actors, " + edges.length + " links";
    box.dataset.nodes = String(nodes.length);
    box.dataset.edges = String(edges.length);
    fillTable(data, names);
    if (!window.vis) { status.textContent += " (graph library missing)"; return; }
    var network = new window.vis.Network(box, { nodes: new window.vis.DataSet(nodes), edges: new window.vis.DataSet(edges) }, {
      nodes: { scaling: { min: 8, max: 40 }, font: { size: 14 } },
      edges: { scaling: { min: 1, max: 12 }, smooth: { type: "continuous" } },
      physics: { stabilization: { iterations: 200 }, barnesHut: { springLength: 140 } },
      interaction: { hover: true }
    });
    network.on("click", function (ev) {
      if (ev.nodes.length) { window.location.href = "/actors/" + encodeURIComponent(ev.nodes[0]); return; }
      if (ev.edges.length) { // an edge opens its events, under the same filters
        var e = data.edges[ev.edges[0]];
        var q = params(document.getElementById("network-filters"));
        q.delete("min_count"); q.delete("actor");
        q.set("source", e.source); q.set("target", e.target);
        window.location.href = "/events?" + q.toString();
      }
    });
    network.once("stabilizationIterationsDone", function () { box.dataset.ready = "1"; });
    box.dataset.drawn = "1";
  }

  function load() {
    var box = document.getElementById("network");
    var form = document.getElementById("network-filters");
    if (!box || !form) return;
    fetch(box.dataset.src + "?" + params(form).toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { draw(box, data); })
      .catch(function (err) { document.getElementById("network-status").textContent = "Could not load the network: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", load);
})();
