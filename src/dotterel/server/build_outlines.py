"""Build the offline base map of the web UI: country outlines as SVG paths.

Source: the npm package ``world-atlas@2.0.2`` (Natural Earth 4.1.0 admin-0 countries at
1:110m, public domain; packaging ISC, Mike Bostock). Reproduce with::

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m dotterel.server.build_outlines /tmp/package/countries-110m.json

It decodes the TopoJSON (quantised, delta-encoded arcs) and writes
``src/dotterel/server/static/world-110m.json``: ``{"width", "height", "countries":
[{"name", "path"}]}`` with paths in an equirectangular projection (x = lon + 180,
y = 90 - lat, times ``SCALE``), which is what the server-side SVG map draws.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

SCALE = 4  # pixels per degree: 1440 x 720
OUT = Path(__file__).resolve().parent / "static" / "world-110m.json"


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (Russia, Fiji, Antarctica).

    A ring that jumps from 179.9 to -179.9 would draw a line across the whole map; shifted
    by 360 degrees it continues off the edge instead, where the SVG viewBox clips it.
    """
    out = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in itertools.pairwise(ring):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in map(_unwrap, rings):
        coords = [f"{(lon + 180) * SCALE:.1f},{(90 - lat) * SCALE:.1f}" for lon, lat in ring]
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text())
    arcs = _decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = (
            ([geom["arcs"]] if geom["type"] == "Polygon" else geom.get("arcs", []))
            if geom["type"] in ("Polygon", "MultiPolygon")
            else []
        )
        rings = [_ring(r, arcs) for poly in polygons for r in poly]
        if rings:
            countries.append({"name": geom["properties"]["name"], "path": _path(rings)})
    countries.sort(key=lambda c: c["name"])
    out = {
        "source": "Natural Earth 4.1.0 admin-0 1:110m via npm world-atlas@2.0.2 (public domain)",
        "width": 360 * SCALE,
        "height": 180 * SCALE,
        "countries": countries,
    }
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {len(countries)} countries to {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1])
