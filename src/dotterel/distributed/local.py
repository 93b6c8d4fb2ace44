"""The ``local`` engine: a pool of processes on this machine, one pipeline each.

``workers=1`` codes in this process (no pool start-up cost). Otherwise a
``ProcessPoolExecutor`` with the ``spawn`` start method (a forked copy of a parent that
already loaded spaCy or started threads is not safe) whose initializer builds the
pipeline once per worker. At most ``2 * workers`` batches are in flight, so memory stays
bounded whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from dotterel.distributed.output import PartitionWriter
from dotterel.distributed.worker import BatchCoder, PipelineOptions
from dotterel.model import Article

#: Called after each batch with (articles coded, documents rejected).
Progress = Callable[[int, int], None]

_CODER: BatchCoder | None = None
_WRITER: PartitionWriter | None = None


def _init_worker(options: PipelineOptions, batch_size: int, uri: str) -> None:
    global _CODER, _WRITER
    _CODER = BatchCoder(options, batch_size=batch_size)
    _WRITER = PartitionWriter(uri)
    _CODER.nlp  # noqa: B018 - load the pipeline now, not inside the first batch


def _code_and_write(articles: list[Article]) -> tuple[int, int]:
    assert _CODER is not None and _WRITER is not None
    coded, rejects = _CODER.code(articles)
    _WRITER.write_batch(coded, rejects)
    return len(coded), len(rejects)


#: Thread pools of numerical libraries, pinned to one thread in each worker: N workers
#: on N cores with several BLAS threads each would fight over the cores.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Spawned workers start with one numerical thread each (read at their import)."""
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    os.environ.update({k: "1" for k in _THREAD_VARS})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_local(
    batches: Iterable[list[Article]],
    uri: str,
    options: PipelineOptions,
    *,
    workers: int = 1,
    batch_size: int = 4,
    progress: Progress | None = None,
) -> None:
    """Code every batch and write it under ``uri``."""
    report = progress or (lambda n, r: None)
    if workers <= 1:
        _init_worker(options, batch_size, uri)
        for batch in batches:
            report(*_code_and_write(batch))
        return
    ctx = multiprocessing.get_context("spawn")
    with (
        _single_threaded_children(),
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(options, batch_size, uri),
        ) as pool,
    ):
        pending: set[Future[tuple[int, int]]] = set()
        for batch in batches:
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    report(*fut.result())
            pending.add(pool.submit(_code_and_write, batch))
        for fut in pending:
            report(*fut.result())
