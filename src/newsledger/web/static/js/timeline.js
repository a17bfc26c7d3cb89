// The /timeline page: events per period on a date axis (every period present, gaps as 0),
// grouped into series, raw or per 1,000 articles published in the period, and the Goldstein
// mean per period.  Data from /api/timeline with the page's own query (data-query); Chart.js is
// vendored and no inline script runs (CSP).
(function () {
  "use strict";
  var QUAD_COLORS = { "1": "#2e7d32", "2": "#66bb6a", "3": "#f4a261", "4": "#c62828" };
  var PALETTE = ["#2952a3", "#e8590c", "#2e7d32", "#c62828", "#7048e8", "#0c8599", "#d6336c",
    "#5c940d", "#f08c00", "#495057", "#1864ab", "#a61e4d"];
  var OTHER = "#adb5bd";
  // The event filter that lists a series' events; a dyad has none (country matches either side).
  var FILTER_OF = { quad: "quad_class", country: "country", actor: "source", root: "root",
    plover: "plover_type", outlet_type: "outlet_type" };

  function colour(group, key, i) {
    if (key === "other") return OTHER;
    if (group === "quad" && QUAD_COLORS[key]) return QUAD_COLORS[key];
    return PALETTE[i % PALETTE.length];
  }

  function periodEnd(start, interval) {
    if (interval !== "week") return start;  // a day, or a month as YYYY-MM (a whole month)
    var d = new Date(start + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }

  function perThousand(counts, articles) {
    return counts.map(function (n, i) { return articles[i] ? Math.round(1e6 * n / articles[i]) / 1000 : null; });
  }

  function eventsUrl(canvas, data, key, index) {
    var params = new URLSearchParams(canvas.dataset.eventsQuery || "");
    var start = data.labels[index];
    params.set("date_from", start);
    params.set("date_to", periodEnd(start, data.interval));
    var filter = FILTER_OF[data.group];
    if (filter && key !== "other") params.set(filter, key);
    return "/events?" + params.toString();
  }

  function drawCounts(canvas, data, keys) {
    var normalised = canvas.dataset.measure === "normalised";
    var datasets = keys.map(function (key, i) {
      var counts = data.series[key];
      return {
        label: data.names[key] || key,
        data: normalised ? perThousand(counts, data.articles) : counts,
        backgroundColor: colour(data.group, key, i), stack: "events", seriesKey: key
      };
    });
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
          y: { stacked: true, beginAtZero: true,
               title: { display: true, text: normalised ? "events per 1,000 articles published" : "events" } }
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { footer: function (items) {
            return items.length ? "articles published: " + data.articles[items[0].dataIndex] : "";
          } } }
        },
        onClick: function (_event, elements) {
          if (!elements.length) return;
          var el = elements[0];
          window.location.href = eventsUrl(canvas, data, datasets[el.datasetIndex].seriesKey, el.index);
        }
      }
    });
  }

  // No line across a period without events: a mean of nothing is not zero.
  function drawGoldstein(canvas, data, keys) {
    var datasets = [{ label: "all events", data: data.goldstein.all || [], borderColor: "#1d2330",
      backgroundColor: "#1d2330", borderWidth: 2, pointRadius: 2.5, spanGaps: false }];
    keys.forEach(function (key, i) {
      if (!data.goldstein[key]) return;  // "other" mixes series: no mean of its own
      datasets.push({ label: data.names[key] || key, data: data.goldstein[key], hidden: true,
        borderColor: colour(data.group, key, i), backgroundColor: colour(data.group, key, i),
        borderWidth: 1.5, pointRadius: 2.5, spanGaps: false });
    });
    return new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        // offset: points sit at the middle of each period, under the bars of the chart above
        scales: { x: { offset: true, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
                  y: { min: -10, max: 10, title: { display: true, text: "Goldstein mean" } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  // Per 1,000 articles, a period in which no article was published has nothing to divide by:
  // its events are not drawn, and the page says how many, rather than showing an empty chart.
  function sayUnnormalised(canvas, data, keys) {
    var line = document.getElementById("timeline-unnormalised");
    if (!line || canvas.dataset.measure !== "normalised") return;
    var events = 0, periods = 0;
    data.labels.forEach(function (_, i) {
      if (data.articles[i]) return;
      var n = keys.reduce(function (sum, key) { return sum + data.series[key][i]; }, 0);
      events += n;
      if (n) periods += 1;
    });
    if (!events) return;
    line.textContent = events + " events fall in " + periods + " " + data.interval + (periods === 1 ? "" : "s") +
      " in which no article was published: per 1,000 articles they cannot be drawn. Show events, or a longer period.";
    line.hidden = false;
  }

  function show(canvas, data) {
    var keys = Object.keys(data.series);
    document.getElementById("timeline-empty").hidden = data.labels.length > 0;
    var note = document.getElementById("timeline-note");
    if (note && data.coarsened_from) {
      note.textContent = "Too many " + data.coarsened_from + "s to draw: shown per " + data.interval + ".";
      note.hidden = false;
    }
    var trimmed = document.getElementById("timeline-trimmed");
    if (trimmed && data.trimmed) {
      trimmed.querySelector("span").textContent = data.trimmed.before + " events dated before " +
        data.trimmed.from + " and " + data.trimmed.after + " after " + data.trimmed.to + " are left off the axis.";
      trimmed.hidden = false;
    }
    sayUnnormalised(canvas, data, keys);
    drawCounts(canvas, data, keys);
    var gold = document.getElementById("goldstein");
    if (gold) drawGoldstein(gold, data, keys);
    canvas.dataset.points = String(data.labels.length);
    canvas.dataset.series = keys.join(",");
    canvas.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var canvas = document.getElementById("timeline");
    if (!canvas || !window.Chart) return;
    fetch(canvas.dataset.src + "?" + canvas.dataset.query, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { show(canvas, data); })
      .catch(function () { canvas.dataset.ready = "error"; });
  });
})();
