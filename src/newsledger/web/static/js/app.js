// Shared behaviour: when the URL names a highlight (#hl-event-…), mark every piece of it
// (a highlight cut by overlapping spans is several elements) and scroll it into view.
(function () {
  "use strict";
  function markTarget() {
    document.querySelectorAll(".hl.targeted").forEach(function (el) { el.classList.remove("targeted"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id.indexOf("hl-") !== 0) return;
    var pieces = document.querySelectorAll('[data-hl~="' + CSS.escape(id) + '"]');
    pieces.forEach(function (el) { el.classList.add("targeted"); });
    if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  }
  // Positions computed on the server travel as data-left / data-width (percent): the CSP
  // allows no inline style attributes, but setting element.style from a script is allowed.
  function placeBars() {
    document.querySelectorAll(".role-bar[data-left]").forEach(function (el) {
      el.style.marginLeft = el.dataset.left + "%"; el.style.width = el.dataset.width + "%";
    });
    document.querySelectorAll(".role-axis span[data-left]").forEach(function (el) { el.style.left = el.dataset.left + "%"; });
  }
  window.addEventListener("hashchange", markTarget);
  document.addEventListener("DOMContentLoaded", placeBars);
  document.addEventListener("DOMContentLoaded", markTarget);
})();
