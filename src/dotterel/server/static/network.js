// dotterel web UI: the actor network (cytoscape.js), filtered by the filter bar.
// Nodes are actors at the chosen level, links the merged events from one to another
// (width: events; colour: most frequent quad class; dashed: a single independent source).
// Clicking an actor or a link lists its events, each linking to its article.
(function () {
  "use strict";
  const ns = window.dotterel || {};
  const box = document.getElementById("network");
  if (!box || !window.cytoscape || !ns.filters) return;
  const side = document.getElementById("side-events");
  const sideTitle = document.getElementById("side-title");
  const sideHint = document.getElementById("side-hint");
  const MAX_LISTED = 200;
  let graph = null;

  function listEvents(title, ids) {
    sideTitle.textContent = title;
    sideHint.hidden = true;
    side.replaceChildren();
    const events = ids.map((id) => graph.events[id]).filter(Boolean);
    events.sort((a, b) => String(b.date || "").localeCompare(String(a.date || "")));
    events.slice(0, MAX_LISTED).forEach((e) => side.appendChild(ns.eventItem(e)));
    if (events.length > MAX_LISTED) {
      side.appendChild(ns.el("li", "muted", `and ${events.length - MAX_LISTED} more (use the filters)`));
    }
  }

  function style(maxDegree, maxWeight) {
    const quadRules = Object.entries(ns.QUAD_COLOURS).map(([q, colour]) => ({
      selector: `edge[quad = "${q}"]`,
      style: { "line-color": colour, "target-arrow-color": colour },
    }));
    return [
      {
        selector: "node",
        style: {
          "background-color": "#1f5fa8",
          label: "data(label)",
          "font-size": 11,
          "font-family": "system-ui, DejaVu Sans, sans-serif",
          "text-valign": "top",
          "text-margin-y": -4,
          "text-background-color": "#fff",
          "text-background-opacity": 0.8,
          "text-background-padding": 2,
          width: `mapData(degree, 0, ${maxDegree}, 14, 54)`,
          height: `mapData(degree, 0, ${maxDegree}, 14, 54)`,
          "border-width": 2,
          "border-color": "#fff",
        },
      },
      {
        selector: "edge",
        style: {
          width: `mapData(weight, 1, ${Math.max(2, maxWeight)}, 1.5, 12)`,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.9,
          opacity: 0.8,
          label: "data(weight)",
          "font-size": 10,
          "font-family": "system-ui, DejaVu Sans, sans-serif",
          "text-rotation": "autorotate",
          color: "#475467",
          "text-background-color": "#fff",
          "text-background-opacity": 0.7,
        },
      },
      ...quadRules,
      { selector: "edge[sources <= 1]", style: { "line-style": "dashed" } },
      { selector: ".faded", style: { opacity: 0.12 } },
      { selector: "node:selected", style: { "border-color": "#d97706", "border-width": 4 } },
      { selector: "edge:selected", style: { opacity: 1, "overlay-opacity": 0.15 } },
    ];
  }

  function draw(data) {
    graph = data;
    const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    const elements = [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, degree: n.degree } })),
      ...data.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, weight: e.weight, quad: e.quad, sources: e.sources },
      })),
    ];
    if (ns.cy) ns.cy.destroy();
    const cy = cytoscape({ container: box, elements, style: style(maxDegree, maxWeight) });
    // A circle first, then a force layout that starts from it: the same data always gives
    // the same picture.
    cy.layout({ name: "circle", animate: false }).run();
    cy.layout({
      name: "cose",
      animate: false,
      randomize: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 12000,
      padding: 30,
    }).run();
    // The layout is fitted to the box, often zoomed well out: keep the labels readable
    // (about 12 px on screen) at that zoom instead of shrinking them with the graph.
    const zoom = cy.zoom();
    if (zoom < 1) {
      cy.style()
        .selector("node")
        .style({ "font-size": 12 / zoom, "text-margin-y": -4 / zoom })
        .selector("edge")
        .style({ "font-size": 10 / zoom })
        .update();
    }
    cy.on("tap", "node", (ev) => {
      const node = ev.target;
      const ids = new Set();
      node.connectedEdges().forEach((edge) => graphEdge(edge).events.forEach((i) => ids.add(i)));
      cy.elements().addClass("faded");
      node.closedNeighborhood().removeClass("faded");
      listEvents(`${node.data("label")}: ${ids.size} event record(s)`, [...ids]);
    });
    cy.on("tap", "edge", (ev) => {
      const e = graphEdge(ev.target);
      cy.elements().addClass("faded");
      ev.target.union(ev.target.connectedNodes()).removeClass("faded");
      const types = Object.entries(e.types).map(([t, n]) => `${t} ×${n}`).join(", ");
      listEvents(
        `${e.source} → ${e.target}: ${e.weight} event(s) in ${e.events.length} record(s), ` +
          `${e.sources} independent source(s); ${types}`,
        e.events
      );
    });
    cy.on("tap", (ev) => {
      if (ev.target === cy) cy.elements().removeClass("faded");
    });
    ns.cy = cy;
    box.dataset.ready = "true";
  }

  const edgesById = () => Object.fromEntries(graph.edges.map((e) => [e.id, e]));
  let byId = {};
  const graphEdge = (edge) => byId[edge.id()];

  function load(p) {
    box.dataset.ready = "false";
    ns.setJsonLink("/api/network", p);
    const n = ns.filters.next();
    fetch("/api/network?" + p)
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ns.filters.current(n)) return; // a later change is loading
        if (!ok) {
          ns.setCount(body.error || "could not load the network");
          return;
        }
        draw(body);
        byId = edgesById();
        const linked = new Set(body.edges.flatMap((e) => e.events)).size;
        ns.setCount(
          `${body.n_events} event(s) pass the filters · ${body.nodes.length} actor(s), ` +
            `${body.edges.length} link(s) from ${linked} event(s) with a coded source and target`
        );
        ns.legend(document.getElementById("legend"), body.quads, [...new Set(body.edges.map((e) => e.quad))]);
        side.replaceChildren();
        sideHint.hidden = false;
        sideTitle.textContent = "Events";
      });
  }

  ns.filters.onChange(load);
})();
