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

#: Columns of :func:`events`, in order. ``date`` is the TIMEX value as coded (``2016``,
#: ``2016-10``, ``2016-10-09``); ``date_start``/``date_end`` are the first and last day it
#: covers (datetimes) and ``date_precision`` how precise it is (``day``, ``week``,
#: ``month``, ``season``, ``quarter``, ``half``, ``year``, ``decade``, ``century``).
EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "source_code",
    "source_text",
    "event_type",
    "mode",
    "context",
    "cameo",
    "quad_class",
    "goldstein",
    "target_code",
    "target_text",
    "status",
    "status_cue",
    "modality",
    "negated",
    "background",
    "symmetric",
    "inferred",
    "confidence",
    "killed",
    "injured",
    "arrested",
    "chain",
    "place",
    "place_text",
    "place_level",
    "place_source",
    "country_code",
    "admin1",
    "lat",
    "lon",
    "outlet",
    "pub_date",
    "url",
    "trigger_text",
    "sentence_text",
    "contested_by",
)
#: Column dtypes of :func:`events` and :func:`claims` (others are text or objects).
_INTS = ("quad_class", "killed", "injured", "arrested", "reports", "outlets")
_FLOATS = ("goldstein", "confidence", "lat", "lon")
_BOOLS = ("negated", "background", "symmetric")
_LISTS = ("context", "contested_by", "outlet_names", "inferred")


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


