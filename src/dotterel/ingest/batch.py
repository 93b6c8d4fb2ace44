"""Code a stream of articles so that one failing document cannot stop the batch.

Articles go through spaCy in small batches (faster than one by one); if a batch
raises, its articles are retried one at a time and the one that fails becomes a
``Reject`` of kind ``error``. Importing this module imports spaCy, so
:mod:`dotterel.ingest` does not import it eagerly.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language

from dotterel.ingest.checks import one_line
from dotterel.model import Article, CodedArticle, Reject
from dotterel.pipeline import code, code_many

LOGGER = logging.getLogger(__name__)


def code_safely(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 4
) -> Iterator[CodedArticle | Reject]:
    """Coded articles (or error rejects) for ``articles``, in input order.

    Args:
        nlp: a pipeline from :func:`dotterel.pipeline.build_pipeline`.
        articles: the articles to code.
        batch_size: articles per ``nlp.pipe`` batch.
    """
    batch: list[Article] = []
    for article in articles:
        if len(article.text) > nlp.max_length:
            yield Reject(
                article.origin or article.id,
                f"too long for the pipeline: {len(article.text):,} characters "
                f"(the limit is {nlp.max_length:,})",
                "too_large",
            )
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _code_batch(nlp, batch)
            batch = []
    if batch:
        yield from _code_batch(nlp, batch)


def _code_batch(nlp: Language, batch: list[Article]) -> Iterator[CodedArticle | Reject]:
    try:
        results = list(code_many(nlp, batch, batch_size=len(batch)))
    except Exception:
        LOGGER.debug("batch failed; retrying its %d articles one by one", len(batch))
    else:
        yield from results
        return
    for article in batch:
        try:
            yield code(nlp, article)
        except Exception as exc:
            LOGGER.debug("pipeline failed on %s", article.origin, exc_info=True)
            yield Reject(
                article.origin or article.id,
                one_line(f"pipeline error: {type(exc).__name__}: {exc}"),
                "error",
            )


__all__ = ["code_safely"]
