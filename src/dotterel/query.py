"""Queries over the store that return pandas DataFrames (the CLI prints the same frames).

::

    from dotterel.query import events, claims
    events("news.duckdb", actor="IRN", type="AID", since="2016-01", status="denied")
    claims(store, about="IRN")

``conn_or_store`` is a :class:`dotterel.store.Store`, a DuckDB connection to a store, or
the path of a store file (opened read-only for the query).

Filters (``actor``, ``type``, ``since``/``until``, ``status``, ``role``) are those of
:class:`dotterel.store.filters.EventFilter`, which documents what each means
(``contested``: events another event denies or confirms).

:func:`claims` answers "which claims about Iran are denied, and by whom?" through
:func:`dotterel.store.claims.claims_about`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from dotterel.model import CodedArticle
from dotterel.store.filters import EventFilter
from dotterel.timex import interval

if TYPE_CHECKING:
    import duckdb


LOGGER = logging.getLogger(__name__)

#: Columns of :func:`events`, in order.
EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "date_source",
    "source_code",
    "source_text",
    "event_type",
    "cameo",
    "target_code",
    "target_text",
    "status",
    "status_cue",
    "modality",
    "chain",
    "place",
    "country_code",
    "outlet",
    "pub_date",
    "url",
    "trigger_text",
    "sentence_text",
    "contested_by",
)


@contextmanager
def connect(conn_or_store: Any) -> Iterator[duckdb.DuckDBPyConnection]:
    """The DuckDB connection behind a Store, a connection, or a store path."""
    if isinstance(conn_or_store, str | Path):
        from dotterel.store import Store

        with Store(conn_or_store, read_only=True) as store:
            yield store.connection
        return
    con = getattr(conn_or_store, "connection", conn_or_store)
    if not hasattr(con, "execute"):
        raise TypeError(
            f"expected a Store, a DuckDB connection or a path, not {type(conn_or_store).__name__}"
        )
    yield con


def chain_text(chain: Any) -> str:
    """A stored chain (JSON array or list of links) as ``Outlet > NYT > officials``."""
    if chain is None:
        return ""
    if isinstance(chain, str):
        try:
            chain = json.loads(chain)
        except ValueError:
            return chain
    names = [
        (link.get("name") if isinstance(link, dict) else getattr(link, "name", "")) or ""
        for link in chain
    ]
    return " > ".join(n for n in names if n)


def _date_filter(frame: pd.DataFrame, flt: EventFilter) -> pd.DataFrame:
    if not flt.since and not flt.until:
        return frame
    return frame[frame["date"].map(flt.keeps_date)] if len(frame) else frame


def _by_date(frame: pd.DataFrame) -> pd.DataFrame:
    """Order by the first day each event's date covers (undated last), then id."""
    if not len(frame):
        return frame

    def key(value: Any) -> str:
        span = interval(value) if isinstance(value, str) else None
        return span.start.isoformat() if span else "9999-99-99"

    order = frame["date"].map(key)
    return frame.assign(_order=order).sort_values(["_order", "event_id"]).drop(columns="_order")


def events(
    conn_or_store: Any,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    *,
    role: str = "any",
    limit: int | None = None,
    columns: Sequence[str] = EVENT_COLUMNS,
    where: EventFilter | None = None,
) -> pd.DataFrame:
    """Stored events matching the filters (see the module docstring), one row each.

    ``where`` is an :class:`~dotterel.store.filters.EventFilter` built already; without
    it the filter is built from ``actor`` .. ``role``. ``columns`` may add ``title``
    (the article's), ``lat`` and ``lon`` (the event's place) to :data:`EVENT_COLUMNS`,
    for a map or a page that links to the article.

    Returns:
        A DataFrame with ``columns``, ordered by date then event id; ``chain`` is the
        readable source chain and ``contested_by`` a list of event ids.

    Raises:
        ValueError: a bad role or date (before any SQL runs).
    """
    flt = where if where is not None else EventFilter(actor, type, since, until, status, role)
    condition, params = flt.sql("e")
    sql = f"""
        SELECT e.id AS event_id, e.article_id, e.date, e.date_source, e.source_code,
               e.source_text, e.event_type, e.cameo, e.target_code, e.target_text, e.status,
               e.status_cue, e.modality, e.chain, coalesce(p.name, p.text) AS place,
               p.country_code, a.outlet, CAST(a.pub_date AS VARCHAR) AS pub_date, a.url,
               e.trigger_text, e.sentence_text, e.contested_by, a.title, p.lat, p.lon
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.id = e.place_id
        {"WHERE " + condition if condition else ""}
        ORDER BY e.id
    """
    with connect(conn_or_store) as con:
        frame = con.execute(sql, params).df()
    frame = _date_filter(frame, flt)
    frame = _by_date(frame)
    frame = frame.assign(chain=frame["chain"].map(chain_text) if len(frame) else frame["chain"])
    if limit is not None:
        frame = frame.head(limit)
    return frame.reset_index(drop=True)[list(columns)]


