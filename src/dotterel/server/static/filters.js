// dotterel web UI: the filter bar shared by the events page and the views.
// On a view (network, map, timeline) a change fetches new JSON without reloading the page
// and keeps the URL in step, so a filtered view can be bookmarked; on the events page a
// change of a list or box reloads the page (server-side paging). The actor field offers the
// actors that stored events name.
(function () {
  "use strict";
  const form = document.getElementById("filters");
  if (!form) return;
  const ns = (window.dotterel = window.dotterel || {});
  const listeners = [];

  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      const value = String(v).trim();
      if (value) p.set(k, value);
    }
    return p;
  }

  // Enter in a text field fires "change" and then "submit": one reload for both.
  let pending = null;
  function changed() {
    if (pending === null) pending = setTimeout(reload, 0);
  }

  function reload() {
    pending = null;
    const p = params();
    const query = p.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    listeners.forEach((fn) => fn(p));
  }

  let loads = 0;
  ns.filters = {
    params,
    // A number for each load; a view drops a response whose number is no longer the last.
    next: () => ++loads,
    current: (n) => n === loads,
    // A view registers its loader; it is called now and after every change.
    onChange(fn) {
      listeners.push(fn);
      fn(params());
    },
  };

  if (form.dataset.live) {
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      changed();
    });
    form.addEventListener("change", changed);
  } else {
    form.querySelectorAll("select, input[type=checkbox]").forEach((field) =>
      field.addEventListener("change", () => form.requestSubmit())
    );
  }

  const list = document.getElementById("actor-list");
  if (list) {
    fetch("/api/actors")
      .then((r) => (r.ok ? r.json() : []))
      .then((actors) => {
        actors.slice(0, 500).forEach((a) => {
          const option = document.createElement("option");
          option.value = a.code;
          option.label = `${a.name || ""} (${a.n_events})`;
          list.appendChild(option);
        });
      });
  }

  // Shared by the views: quad-class colours, a DOM helper, a count line and the side list.
  ns.QUAD_COLOURS = { 1: "#2e7d32", 2: "#1565c0", 3: "#e08a00", 4: "#c62828", 0: "#98a2b3" };
  ns.el = (tag, cls, text) => {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  };
  ns.legend = (box, quads, present) => {
    if (!box) return;
    box.replaceChildren();
    Object.keys(quads).forEach((q) => {
      if (present && !present.includes(q)) return;
      const item = ns.el("span", "legend-item");
      const swatch = ns.el("span", "swatch");
      swatch.style.background = ns.QUAD_COLOURS[q];
      item.append(swatch, q === "0" ? quads[q] : `${q} ${quads[q]}`);
      box.appendChild(item);
    });
  };
  ns.setCount = (text) => {
    const n = document.getElementById("view-count");
    if (n) n.textContent = text;
  };
  ns.setJsonLink = (path, p) => {
    const a = document.getElementById("json-link");
    if (a) a.href = path + (p.toString() ? "?" + p : "");
  };
  // One event as "SRC (words) TYPE TGT", with date, status, chain and a link to its article.
  ns.eventItem = (e) => {
    const li = ns.el("li", "side-event status-" + e.status);
    const head = ns.el("div", "what");
    head.append(
      ns.el("span", "code", e.source || "?"),
      ` ${e.source_text || ""} `,
      ns.el("b", "", (e.negated ? "not " : "") + e.type),
      " ",
      ns.el("span", "code", e.target || "?"),
      ` ${e.target_text || ""}`
    );
    const meta = ns.el("div", "evidence");
    meta.append(`${e.date || "undated"} · `, ns.el("span", "badge status-" + e.status, e.status));
    if (e.place) meta.append(` · ${e.place}`);
    const chain = ns.el("div", "evidence", "according to " + (e.chain ? e.chain.replaceAll(" > ", " → ") : "the outlet"));
    const link = ns.el("a", "", e.title);
    link.href = "/articles/" + encodeURIComponent(e.article_id);
    li.append(head, meta, chain, link);
    return li;
  };
})();
