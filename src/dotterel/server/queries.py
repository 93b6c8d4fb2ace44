"""The read side of the web UI: SQL over the store, shaped for pages and the JSON API.

Every function takes a DuckDB connection laid out as ``docs/schema.md`` says and
returns plain dicts, so the same rows feed the HTML pages and ``/api/*``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from dotterel.model import CodedArticle
from dotterel.query import EVENT_COLUMNS
from dotterel.query import events as query_events
from dotterel.store import fetch_dicts
from dotterel.store.filters import EventFilter


class BadFilter(ValueError):
    """A filter value the query cannot read (``since=soon``); the API answers 422."""


@dataclass(slots=True)
class PageFilter:
    """Filters of the events pages, as the query string gives them; every field is
    optional. ``actor``, ``type``, ``status``, ``since`` and ``until`` are those of
    :class:`dotterel.store.filters.EventFilter` (``dotterel events``); ``place`` matches
    a place name."""

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    limit: int = 500

    def where(self) -> EventFilter:
        """The event filter, or :class:`BadFilter` (422) for a value it cannot read."""
        try:
            return EventFilter(self.actor, self.type, self.since, self.until, self.status)
        except ValueError as exc:
            raise BadFilter(str(exc)) from exc


#: What the pages show of an event, on top of ``dotterel events``' columns.
_PAGE_COLUMNS = (*EVENT_COLUMNS, "title", "lat", "lon")


def events(con: duckdb.DuckDBPyConnection, flt: PageFilter) -> list[dict[str, Any]]:
    """Events with their article, place and chain, newest first.

    The filtering is :func:`dotterel.query.events`' own, so the pages, the API and the
    command line select the same events.
    """
    frame = query_events(con, where=flt.where(), columns=_PAGE_COLUMNS)
    if flt.place and len(frame):
        frame = frame[frame["place"].fillna("").str.contains(flt.place, case=False, regex=False)]
    # dotterel.query sorts oldest first with the undated last; the pages want newest
    # first, the undated still last
    newest_first = frame.iloc[::-1].sort_values("date", key=lambda d: d.isna(), kind="stable")
    rows = []
    for record in newest_first.head(flt.limit).to_dict("records"):
        row = {k: (None if _missing(v) else v) for k, v in record.items()}
        row["id"] = row.pop("event_id")
        row["place_name"] = row.pop("place")
        contested = row["contested_by"]
        row["contested_by"] = list(contested) if contested is not None else []
        rows.append(row)
    return rows


def _missing(value: Any) -> bool:
    """A null cell (None, NaN, pandas NA), but not a list."""
    return not isinstance(value, list | tuple | np.ndarray) and bool(pd.isna(value))


def articles(con: duckdb.DuckDBPyConnection, limit: int = 200) -> list[dict[str, Any]]:
    """Stored articles with their event counts, most recently ingested first."""
    sql = f"""
        SELECT a.id, a.title, a.outlet, a.url, a.pub_date, a.ingested_at,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,
               (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS n_actors
        FROM articles a ORDER BY a.ingested_at DESC, a.id LIMIT {int(limit)}
    """
    rows = fetch_dicts(con, sql)
    for row in rows:
        row["pub_date"] = row["pub_date"].isoformat() if row["pub_date"] else None
        row["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None
    return rows


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    out = {}
    for table in ("articles", "events", "actors", "attributions", "places", "rejects"):
        (n,) = con.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,)
        out[table] = int(n)
    return out


def network(coded: Iterable[CodedArticle], flt: PageFilter) -> dict[str, Any]:
    """The actor network of :mod:`dotterel.network` (merged events, independent sources),
    shaped for the page and ``/api/network``; nodes at the top level (``TAL``, ``AFG``)."""
    from dotterel.merge import merge_events
    from dotterel.network import actor_network

    clusters = [
        c
        for c in merge_events(list(coded))
        if (not flt.type or c.event_type == flt.type.upper())
        and (
            not flt.actor
            or any(
                (code or "").startswith(flt.actor.upper())
                for code in (c.source_code, c.target_code)
            )
        )
    ]
    graph = actor_network(clusters, level="top")
    nodes = [
        {"id": n, "label": d["label"], "degree": d["n_events"]} for n, d in graph.nodes(data=True)
    ]
    edges = [
        {
            "source": u,
            "target": v,
            "types": {t: int(n) for t, n in (p.split(":") for p in d["types"].split(";") if p)},
            "weight": d["weight"],
            "first": d["first_date"] or None,
            "last": d["last_date"] or None,
            "sources": d["n_sources"],
            "articles": d["n_articles"],
        }
        for u, v, d in graph.edges(data=True)
    ]
    return {"nodes": sorted(nodes, key=lambda n: -n["degree"]), "edges": edges}
