"""The read side of the web UI: SQL over the store, shaped for pages and the JSON API.

Every function takes a DuckDB connection laid out as ``docs/schema.md`` says and
returns plain dicts, so the same rows feed the HTML pages and ``/api/*``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from dotterel.query import EVENT_COLUMNS
from dotterel.query import events as query_events
from dotterel.store import fetch_dicts
from dotterel.store.filters import EventFilter
from dotterel.timex import interval


class BadFilter(ValueError):
    """A filter value the query cannot read (``since=soon``); the API answers 422."""


@dataclass(slots=True)
class PageFilter:
    """Filters of the pages and views (the filter bar), as the query string gives them;
    every field is optional. ``actor``, ``type``, ``status``, ``since``, ``until`` and
    ``quad`` (quad class) are those of :class:`dotterel.store.filters.EventFilter`
    (``dotterel events``); ``place`` matches a place name; events told as history are
    left out unless ``background``."""

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    limit: int = 500
    quad: str | None = None
    background: bool = False

    def where(self) -> EventFilter:
        """The event filter, or :class:`BadFilter` (422) for a value it cannot read."""
        try:
            return EventFilter(
                self.actor,
                self.type,
                self.since,
                self.until,
                self.status,
                quad_class=self.quad,
                include_background=self.background,
            )
        except ValueError as exc:
            raise BadFilter(str(exc)) from exc


#: What the pages show of an event, on top of ``dotterel events``' columns.
_PAGE_COLUMNS = (*EVENT_COLUMNS, "title")


def event_frame(
    con: duckdb.DuckDBPyConnection, flt: PageFilter, columns: tuple[str, ...] = _PAGE_COLUMNS
) -> pd.DataFrame:
    """The filtered events as :func:`dotterel.query.events` gives them (oldest first,
    undated last), less those whose place does not match ``flt.place``."""
    if flt.place and "place" not in columns:
        columns = (*columns, "place")
    frame = query_events(con, where=flt.where(), columns=columns)
    if flt.place and len(frame):
        frame = frame[frame["place"].fillna("").str.contains(flt.place, case=False, regex=False)]
    return frame


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    # dotterel.query sorts oldest first with the undated last; the pages want newest
    # first, the undated still last
    return frame.iloc[::-1].sort_values("date", key=lambda d: d.isna(), kind="stable")


def _page_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for record in frame.to_dict("records"):
        row = {k: (None if _missing(v) else v) for k, v in record.items()}
        row["id"] = row.pop("event_id")
        row["place_name"] = row.pop("place")
        contested = row["contested_by"]
        row["contested_by"] = list(contested) if contested is not None else []
        rows.append(row)
    return rows


def events(con: duckdb.DuckDBPyConnection, flt: PageFilter) -> list[dict[str, Any]]:
    """Events with their article, place and chain, newest first.

    The filtering is :func:`dotterel.query.events`' own, so the pages, the API and the
    command line select the same events.
    """
    return _page_rows(_newest_first(event_frame(con, flt)).head(flt.limit))


#: Sortable columns of the events page: the name in the query string -> the column.
SORT_COLUMNS: dict[str, str] = {
    "date": "date",
    "source": "source_code",
    "type": "event_type",
    "target": "target_code",
    "status": "status",
    "place": "place",
    "article": "title",
}


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of the events list."""

    rows: list[dict[str, Any]]
    #: Events that pass the filters, on every page.
    total: int
    #: 1-based; clamped to the pages there are.
    page: int
    pages: int
    size: int


