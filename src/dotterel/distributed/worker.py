"""The unit of distributed work: code a batch of articles with a once-loaded pipeline."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from dotterel.model import Article, CodedArticle, Reject

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """What a worker needs to build the same pipeline as the driver (picklable)."""

    model: str | None = None
    actors: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    exclude: tuple[str, ...] = field(default_factory=tuple)

    def build(self) -> Language:
        from dotterel.pipeline import BASE_MODEL, build_pipeline

        return build_pipeline(
            model=self.model or BASE_MODEL,
            actors=self.actors,
            agents=self.agents,
            verbs=self.verbs,
            exclude=self.exclude,
        )


class BatchCoder:
    """Codes batches of articles; the pipeline is built on first use, once per process.

    A document that makes the pipeline raise becomes a :class:`Reject` (kind ``error``)
    and the rest of the batch is still coded: when ``nlp.pipe`` fails on a batch we
    recode it one document at a time to find the culprit.
    """

    def __init__(self, options: PipelineOptions, batch_size: int = 4) -> None:
        self.options = options
        self.batch_size = batch_size
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self.options.build()
        return self._nlp

    def code(self, articles: Sequence[Article]) -> tuple[list[CodedArticle], list[Reject]]:
        from dotterel.pipeline import code, code_many

        try:
            return list(code_many(self.nlp, articles, batch_size=self.batch_size)), []
        except Exception:  # isolate the failing document below
            LOGGER.warning("batch of %d failed; coding one by one", len(articles))
        coded: list[CodedArticle] = []
        rejects: list[Reject] = []
        for art in articles:
            try:
                coded.append(code(self.nlp, art))
            except Exception as exc:  # one bad document must not stop a run
                reason = f"pipeline error: {type(exc).__name__}: {exc}"[:500]
                rejects.append(Reject(origin=art.origin or art.id, reason=reason, kind="error"))
        return coded, rejects
