"""The ``sightings`` table: every (article, outlet, url, date, origin) the store has seen.

An article's id is a hash of its text, so a second outlet running the same story adds
no article; it adds a sighting. The table's primary key is the whole tuple, so seeing
the same thing twice adds nothing (ingest stays idempotent). Missing values are stored
as ``''`` (a primary key column cannot be NULL) and read back as ``None``; the date is
an ISO ``YYYY-MM-DD`` string for the same reason. ``first_seen`` (UTC) orders them.

A store made before sightings existed gets the table on its first writable open,
filled with one sighting per stored article (its own metadata).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

from dotterel.model import Sighting

#: Create the table (part of :data:`dotterel.store.schema.EXTRA_DDL`).
SIGHTINGS_DDL = (
    "CREATE TABLE IF NOT EXISTS sightings (\n"
    "  article_id VARCHAR NOT NULL, outlet VARCHAR NOT NULL, url VARCHAR NOT NULL,\n"
    "  pub_date VARCHAR NOT NULL, origin VARCHAR NOT NULL, first_seen TIMESTAMP NOT NULL,\n"
    "  PRIMARY KEY (article_id, outlet, url, pub_date, origin)\n)"
)

#: One sighting per stored article, from its own columns (for stores made before).
_BACKFILL = (
    "INSERT OR IGNORE INTO sightings "
    "SELECT id, coalesce(outlet, ''), coalesce(url, ''), "
    "coalesce(strftime(pub_date, '%Y-%m-%d'), ''), coalesce(origin, ''), ingested_at "
    "FROM articles"
)


def sighting_key(s: Sighting) -> tuple[str, str, str, str, str]:
    """The table's primary key of a sighting (``''`` for what is unknown)."""
    return (
        s.article_id,
        s.outlet or "",
        s.url or "",
        s.pub_date.isoformat() if s.pub_date else "",
        s.origin or "",
    )


def add_sightings(
    con: duckdb.DuckDBPyConnection, sightings: Iterable[Sighting], at: datetime
) -> int:
    """Insert the sightings not stored yet (in the caller's transaction, if any).

    Returns:
        How many were new.
    """
    keys = list(dict.fromkeys(sighting_key(s) for s in sightings))
    if not keys:
        return 0
    one = "(?, ?, ?, ?, ?, ?)"
    rows = con.execute(
        "INSERT OR IGNORE INTO sightings VALUES " + ", ".join([one] * len(keys)) + " RETURNING 1",
        [value for key in keys for value in (*key, at)],
    ).fetchall()
    return len(rows)


def backfill(con: duckdb.DuckDBPyConnection) -> None:
    """Give every stored article without a sighting its own one (a store made before)."""
    con.execute(_BACKFILL)


def read_sightings(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]
) -> dict[str, list[Sighting]]:
    """The stored sightings of each article, first seen first."""
    rows = con.execute(
        "SELECT article_id, outlet, url, pub_date, origin FROM sightings "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY article_id, first_seen, outlet, url, pub_date, origin",
        [list(article_ids)],
    ).fetchall()
    out: dict[str, list[Sighting]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(_from_row(row))
    return out


def _from_row(row: Sequence[Any]) -> Sighting:
    aid, outlet, url, pub, origin = row
    return Sighting(
        aid, outlet or None, url or None, date.fromisoformat(pub) if pub else None, origin or None
    )


__all__ = ["SIGHTINGS_DDL", "add_sightings", "backfill", "read_sightings", "sighting_key"]
