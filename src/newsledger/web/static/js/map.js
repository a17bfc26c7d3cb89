// Map of event places: country outlines from world-atlas (served locally) projected with d3-geo;
// circles for places, area by event count, colour by mean Goldstein score. No tile server.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function colour(goldstein) {
    var t = Math.max(-10, Math.min(10, goldstein)) / 10;
    return t >= 0 ? "rgb(46," + Math.round(125 + 40 * t) + ",50)" : "rgb(" + Math.round(180 + 30 * -t) + ",40,40)";
  }

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function params(form) {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) out.append(key, String(value).trim()); });
    return out;
  }

  function draw(svg, world, data) {
    var d3 = window.d3, topojson = window.topojson;
    var projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
    var path = d3.geoPath(projection);
    svg.textContent = "";
    svg.appendChild(el("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    var byNumeric = {};
    data.countries.forEach(function (c) { if (c.numeric) byNumeric[String(Number(c.numeric))] = c.count; });
    var max = Math.max.apply(null, [1].concat(data.countries.map(function (c) { return c.count; })));
    var countries = topojson.feature(world, world.objects.countries).features;
    var g = el("g", { class: "countries" });
    countries.forEach(function (f) {
      var p = el("path", { d: path(f) || "", class: "country" });
      var n = byNumeric[String(Number(f.id))];
      if (n) { p.style.fill = "rgba(41,82,163," + (0.15 + 0.6 * n / max).toFixed(2) + ")"; }
      var title = el("title", {});
      title.textContent = (f.properties && f.properties.name ? f.properties.name : "") + (n ? ": " + n + " events" : "");
      p.appendChild(title);
      g.appendChild(p);
    });
    svg.appendChild(g);
    var pmax = Math.max.apply(null, [1].concat(data.points.map(function (p) { return p.count; })));
    var dots = el("g", { class: "places" });
    data.points.slice().reverse().forEach(function (pt) {
      var xy = projection([pt.lon, pt.lat]);
      if (!xy) return;
      var c = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 14 * Math.sqrt(pt.count / pmax)).toFixed(1),
                              class: "place", fill: colour(pt.goldstein) });
      var title = el("title", {});
      title.textContent = (pt.name || "?") + (pt.country ? " (" + pt.country + ")" : "") + ": " + pt.count + " events";
      c.appendChild(title);
      dots.appendChild(c);
    });
    svg.appendChild(dots);
    svg.dataset.countries = String(countries.length);
    svg.dataset.places = String(data.points.length);
    svg.dataset.ready = "1";
    var table = document.getElementById("map-places");
    var body = table.querySelector("tbody");
    body.textContent = "";
    data.points.slice(0, 30).forEach(function (pt) {
      var tr = document.createElement("tr");
      [pt.name || "?", pt.country || "", String(pt.count)].forEach(function (text) {
        var td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = data.points.length === 0;
    document.getElementById("map-status").textContent = data.points.length + " places, " + data.countries.length + " countries";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("map");
    var form = document.getElementById("map-filters");
    if (!svg || !form) return;
    Promise.all([
      fetch(svg.dataset.world).then(function (r) { return r.json(); }),
      fetch(svg.dataset.src + "?" + params(form).toString(), { headers: { Accept: "application/json" } }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status); return r.json();
      })
    ]).then(function (both) { draw(svg, both[0], both[1]); })
      .catch(function (err) { document.getElementById("map-status").textContent = "Could not draw the map: " + err.message; });
  });
})();
