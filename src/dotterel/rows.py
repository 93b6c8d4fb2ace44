"""Flat tables of coded articles: one row per record, columns derived from ``model.py``.

This is the one place that decides how a :class:`~dotterel.model.CodedArticle` becomes
rows, so the DuckDB store, the Parquet/CSV exports and the distributed runner all agree
(see ``docs/schema.md``):

* a ``TextSpan`` field ``x`` becomes ``x_start``, ``x_end``, ``x_text``;
* ``list[str]`` stays a list (``VARCHAR[]`` / Arrow ``list<string>``);
* a list of records (``Event.chain``) becomes a JSON string;
* every record table gets ``article_id``.

Columns follow the dataclass fields, so a new field with a default becomes a new column
without touching this module.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date
from typing import Any

import pyarrow as pa

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
    TextSpan,
    TimeRef,
    to_jsonable,
)

#: Table name -> record class, in the order tables are written (``articles`` last, so
#: that an article row only exists once all its records do: the resumability marker).
RECORD_TABLES: dict[str, type] = {
    "sentences": Sentence,
    "mentions": Mention,
    "actors": Actor,
    "places": Place,
    "times": TimeRef,
    "attributions": Attribution,
    "events": Event,
}
TABLES: tuple[str, ...] = (*RECORD_TABLES, "articles")

#: The CodedArticle attribute that holds each table's records.
_ATTR = {
    "sentences": "sentences",
    "mentions": "mentions",
    "actors": "actors",
    "places": "places",
    "times": "times",
    "attributions": "attributions",
    "events": "events",
}


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name and its kind (``str``, ``int``, ``float``, ``bool``,
    ``date``, ``list`` (of strings) or ``json``)."""

    name: str
    kind: str


def _unwrap_optional(tp: Any) -> Any:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


@functools.cache  # get_type_hints is slow; called once per record otherwise
def record_fields(cls: type) -> list[tuple[str, str, Any]]:
    """``(field name, kind, type)`` of each field of a record class.

    ``kind`` is ``span`` (a TextSpan), ``list`` (of strings), ``json`` (a list of
    records), ``bool``, ``int``, ``float``, ``date`` or ``str``. Every flat layout (store,
    Parquet, analyst exports) starts from this one reading of ``model.py``.
    """
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        tp = _unwrap_optional(hints[f.name])
        origin = typing.get_origin(tp)
        if tp is TextSpan:
            kind = "span"
        elif origin is list:
            (arg,) = typing.get_args(tp)
            kind = "json" if dataclasses.is_dataclass(arg) else "list"
        elif tp is bool:
            kind = "bool"
        elif tp is int:
            kind = "int"
        elif tp is float:
            kind = "float"
        elif tp is date:
            kind = "date"
        else:
            kind = "str"
        out.append((f.name, kind, tp))
    return out


def columns(table: str) -> list[Column]:
    """The flat columns of ``table``, in order."""
    if table == "articles":
        return [Column(name, kind) for name, kind, _ in record_fields(Article)]
    cols = [Column("id", "str"), Column("article_id", "str")]
    for name, kind, _ in record_fields(RECORD_TABLES[table]):
        if name == "id":
            continue
        if kind == "span":
            cols += [
                Column(f"{name}_start", "int"),
                Column(f"{name}_end", "int"),
                Column(f"{name}_text", "str"),
            ]
        else:
            cols.append(Column(name, kind))
    return cols


def _flat_row(record: Any, article_id: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if article_id is not None:
        row["article_id"] = article_id
    cls: type = type(record)
    for name, kind, _ in record_fields(cls):
        value = getattr(record, name)
        if kind == "span":
            row[f"{name}_start"] = value.start if value is not None else None
            row[f"{name}_end"] = value.end if value is not None else None
            row[f"{name}_text"] = value.text if value is not None else None
        elif kind == "json":
            row[name] = json.dumps(to_jsonable(value), ensure_ascii=False)
        elif kind == "list":
            row[name] = list(value)
        else:
            row[name] = value
    return row


def flatten(coded: CodedArticle) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table (``articles`` has one row) of one coded article."""
    art_id = coded.article.id
    tables = {
        table: [_flat_row(r, art_id) for r in getattr(coded, _ATTR[table])]
        for table in RECORD_TABLES
    }
    tables["articles"] = [_flat_row(coded.article, None)]
    return tables


_LINK_FIELDS = {f.name for f in dataclasses.fields(SourceLink)}


def _span(row: dict[str, Any], name: str) -> TextSpan | None:
    start = row.get(f"{name}_start")
    if start is None:
        return None
    return TextSpan(int(start), int(row[f"{name}_end"]), row[f"{name}_text"])


def _from_row(cls: type, row: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for name, kind, tp in record_fields(cls):
        if kind == "span":
            kwargs[name] = _span(row, name)
            continue
        value = row.get(name)
        if kind == "json":
            items = json.loads(value) if isinstance(value, str) else (value or [])
            (arg,) = typing.get_args(tp)
            if arg is SourceLink:
                items = [{k: v for k, v in i.items() if k in _LINK_FIELDS} for i in items]
            kwargs[name] = [arg(**i) for i in items]
        elif kind == "list":
            kwargs[name] = list(value) if value is not None else []
        elif kind == "date" and isinstance(value, str):
            kwargs[name] = date.fromisoformat(value)
        elif kind == "date" and value is not None and callable(getattr(value, "date", None)):
            kwargs[name] = value.date()
        else:
            kwargs[name] = value
    return cls(**kwargs)


def unflatten(tables: dict[str, list[dict[str, Any]]]) -> CodedArticle:
    """Rebuild a :class:`CodedArticle` from its rows (the inverse of :func:`flatten`)."""
    (article_row,) = tables["articles"]
    coded = CodedArticle(article=_from_row(Article, article_row))
    for table, cls in RECORD_TABLES.items():
        rows = tables.get(table, [])
        setattr(coded, _ATTR[table], [_from_row(cls, r) for r in rows])
    return coded


_ARROW = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "list": pa.list_(pa.string()),
    "json": pa.string(),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (Parquet exports and distributed output)."""
    return pa.schema([pa.field(c.name, _ARROW[c.kind]) for c in columns(table)])


def to_arrow(coded: list[CodedArticle]) -> dict[str, pa.Table]:
    """Arrow tables (one per table name) holding the rows of several articles."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for c in coded:
        for table, table_rows in flatten(c).items():
            rows[table].extend(table_rows)
    return {t: pa.Table.from_pylist(rows[t], schema=arrow_schema(t)) for t in TABLES}


__all__ = [
    "RECORD_TABLES",
    "TABLES",
    "Column",
    "arrow_schema",
    "columns",
    "flatten",
    "record_fields",
    "to_arrow",
    "unflatten",
]
