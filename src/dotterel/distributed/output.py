"""Partitioned Parquet output that survives a killed run.

Layout (any filesystem pyarrow understands: a local path, ``s3://``, ``gs://``, ``hdfs://``)::

    OUTPUT/<table>/part-<key>.parquet      one file per table per batch

``key`` is a hash of the batch's article ids. Files are written under a temporary name
and renamed, the ``articles`` file last: an article counts as done only when its
``articles`` partition exists. On start, partitions of other tables whose batch never
reached its ``articles`` file are orphans of a killed run and are deleted, so a rerun
neither loses nor duplicates anything.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from dotterel.model import CodedArticle, Reject
from dotterel.rows import TABLES, to_arrow

LOGGER = logging.getLogger(__name__)

REJECT_SCHEMA = pa.schema([pa.field(name, pa.string()) for name in ("origin", "reason", "kind")])


def _resolve(uri: str) -> tuple[pafs.FileSystem, str]:
    if "://" not in uri:
        import os

        uri = os.path.abspath(uri)
    return pafs.FileSystem.from_uri(uri)


def batch_key(ids: Iterable[str]) -> str:
    """A stable name for a batch: the same articles always give the same key."""
    h = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()
    return h[:20]


class PartitionWriter:
    """Writes coded batches and rejects as Parquet partitions under ``uri``."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.fs, self.root = _resolve(uri)

    def _write(self, table_name: str, key: str, table: pa.Table) -> None:
        directory = f"{self.root}/{table_name}"
        self.fs.create_dir(directory, recursive=True)
        final = f"{directory}/part-{key}.parquet"
        tmp = f"{directory}/.tmp-{key}-{uuid.uuid4().hex}.parquet"
        with self.fs.open_output_stream(tmp) as sink:
            pq.write_table(table, sink)
        self.fs.move(tmp, final)

    def write_batch(self, coded: list[CodedArticle], rejects: list[Reject]) -> str | None:
        """Write one batch (articles last). Returns its key, or None if it was empty."""
        ids = [c.article.id for c in coded]
        if rejects:
            self.write_rejects(rejects)
        if not ids:
            return None
        key = batch_key(ids)
        tables = to_arrow(coded)
        for name in TABLES:  # "articles" is last in TABLES
            self._write(name, key, tables[name])
        return key

    def write_rejects(self, rejects: list[Reject]) -> None:
        rows = [{"origin": r.origin, "reason": r.reason, "kind": r.kind} for r in rejects]
        key = batch_key(f"{r['origin']}\t{r['reason']}" for r in rows)
        self._write("rejects", key, pa.Table.from_pylist(rows, schema=REJECT_SCHEMA))

    def clean_orphans(self) -> int:
        """Delete partitions of batches that never wrote their ``articles`` file."""
        done = self._keys("articles")
        removed = 0
        for name in TABLES:
            selector = pafs.FileSelector(f"{self.root}/{name}", allow_not_found=True)
            for info in self.fs.get_file_info(selector):
                base = info.base_name
                orphan_tmp = base.startswith(".tmp-")
                orphan_part = base.startswith("part-") and base[5:-8] not in done
                if orphan_tmp or (name != "articles" and orphan_part):
                    self.fs.delete_file(info.path)
                    removed += 1
        if removed:
            LOGGER.info("removed %d partial partitions left by an interrupted run", removed)
        return removed

    def _keys(self, table: str) -> set[str]:
        selector = pafs.FileSelector(f"{self.root}/{table}", allow_not_found=True)
        return {
            i.base_name[5:-8]
            for i in self.fs.get_file_info(selector)
            if i.base_name.startswith("part-") and i.base_name.endswith(".parquet")
        }


def done_article_ids(uri: str) -> set[str]:
    """Ids of the articles already written under ``uri`` (empty if nothing is there)."""
    fs, root = _resolve(uri)
    path = f"{root}/articles"
    if fs.get_file_info(path).type == pafs.FileType.NotFound:
        return set()
    files = [
        i.path for i in fs.get_file_info(pafs.FileSelector(path)) if i.base_name.startswith("part-")
    ]
    if not files:
        return set()
    ds = pads.dataset(files, filesystem=fs, format="parquet")
    return set(ds.to_table(columns=["id"]).column("id").to_pylist())


def read_table(uri: str, table: str) -> pa.Table:
    """All partitions of one table under ``uri`` as one Arrow table."""
    fs, root = _resolve(uri)
    selector = pafs.FileSelector(f"{root}/{table}", allow_not_found=True)
    files = [i.path for i in fs.get_file_info(selector) if i.base_name.startswith("part-")]
    if not files:
        from dotterel.rows import arrow_schema

        return (REJECT_SCHEMA if table == "rejects" else arrow_schema(table)).empty_table()
    return pads.dataset(files, filesystem=fs, format="parquet").to_table()
