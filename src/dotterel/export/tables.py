"""Flat tables, one per record type, joinable on ids: for pandas, R, Stata, spreadsheets.

Columns follow the records of ``model.py`` field by field, the way the store lays them out
(a ``TextSpan`` field ``x`` becomes ``x_start``, ``x_end``, ``x_text``), and every table
but ``articles`` has ``article_id``. Source chains, which are lists of records, become
their own table ``sources`` (one row per layer, keyed by ``owner_id`` and ``depth``) and
a readable ``chain`` column ("Outlet > New York Times > Afghan officials"). The merge adds
``clusters`` and, on ``events``, ``cluster_id`` and ``originating_source``.

CSV holds list columns as ``|``-joined strings (codes and contexts never contain ``|``);
Parquet keeps them as lists. ``docs/exports.md`` lists every column.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dotterel.merge import EventCluster, cluster_index, merge_events
from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    Sentence,
    SourceLink,
    TimeRef,
    to_jsonable,
)
from dotterel.rows import record_fields

LOGGER = logging.getLogger(__name__)

#: Pseudo-dtype of a list-of-strings column (object in pandas, ``list<string>`` in Parquet).
LIST = "list"
#: Pseudo-dtype of a list-of-records field other than a chain (a JSON string).
JSON = "json"
#: Pseudo-dtype of a date column (``datetime.date`` objects; ``date32`` in Parquet).
DATE = "date"

#: Table name -> record class, in the order tables are written.
RECORD_TABLES: dict[str, type] = {
    "actors": Actor,
    "mentions": Mention,
    "places": Place,
    "times": TimeRef,
    "attributions": Attribution,
    "events": Event,
    "sentences": Sentence,
}
#: Columns of the tables that are not a record type.
SOURCE_COLUMNS = (
    "owner_id",
    "owner_kind",
    "article_id",
    "depth",
    "name",
    "code",
    "cue",
    "anonymous",
    "actor_id",
    "start",
    "end",
)
CLUSTER_COLUMNS = (
    "cluster_id",
    "event_type",
    "source_code",
    "target_code",
    "date",
    "date_source",
    "place_id",
    "n_mentions",
    "n_articles",
    "n_sources",
    "sources",
    "status",
    "first_seen",
    "article_ids",
    "event_ids",
)


#: pandas dtype of each field kind of :func:`dotterel.rows.record_fields`.
_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean", "str": "string",
           "date": DATE, "list": LIST, "json": JSON}  # fmt: skip


def _columns(cls: type) -> list[tuple[str, str | None, str]]:
    """``(column, dtype, field)`` for a record class: spans flattened, a chain as a readable
    string, another list of records as JSON."""
    cols: list[tuple[str, str | None, str]] = []
    for name, kind, tp in record_fields(cls):
        if kind == "span":
            cols += [
                (f"{name}_start", "Int64", name),
                (f"{name}_end", "Int64", name),
                (f"{name}_text", "string", name),
            ]
        elif tp == list[SourceLink]:
            cols.append(("chain", "string", name))
        else:
            cols.append((name, _DTYPES[kind], name))
    return cols


def _flatten(record: Any, cols: list[tuple[str, str | None, str]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for col, dtype, name in cols:
        value = getattr(record, name)
        if col == "chain":
            row[col] = " > ".join(link.name for link in value) if value else None
        elif col.endswith(("_start", "_end", "_text")) and col != name:
            row[col] = getattr(value, col.rsplit("_", 1)[1]) if value is not None else None
        elif dtype == JSON:
            row[col] = json.dumps(to_jsonable(value), ensure_ascii=False)
        elif isinstance(value, list):
            row[col] = list(value)
        else:
            row[col] = value
    return row


def _frame(rows: list[dict[str, Any]], cols: list[tuple[str, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[c for c, _ in cols])
    for col, dtype in cols:
        if dtype and dtype not in (LIST, DATE):
            frame[col] = frame[col].astype("string" if dtype == JSON else dtype)
    frame.attrs["list_columns"] = [c for c, dtype in cols if dtype == LIST]
    frame.attrs["date_columns"] = [c for c, dtype in cols if dtype == DATE]
    return frame


def _article_row(article: Article, include_text: bool) -> dict[str, Any]:
    row = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
    if not include_text:
        row.pop("text")
    row["n_chars"] = len(article.text)
    return row


def tables(
    coded: Iterable[CodedArticle],
    clusters: Iterable[EventCluster] | None = None,
    *,
    include_text: bool = False,
) -> dict[str, pd.DataFrame]:
    """All flat tables of some coded articles.

    Args:
        coded: the articles.
        clusters: their merged clusters (computed here when not given).
        include_text: keep each article's full text in ``articles.text``.

    Returns:
        Table name -> DataFrame: ``articles``, one table per record type (see
        :data:`RECORD_TABLES`), ``sources`` and ``clusters``. Empty tables keep their columns.
    """
    articles = list(coded)
    cluster_list = list(clusters) if clusters is not None else merge_events(articles)
    index = cluster_index(cluster_list)
    origin = {m.event.id: m.source_name for c in cluster_list for m in c.mentions}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RECORD_TABLES}
    source_rows: list[dict[str, Any]] = []
    layouts = {name: _columns(cls) for name, cls in RECORD_TABLES.items()}
    for c in articles:
        aid = c.article.id
        for name in RECORD_TABLES:
            for record in getattr(c, name):
                row = {"article_id": aid, **_flatten(record, layouts[name])}
                if name == "events":
                    cl = index.get(record.id)
                    row["cluster_id"] = cl.id if cl else None
                    row["originating_source"] = origin.get(record.id)
                rows[name].append(row)
                for depth, link in enumerate(getattr(record, "chain", None) or []):
                    source_rows.append(
                        {
                            "owner_id": record.id,
                            "owner_kind": name[:-1],
                            "article_id": aid,
                            "depth": depth,
                            **dataclasses.asdict(link),
                        }
                    )
    out: dict[str, pd.DataFrame] = {}
    art_cols = [("id", "string")] + [
        (col, dtype)
        for col, dtype, _ in _columns(Article)
        if col != "id" and (include_text or col != "text")
    ]
    art_cols.append(("n_chars", "Int64"))
    out["articles"] = _frame([_article_row(c.article, include_text) for c in articles], art_cols)
    for name in RECORD_TABLES:
        cols = [(col, dtype) for col, dtype, _ in layouts[name]]
        cols.insert(1, ("article_id", "string"))
        if name == "events":
            cols += [("cluster_id", "string"), ("originating_source", "string")]
        out[name] = _frame(rows[name], cols)
    out["sources"] = _frame(
        source_rows,
        [
            ("owner_id", "string"),
            ("owner_kind", "string"),
            ("article_id", "string"),
            ("depth", "Int64"),
            ("name", "string"),
            ("code", "string"),
            ("cue", "string"),
            ("anonymous", "boolean"),
            ("actor_id", "string"),
            ("start", "Int64"),
            ("end", "Int64"),
        ],
    )
    out["clusters"] = _cluster_frame(cluster_list)
    return out


def _cluster_frame(clusters: list[EventCluster]) -> pd.DataFrame:
    rows = []
    for c in clusters:
        place = c.place
        rows.append(
            {
                "cluster_id": c.id,
                "event_type": c.event_type,
                "source_code": c.source_code,
                "target_code": c.target_code,
                "date": c.date,
                "date_source": c.date_source,
                "place_id": place.id if place else None,
                "n_mentions": c.n_mentions,
                "n_articles": c.n_articles,
                "n_sources": c.n_sources,
                "sources": c.sources,
                "status": c.status,
                "first_seen": c.first_seen,
                "article_ids": c.article_ids,
                "event_ids": [m.event.id for m in c.mentions],
            }
        )
    dtypes = {
        "n_mentions": "Int64",
        "n_articles": "Int64",
        "n_sources": "Int64",
        "sources": LIST,
        "article_ids": LIST,
        "event_ids": LIST,
    }
    return _frame(rows, [(c, dtypes.get(c, "string")) for c in CLUSTER_COLUMNS])


#: What an id column points to, for the README written beside the tables.
_JOINS = {
    "article_id": "articles.id",
    "source_actor_id": "actors.id",
    "target_actor_id": "actors.id",
    "other_actor_id": "actors.id",
    "actor_id": "actors.id",
    "place_id": "places.id",
    "time_id": "times.id",
    "attribution_id": "attributions.id",
    "parent_id": "attributions.id",
    "cluster_id": "clusters.cluster_id",
    "owner_id": "events.id or attributions.id (see owner_kind)",
}


def _describe(table: str, column: str) -> str:
    if column in _JOINS and not (table == "clusters" and column == "cluster_id"):
        return f"joins {_JOINS[column]}"
    if column == "id":
        return (
            "record id: <article id>-<kind letter><n>"
            if table != "articles"
            else ("article id (content hash)")
        )
    if column.endswith(("_start", "_end")) or column in ("start", "end"):
        return "character offset into the article text ([start, end))"
    if column == "chain":
        return "source chain, outlet first, ' > '-joined (layers in sources.csv)"
    return ""


def write_readme(frames: dict[str, pd.DataFrame], out_dir: Path, fmt: str) -> Path:
    """``README.md`` beside the tables: every table's columns, types and joins."""
    lines = [
        f"# dotterel tables ({fmt})",
        "",
        "One file per table, joinable on ids (full documentation: docs/exports.md in the",
        "dotterel repository). List columns are "
        + ("'|'-joined strings." if fmt == "csv" else "list<string>."),
        "",
    ]
    for name, frame in frames.items():
        lines += [f"## {name} ({len(frame)} rows)", "", "| column | type | note |", "|---|---|---|"]
        lists = set(frame.attrs.get("list_columns", []))
        dates = set(frame.attrs.get("date_columns", []))
        for col in frame.columns:
            kind = "list" if col in lists else "date" if col in dates else str(frame[col].dtype)
            lines.append(f"| {col} | {kind} | {_describe(name, col)} |")
        lines.append("")
    path = out_dir / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_csv(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """One ``NAME.csv`` per table (UTF-8, header, lists ``|``-joined) and a ``README.md``
    of the columns; returns the table paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in frames.items():
        flat = frame.copy()
        for col in frame.attrs.get("list_columns", []):
            flat[col] = flat[col].map(lambda v: "|".join(map(str, v)) if v is not None else None)
        path = out_dir / f"{name}.csv"
        flat.to_csv(path, index=False)
        paths.append(path)
    write_readme(frames, out_dir, "csv")
    LOGGER.info("wrote %d CSV tables to %s", len(paths), out_dir)
    return paths


def write_parquet(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """One ``NAME.parquet`` per table (lists stay ``list<string>``) and a ``README.md`` of
    the columns; returns the table paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in frames.items():
        lists = set(frame.attrs.get("list_columns", []))
        dates = set(frame.attrs.get("date_columns", []))
        arrays = {}
        for col in frame.columns:
            if col in lists:
                arrays[col] = pa.array(list(frame[col]), type=pa.list_(pa.string()))
            elif col in dates:
                values = [v if isinstance(v, date) else None for v in frame[col]]
                arrays[col] = pa.array(values, type=pa.date32())
            elif frame[col].dtype == object:
                arrays[col] = pa.array(frame[col].astype("string"), type=pa.string())
            else:
                arrays[col] = pa.Array.from_pandas(frame[col])
        path = out_dir / f"{name}.parquet"
        pq.write_table(pa.table(arrays), path)
        paths.append(path)
    write_readme(frames, out_dir, "parquet")
    LOGGER.info("wrote %d Parquet tables to %s", len(paths), out_dir)
    return paths


__all__ = [
    "CLUSTER_COLUMNS",
    "RECORD_TABLES",
    "SOURCE_COLUMNS",
    "tables",
    "write_csv",
    "write_parquet",
    "write_readme",
]
