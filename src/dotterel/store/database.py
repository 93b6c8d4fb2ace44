"""The DuckDB store: one transaction per article, idempotent on the article id.

Writing the same article twice changes nothing (the id is a hash of the text, and
:meth:`Store.write` checks it inside the transaction), so a batch that was killed can
simply be run again. DuckDB lets one process hold a database file for writing; a
second process gets :class:`~dotterel.errors.StoreError` with a message saying so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dotterel.errors import StoreError
from dotterel.model import CodedArticle, Reject, Sighting
from dotterel.store.schema import (
    ARTICLES,
    EXTRA_DDL,
    RECORD_TABLES,
    SCHEMA_VERSION,
    TableSpec,
    article_rows,
    coded_from_rows,
)
from dotterel.store.sightings import add_sightings, backfill, read_sightings

LOGGER = logging.getLogger(__name__)

#: Where the CLI keeps its store unless told otherwise (``--db``).
DEFAULT_PATH = Path("dotterel.duckdb")

#: Articles fetched per round of queries in :meth:`Store.iter_coded`.
_READ_CHUNK = 256
#: Up to this many rows go in as a VALUES list, more as an Arrow table.
_VALUES_ROWS = 4
_RELATIONS = frozenset({"denies", "confirms"})


class Store:
    """A DuckDB file holding coded articles (see ``docs/schema.md``).

    Args:
        path: the database file; created (with its tables) if missing.
        read_only: open without write access (several readers may share a file, but
            not with a writer).

    Raises:
        StoreError: the file is locked by another process, is not a DuckDB database,
            or (read-only) does not exist.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (create one with 'dotterel ingest')")
        self._con = _connect(self.path, read_only)
        self._in_transaction = False
        try:
            if not read_only:
                self._create()
            self._check_version()
            self._columns = self._existing_columns()
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log)."""
        self._con.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for SQL queries over the tables."""
        return self._con

    # -- writing -----------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def write(
        self,
        coded: CodedArticle,
        *,
        before_commit: Callable[[Store], object] | None = None,
    ) -> bool:
        """Store one coded article and all its records in one transaction.

        Args:
            coded: the article and its records.
            before_commit: called with the store after the rows are inserted and before
                the commit, so that what it writes (e.g. contest links through
                :meth:`add_contest_links`) is part of the same transaction: a crash
                keeps both or neither.

        Every sighting of it (:meth:`CodedArticle.all_sightings`) is recorded in the
        same transaction, whether or not the article itself was new.

        Returns:
            ``True`` if it was written, ``False`` if an article with the same id was
            already stored (then only a sighting not seen before is added).

        Raises:
            TypeError: ``coded`` is not a :class:`CodedArticle`.
            StoreError: the write failed; the transaction was rolled back.
        """
        if not isinstance(coded, CodedArticle):
            raise TypeError(f"expected a CodedArticle, not {type(coded).__name__}")
        art = coded.article
        con = self._con
        con.begin()
        self._in_transaction = True
        try:
            now = _now()
            add_sightings(con, coded.all_sightings(), now)
            if self.has(art.id):
                con.commit()
                return False
            rows = article_rows(coded, now)
            for spec in (ARTICLES, *RECORD_TABLES):
                self._insert(spec, rows[spec.name])
            if before_commit is not None:
                before_commit(self)
            con.commit()
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"could not store article {art.id}: {_one_line(exc)}") from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_transaction = False
        LOGGER.debug("stored article %s (%s)", art.id, art.origin)
        return True

    def _rollback(self) -> None:
        try:
            self._con.rollback()
        except duckdb.Error:  # already rolled back (e.g. the commit itself failed)
            LOGGER.debug("rollback after a failed write", exc_info=True)

    def _insert(self, spec: TableSpec, rows: Sequence[Sequence[Any]]) -> None:
        # Measured inside a transaction: a VALUES list is cheapest for a few rows, an
        # Arrow table (found by DuckDB's replacement scan) for more; executemany is two
        # orders of magnitude slower than either.
        if not rows:
            return
        names = ", ".join(f'"{name}"' for name in spec.column_names)
        if len(rows) <= _VALUES_ROWS:
            one = "(" + ", ".join("?" * len(spec.columns)) + ")"
            self._con.execute(
                f"INSERT INTO {spec.name} ({names}) VALUES " + ", ".join([one] * len(rows)),
                [value for row in rows for value in row],
            )
            return
        schema = spec.arrow_schema
        columns = zip(*rows, strict=True)
        # DuckDB finds this local by name (replacement scan) in the INSERT below.
        _dotterel_rows = pa.Table.from_arrays(
            [pa.array(list(col), type=f.type) for col, f in zip(columns, schema, strict=True)],
            schema=schema,
        )
        self._con.execute(f"INSERT INTO {spec.name} ({names}) SELECT {names} FROM _dotterel_rows")

    def add_sightings(self, sightings: Iterable[Sighting]) -> int:
        """Record sightings of stored articles (idempotent); how many were new.

        For an article that is already stored, so that re-ingesting its text with
        another outlet, date or URL is not lost (``dotterel ingest`` skips the coding).
        """
        try:
            return add_sightings(self._con, sightings, _now())
        except duckdb.Error as exc:
            raise StoreError(f"could not add sightings: {_one_line(exc)}") from exc

    def sightings(self, article_id: str) -> list[Sighting]:
        """The stored sightings of one article, first seen first."""
        if "sightings" not in self._columns:
            return []
        return read_sightings(self._con, [article_id]).get(article_id, [])

    def write_reject(self, reject: Reject) -> bool:
        """Record a rejected input; an identical reject already recorded is not repeated.

        Returns:
            ``True`` if a row was added.
        """
        if not isinstance(reject, Reject):
            raise TypeError(f"expected a Reject, not {type(reject).__name__}")
        try:
            exists = self._con.execute(
                "SELECT 1 FROM rejects WHERE origin = ? AND reason = ? AND kind = ?",
                [reject.origin, reject.reason, reject.kind],
            ).fetchone()
            if exists:
                return False
            self._con.execute(
                'INSERT INTO rejects (origin, reason, kind, "at") VALUES (?, ?, ?, ?)',
                [reject.origin, reject.reason, reject.kind, _now()],
            )
        except duckdb.Error as exc:
            raise StoreError(f"could not record a reject: {_one_line(exc)}") from exc
        return True

    def add_contest_links(self, links: Iterable[Any]) -> int:
        """Record that events deny or confirm others (idempotent).

        Args:
            links: ``(denier_id, claim_id, relation)`` tuples, mappings or objects with
                those attributes; ``relation`` is ``denies`` or ``confirms``.

        Returns:
            How many links were new.
        """
        rows = [_contest_row(link) for link in links]
        if not rows:
            return 0
        con = self._con
        own_transaction = not self._in_transaction  # else: inside write(before_commit=)
        if own_transaction:
            con.begin()
        try:
            (before,) = con.execute("SELECT count(*) FROM contest_links").fetchone() or (0,)
            con.executemany(
                "INSERT OR IGNORE INTO contest_links (denier_id, claim_id, relation) "
                "VALUES (?, ?, ?)",
                rows,
            )
            (after,) = con.execute("SELECT count(*) FROM contest_links").fetchone() or (0,)
            if own_transaction:
                con.commit()
        except duckdb.Error as exc:
            if own_transaction:
                self._rollback()
            raise StoreError(f"could not add contest links: {_one_line(exc)}") from exc
        return int(after) - int(before)

    # -- reading -----------------------------------------------------------------------

    def read(self, article_id: str) -> CodedArticle | None:
        """The stored article with exactly this id, as it was written, or ``None``."""
        found = self._read_chunk([article_id])
        return found.get(article_id)

    def iter_coded(self, article_ids: Iterable[str] | None = None) -> Iterator[CodedArticle]:
        """Stored articles, in ingestion order or in the order of ``article_ids``.

        Ids that are not stored are skipped. Articles are fetched a few hundred at a
        time, so iterating a large store costs a handful of queries per chunk.
        """
        if article_ids is None:
            ids = [
                r[0]
                for r in self._con.execute(
                    "SELECT id FROM articles ORDER BY ingested_at, id"
                ).fetchall()
            ]
        else:
            ids = list(article_ids)
        for i in range(0, len(ids), _READ_CHUNK):
            chunk = ids[i : i + _READ_CHUNK]
            found = self._read_chunk(chunk)
            for aid in chunk:
                if aid in found:
                    yield found[aid]

    def find_ids(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Stored article ids that start with ``prefix`` (at most ``limit``)."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
            [pattern, limit],
        ).fetchall()
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        names = [
            r[0]
            for r in self._con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                "ORDER BY table_name"
            ).fetchall()
        ]
        out = {}
        for name in names:
            (n,) = self._con.execute(f'SELECT count(*) FROM "{name}"').fetchone() or (0,)
            out[name] = int(n)
        return out

    def _read_chunk(self, ids: Sequence[str]) -> dict[str, CodedArticle]:
        if not ids:
            return {}
        tables: dict[str, dict[str, list[dict[str, Any]]]] = {
            row["id"]: {"articles": [row]} for row in self._select(ARTICLES, "id", ids, order="id")
        }
        for spec in RECORD_TABLES:
            if spec.name not in self._columns:
                continue
            for row in self._select(spec, "article_id", ids, order="article_id, seq"):
                target = tables.get(row["article_id"])
                if target is not None:
                    target.setdefault(spec.name, []).append(row)
        coded = {aid: coded_from_rows(rows) for aid, rows in tables.items()}
        if "sightings" in self._columns:  # else a store made before, opened read-only
            for aid, seen in read_sightings(self._con, list(coded)).items():
                coded[aid].sightings = seen
        return coded

    def _select(
        self, spec: TableSpec, key: str, ids: Sequence[str], *, order: str
    ) -> list[dict[str, Any]]:
        present = self._columns.get(spec.name, set())
        wanted = [name for name in spec.column_names if name in present]
        cols = ", ".join(f'"{c}"' for c in wanted)
        return fetch_dicts(
            self._con,
            f"SELECT {cols} FROM {spec.name} WHERE {key} IN (SELECT unnest(?::VARCHAR[])) "
            f"ORDER BY {order}",
            [list(ids)],
        )

    # -- schema ------------------------------------------------------------------------

    def _create(self) -> None:
        con = self._con
        had_sightings = "sightings" in self._existing_columns()
        con.begin()
        try:
            for spec in (ARTICLES, *RECORD_TABLES):
                con.execute(spec.create_sql())
            for ddl in EXTRA_DDL:
                con.execute(ddl)
            if not had_sightings:
                backfill(con)  # a store made before sightings: one per stored article
            con.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?), ('created_at', ?)",
                [str(SCHEMA_VERSION), _now().isoformat(timespec="seconds")],
            )
            self._add_missing_columns()
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"cannot set up the store {self.path}: {_one_line(exc)}") from exc

    def _add_missing_columns(self) -> None:
        """New dataclass fields become new (nullable) columns of an existing store."""
        existing = self._existing_columns()
        for spec in (ARTICLES, *RECORD_TABLES):
            for name, sql in spec.columns:
                if name not in existing.get(spec.name, set()):
                    sql_type = sql.removesuffix(" NOT NULL")
                    LOGGER.info("adding column %s.%s (%s)", spec.name, name, sql_type)
                    self._con.execute(f'ALTER TABLE {spec.name} ADD COLUMN "{name}" {sql_type}')

    def _existing_columns(self) -> dict[str, set[str]]:
        rows = self._con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database()"
        ).fetchall()
        out: dict[str, set[str]] = {}
        for table, column in rows:
            out.setdefault(table, set()).add(column)
        return out

    def _check_version(self) -> None:
        try:
            row = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is a DuckDB file but not a dotterel store") from None
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} has schema version {row[0]}, newer than this "
                f"dotterel's {SCHEMA_VERSION}; upgrade dotterel"
            )