def select_events(coded: Iterable[CodedArticle], where: EventFilter) -> Iterator[CodedArticle]:
    """The articles with only the events ``where`` matches (other records unchanged)."""
    for c in coded:
        events = [e for e in c.events if where.matches(e, c)]
        yield c if len(events) == len(c.events) else dataclasses.replace(c, events=events)


#: Columns of :func:`claims`, in order (``contested_by`` holds the full denier records).
CLAIM_COLUMNS = (
    "claim_id",
    "article_id",
    "date",
    "source_code",
    "event_type",
    "target_code",
    "status",
    "status_cue",
    "chain",
    "contested",
    "trigger",
    "text",
    "contested_by",
)


def _contest_text(contesters: list[dict[str, Any]]) -> str:
    """``denied by Iran (Plains Tribune > Iran's foreign ministry)``, one per contester."""
    parts = []
    for d in contesters:
        who = d.get("source_text") or d.get("source_code") or d.get("id")
        via = chain_text(d.get("chain"))
        verb = "denied" if d.get("relation") == "denies" else "confirmed"
        parts.append(f"{verb} by {who}" + (f" ({via})" if via else ""))
    return "; ".join(parts)


def claims(
    conn_or_store: Any,
    about: str,
    *,
    relation: str | None = None,
    contested_only: bool = True,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> pd.DataFrame:
    """Claims about an actor and who denies or confirms them, as a DataFrame.

    The contested-claims logic is :func:`dotterel.store.claims.claims_about`; this adds the
    event dates, readable chains, and the same status/date filters as :func:`events`.

    Args:
        conn_or_store: a Store, a DuckDB connection or a store path.
        about: actor code (a prefix of the claim's source or target code).
        relation: ``denies`` or ``confirms`` to keep only that kind of contest.
        contested_only: leave out claims nobody denies or confirms.
        status: the claims' own statuses (comma-separated).
        since, until: as for :func:`events`.

    Returns:
        :data:`CLAIM_COLUMNS`; ``contested`` is a readable summary of ``contested_by``
        (a list of ``{id, relation, article_id, source_code, source_text, text, chain}``).
    """
    from dotterel.store.claims import claims_about

    with connect(conn_or_store) as con:
        rows = claims_about(con, about, relation=relation, contested_only=contested_only)
        ids = [r["claim_id"] for r in rows]
        dates = (
            dict(
                con.execute(
                    "SELECT id, date FROM events WHERE list_contains(?, id)", [ids]
                ).fetchall()
            )
            if ids
            else {}
        )
    frame = pd.DataFrame.from_records(
        [
            {
                **r,
                "date": dates.get(r["claim_id"]),
                "chain": chain_text(r.get("chain")),
                "contested": _contest_text(r.get("contested_by") or []),
            }
            for r in rows
        ],
        columns=list(CLAIM_COLUMNS),
    )
    if status:
        wanted = {s.strip().lower() for s in status.split(",") if s.strip()}
        frame = frame[frame["status"].isin(wanted)]
    frame = _date_filter(frame, EventFilter(since=since, until=until))
    return frame.reset_index(drop=True)


__all__ = [
    "CLAIM_COLUMNS",
    "EVENT_COLUMNS",
    "EventFilter",
    "chain_text",
    "claims",
    "connect",
    "events",
    "select_events",
]
