// slmhub site: search and filters on /models/ and the compare page. Local, no dependencies.
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "/";

  // /models/: search through Pagefind's JS API. The filter and sort choices are rendered by the
  // build, so a first search fetches only the index chunk its words need and 10 result fragments.
  var input = document.getElementById("search-input");
  if (input) {
    modelSearch(input);
  }

  function modelSearch(input) {
    var batch = 10;
    var selects = Array.prototype.slice.call(document.querySelectorAll("#filters select"));
    var sort = document.getElementById("sort");
    var panel = document.getElementById("search-panel");
    var list = document.getElementById("search-results");
    var counter = document.getElementById("result-count");
    var more = document.getElementById("more-results");
    var catalog = document.getElementById("catalog");
    var shown = document.getElementById("shown-count");
    var of = document.getElementById("shown-of");
    var total = of.textContent;
    var rows = Array.prototype.slice.call(catalog.querySelectorAll("tr.model-row"));
    var pagefind = null; // the module's promise; it resolves to null where the site was built without search
    var latest = 0; // numbers each query, so answers to older ones are dropped
    var results = [];
    var rendered = 0;
    var timer;

    function load() {
      if (!pagefind) {
        pagefind = import(base + "pagefind/pagefind.js").then(function (pf) {
          // noWorker: searching 10,000 pages takes milliseconds on the main thread, and Pagefind's
          // web worker would be one more script (~43 KB) to download before the first result.
          return pf.options({ baseUrl: base, noWorker: true }).then(function () { return pf; });
        }, function () {
          var note = document.getElementById("search-note");
          note.textContent = "Search is not built for this site: the search box and filters narrow the rows of this page only.";
          note.hidden = false;
          sort.disabled = true;
          return null;
        });
      }
      return pagefind;
    }

    function query() {
      var q = { term: input.value.trim(), filters: {}, sort: {} };
      selects.forEach(function (s) {
        if (s.value) { q.filters[s.getAttribute("data-field")] = s.value; }
      });
      if (sort.value) { q.sort[sort.value.split(":")[0]] = sort.value.split(":")[1]; }
      q.active = q.term !== "" || Object.keys(q.filters).length > 0 || sort.value !== "";
      return q;
    }

    // The query goes into the address, so a search can be shared and survives going back.
    function remember(q) {
      var params = new URLSearchParams();
      if (q.term) { params.set("q", q.term); }
      Object.keys(q.filters).forEach(function (f) { params.set(f, q.filters[f]); });
      if (sort.value) { params.set("sort", sort.value); }
      var search = params.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    async function run() {
      var q = query();
      var ticket = ++latest;
      remember(q);
      if (!q.active) {
        rows.forEach(function (r) { r.classList.remove("hidden"); });
        showCatalog(rows.length);
        return;
      }
      var pf = await load();
      if (ticket !== latest) { return; }
      if (!pf) {
        filterRows(q);
        return;
      }
      var found = await pf.search(q.term || null, { filters: q.filters, sort: q.sort });
      if (ticket !== latest) { return; }
      results = found.results;
      rendered = 0;
      list.textContent = "";
      counter.textContent = results.length + (results.length === 1 ? " model matches" : " models match");
      catalog.hidden = true;
      panel.hidden = false;
      await showMore(ticket);
    }

    async function showMore(ticket) {
      more.disabled = true;
      var next = results.slice(rendered, rendered + batch);
      var pages = await Promise.all(next.map(function (r) { return r.data(); }));
      if (ticket !== latest) { return; }
      pages.forEach(function (page) { list.appendChild(resultLink(page)); });
      rendered += pages.length;
      shown.textContent = rendered;
      of.textContent = results.length;
      more.hidden = rendered >= results.length;
      more.disabled = false;
    }

    function resultLink(page) {
      var a = document.createElement("a");
      a.className = "search-result";
      a.href = page.url;
      var title = document.createElement("strong");
      title.className = "search-result-title";
      title.textContent = page.meta && page.meta.title ? page.meta.title : page.url;
      // what a chooser compares at a glance, from the record's meta (no more bytes to fetch)
      var meta = page.meta || {};
      var facts = document.createElement("span");
      facts.className = "search-result-facts";
      facts.textContent = [meta.id, meta.params ? meta.params + " params" : "", meta.license].filter(Boolean).join(" \u00b7 ");
      var excerpt = document.createElement("span");
      excerpt.className = "search-result-excerpt";
      excerpt.innerHTML = page.excerpt; // Pagefind's HTML: the page's text, escaped, with <mark> around matches
      a.appendChild(title);
      a.appendChild(facts);
      a.appendChild(excerpt);
      return a;
    }

    function showCatalog(count) {
      panel.hidden = true;
      catalog.hidden = false;
      shown.textContent = count;
      of.textContent = total;
    }

    // Without search: the words and filters narrow this page's rows (multi-valued attributes are joined by |).
    function filterRows(q) {
      var words = q.term.toLowerCase().split(/\s+/).filter(Boolean);
      var count = 0;
      rows.forEach(function (r) {
        var text = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) && Object.keys(q.filters).every(function (f) {
          return (r.getAttribute("data-" + f) || "").split("|").indexOf(q.filters[f]) >= 0;
        });
        r.classList.toggle("hidden", !ok);
        count += ok ? 1 : 0;
      });
      showCatalog(count);
    }

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.concat([sort]).forEach(function (s) {
      s.value = params.get(s.getAttribute("name")) || "";
      if (s.selectedIndex < 0) { s.value = ""; } // a value this catalog does not have
    });
    input.addEventListener("focus", load); // fetch Pagefind while the user types
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    selects.concat([sort]).forEach(function (s) { s.addEventListener("change", run); });
    more.addEventListener("click", function () { showMore(latest); });
    document.getElementById("search").addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    if (query().active) {
      run();
    }
  }

  // The compare page: models and variants from ?m=a,b:Q4_K_M side by side, read from the site's own
  // api/models.json. A variant is named as `slmhub pull` names it: a quantization or a file name.
  var target = document.getElementById("compare-table");
  if (target) {
    fetch(base + "api/models.json").then(function (r) { return r.json(); }).then(function (api) {
      var byId = {};
      api.models.forEach(function (m) { byId[m.id] = m; });
      var weights = function (m) {
        var w = m.artifacts.filter(function (a) { return a.role === "weights"; });
        return w.length ? w : m.artifacts;
      };
      // the name a variant goes by: its quantization where no other file of the model shares it, else its file
      var variantName = function (m, a) {
        var q = (a.quantization || "").toLowerCase();
        var shared = weights(m).filter(function (b) { return q && (b.quantization || "").toLowerCase() === q; }).length;
        return shared === 1 ? a.quantization : a.file;
      };
      var column = function (ref) {
        var colon = ref.indexOf(":");
        var m = byId[colon < 0 ? ref : ref.slice(0, colon)];
        if (!m) { return null; }
        if (colon < 0) { return { ref: ref, model: m, files: weights(m) }; }
        var v = ref.slice(colon + 1).toLowerCase();
        var byFile = m.artifacts.filter(function (a) { return a.file.toLowerCase() === v; });
        var byQuant = weights(m).filter(function (a) { return (a.quantization || "").toLowerCase() === v; });
        var files = byFile.length === 1 ? byFile : byQuant;
        return files.length === 1 ? { ref: ref, model: m, files: files, variant: files[0] } : null;
      };
      var refs = (new URLSearchParams(location.search).get("m") || "").split(",").filter(Boolean);
      var columns = refs.map(column).filter(Boolean);
      var chosen = columns.map(function (c) { return c.ref; });
      var go = function (ids) { location.search = ids.length ? "?m=" + ids.map(encodeURIComponent).join(",") : ""; };
      var size = function (b) {
        var units = ["B", "KiB", "MiB", "GiB", "TiB"], u = 0;
        while (b >= 1024 && u < units.length - 1) { b /= 1024; u++; }
        return u === 0 ? b + " B" : b.toFixed(b < 10 ? 1 : 0) + " " + units[u];
      };
      // as the model pages write counts (HumanUnits.formatCount): 293K, 490M, 1.2B
      var count = function (n) {
        var suffixes = ["", "K", "M", "B", "T"], v = n, i = 0;
        while (Math.abs(v) >= 999.5 && i < suffixes.length - 1) { v /= 1000; i++; }
        return i === 0 ? String(n) : (v >= 9.95 ? v.toFixed(0) : v.toFixed(1).replace(".0", "")) + suffixes[i];
      };
      var pick = document.getElementById("compare-pick");
      api.models.forEach(function (m) {
        var o = document.createElement("option"); o.value = m.id; o.textContent = m.name + " (" + m.id + ")"; pick.appendChild(o);
        if (weights(m).length > 1) {
          weights(m).forEach(function (a) {
            var v = document.createElement("option");
            v.value = m.id + ":" + variantName(m, a);
            v.textContent = "\u00a0\u00a0" + m.name + " " + variantName(m, a) + ", " + size(a.size);
            pick.appendChild(v);
          });
        }
      });
      pick.addEventListener("change", function () { if (pick.value && chosen.indexOf(pick.value) < 0) { go(chosen.concat([pick.value])); } });
      document.getElementById("compare-clear").addEventListener("click", function () { go([]); });
      var missing = refs.filter(function (r) { return !column(r); });
      if (missing.length) {
        var note = document.getElementById("compare-missing");
        note.textContent = "Not in this catalog: " + missing.join(", ");
        note.hidden = false;
      }
      if (!columns.length) { return; }
      var sizes = function (c) {
        var s = c.files.map(function (a) { return a.size; });
        var lo = Math.min.apply(null, s), hi = Math.max.apply(null, s);
        return lo === hi ? size(lo) : size(lo) + " to " + size(hi);
      };
      var rowsSpec = [
        ["Parameters", function (c) { return count(c.model.parameters) + " (" + c.model.parameters.toLocaleString("en") + ")"; }],
        ["File", function (c) { return c.variant ? c.variant.file : c.files.length + (c.files.length === 1 ? " file" : " files"); }],
        ["Size", sizes],
        ["Quantization", function (c) { return c.files.map(function (a) { return a.quantization || a.format; }).join(", "); }],
        ["Format", function (c) { return c.files.map(function (a) { return a.format; }).filter(function (f, i, all) { return all.indexOf(f) === i; }).join(", "); }],
        ["Context", function (c) { return c.model.context_length.toLocaleString("en") + " tokens"; }],
        ["License", function (c) { return c.model.license; }],
        ["Task", function (c) { return c.model.pipeline_tag || ""; }],
        ["Architecture", function (c) { return c.model.architecture || ""; }],
        ["Smoke", function (c) {
            var s = c.model.smoke;
            if (!s) { return "not smoked yet"; }
            var speed = s.sentences_per_second > 0 ? ", " + s.sentences_per_second + " sentences/s" : s.tokens_per_second > 0 ? ", " + s.tokens_per_second + " tokens/s" : "";
            return s.status + speed + (s.quantization ? " (" + s.quantization + ")" : "");
        }]];
      var t = document.createElement("table");
      var head = t.insertRow();
      head.appendChild(document.createElement("th"));
      columns.forEach(function (c) {
        var th = document.createElement("th"), a = document.createElement("a"), ref = document.createElement("span"), drop = document.createElement("button");
        a.href = base + c.model.page; a.textContent = c.model.name;
        ref.className = "muted compare-ref"; ref.textContent = c.variant ? c.model.id + ":" + variantName(c.model, c.variant) : c.model.id;
        drop.type = "button"; drop.className = "compare-drop"; drop.textContent = "\u00d7"; drop.setAttribute("aria-label", "Remove " + ref.textContent);
        drop.addEventListener("click", function () { go(chosen.filter(function (r) { return r !== c.ref; })); });
        th.appendChild(a); th.appendChild(drop); th.appendChild(ref); head.appendChild(th);
      });
      rowsSpec.forEach(function (spec) {
        var tr = t.insertRow(), th = document.createElement("th");
        th.textContent = spec[0]; tr.appendChild(th);
        columns.forEach(function (c) { tr.insertCell().textContent = spec[1](c); });
      });
      target.textContent = "";
      target.appendChild(t);
    });
  }
})();
