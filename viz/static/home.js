/* coopgraph home page: search with suggestions, an entity's profile beside its network, filters, exports.
 * The page state lives in the URL (?ref=...&hops=...&country=...), so views can be bookmarked and shared.
 * Text from the graph goes into the page with textContent only. */
(function () {
  "use strict";

  var V = window.CoopgraphView;
  var el = V.el;
  var $ = function (id) { return document.getElementById(id); };
  var FILTERS = ["hops", "country", "type", "since", "until", "initiative", "limit"];
  var current = null;   // {network, nodes, edges} of the drawn view
  var docs = {};        // document key -> {title, published, publisher} of the shown profile

  function showError(message) {
    $("error").textContent = message || "";
    $("error").hidden = !message;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var err = (body && body.error) || {};
          var candidates = err.details && (err.details.suggestions || err.details.candidates);
          var names = (candidates || []).map(function (c) { return c.name || c.key || c; }).slice(0, 5);
          throw new Error((err.message || response.statusText) + (names.length ? " — did you mean: " + names.join("; ") + "?" : ""));
        }
        return body;
      });
    });
  }

  /* ---- state <-> URL and form ---- */
  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = { ref: params.get("ref") || null, filters: new URLSearchParams() };
    FILTERS.forEach(function (name) {
      params.getAll(name).forEach(function (value) { if (value !== "") state.filters.append(name, value); });
    });
    return state;
  }

  function formFilters() {
    var form = $("filters");
    var filters = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (String(value).trim() !== "") filters.append(name, String(value).trim()); });
    if (filters.get("hops") === "1") filters.delete("hops");
    return filters;
  }

  function fillForm(filters) {
    var form = $("filters");
    form.reset();
    form.elements.hops.value = filters.get("hops") || "1";
    ["country", "type"].forEach(function (name) {
      var chosen = filters.getAll(name);
      Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (box) {
        box.checked = chosen.indexOf(box.value) >= 0;
      });
    });
    ["since", "until", "initiative", "limit"].forEach(function (name) {
      if (filters.get(name) !== null) form.elements[name].value = filters.get(name);
    });
  }

  function pageUrl(state) {
    var params = new URLSearchParams(state.filters);
    if (state.ref) params.set("ref", state.ref);
    var query = params.toString();
    return "/" + (query ? "?" + query : "");
  }

  function dataPath(state) {
    return state.ref ? "/viz/data/entities/" + encodeURIComponent(state.ref) : "/viz/data/graph";
  }

  function viewPath(state) {
    return state.ref ? "/viz/entities/" + encodeURIComponent(state.ref) : "/viz/graph";
  }

  function withParams(path, filters, extra) {
    var params = new URLSearchParams(filters);
    if (path === "/viz/data/graph" || path === "/viz/graph") {
      ["hops", "since", "until", "initiative"].forEach(function (n) { params.delete(n); });
    }
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    var query = params.toString();
    return path + (query ? "?" + query : "");
  }

  function setExports(state) {
    ["node-link", "graphml", "csv"].forEach(function (fmt) {
      $("export-" + fmt).setAttribute("href", withParams(dataPath(state), state.filters, { format: fmt }));
    });
    $("open-view").setAttribute("href", withParams(viewPath(state), state.filters));
  }

  /* ---- loading a state ---- */
  function load(state, push) {
    if (push) window.history.pushState(null, "", pageUrl(state));
    fillForm(state.filters);
    setExports(state);
    showError("");
    $("network").setAttribute("data-state", "loading");
    var view = getJSON(withParams(dataPath(state), state.filters)).then(function (data) {
      drawView(data, state);
    });
    var profile = state.ref ? getJSON("/viz/data/profile/" + encodeURIComponent(state.ref)).then(renderProfile)
                            : Promise.resolve(renderWelcome());
    return Promise.all([view, profile]).catch(function (err) {
      showError(err.message);
      $("network").setAttribute("data-state", "error");
    });
  }

  function drawView(data, state) {
    if (current) current.network.destroy();
    current = V.render($("network"), data, {
      onNode: function (key) {
        if (key === data.center) return;
        load({ ref: key, filters: state.filters }, true);
      },
      onEdge: function (edge) { V.details($("details"), edge); }
    });
    current.network.on("hoverNode", function (params) { V.details($("details"), current.nodes.get(params.node)); });
    window.coopgraphCurrent = current;  // for tests and the browser console
    V.legend($("legend"), data);
    V.notice($("notice"), data);
    $("counts").textContent = data.nodes.length + " nodes · " + data.edges.length + " links";
    document.title = data.title + " · coopgraph";
  }

  /* ---- profile panel ---- */
  function sourceLinks(keys) {
    var span = el("span", "src");
    (keys || []).forEach(function (key, i) {
      var link = el("a", null, "[" + (i + 1) + "]");
      link.setAttribute("href", "/documents/" + encodeURIComponent(key));
      var doc = docs[key];
      link.setAttribute("title", doc ? [doc.title, doc.published, doc.publisher].filter(Boolean).join(" · ") : key);
      span.appendChild(link);
      span.appendChild(document.createTextNode(" "));
    });
    return span;
  }

  function entityLink(key, name) {
    var link = el("a", null, name || key);
    link.setAttribute("href", "/?ref=" + encodeURIComponent(key));
    link.addEventListener("click", function (event) {
      event.preventDefault();
      load({ ref: key, filters: readState().filters }, true);
    });
    return link;
  }

  function section(target, title, rows, draw) {
    target.appendChild(el("h2", null, title + " (" + rows.length + ")"));
    if (!rows.length) { target.appendChild(el("p", "empty", "none recorded")); return; }
    var list = el("ul");
    rows.forEach(function (row) { var item = el("li"); draw(item, row); list.appendChild(item); });
    target.appendChild(list);
  }

  function dates(first, last) {
    if (!first && !last) return "";
    return first === last || !last ? String(first) : first + " – " + last;
  }

  function renderProfile(p) {
    docs = p.documents || {};
    var box = $("profile");
    box.textContent = "";
    box.setAttribute("data-key", p.key);
    box.appendChild(el("h1", null, p.name || p.key));
    box.appendChild(el("p", "sub", [p.type, p.country, p.city].filter(Boolean).join(" · ")));
    var facts = el("dl");
    function fact(label, value) {
      if (value === null || value === undefined || value === "" || (value.length === 0)) return;
      facts.appendChild(el("dt", null, label));
      var dd = el("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
      facts.appendChild(dd);
    }
    fact("Also known as", (p.aliases || []).filter(function (a) { return a !== p.name; }).join("; "));
    fact("Kind", p.kind); fact("Date", dates(p.date, p.date_end)); fact("Status", p.status);
    fact("Titles", (p.titles || []).join("; ")); fact("Topics", (p.topics || []).join("; "));
    ["parents", "units", "initiatives"].forEach(function (name) {
      if (!(p[name] || []).length) return;
      var span = el("span");
      p[name].forEach(function (x, i) { if (i) span.appendChild(document.createTextNode("; ")); span.appendChild(entityLink(x.key, x.name)); });
      fact({ parents: "Part of", units: "Units", initiatives: "Initiatives" }[name], span);
    });
    box.appendChild(facts);
    section(box, "Officials", p.officials || [], function (li, o) {
      li.appendChild(entityLink(o.key, o.name));
      if (o.title) li.appendChild(document.createTextNode(" — " + o.title));
      li.appendChild(sourceLinks(o.sources));
    });
    section(box, "Partners", p.partners || [], function (li, x) {
      li.appendChild(entityLink(x.key, x.name));
      li.appendChild(document.createTextNode(" (" + [x.country, (x.how || []).join(", ")].filter(Boolean).join("; ") + ") "));
      li.appendChild(el("span", "date", dates(x.first_date, x.last_date)));
      li.appendChild(sourceLinks(x.sources));
    });
    section(box, "Agreements", p.agreements || [], function (li, a) {
      li.appendChild(el("span", "date", (a.date || "undated") + " "));
      li.appendChild(entityLink(a.key, a.name));
      li.appendChild(document.createTextNode(" — " + [a.kind, a.status].filter(Boolean).join(", ")));
      li.appendChild(sourceLinks(a.sources));
    });
    section(box, "Visits and events", p.events || [], function (li, e) {
      li.appendChild(el("span", "date", (e.date || "undated") + " "));
      li.appendChild(el("span", null, e.kind + ": "));
      if (e.key) li.appendChild(entityLink(e.key, e.name)); else li.appendChild(el("span", null, e.name));
      li.appendChild(sourceLinks(e.sources));
    });
  }

  function renderWelcome() {
    var box = $("profile");
    box.textContent = "";
    box.removeAttribute("data-key");
    box.appendChild(el("h1", null, "Central Asia–China academic cooperation"));
    box.appendChild(el("p", "sub", "The best-connected entities of the graph. Search for one, or click a node to see its profile and ties."));
  }

  /* ---- search with suggestions ---- */
  function setupSearch() {
    var input = $("search");
    var list = $("suggestions");
    var timer = null;
    var active = -1;
    var seq = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function choose(item) { close(); input.value = item.name; load({ ref: item.key, filters: readState().filters }, true); }
    function highlight(i) {
      var items = list.querySelectorAll("li");
      active = Math.max(-1, Math.min(items.length - 1, i));
      Array.prototype.forEach.call(items, function (li, j) { li.setAttribute("aria-selected", j === active ? "true" : "false"); });
    }
    function show(rows) {
      list.textContent = "";
      rows.forEach(function (row) {
        var li = el("li");
        li.setAttribute("role", "option");
        li.setAttribute("data-key", row.key);
        li.appendChild(el("span", null, row.name || row.key));
        li.appendChild(el("span", "meta", [row.type, row.country].filter(Boolean).join(" · ")));
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(row); });
        list.appendChild(li);
      });
      list.hidden = !rows.length;
      input.setAttribute("aria-expanded", rows.length ? "true" : "false");
      list._rows = rows;
      active = -1;
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = window.setTimeout(function () {
        var mine = ++seq;
        getJSON("/viz/data/suggest?q=" + encodeURIComponent(q)).then(function (body) {
          if (mine === seq) show(body.results || []);
        }).catch(function (err) { showError(err.message); });
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      var rows = list._rows || [];
      if (event.key === "ArrowDown") { highlight(active + 1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { highlight(active - 1); event.preventDefault(); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter") {
        event.preventDefault();
        if (active >= 0 && rows[active]) choose(rows[active]);
        else if (rows.length && !list.hidden) choose(rows[0]);
        else if (input.value.trim()) { close(); load({ ref: input.value.trim(), filters: readState().filters }, true); }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupSearch();
    $("filters").addEventListener("submit", function (event) {
      event.preventDefault();
      load({ ref: readState().ref, filters: formFilters() }, true);
    });
    $("clear-filters").addEventListener("click", function (event) {
      event.preventDefault();
      load({ ref: readState().ref, filters: new URLSearchParams() }, true);
    });
    $("whole-graph").addEventListener("click", function (event) {
      event.preventDefault();
      load({ ref: null, filters: readState().filters }, true);
    });
    $("save-png").addEventListener("click", function () {
      var state = readState();
      V.savePng($("network"), "coopgraph-" + (state.ref || "graph").replace(/[^A-Za-z0-9_-]+/g, "-") + ".png");
    });
    window.addEventListener("popstate", function () { load(readState(), false); });
    var config = JSON.parse($("home-config").textContent);
    var state = readState();
    if (!state.ref && config.initial) state.ref = config.initial;
    load(state, false);
  });
})();
