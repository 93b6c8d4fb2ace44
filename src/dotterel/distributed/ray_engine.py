"""The ``ray`` engine: Ray Data ``map_batches`` over a pool of actors.

Each actor builds the spaCy pipeline once (the expensive part) and then codes batches
and writes their Parquet partitions itself, so results never funnel through the
driver. ``address`` joins an existing cluster (``ray://head:10001`` or ``auto``);
without it a local Ray is started with ``workers`` CPUs. The driver streams the input
in chunks, so a corpus larger than the driver's memory still runs.

Ray is an optional extra: ``pip install 'dotterel[ray]'``.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from dotterel.distributed.local import Progress
from dotterel.distributed.output import PartitionWriter
from dotterel.distributed.worker import BatchCoder, PipelineOptions
from dotterel.errors import DotterelError
from dotterel.model import Article

LOGGER = logging.getLogger(__name__)

#: Articles handed to Ray per dataset: bounds driver memory, amortises actor start-up.
CHUNK_ARTICLES = 5000


def _require_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise DotterelError(
            "the ray engine needs Ray: pip install 'dotterel[ray]' (or use --engine local)"
        ) from exc
    return ray


def _to_row(a: Article) -> dict[str, str]:
    # One JSON string per article: Ray's columnar batches would turn an all-None
    # column into floats (NaN), so metadata travels as text and is parsed back here.
    record = {
        "id": a.id,
        "text": a.text,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "pub_date": a.pub_date.isoformat() if a.pub_date else None,
        "origin": a.origin,
        "language": a.language,
    }
    return {"article": json.dumps(record, ensure_ascii=False)}


def _from_batch(batch: dict[str, Any]) -> list[Article]:
    out = []
    for raw in batch["article"]:
        record = json.loads(str(raw))
        pub = record.pop("pub_date")
        out.append(Article(**record, pub_date=date.fromisoformat(pub) if pub else None))
    return out


class _RayCoder:
    """A Ray actor: one pipeline, many batches."""

    def __init__(self, options: PipelineOptions, batch_size: int, uri: str) -> None:
        self.coder = BatchCoder(options, batch_size=batch_size)
        self.writer = PartitionWriter(uri)
        self.coder.nlp  # noqa: B018 - build the pipeline at actor start

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[int]]:
        coded, rejects = self.coder.code(_from_batch(batch))
        self.writer.write_batch(coded, rejects)
        return {"coded": [len(coded)], "rejected": [len(rejects)]}


def _chunks(batches: Iterable[list[Article]], size: int) -> Iterator[list[Article]]:
    it = iter(batches)
    while True:
        chunk = [a for batch in itertools.islice(it, max(1, size)) for a in batch]
        if not chunk:
            return
        yield chunk


def run_ray(
    batches: Iterable[list[Article]],
    uri: str,
    options: PipelineOptions,
    *,
    workers: int = 2,
    batch_size: int = 4,
    address: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Code every batch on Ray and write it under ``uri``."""
    ray = _require_ray()
    report = progress or (lambda n, r: None)
    started_here = not ray.is_initialized()
    if started_here:
        init_kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "configure_logging": False,
        }
        if address:
            init_kwargs["address"] = address
        else:
            init_kwargs["num_cpus"] = workers
        ray.init(**init_kwargs)
    # Ray Data logs every dataset's plan at INFO; our progress bar says what matters.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        per_chunk = max(1, CHUNK_ARTICLES // max(1, batch_size))
        for chunk in _chunks(batches, per_chunk):
            ds = ray.data.from_items([_to_row(a) for a in chunk])
            results = ds.map_batches(
                _RayCoder,
                fn_constructor_kwargs={"options": options, "batch_size": batch_size, "uri": uri},
                batch_size=batch_size,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=workers),
                num_cpus=1,
            )
            for row in results.iter_rows():
                report(int(row["coded"]), int(row["rejected"]))
    finally:
        if started_here:
            ray.shutdown()