def _as_list(value: Any) -> list[Any]:
    """A list cell as a Python list (DuckDB hands back arrays, NULL for none)."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if hasattr(value, "tolist"):
        return list(value.tolist())
    try:
        return [] if pd.isna(value) else [value]
    except (TypeError, ValueError):
        return list(value)


def with_date_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``date_start``, ``date_end`` (datetimes) and ``date_precision`` from the TIMEX
    ``date`` column (NaT and NA when undated or not a date)."""
    spans = [interval(v) if isinstance(v, str) else None for v in frame["date"]]
    return frame.assign(
        date_start=pd.to_datetime(
            pd.Series([s.start if s else None for s in spans], index=frame.index, dtype=object)
        ),
        date_end=pd.to_datetime(
            pd.Series([s.end if s else None for s in spans], index=frame.index, dtype=object)
        ),
        date_precision=pd.Series(
            [s.precision if s else None for s in spans], index=frame.index, dtype="string"
        ),
    )


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a query frame its real dtypes: dates as datetimes (plus ``date_start``,
    ``date_end``, ``date_precision`` from the TIMEX ``date``), counts and quad class as
    ``Int64``, scores and coordinates as floats, flags as ``boolean``, lists as lists."""
    frame = with_date_columns(frame)
    out = {}
    for col in frame.columns:
        values = frame[col]
        if col in _INTS:
            out[col] = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif col in _FLOATS:
            out[col] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif col in _BOOLS:
            out[col] = values.astype("boolean")
        elif col in _LISTS:
            out[col] = pd.Series([_as_list(v) for v in values], index=frame.index, dtype=object)
        elif col == "pub_date":
            out[col] = pd.to_datetime(values, errors="coerce")
        else:
            out[col] = values
    return pd.DataFrame(out, index=frame.index)


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
    ids: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Stored events matching the filters (see the module docstring), one row each.

    ``where`` is an :class:`~dotterel.store.filters.EventFilter` built already; without
    it the filter is built from ``actor`` .. ``role``. ``columns`` may add ``title``
    (the article's) to :data:`EVENT_COLUMNS`, for a page that links to the article.
    ``ids`` keeps only those events (one page of a list the caller ordered).

    Returns:
        A DataFrame with ``columns``, ordered by date then event id, with real dtypes:
        ``date_start``/``date_end``/``pub_date`` datetimes and ``date_precision`` beside
        the TIMEX ``date``; ``goldstein``, ``confidence``, ``lat``, ``lon`` floats;
        ``quad_class``, ``killed``, ``injured``, ``arrested`` ``Int64`` (NA when unknown);
        ``negated``, ``background``, ``symmetric`` booleans; ``context``, ``inferred`` and
        ``contested_by`` lists.
        ``place`` is the place's resolved name (else its words, ``place_text``), with its
        ``place_level``, ``country_code`` (ISO alpha-2), ``admin1``, ``lat``, ``lon``
        joined from the places table; ``chain`` is the readable source chain.

    Raises:
        ValueError: a bad role, status, type or date (before any SQL runs).
    """
    flt = where if where is not None else EventFilter(actor, type, since, until, status, role)
    condition, params = flt.sql("e")
    if ids is not None:
        condition = " AND ".join(c for c in (condition, "list_contains(?, e.id)") if c)
        params = [*params, list(ids)]
    sql = f"""
        SELECT e.id AS event_id, e.article_id, e.date, e.date_source, e.source_code,
               e.source_text, e.event_type, e.mode, e.context, e.cameo, e.quad_class,
               e.goldstein, e.target_code, e.target_text, e.status, e.status_cue,
               e.modality, e.negated, e.background, e.symmetric, e.inferred,
               e.confidence, e.killed, e.injured,
               e.arrested, e.chain, coalesce(p.name, p.text) AS place,
               p.text AS place_text, p.level AS place_level, e.place_source,
               p.country_code, p.admin1, p.lat, p.lon, a.outlet, a.pub_date, a.url,
               e.trigger_text, e.sentence_text, e.contested_by, a.title
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
    return typed(frame.reset_index(drop=True))[list(dict.fromkeys(columns))]


def select_events(coded: Iterable[CodedArticle], where: EventFilter) -> Iterator[CodedArticle]:
    """The articles with only the events ``where`` matches (other records unchanged)."""
    for c in coded:
        events = [e for e in c.events if where.matches(e, c)]
        yield c if len(events) == len(c.events) else dataclasses.replace(c, events=events)


def drop_background(coded: Iterable[CodedArticle]) -> Iterator[CodedArticle]:
    """The articles without the events they mention as history (``Event.background``),
    which exports leave out unless asked for."""
    for c in coded:
        events = [e for e in c.events if not e.background]
        yield c if len(events) == len(c.events) else dataclasses.replace(c, events=events)


#: Columns of :func:`claims`, in order (``contested_by`` holds the full denier records).
CLAIM_COLUMNS = (
    "claim_id",
    "article_id",
    "outlet",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "source_code",
    "event_type",
    "target_code",
    "role",
    "status",
    "status_cue",
    "chain",
    "claimed_by",
    "reports",
    "outlets",
    "outlet_names",
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
        :data:`CLAIM_COLUMNS`: the claim, whether the actor is ``accused`` (source) or the
        ``target``, who claims it (``claimed_by``, the innermost source), how many articles
        (``reports``) and distinct outlets (``outlets``, ``outlet_names``) carry it;
        ``contested`` is a readable summary of ``contested_by``
        (a list of ``{id, relation, article_id, source_code, source_text, text, chain}``);
        dates typed as in :func:`events`.

    Raises:
        ValueError: a relation other than denies/confirms, or a bad status or date.
    """
    from dotterel.store.claims import claims_about

    flt = EventFilter(since=since, until=until, status=status)
    if relation not in (None, "denies", "confirms"):
        raise ValueError(f"relation must be denies or confirms, not {relation!r}")

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
        columns=[c for c in CLAIM_COLUMNS if not c.startswith("date_")],
    )
    if flt.statuses:
        frame = frame[frame["status"].isin(flt.statuses)]
    frame = _date_filter(frame, flt)
    return typed(frame.reset_index(drop=True))[list(CLAIM_COLUMNS)]


__all__ = [
    "CLAIM_COLUMNS",
    "EVENT_COLUMNS",
    "EventFilter",
    "chain_text",
    "claims",
    "connect",
    "drop_background",
    "events",
    "select_events",
    "typed",
    "with_date_columns",
]
