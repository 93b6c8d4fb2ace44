"""Parquet input: files or URIs whose rows are articles (``text`` or ``html`` plus metadata).

Each row is read like a JSONL record (:func:`dotterel.ingest.jsonl.parse_line`), so
Parquet, JSONL and the other formats share one set of checks and one
:class:`~dotterel.model.Reject` vocabulary. A URI (``s3://bucket/news/``) names a
Parquet file or a folder of them on any filesystem pyarrow understands.
:func:`read_articles` reads a mix of inputs, Parquet included (``dotterel run`` and
``dotterel bench``). pyarrow is imported only when a Parquet input is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from dotterel.model import Article, Reject


def read_articles(inputs: Sequence[str], **metadata: Any) -> Iterator[Article | Reject]:
    """Articles and rejects from every input, Parquet included.

    Local paths go through :func:`dotterel.ingest.read_inputs` (text, HTML, JSONL,
    folders); ``.parquet`` files are read row by row. A URI (``s3://bucket/news/``) names
    a Parquet file or a folder of them on any filesystem pyarrow understands.
    """
    from dotterel.ingest import read_inputs

    for item in map(str, inputs):  # in the order given
        if "://" in item:
            for path in parquet_files(item):
                yield from read_parquet(path, **metadata)
        elif item.endswith(".parquet"):
            yield from read_parquet(item, **metadata)
        else:
            yield from read_inputs([item], **metadata)


def parquet_files(uri: str) -> Iterator[str]:
    """The Parquet files a URI names: itself, or those under it (sorted)."""
    import pyarrow.fs as pafs

    try:
        fs, root = pafs.FileSystem.from_uri(uri)
        info = fs.get_file_info(root)
    except Exception:  # unknown scheme, no credentials ...: one reject, said below
        yield uri
        return
    if info.type != pafs.FileType.Directory:
        yield uri
        return
    scheme = uri.split("://", 1)[0]
    selector = pafs.FileSelector(root, recursive=True)
    names = sorted(i.path for i in fs.get_file_info(selector) if i.path.endswith(".parquet"))
    for name in names:
        yield f"{scheme}://{name}" if scheme != "file" else f"file://{name}"


def read_parquet(path: str, **metadata: Any) -> Iterator[Article | Reject]:
    """Rows of a Parquet file, each read like a JSONL record (``text`` or ``html``)."""
    import json

    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    from dotterel.errors import InputError
    from dotterel.ingest.jsonl import parse_line
    from dotterel.ingest.options import ReadOptions

    options = ReadOptions.of(**metadata)
    try:  # a missing file or an unknown filesystem: one reject, not a crash
        if "://" in path:  # s3://, gs://, hdfs://: any filesystem pyarrow understands
            fs, inner = pafs.FileSystem.from_uri(path)
            source = fs.open_input_file(inner)
        else:
            source = pafs.LocalFileSystem().open_input_file(os.path.abspath(path))
    except Exception as exc:
        reason = f"cannot open {path}: {exc}".splitlines()[0]
        yield Reject(origin=path, reason=reason, kind="unreadable")
        return
    try:
        pf = pq.ParquetFile(source)
    except Exception as exc:  # not Parquet, or truncated
        reason = f"not a readable Parquet file: {exc}".splitlines()[0]
        yield Reject(origin=path, reason=reason, kind="malformed")
        return
    n = 0
    for batch in pf.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            raw = json.dumps(row, default=str).encode("utf-8")
            try:
                yield parse_line(raw, line_no=n, origin=f"{path}:{n}", options=options)
            except InputError as exc:
                yield Reject(origin=f"{path}:{n}", reason=exc.reason, kind=exc.kind)


__all__ = ["parquet_files", "read_articles", "read_parquet"]
