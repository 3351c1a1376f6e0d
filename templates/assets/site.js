// slmhub site: model filters, the compare page and Pagefind's search box. Local, no dependencies.
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "/";

  // Browser search: Pagefind's UI when the build ran Pagefind, else a note (built with --no-search).
  var box = document.getElementById("search");
  if (box) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "pagefind/pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = base + "pagefind/pagefind-ui.js";
    script.onload = function () {
      new window.PagefindUI({ element: "#search", baseUrl: base, showSubResults: false, resetStyles: false });
    };
    script.onerror = function () { box.textContent = "Search is not built for this site; use the filters below."; };
    document.head.appendChild(script);
  }

  // Filters on /models/: each select narrows the table rows by their data-* attribute.
  var table = document.getElementById("model-table");
  var selects = Array.prototype.slice.call(document.querySelectorAll("#filters select"));
  if (table && selects.length) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.model-row"));
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var field = select.getAttribute("data-field");
      var values = {};
      rows.forEach(function (r) { values[r.getAttribute("data-" + field)] = true; });
      Object.keys(values).sort().forEach(function (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = v || "(none)";
        select.appendChild(o);
      });
      if (params.get(field)) { select.value = params.get(field); }
      select.addEventListener("change", apply);
    });
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = selects.every(function (s) { return !s.value || r.getAttribute("data-" + s.getAttribute("data-field")) === s.value; });
        r.classList.toggle("hidden", !ok);
        if (ok) { shown++; }
      });
      document.getElementById("shown-count").textContent = shown;
    }
    apply();
  }

  // The compare page: models from ?m=a,b side by side, read from the site's own api/models.json.
  var target = document.getElementById("compare-table");
  if (target) {
    fetch(base + "api/models.json").then(function (r) { return r.json(); }).then(function (api) {
      var byId = {};
      api.models.forEach(function (m) { byId[m.id] = m; });
      var chosen = (new URLSearchParams(location.search).get("m") || "").split(",").filter(function (id) { return byId[id]; });
      var pick = document.getElementById("compare-pick");
      api.models.forEach(function (m) {
        var o = document.createElement("option"); o.value = m.id; o.textContent = m.name + " (" + m.id + ")"; pick.appendChild(o);
      });
      var go = function (ids) { location.search = ids.length ? "?m=" + ids.map(encodeURIComponent).join(",") : ""; };
      pick.addEventListener("change", function () { if (pick.value && chosen.indexOf(pick.value) < 0) { go(chosen.concat([pick.value])); } });
      document.getElementById("compare-clear").addEventListener("click", function () { go([]); });
      if (!chosen.length) { return; }
      var mib = function (b) { return b >= 1073741824 ? (b / 1073741824).toFixed(1) + " GiB" : Math.round(b / 1048576) + " MiB"; };
      var rowsSpec = [
        ["Parameters", function (m) { return m.parameters.toLocaleString("en"); }],
        ["Smallest file", function (m) { return mib(Math.min.apply(null, m.artifacts.map(function (a) { return a.size; }))); }],
        ["Quantizations", function (m) { return m.artifacts.map(function (a) { return a.quantization || a.format; }).join(", "); }],
        ["Context", function (m) { return m.context_length.toLocaleString("en"); }],
        ["License", function (m) { return m.license; }],
        ["Smoke speed", function (m) { return m.smoke && m.smoke.tokens_per_second > 0 ? m.smoke.tokens_per_second + " tokens/s" : "not smoked yet"; }]];
      var t = document.createElement("table");
      var head = t.insertRow();
      head.appendChild(document.createElement("th"));
      chosen.forEach(function (id) {
        var th = document.createElement("th"), a = document.createElement("a");
        a.href = base + byId[id].page; a.textContent = byId[id].name; th.appendChild(a); head.appendChild(th);
      });
      rowsSpec.forEach(function (spec) {
        var tr = t.insertRow(), th = document.createElement("th");
        th.textContent = spec[0]; tr.appendChild(th);
        chosen.forEach(function (id) { tr.insertCell().textContent = spec[1](byId[id]); });
      });
      target.textContent = "";
      target.appendChild(t);
    });
  }
})();
