"""Coding articles for the server in a separate worker process, with a time limit.

The CLI limits each document with ``SIGALRM`` (:func:`dotterel.ingest.batch.code_safely`),
which cannot work in a server's request threads. So the server codes in one spawned
worker process that builds the pipeline once and calls ``code_safely`` with the CLI's
limits (tokens, chunking, time), in its own main thread where ``SIGALRM`` works. The
server also waits for the answer no longer than the time limit plus a margin: if the
worker does not answer (a C call that ignores the signal), it is killed, the document
becomes a ``timeout`` reject, and a fresh worker is started for the next request.

Requests code one at a time (one worker, one pipeline in memory); reads never wait
for coding, and the event loop never does either (coding runs in the threadpool).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dotterel.ingest.checks import DEFAULT_MAX_TOKENS, DEFAULT_TIME_LIMIT
from dotterel.model import Article, CodedArticle, Reject

LOGGER = logging.getLogger(__name__)

#: Seconds allowed to start a worker and build its pipeline (not part of the time limit).
LOAD_SECONDS = 300.0

#: ``work(article, max_tokens, time_limit)`` runs in the worker; ``None`` builds the
#: pipeline only. It must be a module-level function (it is pickled by name).
WorkFn = Callable[[Article | None, int, float | None], CodedArticle | Reject | None]

_NLP: list[Any] = []  # the worker's pipeline, built on its first call


def code_in_worker(
    article: Article | None, max_tokens: int, time_limit: float | None
) -> CodedArticle | Reject | None:
    """In the worker: code ``article`` exactly as the CLI does (or only build the pipeline)."""
    from dotterel.ingest.batch import code_safely
    from dotterel.pipeline import build_pipeline

    if not _NLP:
        _NLP.append(build_pipeline())
    if article is None:
        return None
    (result,) = code_safely(_NLP[0], [article], max_tokens=max_tokens, time_limit_s=time_limit)
    return result


class Coder:
    """Codes articles one at a time in a worker process, started on first use."""

    def __init__(
        self,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        work: WorkFn = code_in_worker,
    ) -> None:
        self.time_limit = time_limit
        self.max_tokens = max_tokens
        self._work = work
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def code(self, article: Article) -> CodedArticle | Reject:
        """``article`` coded, or a ``timeout``/``too_large``/``error`` reject."""
        with self._lock:
            origin = article.origin or article.id
            try:
                pool = self._ready()
                future = pool.submit(self._work, article, self.max_tokens, self.time_limit)
                # The worker's own SIGALRM fires at the limit; the margin lets it answer.
                wait = self.time_limit * 1.2 + 1.0 if self.time_limit else None
                result = future.result(timeout=wait)
            except FutureTimeout:
                LOGGER.warning("coding %s took too long; restarting the worker", origin)
                self._kill()
                return Reject(
                    origin, f"took longer than {self.time_limit:g} s in the pipeline", "timeout"
                )
            except BrokenProcessPool:
                LOGGER.warning("the coding worker died on %s; restarting it", origin)
                self._kill()
                return Reject(origin, "the coding worker stopped on this document", "error")
            if result is None:  # a work function must answer for an article
                raise RuntimeError("the coding worker gave no result")
            return result

    def _ready(self) -> ProcessPoolExecutor:
        """The worker pool, started (and its pipeline built) if it is not running."""
        if self._pool is None:
            pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
            self._pool = pool
            try:
                pool.submit(self._work, None, self.max_tokens, None).result(timeout=LOAD_SECONDS)
            except BaseException:
                self._kill()
                raise
        return self._pool

    def _kill(self) -> None:
        """Stop the worker at once (it may be stuck); the next call starts a new one."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)

    def close(self) -> None:
        """Stop the worker (on server shutdown; a document being coded becomes a reject)."""
        self._kill()


__all__ = ["DEFAULT_MAX_TOKENS", "DEFAULT_TIME_LIMIT", "Coder", "WorkFn", "code_in_worker"]
