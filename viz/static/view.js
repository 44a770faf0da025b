/* coopgraph network views: draw a view (nodes, edges, legend, notice) with vis-network.
 * Everything from the graph is put in the page as text (textContent, vis-network's string tooltips use
 * innerText), never as HTML. No request leaves the page's own host. */
(function () {
  "use strict";

  var GLYPHS = {
    dot: "\u25CF", square: "\u25A0", triangle: "\u25B2", triangleDown: "\u25BC", diamond: "\u25C6",
    star: "\u2605", hexagon: "\u2B22", box: "\u25AD", ellipse: "\u2B2D"
  };
  var LARGE = 250;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function options(view) {
    var large = view.layout === "precomputed" || view.nodes.length > LARGE;
    return {
      autoResize: true,
      layout: { improvedLayout: !large && view.nodes.length <= 100, randomSeed: 7 },
      physics: large ? false : {
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -90, springLength: 140, springConstant: 0.06, avoidOverlap: 0.6 },
        stabilization: { enabled: true, iterations: 250, updateInterval: 50, fit: true }
      },
      nodes: { font: { size: 14, face: "sans-serif" }, borderWidthSelected: 4,
               scaling: { label: { drawThreshold: large ? 9 : 5 } } },
      edges: { smooth: large ? false : { type: "dynamic" }, selectionWidth: 2, hoverWidth: 1.5 },
      interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                     navigationButtons: false, keyboard: false, multiselect: false }
    };
  }

  function whiteBackground(ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  }

  function markReady(container, view, started) {
    var ms = Math.round(performance.now() - started);
    container.setAttribute("data-state", "ready");
    container.setAttribute("data-ready-ms", String(ms));
    window.coopgraphReady = { ms: ms, nodes: view.nodes.length, edges: view.edges.length };
    container.dispatchEvent(new CustomEvent("coopgraph:ready", { bubbles: true, detail: window.coopgraphReady }));
  }

  /* Draw `view` in `container`; `handlers.onNode(key)` runs when a node is clicked. */
  function render(container, view, handlers) {
    handlers = handlers || {};
    var started = performance.now();
    container.setAttribute("data-state", "loading");
    var nodes = new vis.DataSet(view.nodes);
    var edges = new vis.DataSet(view.edges);
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options(view));
    network.on("beforeDrawing", whiteBackground);
    var ready = false;
    function done() {
      if (ready) return;
      ready = true;
      network.setOptions({ physics: false });
      markReady(container, view, started);
    }
    if (view.layout === "precomputed" || view.nodes.length > LARGE || view.nodes.length === 0) {
      network.once("afterDrawing", done);
    } else {
      network.once("stabilizationIterationsDone", done);
      window.setTimeout(done, 8000);
    }
    network.on("click", function (params) {
      if (params.nodes.length && handlers.onNode) handlers.onNode(params.nodes[0], nodes.get(params.nodes[0]));
      else if (params.edges.length && handlers.onEdge) handlers.onEdge(edges.get(params.edges[0]));
    });
    if (view.center && nodes.get(view.center)) network.selectNodes([view.center]);
    return { network: network, nodes: nodes, edges: edges };
  }

  function legend(target, view) {
    target.textContent = "";
    var data = view.legend || { countries: [], types: [], edges: [] };
    var countries = el("div", "legend-group");
    countries.appendChild(el("h3", null, "Country"));
    data.countries.forEach(function (c) {
      var row = el("div", "legend-row");
      var swatch = el("span", "swatch");
      swatch.style.backgroundColor = c.color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, (c.code && c.code !== "other" ? c.code + " " : "") + c.name));
      countries.appendChild(row);
    });
    target.appendChild(countries);
    var types = el("div", "legend-group");
    types.appendChild(el("h3", null, "Type"));
    data.types.forEach(function (t) {
      var row = el("div", "legend-row");
      row.appendChild(el("span", "glyph", GLYPHS[t.shape] || "\u25CF"));
      row.appendChild(el("span", null, t.type));
      types.appendChild(row);
    });
    target.appendChild(types);
    var rels = el("div", "legend-group");
    rels.appendChild(el("h3", null, "Link"));
    data.edges.forEach(function (e) {
      var row = el("div", "legend-row");
      var line = el("span", "line");
      line.style.borderTop = "3px " + (e.dashes ? "dashed " : "solid ") + e.color;
      row.appendChild(line);
      row.appendChild(el("span", null, e.label + (e.arrows ? " \u2192" : "")));
      rels.appendChild(row);
    });
    if (data.width) rels.appendChild(el("p", "hint", data.width));
    target.appendChild(rels);
  }

  function notice(target, view) {
    target.textContent = view.omitted ? view.omitted.message : "";
    target.hidden = !view.omitted;
  }

  function details(target, item) {
    target.textContent = item ? item.title : "";
  }

  function savePng(container, filename) {
    var canvas = container.querySelector("canvas");
    if (!canvas) return null;
    var url = canvas.toDataURL("image/png");
    var link = document.createElement("a");
    link.href = url;
    link.download = filename || "coopgraph-view.png";
    document.body.appendChild(link);
    link.click();
    link.remove();
    return url;
  }

  window.CoopgraphView = { render: render, legend: legend, notice: notice, details: details, savePng: savePng, el: el };

  /* A page with <script type="application/json" id="view-data"> draws itself. */
  document.addEventListener("DOMContentLoaded", function () {
    var dataNode = document.getElementById("view-data");
    var container = document.getElementById("network");
    if (!dataNode || !container || container.getAttribute("data-autostart") !== "true") return;
    var view = JSON.parse(dataNode.textContent);
    var detailBox = document.getElementById("details");
    var recenter = container.getAttribute("data-recenter");
    window.coopgraphCurrent = render(container, view, {
      onNode: function (key, node) {
        if (recenter && key !== view.center) {
          window.location.href = recenter.replace("{key}", encodeURIComponent(key));
        } else if (detailBox) {
          details(detailBox, node);
        }
      },
      onEdge: function (edge) { if (detailBox) details(detailBox, edge); }
    });
    legend(document.getElementById("legend"), view);
    notice(document.getElementById("notice"), view);
    var png = document.getElementById("save-png");
    if (png) png.addEventListener("click", function () { savePng(container, "coopgraph-view.png"); });
  });
})();
