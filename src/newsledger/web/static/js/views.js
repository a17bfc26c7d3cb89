// Saved views: a view is its address (filters, text query, sort), so saving one keeps a name
// and the URL in this browser's localStorage; the list sits beside the facets of each listing.
(function () {
  "use strict";
  var KEY = "newsledger.views";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }

  function store(views) { window.localStorage.setItem(KEY, JSON.stringify(views)); }

  function render(section) {
    var list = section.querySelector("ul.saved");
    list.textContent = "";
    load().forEach(function (view, i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = view.url;
      a.textContent = view.name;
      a.title = view.url;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.title = "forget this view";
      remove.addEventListener("click", function () {
        var views = load();
        views.splice(i, 1);
        store(views);
        render(section);
      });
      li.appendChild(a);
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  function wire(root) {
    root.querySelectorAll(".saved-views:not([data-wired])").forEach(function (section) {
      section.dataset.wired = "1";
      section.querySelector("form").addEventListener("submit", function (event) {
        event.preventDefault();
        var input = section.querySelector("input[name='view-name']");
        var url = window.location.pathname + window.location.search;
        var name = input.value.trim() || document.title.split(" · ")[0] + " " + window.location.search;
        var views = load().filter(function (v) { return v.url !== url; });
        views.push({ name: name, url: url });
        store(views);
        input.value = "";
        render(section);
      });
      render(section);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  document.addEventListener("htmx:afterSettle", function () { wire(document); });
})();
