// Dashboard timeline: events per day or week, stacked by quad class (Chart.js, vendored).
(function () {
  "use strict";
  var COLORS = { "1": "#2e7d32", "2": "#66bb6a", "3": "#f4a261", "4": "#c62828" };
  var NAMES = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
  var chart = null;

  function draw(canvas, data) {
    var empty = document.getElementById("timeline-empty");
    if (empty) empty.hidden = data.labels.length > 0;
    var trimmed = document.getElementById("timeline-trimmed");
    if (trimmed && data.trimmed) {
      trimmed.textContent = "The axis holds the dates of 99% of the events: " + data.trimmed.before +
        " dated before " + data.trimmed.from + " and " + data.trimmed.after + " after " + data.trimmed.to +
        " are left off (the timeline page shows them all).";
      trimmed.hidden = false;
    }
    var datasets = ["1", "2", "3", "4"].map(function (q) {
      return { label: NAMES[q], data: data.series[q] || data.labels.map(function () { return 0; }), backgroundColor: COLORS[q], stack: "events" };
    });
    if (chart) chart.destroy();
    chart = new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } },
        // A click on a bar opens the events of that day or week with that quad class.
        onClick: function (_event, elements) {
          if (!elements.length) return;
          var el = elements[0];
          var start = data.labels[el.index];
          var end = start;
          if (data.interval === "week") {
            var d = new Date(start + "T00:00:00Z");
            d.setUTCDate(d.getUTCDate() + 6);
            end = d.toISOString().slice(0, 10);
          }
          var quad = ["1", "2", "3", "4"][el.datasetIndex];
          window.location.href = "/events?" + new URLSearchParams({ date_from: start, date_to: end, quad_class: quad }).toString();
        }
      }
    });
    canvas.dataset.points = String(data.labels.length);
  }

  function load(interval) {
    var canvas = document.getElementById("timeline");
    if (!canvas || !window.Chart) return;
    // span=core: the dates holding 99% of the events; a few dated a century back would squeeze the rest.
    fetch(canvas.dataset.src + "?span=core&interval=" + encodeURIComponent(interval), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(canvas, data); canvas.dataset.ready = "1"; })
      .catch(function () { canvas.dataset.ready = "error"; });
    document.querySelectorAll(".toggle button").forEach(function (b) {
      b.classList.toggle("on", b.dataset.interval === interval);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".toggle button").forEach(function (b) {
      b.addEventListener("click", function () { load(b.dataset.interval); });
    });
    load("week");
  });
})();
