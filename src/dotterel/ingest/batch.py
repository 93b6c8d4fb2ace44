"""Code a stream of articles so that one failing document cannot stop the batch.

Articles go through spaCy in small batches (faster than one by one); if a batch
raises, its articles are retried one at a time and the one that fails becomes a
``Reject`` of kind ``error``. Two limits keep one pathological document from holding a
worker: ``max_tokens`` (checked after tokenising, which is cheap) and ``time_limit``
seconds per document (``timeout`` rejects), enforced with ``SIGALRM`` when this runs in
a process's main thread (the CLI, the local engine) and not enforced elsewhere.

A long document (coded in paragraph-aligned chunks, :mod:`dotterel.chunking`) is coded
on its own, never in a batch, so its time limit is spent once: a document alone that
times out or fails is rejected at once rather than tried again. The token and length
limits apply to the chunks, which are what the pipeline holds at a time.
Importing this module imports spaCy, so :mod:`dotterel.ingest` does not import it
eagerly.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language

from dotterel.chunking import needs_chunks, paragraph_chunks
from dotterel.ingest.checks import DEFAULT_MAX_TOKENS, DEFAULT_TIME_LIMIT, one_line
from dotterel.model import Article, CodedArticle, Reject
from dotterel.pipeline import code, code_many

LOGGER = logging.getLogger(__name__)


class _Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Timeout` in the block after ``seconds`` (main thread only).

    Elsewhere (a server thread) it does nothing: signals are delivered only to the
    main thread. The previous handler and timer are restored on exit.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def code_safely(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 4,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    time_limit_s: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[CodedArticle | Reject]:
    """Coded articles (or rejects) for ``articles``, in input order.

    Args:
        nlp: a pipeline from :func:`dotterel.pipeline.build_pipeline`.
        articles: the articles to code.
        batch_size: articles per ``nlp.pipe`` batch.
        max_tokens: longest document accepted, in tokens.
        time_limit_s: seconds one document may take (a batch gets its size times that).
    """
    batch: list[Article] = []
    for article in articles:
        reason = _too_long(nlp, article, max_tokens)
        if reason:
            yield Reject(article.origin or article.id, reason, "too_large")
            continue
        if needs_chunks(article):  # alone, so that its time limit is its own
            yield from _code_batch(nlp, batch, time_limit_s)
            batch = []
            yield _code_one(nlp, article, time_limit_s)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _code_batch(nlp, batch, time_limit_s)
            batch = []
    if batch:
        yield from _code_batch(nlp, batch, time_limit_s)


def _too_long(nlp: Language, article: Article, max_tokens: int) -> str | None:
    text = article.text
    what = ""
    if needs_chunks(article):  # the pipeline sees one chunk at a time
        start, end = max(paragraph_chunks(text), key=lambda span: span[1] - span[0])
        text = text[start:end]
        what = "paragraphs that cannot be split: "
    if len(text) > nlp.max_length:
        return (
            f"too long for the pipeline: {what}{len(text):,} characters "
            f"(the limit is {nlp.max_length:,})"
        )
    # Cheap bound first: a token has at least one character.
    if len(text) > max_tokens and len(nlp.tokenizer(text)) > max_tokens:
        return f"too long for the pipeline: {what}more than {max_tokens:,} tokens"
    return None


def _code_batch(
    nlp: Language, batch: list[Article], limit: float | None
) -> Iterator[CodedArticle | Reject]:
    if len(batch) == 1:  # retrying it alone would spend its time limit twice
        yield _code_one(nlp, batch[0], limit)
        return
    if not batch:
        return
    try:
        with time_limit(limit * len(batch) if limit else None):
            results = list(code_many(nlp, batch, batch_size=len(batch)))
    except Exception:
        LOGGER.debug("batch failed; retrying its %d articles one by one", len(batch))
    else:
        yield from results
        return
    for article in batch:
        yield _code_one(nlp, article, limit)


def _code_one(nlp: Language, article: Article, limit: float | None) -> CodedArticle | Reject:
    try:
        with time_limit(limit):
            return code(nlp, article)
    except _Timeout:
        return Reject(
            article.origin or article.id,
            f"took longer than {limit:g} s in the pipeline; skipped",
            "timeout",
        )
    except Exception as exc:
        LOGGER.debug("pipeline failed on %s", article.origin, exc_info=True)
        return Reject(
            article.origin or article.id,
            one_line(f"pipeline error: {type(exc).__name__}: {exc}"),
            "error",
        )


__all__ = ["DEFAULT_MAX_TOKENS", "DEFAULT_TIME_LIMIT", "code_safely", "time_limit"]
