"""``dotterel run``: code a corpus into partitioned Parquet with a chosen engine.

Reads the inputs (folders, text/HTML/JSONL files through :mod:`dotterel.ingest`,
Parquet files with a ``text`` or ``html`` column plus metadata columns), skips the
articles already in OUTPUT (so a rerun resumes), records ingest rejects, and hands
batches to the ``local`` or ``ray`` engine. Both engines write the same records.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dotterel.distributed.local import run_local
from dotterel.distributed.output import PartitionWriter, done_article_ids
from dotterel.distributed.worker import PipelineOptions
from dotterel.model import Article, Reject

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "ray")


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts and wall time."""

    coded: int = 0
    rejected: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def read_articles(inputs: Sequence[str], **metadata: Any) -> Iterator[Article | Reject]:
    """Articles and rejects from every input, Parquet included.

    Local paths go through :func:`dotterel.ingest.read_inputs` (text, HTML, JSONL,
    folders); ``.parquet`` files are read row by row. A URI (``s3://bucket/news/``) names
    a Parquet file or a folder of them on any filesystem pyarrow understands.
    """
    from dotterel.ingest import read_inputs

    for item in map(str, inputs):  # in the order given
        if "://" in item:
            for path in _parquet_files(item):
                yield from _read_parquet(path, **metadata)
        elif item.endswith(".parquet"):
            yield from _read_parquet(item, **metadata)
        else:
            yield from read_inputs([item], **metadata)


def _parquet_files(uri: str) -> Iterator[str]:
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


def _read_parquet(path: str, **metadata: Any) -> Iterator[Article | Reject]:
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


def _batched(
    items: Iterable[Article | Reject],
    batch_size: int,
    done: set[str],
    writer: PartitionWriter,
    summary: RunSummary,
    on_skip: Callable[[int], None],
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Reject):
            writer.write_rejects([item])
            summary.rejected += 1
            continue
        if item.id in done or item.id in seen:
            summary.skipped += 1
            on_skip(1)
            continue
        seen.add(item.id)
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    inputs: Sequence[str],
    output: str,
    *,
    engine: str = "local",
    workers: int = 1,
    batch_size: int = 4,
    address: str | None = None,
    options: PipelineOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    metadata: dict[str, Any] | None = None,
) -> RunSummary:
    """Code ``inputs`` into ``output``; see the module docstring."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    options = options or PipelineOptions()
    writer = PartitionWriter(output)
    writer.clean_orphans()
    done = done_article_ids(output)
    summary = RunSummary()
    report = progress or (lambda n, r: None)

    def on_batch(coded: int, rejected: int) -> None:
        summary.coded += coded
        summary.rejected += rejected
        report(coded, rejected)

    batches = _batched(
        read_articles(inputs, **(metadata or {})),
        batch_size,
        done,
        writer,
        summary,
        on_skip=lambda n: report(0, 0),
    )
    start = time.perf_counter()
    if engine == "ray":
        from dotterel.distributed.ray_engine import run_ray

        run_ray(
            batches,
            output,
            options,
            workers=workers,
            batch_size=batch_size,
            address=address,
            progress=on_batch,
        )
    else:
        run_local(
            batches, output, options, workers=workers, batch_size=batch_size, progress=on_batch
        )
    summary.seconds = time.perf_counter() - start
    return summary
