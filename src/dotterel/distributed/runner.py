"""``dotterel run``: code a corpus into partitioned Parquet with a chosen engine.

Reads the inputs through :func:`dotterel.ingest.parquet.read_articles` (folders,
text/HTML/JSONL files, Parquet files or URIs with a ``text`` or ``html`` column plus
metadata columns), skips the
articles already in OUTPUT (so a rerun resumes), records ingest rejects, and hands
batches to the ``local`` or ``ray`` engine. Both engines write the same records.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dotterel.distributed.local import run_local
from dotterel.distributed.output import PartitionWriter, done_article_ids
from dotterel.distributed.worker import PipelineOptions
from dotterel.ingest.parquet import read_articles
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