def fetch_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows of a query as dicts keyed by column name."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = re.search(r"PID (\d+)", message)
            holder = f" (PID {pid.group(1)})" if pid else ""
            raise StoreError(
                f"the store {path} is in use by another dotterel process{holder}; wait for "
                "it to finish or use another --db (a running 'dotterel serve' holds its store "
                "until stopped: its events page downloads every export format)"
            ) from None
        if "not a valid duckdb database" in message.lower():
            raise StoreError(f"{path} exists but is not a DuckDB database") from None
        raise StoreError(f"cannot open the store {path}: {_one_line(exc)}") from None


def _contest_row(link: Any) -> tuple[str, str, str]:
    if isinstance(link, tuple | list):
        denier, claim, relation = link
    elif isinstance(link, dict):
        denier, claim, relation = link["denier_id"], link["claim_id"], link["relation"]
    else:
        denier, claim, relation = link.denier_id, link.claim_id, link.relation
    if relation not in _RELATIONS:
        raise ValueError(f"relation must be 'denies' or 'confirms', got {relation!r}")
    return str(denier), str(claim), str(relation)


def _now() -> datetime:
    """Current UTC time as a naive timestamp (the ``TIMESTAMP`` columns are UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


__all__ = ["DEFAULT_PATH", "Store"]
