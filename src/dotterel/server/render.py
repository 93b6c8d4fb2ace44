"""Server-side drawing: highlighted article text and the SVG map, network and timeline.

Drawing on the server keeps the UI fully offline (no CDN, no tile server, no JS
library): the browser receives finished HTML/SVG, and a few lines of our own script add
clicks and hovers.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from functools import cache
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from dotterel.model import CodedArticle

#: The only URL schemes rendered as links; anything else (``javascript:``, ``data:``,
#: ``vbscript:``, a relative path) is shown as plain text.
LINK_SCHEMES = frozenset({"http", "https"})

#: Span kinds highlighted in the article view, in painting order (later wins on colour).
HIGHLIGHT_KINDS = ("content", "source", "cue", "place", "time", "actor", "trigger")


def http_url(url: str | None) -> str | None:
    """``url`` if it is safe to put in an ``href`` (an absolute http/https URL), else None.

    Browsers drop tabs and newlines inside a URL and spaces or control characters
    around it (``"java\tscript:"`` runs as ``javascript:``), so a URL holding any of
    them is refused rather than cleaned.
    """
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url


def highlighted_text(coded: CodedArticle) -> str:
    """The article text as HTML, every actor, trigger, quote, cue, place and date wrapped.

    Spans overlap (a quote holds actors and triggers), so the text is cut at every span
    boundary and each piece gets the classes of all spans that cover it.
    """
    text = coded.article.text
    spans: list[tuple[int, int, str, dict[str, str]]] = []
    actors = {a.id: a for a in coded.actors}
    for m in coded.mentions:
        if m.actor_id and m.actor_id in actors:
            a = actors[m.actor_id]
            spans.append((m.start, m.end, "actor", {"title": f"{a.code or '?'} — {a.name}"}))
    for e in coded.events:
        label = f"{e.event_type} {e.cameo or ''}".strip()
        spans.append((e.trigger.start, e.trigger.end, "trigger", {"event": e.id, "title": label}))
    for q in coded.attributions:
        spans.append((q.content.start, q.content.end, "content", {"quote": q.id}))
        spans.append((q.cue.start, q.cue.end, "cue", {"quote": q.id, "title": "cue"}))
        if q.source:
            title = "anonymous source" if q.anonymous else "source"
            spans.append((q.source.start, q.source.end, "source", {"quote": q.id, "title": title}))
    for p in coded.places:
        where = f"{p.name or p.text} ({p.level})"
        if p.lat is not None and p.lon is not None:
            where += f" {p.lat:.2f}, {p.lon:.2f}"
        spans.append((p.start, p.end, "place", {"title": where}))
    for t in coded.times:
        spans.append((t.start, t.end, "time", {"title": f"{t.relation} {t.value}"}))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = escape(text[start:end]).replace("\n", "<br>")
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s[2] for s in covering}, key=HIGHLIGHT_KINDS.index)
        attrs: dict[str, str] = {}
        for s in sorted(covering, key=lambda s: HIGHLIGHT_KINDS.index(s[2])):
            attrs.update(s[3])
        data = "".join(
            f' data-{k}="{escape(v)}"' for k, v in attrs.items() if k in ("event", "quote")
        )
        title = f' title="{escape(attrs["title"])}"' if "title" in attrs else ""
        cls = " ".join(f"hl-{k}" for k in kinds)
        out.append(f'<span class="{cls}"{data}{title}>{piece}</span>')
    return "".join(out)


@cache
def _world() -> dict[str, Any]:
    raw = resources.files("dotterel.server").joinpath("static/world-110m.json").read_text()
    return json.loads(raw)


def map_svg(points: list[dict[str, Any]]) -> str:
    """An equirectangular world map with one circle per place, sized by its event count."""
    world = _world()
    scale = world["width"] / 360
    shapes = "".join(
        f'<path d="{c["path"]}"><title>{escape(c["name"])}</title></path>'
        for c in world["countries"]
    )
    dots = []
    for p in points:
        x, y = (p["lon"] + 180) * scale, (90 - p["lat"]) * scale
        r = 4 + 3 * math.sqrt(p["n"])
        label = f"{p['name']}: {p['n']} event(s) — {', '.join(p['types'])}"
        dots.append(
            f'<circle class="place-dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'data-place="{escape(p["name"])}"><title>{escape(label)}</title></circle>'
        )
    return (
        f'<svg class="map" viewBox="0 0 {world["width"]} {world["height"]}" role="img" '
        f'aria-label="map of event locations"><g class="land">{shapes}</g>'
        f'<g class="dots">{"".join(dots)}</g></svg>'
    )


def map_points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events grouped by place for :func:`map_svg`."""
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for e in events:
        if e.get("lat") is None or e.get("lon") is None:
            continue
        key = (round(e["lat"], 3), round(e["lon"], 3))
        p = places.setdefault(
            key, {"lat": e["lat"], "lon": e["lon"], "name": e["place_name"], "n": 0, "t": Counter()}
        )
        p["n"] += 1
        p["t"][e["event_type"]] += 1
    return [
        {**{k: v for k, v in p.items() if k != "t"}, "types": [t for t, _ in p["t"].most_common()]}
        for p in places.values()
    ]