def event_page(
    con: duckdb.DuckDBPyConnection,
    flt: PageFilter,
    *,
    sort: str = "date",
    descending: bool = True,
    page: int = 1,
    size: int = 50,
) -> EventPage:
    """One page of the filtered events, sorted by a :data:`SORT_COLUMNS` key.

    Dates sort by the first day they cover (the order of :func:`dotterel.query.events`),
    so ``2019-W10`` sits among the March days; empty values go last either way.
    """
    if sort not in SORT_COLUMNS:
        raise BadFilter(f"sort must be one of {', '.join(SORT_COLUMNS)}, not {sort!r}")
    ordered = _ordered_ids(con, flt, SORT_COLUMNS[sort], descending)
    total = len(ordered)
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    wanted = ordered[(page - 1) * size : page * size]
    frame = query_events(con, where=flt.where(), columns=_PAGE_COLUMNS, ids=wanted)
    position = {event_id: i for i, event_id in enumerate(wanted)}
    frame = frame.sort_values("event_id", key=lambda ids: ids.map(position))
    return EventPage(rows=_page_rows(frame), total=total, page=page, pages=pages, size=size)


#: What each sort column is in SQL over ``events e``, ``articles a``, ``places p``.
_SORT_SQL = {
    "date": "e.date",
    "source_code": "e.source_code",
    "event_type": "e.event_type",
    "target_code": "e.target_code",
    "status": "e.status",
    "place": "coalesce(p.name, p.text)",
    "title": "a.title",
}


@lru_cache(maxsize=65536)
def _first_day(value: str) -> str | None:
    span = interval(value)
    return span.start.isoformat() if span else None


def _ordered_ids(
    con: duckdb.DuckDBPyConnection, flt: PageFilter, column: str, descending: bool
) -> list[str]:
    """The ids of every event that passes ``flt``, in page order, read without their
    texts and chains (only the page's rows are read in full).

    Dates order by the first day they cover, then id (:func:`dotterel.query.events`'
    order), newest first when ``descending``; another column orders by its value,
    case-blind, events of equal value newest first; empty values go last either way.
    """
    where = flt.where()
    condition, params = where.sql("e")
    rows = con.execute(
        f"""
        SELECT e.id, e.date, {_SORT_SQL[column]}, coalesce(p.name, p.text)
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.id = e.place_id
        {"WHERE " + condition if condition else ""}
        """,
        params,
    ).fetchall()
    if where.since or where.until:
        rows = [r for r in rows if where.keeps_date(r[1])]
    if flt.place:
        needle = flt.place.casefold()
        rows = [r for r in rows if needle in (r[3] or "").casefold()]
    starts = {r[0]: (_first_day(r[1]) if isinstance(r[1], str) else None) for r in rows}
    # newest first: (first day, id) descending, undated last
    by_date = sorted(
        (r for r in rows if starts[r[0]]), key=lambda r: (starts[r[0]], r[0]), reverse=True
    ) + sorted((r for r in rows if not starts[r[0]]), key=lambda r: r[0])
    if column == "date":
        if not descending:
            dated = by_date[: sum(1 for r in rows if starts[r[0]])]
            by_date = dated[::-1] + by_date[len(dated) :]
        return [r[0] for r in by_date]
    valued = [r for r in by_date if r[2] not in (None, "")]
    # a stable sort, also with reverse=True: equal values stay newest first
    valued.sort(key=lambda r: str(r[2]).casefold(), reverse=descending)
    return [r[0] for r in valued] + [r[0] for r in by_date if r[2] in (None, "")]


def actors_in_events(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every actor code that stored events name, with its most frequent actor name and
    how many events name it (most first): the pickers of the claims page and filter bar."""
    sql = """
        WITH sides AS (
            SELECT source_code AS code, source_actor_id AS actor_id FROM events
            UNION ALL
            SELECT target_code, target_actor_id FROM events
        ), named AS (
            SELECT s.code, x.name, count(*) AS n
            FROM sides s LEFT JOIN actors x ON x.id = s.actor_id
            WHERE s.code IS NOT NULL GROUP BY s.code, x.name
        )
        SELECT code, arg_max(name, n) AS name, sum(n)::BIGINT AS n_events
        FROM named GROUP BY code ORDER BY n_events DESC, code
    """
    return fetch_dicts(con, sql)


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
