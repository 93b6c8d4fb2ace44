// dotterel web UI: the little interactivity the server-rendered pages need. No libraries.
(function () {
  "use strict";

  // Keep the write token for this tab only (sessionStorage: gone when the tab closes,
  // never shared with other tabs or written to disk), so the form does not ask every time.
  const token = document.getElementById("token");
  if (token) {
    localStorage.removeItem("dotterel-token"); // where older versions kept it
    token.value = sessionStorage.getItem("dotterel-token") || "";
    token.form.addEventListener("submit", () => sessionStorage.setItem("dotterel-token", token.value));
  }

  // Article view: click an event (in the list or in the text) to see its source chain.
  const dataEl = document.getElementById("events-data");
  if (dataEl) {
    const events = JSON.parse(dataEl.textContent);
    const detail = document.getElementById("event-detail");
    const el = (tag, cls, text) => {
      const n = document.createElement(tag);
      if (cls) n.className = cls;
      if (text !== undefined) n.textContent = text;
      return n;
    };
    const show = (id) => {
      const e = events[id];
      if (!e) return;
      document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
      document.querySelectorAll(`[data-event="${id}"]`).forEach((n) => n.classList.add("active"));
      detail.hidden = false;
      document.getElementById("detail-title").textContent =
        `${e.source_code || "?"} — ${e.event_type}${e.cameo ? " (" + e.cameo + ")" : ""} → ${e.target_code || "?"}`;
      const chain = document.getElementById("detail-chain");
      chain.replaceChildren();
      (e.chain || []).forEach((link, i) => {
        if (i) chain.appendChild(el("span", "arrow", "→"));
        const label = link.name + (link.cue ? ` (${link.cue})` : "") + (link.anonymous ? " · anonymous" : "");
        chain.appendChild(el("span", "link" + (link.anonymous ? " anon" : ""), label));
      });
      if (!(e.chain || []).length) chain.appendChild(el("span", "muted", "asserted by the outlet"));
      const fields = document.getElementById("detail-fields");
      fields.replaceChildren();
      const add = (k, v) => { if (v !== null && v !== undefined && v !== "") { fields.appendChild(el("dt", "", k)); fields.appendChild(el("dd", "", String(v))); } };
      add("status", e.status + (e.status_cue ? ` (“${e.status_cue}”)` : ""));
      add("modality", e.modality + (e.negated ? ", negated" : ""));
      add("source", e.source_text);
      add("target", e.target_text);
      add("date", e.date ? `${e.date} (${e.date_source || "?"})` : null);
      add("mode / context", [e.mode, (e.context || []).join(", ")].filter(Boolean).join(" / "));
      add("Goldstein", e.goldstein);
      add("contests", (e.contests || []).join(", "));
      add("contested by", (e.contested_by || []).map((i) => events[i] ? `${events[i].source_code} ${events[i].event_type}` : i).join(", "));
      add("evidence", e.sentence.text);
    };
    document.querySelectorAll("[data-event]").forEach((n) => {
      n.addEventListener("click", () => show(n.dataset.event));
      n.addEventListener("keydown", (ev) => { if (ev.key === "Enter") show(n.dataset.event); });
    });
  }

  // Network: click an actor to highlight its links.
  document.querySelectorAll("svg.network .node").forEach((node) => {
    node.addEventListener("click", () => {
      const code = node.dataset.code;
      const svg = node.ownerSVGElement;
      const on = node.classList.toggle("selected");
      svg.querySelectorAll(".edge").forEach((e) => {
        const hit = e.dataset.source === code || e.dataset.target === code;
        e.classList.toggle("hot", on && hit);
        e.classList.toggle("dim", on && !hit);
      });
    });
  });
})();

// Claims page: picking an actor shows its claims.
(function () {
  "use strict";
  const picker = document.getElementById("claims-actor");
  if (picker) picker.addEventListener("change", () => picker.form.requestSubmit());
})();
