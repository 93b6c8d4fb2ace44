"""The data of the interactive views (network, map, timeline), shaped for their scripts.

Each function takes the filter bar's :class:`~dotterel.server.queries.PageFilter` and
returns plain JSON-ready dicts for ``/api/network``, ``/api/map`` and ``/api/timeline``;
the selection is always :class:`dotterel.store.filters.EventFilter`'s (through
:func:`dotterel.query.events` or :func:`dotterel.query.select_events`), so the views,
the events page and the command line agree on which events pass.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import duckdb
import pandas as pd

from dotterel.query import chain_text, select_events
from dotterel.server.queries import PageFilter, event_frame
from dotterel.store import Store
from dotterel.store.filters import QUAD_CLASSES
from dotterel.timex import interval

#: Actor levels of the filter bar -> :data:`dotterel.network.LEVELS`.
ACTOR_LEVELS: dict[str, str] = {"country": "top", "role": "full", "entity": "entity"}

#: Quad classes as the views key them: "0" holds events without one.
QUAD_KEYS: tuple[str, ...] = ("1", "2", "3", "4", "0")
QUAD_LABELS: dict[str, str] = {**{str(k): v for k, v in QUAD_CLASSES.items()}, "0": "no class"}


def _value(v: Any) -> Any:
    """A JSON-ready cell: NaN and NA become None, numpy scalars plain numbers."""
    if v is None or isinstance(v, str | bool):
        return v
    if pd.isna(v):
        return None
    return v.item() if hasattr(v, "item") else v


def network(store: Store, flt: PageFilter, level: str = "country") -> dict[str, Any]:
    """The actor network of the events that pass ``flt``.

    Nodes are actors at ``level`` (:data:`ACTOR_LEVELS`); an edge counts the merged
    events (:mod:`dotterel.merge`) from one actor to another, their independent sources
    and quad classes, and lists the event records behind it, which ``events`` describes.
    """
    from dotterel.merge import merge_events
    from dotterel.network import actor_network

    if level not in ACTOR_LEVELS:
        raise ValueError(f"level must be one of {', '.join(ACTOR_LEVELS)}, not {level!r}")
    where = flt.where()
    coded = list(store.iter_coded())
    if where:
        coded = [c for c in select_events(coded, where) if c.events]
    n_events = sum(len(c.events) for c in coded)
    graph = actor_network(merge_events(coded), level=ACTOR_LEVELS[level], with_events=True)
    records = {e.id: (e, c) for c in coded for e in c.events}
    events: dict[str, dict[str, Any]] = {}
    edges = []
    for u, v, d in graph.edges(data=True):
        quads: Counter[str] = Counter()
        for event_id in d["event_ids"]:
            e, c = records[event_id]
            quads[str(e.quad_class or 0)] += 1
            events[event_id] = {
                "id": e.id,
                "date": e.date,
                "type": e.event_type,
                "negated": e.negated,
                "quad": str(e.quad_class or 0),
                "status": e.status,
                "source": e.source_code,
                "source_text": e.source_text,
                "target": e.target_code,
                "target_text": e.target_text,
                "chain": chain_text(e.chain),
                "article_id": c.article.id,
                "title": c.article.title or c.article.outlet or c.article.id,
            }
        classed = [(n, q) for q, n in quads.items() if q != "0"]
        edges.append(
            {
                "id": f"{u}->{v}",
                "source": u,
                "target": v,
                "weight": d["n_events"],
                "sources": d["n_sources"],
                "source_names": [s for s in d["sources"].split(";") if s],
                "articles": d["n_articles"],
                "types": dict(p.split(":") for p in d["types"].split(";") if p),
                "quads": dict(quads),
                "quad": max(classed)[1] if classed else "0",
                "first": d["first_date"] or None,
                "last": d["last_date"] or None,
                "events": d["event_ids"],
            }
        )
    nodes = [
        {
            "id": n,
            "code": d["code"],
            "name": d["label"],
            "label": n if level == "entity" else f"{d['code']} {d['label']}",
            "degree": d["n_events"],
        }
        for n, d in graph.nodes(data=True)
    ]
    return {
        "level": level,
        "n_events": n_events,
        "nodes": sorted(nodes, key=lambda n: -n["degree"]),
        "edges": edges,
        "events": events,
        "quads": QUAD_LABELS,
    }


_MAP_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "source_code",
    "source_text",
    "event_type",
    "target_code",
    "target_text",
    "status",
    "negated",
    "chain",
    "place",
    "title",
    "outlet",
    "lat",
    "lon",
    "quad_class",
)


def map_events(con: duckdb.DuckDBPyConnection, flt: PageFilter) -> dict[str, Any]:
    """The events that pass ``flt`` and have a place with coordinates, one marker each;
    ``total`` counts every passing event, ``unplaced`` those without coordinates."""
    frame = event_frame(con, flt, _MAP_COLUMNS)
    placed = frame[frame["lat"].notna() & frame["lon"].notna()] if len(frame) else frame
    markers = [
        {
            "id": r["event_id"],
            "lat": round(float(r["lat"]), 4),
            "lon": round(float(r["lon"]), 4),
            "place": _value(r["place"]),
            "date": _value(r["date"]),
            "type": r["event_type"],
            "negated": bool(_value(r["negated"])),
            "quad": str(int(r["quad_class"])) if _value(r["quad_class"]) is not None else "0",
            "status": r["status"],
            "source": _value(r["source_code"]),
            "source_text": _value(r["source_text"]),
            "target": _value(r["target_code"]),
            "target_text": _value(r["target_text"]),
            "chain": _value(r["chain"]) or _value(r["outlet"]) or "",
            "article_id": r["article_id"],
            "title": _value(r["title"]) or r["article_id"],
        }
        for r in placed.to_dict("records")
    ]
    return {
        "total": len(frame),
        "unplaced": len(frame) - len(markers),
        "markers": markers,
        "quads": QUAD_LABELS,
    }


def timeline(con: duckdb.DuckDBPyConnection, flt: PageFilter) -> dict[str, Any]:
    """Events per day over the whole range of their dates, by quad class.

    Every dated event is counted, however far it lies from the others; the page bins
    the days by year, month or day to suit the stretch it shows, and zooms. An event
    counts on the first day its date covers (``2019`` on 1 January 2019, ``2019-W10``
    on its Monday). ``days`` lists the days that have events, oldest first, and
    ``counts[quad]`` runs along them.
    """
    frame = event_frame(con, flt, ("event_id", "date", "quad_class"))
    per_day: dict[str, Counter[str]] = {}
    for value, quad in zip(frame["date"], frame["quad_class"], strict=True):
        span = interval(value) if isinstance(value, str) else None
        if span is not None:
            q = _value(quad)
            per_day.setdefault(span.start.isoformat(), Counter())[
                str(int(q)) if q is not None else "0"
            ] += 1
    days = sorted(per_day)
    dated = sum(sum(c.values()) for c in per_day.values())
    counts = {q: [per_day[d][q] for d in days] for q in QUAD_KEYS}
    return {
        "total": len(frame),
        "undated": len(frame) - dated,
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "days": days,
        "counts": {q: c for q, c in counts.items() if any(c)},
        "quads": QUAD_LABELS,
    }


__all__ = ["ACTOR_LEVELS", "QUAD_KEYS", "QUAD_LABELS", "map_events", "network", "timeline"]
