// Upload form: posts the files to /api/ingest with the token as a bearer header (never in a URL).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("ingest-form");
    if (!form) return;
    var status = document.getElementById("ingest-status");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData();
      Array.prototype.forEach.call(form.elements.files.files, function (f) { data.append("files", f, f.name); });
      status.textContent = "Analysing…";
      fetch("/api/ingest", { method: "POST", body: data, headers: { Authorization: "Bearer " + form.elements.token.value } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (!res.ok) { status.textContent = "Refused: " + (res.body.error || "error"); return; }
          var b = res.body;
          status.textContent = b.articles + " articles added, " + b.duplicates + " near-duplicates linked, " + b.skipped +
            " already in the ledger; " + b.events + " events, " + b.statements + " statements; " + b.errors.length + " problems.";
          var table = document.getElementById("ingest-errors");
          var body = table.querySelector("tbody");
          body.textContent = "";
          b.errors.forEach(function (e) {
            var tr = document.createElement("tr");
            [e.origin, e.line == null ? "" : String(e.line), e.code, e.message].forEach(function (text) {
              var td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
            });
            body.appendChild(tr);
          });
          table.hidden = b.errors.length === 0;
          form.elements.files.value = "";
        })
        .catch(function (err) { status.textContent = "Upload failed: " + err.message; });
    });
  });
})();
