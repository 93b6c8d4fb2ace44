// dotterel web UI: the timeline (uPlot), filtered by the filter bar.
// Events per day, month or year over the whole range of their dates, stacked by quad
// class; drag to zoom in, double-click to zoom out.
(function () {
  "use strict";
  const ns = window.dotterel || {};
  const box = document.getElementById("timeline");
  if (!box || !window.uPlot || !ns.filters) return;
  const ORDER = ["1", "2", "3", "4", "0"];
  const FORMAT = { day: "{YYYY}-{MM}-{DD}", month: "{MMM} {YYYY}", year: "{YYYY}" };

  function draw(t) {
    if (ns.plot) ns.plot.destroy();
    ns.plot = null;
    box.replaceChildren();
    if (!t.bins.length) {
      box.appendChild(ns.el("p", "empty", "No dated events pass the filters."));
      return;
    }
    const xs = t.bins.map((b) => Date.parse(b + "T00:00:00Z") / 1000);
    const keys = ORDER.filter((q) => t.counts[q]);
    // Stacked bars: each series is drawn at its running total, the highest first, so
    // every class shows as its own band.
    let running = xs.map(() => 0);
    const stacked = keys.map((q) => (running = running.map((v, i) => v + t.counts[q][i])));
    const order = keys.map((_, i) => i).reverse();
    const bars = uPlot.paths.bars({ size: [0.9, 60], align: 1 });
    const fmtDate = uPlot.fmtDate(FORMAT[t.unit]);
    const series = [
      { label: t.unit, value: (u, v) => (v == null ? "" : fmtDate(new Date(v * 1000))) },
      ...order.map((i) => ({
        label: keys[i] === "0" ? t.quads["0"] : `${keys[i]} ${t.quads[keys[i]]}`,
        fill: ns.QUAD_COLOURS[keys[i]],
        stroke: ns.QUAD_COLOURS[keys[i]],
        width: 0,
        paths: bars,
        points: { show: false },
        // the legend shows the class's own count, not the running total
        value: (u, v, si, di) => (di == null ? "" : t.counts[keys[i]][di]),
      })),
    ];
    const opts = {
      width: Math.max(320, box.clientWidth),
      height: 340,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true } },
      axes: [
        { grid: { stroke: "#eef0f3" } },
        { label: "events", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000], grid: { stroke: "#eef0f3" } },
      ],
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      legend: { live: true },
      series,
    };
    ns.plot = new uPlot(opts, [xs, ...order.map((i) => stacked[i])], box);
  }

  function load(p) {
    box.dataset.ready = "false";
    ns.setJsonLink("/api/timeline", p);
    const n = ns.filters.next();
    fetch("/api/timeline?" + p)
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ns.filters.current(n)) return; // a later change is loading
        if (!ok) {
          ns.setCount(body.error || "could not load the timeline");
          return;
        }
        draw(body);
        const range = body.bins.length ? ` from ${body.first} to ${body.last}, per ${body.unit}` : "";
        ns.setCount(`${body.total} event(s) pass the filters · ${body.total - body.undated} dated${range}, ${body.undated} undated`);
        ns.timeline = body;
        box.dataset.ready = "true";
      });
  }

  window.addEventListener("resize", () => {
    if (ns.plot) ns.plot.setSize({ width: Math.max(320, box.clientWidth), height: 340 });
  });
  ns.filters.onChange(load);
})();
