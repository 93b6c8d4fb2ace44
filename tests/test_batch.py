"""ingest/batch.py: per-document token and time limits become rejects, not crashes."""

from __future__ import annotations

import time

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.ingest.batch import code_safely
from dotterel.model import Article, CodedArticle, Reject


class _Slow:
    def __call__(self, doc: Doc) -> Doc:
        if "SLOW" in doc.text:
            time.sleep(5)
        return doc


@Language.factory("test_slow")
def _make_slow(nlp: Language, name: str) -> _Slow:
    return _Slow()


def _nlp() -> Language:
    nlp = Language()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_slow")
    return nlp


def test_a_document_over_the_time_limit_is_rejected_and_the_rest_is_coded() -> None:
    arts = [Article(text="A quiet day.", origin="a"), Article(text="SLOW one.", origin="b")]
    t0 = time.perf_counter()
    out = list(code_safely(_nlp(), arts, time_limit_s=0.5))
    assert time.perf_counter() - t0 < 4
    assert isinstance(out[0], CodedArticle)
    assert isinstance(out[1], Reject) and out[1].kind == "timeout"
    assert "longer than 0.5 s" in out[1].reason


def test_a_document_over_the_token_limit_is_rejected() -> None:
    arts = [Article(text="word " * 50, origin="long"), Article(text="Short.", origin="ok")]
    out = list(code_safely(_nlp(), arts, max_tokens=20))
    assert isinstance(out[0], Reject) and out[0].kind == "too_large"
    assert "20 tokens" in out[0].reason
    assert isinstance(out[1], CodedArticle)
