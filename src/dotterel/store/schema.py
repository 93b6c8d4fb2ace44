"""The store's table layout: :mod:`dotterel.rows`' flat tables, typed for DuckDB.

:mod:`dotterel.rows` decides how a :class:`~dotterel.model.CodedArticle` becomes
rows (the same rows the Parquet/CSV exports and the distributed runner write); this
module only adds SQL types, keys and two bookkeeping columns:

========================  ===========================================================
column kind (records)     DuckDB type
========================  ===========================================================
``TextSpan`` parts        ``x_start INTEGER``, ``x_end INTEGER``, ``x_text VARCHAR``
``str`` / ``int``         ``VARCHAR`` / ``BIGINT``
``float`` / ``bool``      ``DOUBLE`` / ``BOOLEAN``
``date``                  ``DATE``
``list`` (of strings)     ``VARCHAR[]``
``json`` (list of records) ``JSON`` (an array of objects)
========================  ===========================================================

``id`` is the primary key of every table; ``articles`` also gets ``ingested_at`` (UTC)
and each record table ``seq``, the record's position in its article's list, so reads
return the lists in their original order. A new dataclass field with a default
becomes a new column, added to existing stores when they are opened for writing.
"""

from __future__ import annotations

import dataclasses
import logging
import typing
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from dotterel import rows as flat_rows
from dotterel.model import Article, CodedArticle, TextSpan

LOGGER = logging.getLogger(__name__)

#: Bumped when the layout changes in a way that is not just "a column was added".
SCHEMA_VERSION = 1

_SQL_TYPES: dict[str, str] = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "list": "VARCHAR[]",
    "json": "JSON",
}

#: Arrow types used to hand rows to DuckDB in bulk (DuckDB casts on insert).
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table: its name and its columns (name, SQL type) in order."""

    name: str
    columns: tuple[tuple[str, str], ...]
    #: ``True`` for record tables (with ``article_id`` and ``seq``).
    per_article: bool

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        """Arrow schema of the rows :func:`article_rows` produces for this table."""
        return pa.schema(
            [(name, _ARROW_TYPES[sql.removesuffix(" NOT NULL")]) for name, sql in self.columns]
        )

    def create_sql(self) -> str:
        body = ",\n  ".join(
            f'"{name}" {sql}{" PRIMARY KEY" if name == "id" else ""}' for name, sql in self.columns
        )
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  {body}\n)"


def _span_columns(record_type: type) -> set[str]:
    hints = typing.get_type_hints(record_type)
    out = set()
    for f in dataclasses.fields(record_type):
        tp = hints[f.name]
        if tp is TextSpan or TextSpan in typing.get_args(tp):
            out |= {f"{f.name}_start", f"{f.name}_end"}
    return out


def table_spec(name: str) -> TableSpec:
    """The DuckDB layout of one of :data:`dotterel.rows.TABLES`."""
    record_type = Article if name == "articles" else flat_rows.RECORD_TABLES[name]
    spans = _span_columns(record_type)
    cols = [
        (c.name, "INTEGER" if c.name in spans else _SQL_TYPES[c.kind])
        for c in flat_rows.columns(name)
    ]
    per_article = name != "articles"
    if per_article:
        cols = [(n, "VARCHAR NOT NULL" if n == "article_id" else t) for n, t in cols]
        cols.append(("seq", "INTEGER NOT NULL"))
    else:
        cols.append(("ingested_at", "TIMESTAMP NOT NULL"))
    return TableSpec(name, tuple(cols), per_article)


#: ``articles``: one row per stored article.
ARTICLES: TableSpec = table_spec("articles")
#: One table per record list of :class:`CodedArticle`.
RECORD_TABLES: tuple[TableSpec, ...] = tuple(table_spec(n) for n in flat_rows.RECORD_TABLES)

EXTRA_DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS rejects (\n"
    "  origin VARCHAR NOT NULL, reason VARCHAR NOT NULL, kind VARCHAR NOT NULL,\n"
    '  "at" TIMESTAMP NOT NULL\n)',
    "CREATE TABLE IF NOT EXISTS contest_links (\n"
    "  denier_id VARCHAR NOT NULL, claim_id VARCHAR NOT NULL, relation VARCHAR NOT NULL,\n"
    "  PRIMARY KEY (denier_id, claim_id)\n)",
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
)

#: Every table name.
TABLE_NAMES: tuple[str, ...] = (
    ARTICLES.name,
    *(t.name for t in RECORD_TABLES),
    "rejects",
    "contest_links",
    "meta",
)


def article_rows(coded: CodedArticle, ingested_at: Any) -> dict[str, list[list[Any]]]:
    """Values for every table's columns (in order) for one coded article."""
    flat = flat_rows.flatten(coded)
    out: dict[str, list[list[Any]]] = {}
    for spec in (ARTICLES, *RECORD_TABLES):
        rows = []
        for seq, row in enumerate(flat[spec.name]):
            extra = {"ingested_at": ingested_at} if spec.name == "articles" else {"seq": seq}
            rows.append([{**row, **extra}[name] for name in spec.column_names])
        out[spec.name] = rows
    return out


def coded_from_rows(tables: dict[str, list[dict[str, Any]]]) -> CodedArticle:
    """Rebuild a :class:`CodedArticle` from its rows (record rows in ``seq`` order)."""
    return flat_rows.unflatten(tables)


__all__ = [
    "ARTICLES",
    "EXTRA_DDL",
    "RECORD_TABLES",
    "SCHEMA_VERSION",
    "TABLE_NAMES",
    "TableSpec",
    "article_rows",
    "coded_from_rows",
    "table_spec",
]
