// Map of event places: country outlines from world-atlas (served locally) projected with d3-geo;
// circles for places, area by event count, colour by mean Goldstein score. No tile server.
// Controls: a time slider over the months that have events (from /api/timeline; the last step
// is all dates), "up to this month", a country filter (places in that country) and clustering
// of places closer than a few pixels into one circle with a count. Zoom (wheel, the + and -
// buttons, drag to pan) scales the map; circles keep their size on screen and the clustering
// radius is in screen pixels, so zooming in splits clusters into their places.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var CLUSTER_RADIUS = 16; // screen pixels at the viewBox's scale: divided by the zoom
  var WIDTH = 960, HEIGHT = 500, MAX_ZOOM = 32;
  var DATE = /^\d{4}(-\d{2}){0,2}$/;
  var state = { world: null, months: [], data: null, request: 0, zoom: { k: 1, x: 0, y: 0 }, projection: null, points: [] };

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
  function clusters(points, projection, on, radius) {
    var out = [];
    points.forEach(function (pt) {
      var xy = projection([pt.lon, pt.lat]);
      if (!xy) return;
      var home = on ? out.find(function (c) { return Math.hypot(c.x - xy[0], c.y - xy[1]) < radius; }) : null;
      if (home) { home.places.push(pt); home.count += pt.count; home.gold += pt.goldstein * pt.count; }
      else { out.push({ x: xy[0], y: xy[1], places: [pt], count: pt.count, gold: pt.goldstein * pt.count }); }
    });
    return out;
  }

  function drawCountries(layer, path, data, chosen) {
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
    layer.appendChild(g);
    layer.ownerSVGElement.dataset.countries = String(features.length);
  }

  function drawPlaces(layer, projection, points) {
    var k = state.zoom.k;
    var old = layer.querySelector("g.places");
    if (old) old.remove();
    var groups = clusters(points, projection, document.getElementById("map-cluster").checked, CLUSTER_RADIUS / k);
    var max = Math.max.apply(null, [1].concat(groups.map(function (c) { return c.count; })));
    var g = el("g", { class: "places clusters" });
    groups.slice().reverse().forEach(function (c) {
      var r = (3 + 14 * Math.sqrt(c.count / max)) / k;
      var names = c.places.map(function (pt) { return (pt.name || "?") + (pt.country ? " (" + pt.country + ")" : "") + ": " + pt.count; });
      var circle = el("circle", { cx: c.x.toFixed(2), cy: c.y.toFixed(2), r: r.toFixed(2), class: c.places.length > 1 ? "place cluster" : "place",
                                   fill: colour(c.gold / c.count) });
      g.appendChild(titled(circle, c.count + " events" + (c.places.length > 1 ? " in " + c.places.length + " places" : "") + "\n" + names.join("\n")));
      if (c.places.length > 1) {
        var label = el("text", { x: c.x.toFixed(2), y: c.y.toFixed(2), class: "cluster-count" });
        label.style.fontSize = (10 / k).toFixed(2) + "px"; // 10 px on screen at any zoom
        label.textContent = String(c.places.length);
        g.appendChild(label);
      }
    });
    layer.appendChild(g);
    var svg = layer.ownerSVGElement;
    svg.dataset.clusters = String(groups.filter(function (c) { return c.places.length > 1; }).length);
    svg.dataset.circles = String(groups.length);
  }

  // Zoom to scale k about the point (px, py) of the viewBox, which stays where it is; the
  // map never leaves the frame. Places are clustered again at the new scale.
  function zoomTo(svg, k, px, py) {
    var z = state.zoom;
    k = Math.max(1, Math.min(MAX_ZOOM, k));
    var wx = (px - z.x) / z.k, wy = (py - z.y) / z.k; // the map point under (px, py)
    z.x = Math.min(0, Math.max(WIDTH * (1 - k), px - wx * k));
    z.y = Math.min(0, Math.max(HEIGHT * (1 - k), py - wy * k));
    z.k = k;
    applyZoom(svg);
  }

  function applyZoom(svg) {
    var layer = svg.querySelector("#map-layer");
    if (!layer) return;
    var z = state.zoom;
    layer.setAttribute("transform", "translate(" + z.x.toFixed(2) + "," + z.y.toFixed(2) + ") scale(" + z.k.toFixed(4) + ")");
    drawPlaces(layer, state.projection, state.points);
    svg.dataset.zoom = z.k.toFixed(2);
    document.getElementById("map-zoom-level").textContent = z.k < 1.05 ? "whole world" : "×" + z.k.toFixed(1);
  }

  function viewBoxPoint(svg, clientX, clientY) {
    var m = svg.getScreenCTM();
    if (!m) return [WIDTH / 2, HEIGHT / 2];
    var pt = svg.createSVGPoint();
    pt.x = clientX; pt.y = clientY;
    var p = pt.matrixTransform(m.inverse());
    return [p.x, p.y];
  }

  function zoomControls(svg) {
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = viewBoxPoint(svg, ev.clientX, ev.clientY);
      zoomTo(svg, state.zoom.k * (ev.deltaY < 0 ? 1.5 : 1 / 1.5), p[0], p[1]);
    }, { passive: false });
    document.getElementById("map-zoom-in").addEventListener("click", function () { zoomTo(svg, state.zoom.k * 2, WIDTH / 2, HEIGHT / 2); });
    document.getElementById("map-zoom-out").addEventListener("click", function () { zoomTo(svg, state.zoom.k / 2, WIDTH / 2, HEIGHT / 2); });
    document.getElementById("map-zoom-reset").addEventListener("click", function () { zoomTo(svg, 1, 0, 0); });
    var drag = null;
    svg.addEventListener("pointerdown", function (ev) {
      if (state.zoom.k <= 1) return;
      drag = { p: viewBoxPoint(svg, ev.clientX, ev.clientY), x: state.zoom.x, y: state.zoom.y };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var p = viewBoxPoint(svg, ev.clientX, ev.clientY), z = state.zoom;
      z.x = Math.min(0, Math.max(WIDTH * (1 - z.k), drag.x + p[0] - drag.p[0]));
      z.y = Math.min(0, Math.max(HEIGHT * (1 - z.k), drag.y + p[1] - drag.p[1]));
      svg.querySelector("#map-layer").setAttribute("transform", "translate(" + z.x.toFixed(2) + "," + z.y.toFixed(2) + ") scale(" + z.k.toFixed(4) + ")");
    });
    svg.addEventListener("pointerup", function () { drag = null; });
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
    var projection = d3.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
    var path = d3.geoPath(projection);
    svg.textContent = "";
    var layer = el("g", { id: "map-layer" });
    svg.appendChild(layer);
    layer.appendChild(el("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    drawCountries(layer, path, data, chosen);
    state.projection = projection;
    state.points = points;
    applyZoom(svg);
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
      zoomControls(svg);
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
