"""The read side of the web UI: SQL over the store, shaped for pages and the JSON API.

Every function takes a DuckDB connection laid out as ``docs/schema.md`` says and
returns plain dicts, so the same rows feed the HTML pages and ``/api/*``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from dotterel.model import CodedArticle


@dataclass(slots=True)
class EventFilter:
    """Filters of the events table; every field is optional."""

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    article_id: str | None = None
    limit: int = 500

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            params += [f"{self.actor.upper()}%"] * 2
        if self.type:
            clauses.append("e.event_type = ?")
            params.append(self.type.upper())
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status.lower())
        if self.since:
            clauses.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            # "until 2016-10" includes every date that starts with 2016-10.
            clauses.append("(e.date <= ? OR starts_with(e.date, ?))")
            params += [self.until, self.until]
        if self.place:
            clauses.append("(p.name ILIKE ? OR p.text ILIKE ?)")
            params += [f"%{self.place}%"] * 2
        if self.article_id:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _chain_names(chain: Any) -> list[str]:
    links = json.loads(chain) if isinstance(chain, str) else (chain or [])
    return [str(link.get("name")) for link in links if isinstance(link, dict)]


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events with their article, place and chain, newest first."""
    where, params = flt.where()
    sql = f"""
        SELECT e.id, e.article_id, e.event_type, e.cameo, e.mode, e.source_code,
               e.source_text, e.target_code, e.target_text, e.status, e.status_cue,
               e.modality, e.negated, e.date, e.date_source, e.chain, e.trigger_text,
               e.sentence_text, e.contests, e.contested_by, e.goldstein,
               p.name AS place_name, p.lat, p.lon, p.country_code,
               a.title, a.outlet, a.pub_date
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.id = e.place_id
        {where}
        ORDER BY e.date DESC NULLS LAST, e.id
        LIMIT {int(flt.limit)}
    """
    rows = _rows(con, sql, params)
    for row in rows:
        row["chain"] = _chain_names(row["chain"])
        row["pub_date"] = row["pub_date"].isoformat() if row["pub_date"] else None
    return rows


def articles(con: duckdb.DuckDBPyConnection, limit: int = 200) -> list[dict[str, Any]]:
    """Stored articles with their event counts, most recently ingested first."""
    sql = f"""
        SELECT a.id, a.title, a.outlet, a.url, a.pub_date, a.ingested_at,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,
               (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS n_actors
        FROM articles a ORDER BY a.ingested_at DESC, a.id LIMIT {int(limit)}
    """
    rows = _rows(con, sql, [])
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


def network(coded: Iterable[CodedArticle], flt: EventFilter) -> dict[str, Any]:
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
