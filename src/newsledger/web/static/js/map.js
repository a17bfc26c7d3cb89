// Map of event places: country outlines from world-atlas (served locally) projected with d3-geo;
// circles for places, area by event count, colour by mean Goldstein score. No tile server.
// Controls: a time slider over the months that have events (from /api/timeline; the last step
// is all dates), "up to this month", a country filter (places in that country) and clustering
// of places closer than a few pixels into one circle with a count.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var CLUSTER_RADIUS = 16; // viewBox pixels
  var DATE = /^\d{4}(-\d{2}){0,2}$/;
  var state = { world: null, months: [], data: null, request: 0 };

  function colour(goldstein) {
    var t = Math.max(-10, Math.min(10, goldstein)) / 10;
    return t >= 0 ? "rgb(46," + Math.round(125 + 40 * t) + ",50)" : "rgb(" + Math.round(180 + 30 * -t) + ",40,40)";
  }

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function titled(node, text) {
    var title = el("title", {});
    title.textContent = text;
    node.appendChild(title);
    return node;
  }

  function params(form) {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) out.append(key, String(value).trim()); });
    return out;
  }

  // Greedy clustering, biggest places first: a place joins the first cluster within the radius.
  function clusters(points, projection, on) {
    var out = [];
    points.forEach(function (pt) {
      var xy = projection([pt.lon, pt.lat]);
      if (!xy) return;
      var home = on ? out.find(function (c) { return Math.hypot(c.x - xy[0], c.y - xy[1]) < CLUSTER_RADIUS; }) : null;
      if (home) { home.places.push(pt); home.count += pt.count; home.gold += pt.goldstein * pt.count; }
      else { out.push({ x: xy[0], y: xy[1], places: [pt], count: pt.count, gold: pt.goldstein * pt.count }); }
    });
    return out;
  }

  function drawCountries(svg, path, data, chosen) {
    var byNumeric = {}, chosenNumeric = null;
    data.countries.forEach(function (c) {
      if (!c.numeric) return;
      byNumeric[String(Number(c.numeric))] = c.count;
      if (c.country === chosen) chosenNumeric = String(Number(c.numeric));
    });
    var max = Math.max.apply(null, [1].concat(data.countries.map(function (c) { return c.count; })));
    var features = window.topojson.feature(state.world, state.world.objects.countries).features;
    var g = el("g", { class: "countries" });
    features.forEach(function (f) {
      var id = String(Number(f.id));
      var p = el("path", { d: path(f) || "", class: "country" + (id === chosenNumeric ? " chosen" : "") });
      var n = byNumeric[id];
      if (n) { p.style.fill = "rgba(41,82,163," + (0.15 + 0.6 * n / max).toFixed(2) + ")"; }
      g.appendChild(titled(p, (f.properties && f.properties.name ? f.properties.name : "") + (n ? ": " + n + " events" : "")));
    });
    svg.appendChild(g);
    svg.dataset.countries = String(features.length);
  }

  function drawPlaces(svg, projection, points) {
    var groups = clusters(points, projection, document.getElementById("map-cluster").checked);
    var max = Math.max.apply(null, [1].concat(groups.map(function (c) { return c.count; })));
    var g = el("g", { class: "places clusters" });
    groups.slice().reverse().forEach(function (c) {
      var r = 3 + 14 * Math.sqrt(c.count / max);
      var names = c.places.map(function (pt) { return (pt.name || "?") + (pt.country ? " (" + pt.country + ")" : "") + ": " + pt.count; });
      var circle = el("circle", { cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: r.toFixed(1), class: c.places.length > 1 ? "place cluster" : "place",
                                   fill: colour(c.gold / c.count) });
      g.appendChild(titled(circle, c.count + " events" + (c.places.length > 1 ? " in " + c.places.length + " places" : "") + "\n" + names.join("\n")));
      if (c.places.length > 1) {
        var label = el("text", { x: c.x.toFixed(1), y: c.y.toFixed(1), class: "cluster-count" });
        label.textContent = String(c.places.length);
        g.appendChild(label);
      }
    });
    svg.appendChild(g);
    svg.dataset.clusters = String(groups.filter(function (c) { return c.places.length > 1; }).length);
  }

  function fillTable(points) {
    var table = document.getElementById("map-places");
    var body = table.querySelector("tbody");
    body.textContent = "";
    points.slice(0, 30).forEach(function (pt) {
      var tr = document.createElement("tr");
      [pt.name || "?", pt.country || "", String(pt.count)].forEach(function (text) {
        var td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = points.length === 0;
  }

  function draw(svg) {
    var data = state.data, d3 = window.d3;
    var chosen = document.getElementById("map-country").value;
    var points = data.points.filter(function (pt) { return !chosen || pt.country === chosen; });
    var projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
    var path = d3.geoPath(projection);
    svg.textContent = "";
    svg.appendChild(el("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    drawCountries(svg, path, data, chosen);
    drawPlaces(svg, projection, points);
    var events = points.reduce(function (sum, pt) { return sum + pt.count; }, 0);
    svg.dataset.places = String(points.length);
    svg.dataset.events = String(events);
    svg.dataset.country = chosen;
    fillTable(points);
    document.getElementById("map-status").textContent = points.length + " places, " + events + " events located" +
      (chosen ? " in " + chosen : "") + ", " + document.getElementById("map-time-label").textContent;
    svg.dataset.ready = "1";
  }

  function countryOptions(data) {
    var select = document.getElementById("map-country");
    var seen = {};
    data.points.forEach(function (pt) { if (pt.country) seen[pt.country] = (seen[pt.country] || 0) + pt.count; });
    Object.keys(seen).sort(function (a, b) { return seen[b] - seen[a] || (a < b ? -1 : 1); }).forEach(function (code) {
      var option = document.createElement("option");
      option.value = code; option.textContent = code + " (" + seen[code] + ")";
      select.appendChild(option);
    });
  }

  function window_(form) {
    var q = params(form);
    var slider = document.getElementById("map-time");
    var i = Number(slider.value), label = document.getElementById("map-time-label");
    if (i >= state.months.length) { label.textContent = "all dates"; return q; }
    var month = state.months[i];
    if (!document.getElementById("map-upto").checked) q.set("date_from", month);
    q.set("date_to", month);
    label.textContent = (document.getElementById("map-upto").checked ? "up to " : "") + month;
    return q;
  }

  function load(svg, form) {
    var ticket = ++state.request; // a slow answer to an older position is dropped
    svg.dataset.ready = "0";
    return fetch(svg.dataset.src + "?" + window_(form).toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { if (ticket === state.request) { state.data = data; draw(svg); } return data; });
  }

  function months(timeline) {
    var totals = (timeline.labels || []).map(function () { return 0; });
    Object.keys(timeline.series || {}).forEach(function (k) {
      timeline.series[k].forEach(function (v, i) { totals[i] += v || 0; });
    });
    return (timeline.labels || []).filter(function (label, i) { return totals[i] > 0 && DATE.test(label); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("map");
    var form = document.getElementById("map-filters");
    var slider = document.getElementById("map-time");
    if (!svg || !form || !slider) return;
    var q = params(form); q.set("interval", "month");
    Promise.all([
      fetch(svg.dataset.world).then(function (r) { return r.json(); }),
      fetch(slider.dataset.src + "?" + q.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : {}; })
    ]).then(function (both) {
      state.world = both[0];
      state.months = months(both[1]);
      slider.max = String(state.months.length);
      slider.value = slider.max;
      return load(svg, form);
    }).then(function (data) {
      countryOptions(data);
      var pending = null;
      slider.addEventListener("input", function () {
        window.clearTimeout(pending);
        pending = window.setTimeout(function () { load(svg, form); }, 120);
      });
      document.getElementById("map-upto").addEventListener("change", function () { load(svg, form); });
      document.getElementById("map-country").addEventListener("change", function () { draw(svg); });
      document.getElementById("map-cluster").addEventListener("change", function () { draw(svg); });
    }).catch(function (err) { document.getElementById("map-status").textContent = "Could not draw the map: " + err.message; });
  });
})();