def _layout(graph: Any, width: float, height: float) -> dict[str, tuple[float, float]]:
    """Node positions: each connected part laid out on its own (seeded spring layout) and
    given a share of the canvas by its size, so small separate clusters neither crowd
    the big one nor push it into a corner."""
    import networkx as nx

    parts = sorted(
        (sorted(c) for c in nx.connected_components(graph.to_undirected())),
        key=lambda c: (-len(c), c[0]),
    )
    # Shelf packing: the largest part takes the left of the canvas in proportion to its
    # share of the nodes; the rest fill rows on the right.
    n = sum(len(c) for c in parts)
    big = parts[0]
    big_w = width if len(parts) == 1 else width * max(0.5, min(0.8, len(big) / n + 0.2))
    boxes = [(0.0, 0.0, big_w, height)]
    rest = parts[1:]
    if rest:
        cols = max(1, round(math.sqrt(len(rest) / 2)))
        rows = -(-len(rest) // cols)
        cw, rh = (width - big_w) / cols, height / rows
        boxes += [(big_w + (i % cols) * cw, (i // cols) * rh, cw, rh) for i in range(len(rest))]
    pos: dict[str, tuple[float, float]] = {}
    for part, (x0, y0, w, h) in zip(parts, boxes, strict=True):
        sub = graph.subgraph(part).to_undirected()
        if len(part) == 1:
            local = {part[0]: (0.0, 0.0)}
        else:
            k = 2.0 / math.sqrt(len(part))
            local = nx.spring_layout(sub, seed=7, k=k, iterations=200)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        pad = min(40.0, w / 4, h / 4)
        for node, (x, y) in local.items():
            fx = 0.5 if len(part) == 1 else (x - min(xs)) / span_x
            fy = 0.5 if len(part) == 1 else (y - min(ys)) / span_y
            pos[node] = (x0 + pad + fx * (w - 2 * pad), y0 + pad + fy * (h - 2 * pad))
    return pos


def network_svg(graph: dict[str, Any], width: int = 1100, height: int = 720) -> str:
    """The actor network: connected parts laid out separately, arrows for direction."""
    import networkx as nx

    if not graph["nodes"]:
        return '<p class="empty">No events with both a source and a target yet.</p>'
    g = nx.DiGraph()
    for n in graph["nodes"]:
        g.add_node(n["id"])
    for e in graph["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["weight"])
    pos = _layout(g, width, height)
    small = len(g) > 25  # smaller nodes when the canvas is busy

    parts = [
        f'<svg class="network" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="actor network">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>',
    ]
    for e in graph["edges"]:
        if e["source"] == e["target"]:
            continue  # an actor acting on itself: counted on the node, not drawn
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        types = ", ".join(f"{t} ×{n}" for t, n in sorted(e["types"].items()))
        dates = f"{e['first'] or '?'} – {e['last'] or '?'}"
        title = f"{e['source']} → {e['target']}: {types}; {dates}; {e['sources']} source(s)"
        parts.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{1 + math.log2(1 + e["weight"]):.1f}" marker-end="url(#arrow)" '
            f'data-source="{escape(e["source"])}" data-target="{escape(e["target"])}">'
            f"<title>{escape(title)}</title></line>"
        )
    for n in graph["nodes"]:
        x, y = pos[n["id"]]
        r = (4 if small else 8) + (1.5 if small else 2.5) * math.sqrt(n["degree"])
        parts.append(
            f'<g class="node" data-code="{escape(n["id"])}" transform="translate({x:.1f},{y:.1f})">'
            f'<circle r="{r:.1f}"/><text dy="{-r - 4:.1f}">{escape(n["id"])}</text>'
            f"<title>{escape(n['label'])} ({escape(n['id'])}): {n['degree']} event(s)</title></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(events: list[dict[str, Any]], width: int = 900, height: int = 220) -> str:
    """Events per month as bars (a year-only date counts in its year's January).

    The axis spans the shortest stretch of months that holds 90% of the dated events,
    so a few stray dates ("since 1777", "by 2047") do not squeeze everything else into a
    sliver; how many events fall outside is said under the chart.
    """
    months: Counter[str] = Counter()
    for e in events:
        d = e.get("date") or ""
        if len(d) >= 7 and d[4] == "-" and d[:4].isdigit() and d[5:7].isdigit():
            months[d[:7]] += 1
        elif len(d) == 4 and d.isdigit():
            months[f"{d}-01"] += 1
    if not months:
        return '<p class="empty">No dated events yet.</p>'
    dated = sorted(months.elements())
    keep = max(1, -(-len(dated) * 9 // 10))

    def index(key: str) -> int:
        return int(key[:4]) * 12 + int(key[5:7])

    start = min(
        range(len(dated) - keep + 1),
        key=lambda i: index(dated[i + keep - 1]) - index(dated[i]),
    )
    lo, hi = dated[start], dated[start + keep - 1]
    outside = sum(n for k, n in months.items() if not lo <= k <= hi)
    first_y, first_m = map(int, lo.split("-"))
    last_y, last_m = map(int, hi.split("-"))
    span = (last_y - first_y) * 12 + (last_m - first_m) + 1
    top = max(n for k, n in months.items() if lo <= k <= hi)
    bar_w = (width - 60) / span
    years = last_y - first_y + 1
    step = max(1, -(-years // 12))  # at most about a dozen year labels
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="timeline">'
    ]
    for i in range(span):
        y, m = divmod(first_m - 1 + i, 12)
        key = f"{first_y + y:04d}-{m + 1:02d}"
        n = months.get(key, 0)
        x = 40 + i * bar_w
        h = (height - 50) * n / top
        if n:
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{height - 30 - h:.1f}" '
                f'width="{max(1.0, bar_w - 1):.1f}" '
                f'height="{h:.1f}"><title>{key}: {n} event(s)</title></rect>'
            )
        if (m == 0 or i == 0) and (first_y + y - first_y) % step == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 10}">{first_y + y}</text>')
    parts.append(f'<text x="4" y="24">{top}</text></svg>')
    if outside:
        parts.append(f'<p class="muted">{outside} event(s) dated outside {lo} – {hi}.</p>')
    return "".join(parts)
