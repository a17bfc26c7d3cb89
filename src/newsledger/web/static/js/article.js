// Article page: layer switches (actors, events, statements, loaded terms) hide or show their
// highlights, kept in the URL (?hide=mention,framing) so a view can be shared; ◀ ▶ walk the
// highlighted records of the shown layers in text order. The highlight index comes from a
// JSON data block written by the server with <, >, & and U+2028/9 escaped; it is only ever
// read with JSON.parse and shown with textContent.
(function () {
  "use strict";
  var index = [], position = -1;

  function hidden() {
    return Array.prototype.filter.call(document.querySelectorAll("#layers input[name=layer]"),
      function (box) { return !box.checked; }).map(function (box) { return box.value; });
  }

  function apply(text) {
    var off = hidden();
    ["mention", "event", "statement", "framing"].forEach(function (kind) {
      text.classList.toggle("hide-" + kind, off.indexOf(kind) >= 0);
    });
    var url = new URL(window.location.href);
    if (off.length) { url.searchParams.set("hide", off.join(",")); } else { url.searchParams.delete("hide"); }
    window.history.replaceState(null, "", url.toString());
    text.dataset.hidden = off.join(",");
  }

  function step(by) {
    var off = hidden();
    var shown = index.filter(function (h) { return off.indexOf(h.kind) < 0; });
    var status = document.getElementById("layer-status");
    if (!shown.length) { status.textContent = "no layer shown"; return; }
    position = (position + by + shown.length) % shown.length;
    var h = shown[position];
    var target = document.getElementById(h.anchor);
    document.querySelectorAll(".hl.targeted").forEach(function (el) { el.classList.remove("targeted"); });
    document.querySelectorAll('[data-hl~="' + CSS.escape(h.anchor) + '"]').forEach(function (el) { el.classList.add("targeted"); });
    if (target) target.scrollIntoView({ block: "center" });
    status.textContent = (position + 1) + " / " + shown.length + ": " + (h.label || h.kind) + (h.title ? " — " + h.title : "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    var layers = document.getElementById("layers");
    var data = document.getElementById("article-index");
    if (!text || !layers) return;
    index = data ? JSON.parse(data.textContent || "[]") : [];
    layers.dataset.records = String(index.length);
    var off = (new URL(window.location.href).searchParams.get("hide") || "").split(",");
    layers.querySelectorAll("input[name=layer]").forEach(function (box) {
      box.checked = off.indexOf(box.value) < 0;
      box.addEventListener("change", function () { position = -1; apply(text); });
    });
    layers.querySelectorAll("button[data-step]").forEach(function (button) {
      button.addEventListener("click", function () { step(Number(button.dataset.step)); });
    });
    apply(text);
  });
})();
