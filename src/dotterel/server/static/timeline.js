// dotterel web UI: the timeline (uPlot), filtered by the filter bar.
// Events over the whole range of their dates, stacked by quad class, binned per year,
// month or day to suit the stretch shown: drag across the chart to zoom in (the bins get
// finer), double-click to zoom out.
(function () {
  "use strict";
  const ns = window.dotterel || {};
  const box = document.getElementById("timeline");
  if (!box || !window.uPlot || !ns.filters) return;
  const ORDER = ["1", "2", "3", "4", "0"];
  const DAY = 86400;
  // the finest bin that keeps a stretch of this many seconds readable
  const UNITS = [
    ["day", 120 * DAY],
    ["month", 12 * 366 * DAY],
    ["year", Infinity],
  ];
  const FORMAT = { day: "{YYYY}-{MM}-{DD}", month: "{MMM} {YYYY}", year: "{YYYY}" };
  const HEIGHT = 340;

  const utc = (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");
  const seconds = (iso) => Date.parse(iso + "T00:00:00Z") / 1000;
  const unitFor = (span) => UNITS.find(([, most]) => span <= most)[0];

  // The start of the bin holding a day, and the start of the next bin (UTC seconds).
  function binOf(ts, unit) {
    const d = new Date(ts * 1000);
    if (unit === "day") return ts;
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    return Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
  }
  function nextBin(ts, unit) {
    const d = new Date(ts * 1000);
    if (unit === "day") return ts + DAY;
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / 1000;
  }

  // uPlot data for one bin size: x, then each class at its running total, the highest
  // first (drawn first, so every class shows as its own band); raw[key] keeps the counts.
  function binned(t, keys, unit) {
    const days = t.days.map(seconds);
    const xs = [];
    const index = new Map();
    for (let b = binOf(days[0], unit); b <= days[days.length - 1]; b = nextBin(b, unit)) {
      index.set(b, xs.length);
      xs.push(b);
    }
    const raw = {};
    keys.forEach((q) => {
      raw[q] = new Array(xs.length).fill(0);
      t.counts[q].forEach((n, i) => {
        if (n) raw[q][index.get(binOf(days[i], unit))] += n;
      });
    });
    let running = xs.map(() => 0);
    const stacked = keys.map((q) => (running = running.map((v, i) => v + raw[q][i])));
    return { data: [xs, ...stacked.slice().reverse()], raw };
  }

  // A class's events in the bins of the stretch shown (the legend away from the bars).
  function shownTotal(u, counts) {
    const xs = u.data[0];
    const { min, max } = u.scales.x;
    let n = 0;
    xs.forEach((x, i) => {
      if (min == null || (x >= min && x <= max)) n += counts[i];
    });
    return n;
  }

  function draw(t) {
    if (ns.plot) ns.plot.destroy();
    ns.plot = null;
    box.replaceChildren();
    if (!t.days.length) {
      box.appendChild(ns.el("p", "empty", "No dated events pass the filters."));
      return;
    }
    const keys = ORDER.filter((q) => t.counts[q]);
    const full = seconds(t.last) - seconds(t.first);
    let unit = unitFor(full);
    let current = binned(t, keys, unit);
    const drawOrder = keys.slice().reverse();
    const bars = uPlot.paths.bars({ size: [0.9, 60], align: 1 });
    const series = [
      {
        label: "when",
        value: (u, v) => (v == null ? "all shown" : uPlot.fmtDate(FORMAT[unit])(utc(v))),
      },
      ...drawOrder.map((q) => ({
        label: q === "0" ? t.quads["0"] : `${q} ${t.quads[q]}`,
        fill: ns.QUAD_COLOURS[q],
        stroke: ns.QUAD_COLOURS[q],
        width: 0,
        paths: bars,
        points: { show: false },
        // the legend shows the class's own count, not the running total; away from the
        // bars, its total over the stretch shown
        value: (u, v, si, di) => (di == null ? shownTotal(u, current.raw[q]) : current.raw[q][di]),
      })),
    ];
    const opts = {
      width: Math.max(320, box.clientWidth),
      height: HEIGHT,
      tzDate: utc,
      scales: {
        x: {
          time: true,
          // bars start at their bin (align 1): range to the end of the last bin shown, or
          // the last bin's bar would lie outside the plot, unseen
          range: (u, min, max) => {
            const xs = u.data[0];
            const last = xs[xs.length - 1];
            return [min, max >= last ? Math.max(max, nextBin(last, unit)) : max];
          },
        },
      },
      axes: [
        { grid: { stroke: "#eef0f3" } },
        {
          label: "events",
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
          grid: { stroke: "#eef0f3" },
        },
      ],
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      legend: { live: true },
      series,
      hooks: {
        // zoomed in or out: re-bin when another bin size suits the stretch shown
        setScale: [
          (u, key) => {
            if (key !== "x") return;
            const { min, max } = u.scales.x;
            const wanted = unitFor(max - min);
            if (wanted === unit) return;
            const xs = u.data[0];
            const whole = min <= xs[0] && max >= xs[xs.length - 1]; // zoomed all the way out
            // after uPlot has finished this zoom, not inside it
            setTimeout(() => {
              unit = wanted;
              current = binned(t, keys, unit);
              if (whole) {
                u.setData(current.data); // the whole range of the new bins
              } else {
                u.setData(current.data, false);
                u.setScale("x", { min, max }); // keeps the zoom, re-ranges the counts
              }
              box.dataset.unit = unit;
            }, 0);
          },
        ],
      },
    };
    ns.plot = new uPlot(opts, current.data, box);
    box.dataset.unit = unit;
    ns.timelineUnit = () => unit;
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
        const range = body.days.length ? ` from ${body.first} to ${body.last}` : "";
        ns.setCount(
          `${body.total} event(s) pass the filters · ${body.total - body.undated} dated${range}, ` +
            `${body.undated} undated`
        );
        ns.timeline = body;
        box.dataset.ready = "true";
      });
  }

  window.addEventListener("resize", () => {
    if (ns.plot) ns.plot.setSize({ width: Math.max(320, box.clientWidth), height: HEIGHT });
  });
  ns.filters.onChange(load);
})();
