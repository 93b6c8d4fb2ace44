"""The read side of the web UI: SQL over the store, shaped for pages and the JSON API.

Every function takes a DuckDB connection laid out as ``docs/schema.md`` says and
returns plain dicts, so the same rows feed the HTML pages and ``/api/*``.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb


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


def network(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> dict[str, Any]:
    """Actor network: nodes are actor codes, edges aggregate the events between them.

    An edge keeps its event-type counts, first and last date, and how many distinct
    first-hand sources back it (the innermost link of each chain).
    """
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    degree: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for ev in events(con, dataclasses.replace(flt, limit=100_000)):
        src, tgt = ev["source_code"], ev["target_code"]
        if not src or not tgt or src == tgt:
            continue
        names.setdefault(src, ev["source_text"] or src)
        names.setdefault(tgt, ev["target_text"] or tgt)
        edge = edges.setdefault(
            (src, tgt),
            {
                "source": src,
                "target": tgt,
                "types": defaultdict(int),
                "dates": [],
                "sources": set(),
            },
        )
        edge["types"][ev["event_type"]] += 1
        if ev["date"]:
            edge["dates"].append(ev["date"])
        edge["sources"].add(ev["chain"][-1] if ev["chain"] else ev["outlet"] or "?")
        degree[src] += 1
        degree[tgt] += 1
    out_edges = []
    for edge in edges.values():
        dates = sorted(edge.pop("dates"))
        out_edges.append(
            {
                **edge,
                "types": dict(edge["types"]),
                "weight": sum(edge["types"].values()),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "sources": len(edge["sources"]),
            }
        )
    nodes = [{"id": code, "label": names[code], "degree": d} for code, d in degree.items()]
    return {"nodes": sorted(nodes, key=lambda n: -n["degree"]), "edges": out_edges}


def claims(con: duckdb.DuckDBPyConnection, about: str) -> list[dict[str, Any]]:
    """Claims in which ``about`` (a code prefix) acts or is acted on, with who contests them."""
    rows = events(con, EventFilter(actor=about, limit=2000))
    by_id = {r["id"]: r for r in rows}
    contested = [i for r in rows for i in (r["contested_by"] or [])]
    if contested:
        placeholders = ",".join("?" for _ in contested)
        sql = (
            "SELECT id, source_code, source_text, event_type, status FROM events "
            f"WHERE id IN ({placeholders})"
        )
        for c in _rows(con, sql, contested):
            by_id.setdefault(c["id"], c)
    out = []
    for r in rows:
        if r["event_type"] == "REJECT" and r["contests"]:
            continue  # a denial is shown under the claim it denies
        deniers = [by_id[i] for i in (r["contested_by"] or []) if i in by_id]
        out.append({**r, "contested_by_rows": deniers})
    return out
