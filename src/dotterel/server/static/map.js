// dotterel web UI: the map (Leaflet + leaflet.markercluster), filtered by the filter bar.
// The base map is the Natural Earth outlines shipped with the app (TopoJSON turned into
// GeoJSON by topojson-client): no tile server. One marker per event at its place,
// clustered; a marker's popup says who did what to whom, when, and according to whom.
(function () {
  "use strict";
  const ns = window.dotterel || {};
  const box = document.getElementById("map");
  if (!box || !window.L || !ns.filters) return;

  const map = L.map(box, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  map.setView([25, 20], 2);
  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((topo) => {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#b9b3a5", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      })
        .addTo(map)
        .bringToBack();
    });

  let clusters = null;

  function popup(m) {
    const box = ns.el("div", "popup");
    box.appendChild(ns.eventItem(m));
    return box;
  }

  function marker(m) {
    const icon = L.divIcon({ className: "event-marker q" + m.quad, html: "", iconSize: [14, 14] });
    const mk = L.marker([m.lat, m.lon], { icon, title: `${m.source || "?"} ${m.negated ? "not " : ""}${m.type} ${m.target || "?"}` });
    mk.bindPopup(() => popup(m), { maxWidth: 360 });
    return mk;
  }

  function load(p) {
    box.dataset.ready = "false";
    ns.setJsonLink("/api/map", p);
    const n = ns.filters.next();
    fetch("/api/map?" + p)
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ns.filters.current(n)) return; // a later change is loading
        if (!ok) {
          ns.setCount(body.error || "could not load the map");
          return;
        }
        if (clusters) map.removeLayer(clusters);
        clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, chunkedLoading: true });
        // frame the markers first, so that the clusters are made once, at the final zoom
        if (body.markers.length) {
          const bounds = L.latLngBounds(body.markers.map((m) => [m.lat, m.lon]));
          map.fitBounds(bounds, { padding: [60, 60], maxZoom: 5, animate: false });
        }
        clusters.addLayers(body.markers.map(marker));
        map.addLayer(clusters);
        ns.setCount(
          `${body.total} event(s) pass the filters · ${body.markers.length} on the map, ` +
            `${body.unplaced} without a located place`
        );
        ns.legend(document.getElementById("legend"), body.quads, [...new Set(body.markers.map((m) => m.quad))]);
        ns.map = map;
        ns.clusters = clusters;
        box.dataset.ready = "true";
      });
  }

  ns.filters.onChange(load);
})();
