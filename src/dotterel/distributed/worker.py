"""The unit of distributed work: code a batch of articles with a once-loaded pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from dotterel.model import Article, CodedArticle, Reject


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
    and the rest of the batch is still coded (:func:`dotterel.ingest.batch.code_safely`,
    the same path as ``dotterel ingest``).
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
        """Code a batch; documents the pipeline cannot code come back as rejects."""
        from dotterel.ingest.batch import code_safely

        coded: list[CodedArticle] = []
        rejects: list[Reject] = []
        for result in code_safely(self.nlp, articles, batch_size=self.batch_size):
            if isinstance(result, Reject):
                rejects.append(result)
            else:
                coded.append(result)
        return coded, rejects
