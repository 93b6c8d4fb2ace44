"""ingest/batch.py: per-document token and time limits become rejects, not crashes."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.ingest.batch import code_safely
from dotterel.model import Article, CodedArticle, Reject


class _Slow:
    slow_runs = 0

    def __call__(self, doc: Doc) -> Doc:
        if "SLOW" in doc.text:
            _Slow.slow_runs += 1
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


def test_a_long_document_spends_its_time_limit_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from dotterel import chunking

    monkeypatch.setattr(chunking, "CHUNK_THRESHOLD", 100)
    long_text = "A quiet day in the capital.\n\n" * 5 + "SLOW talks.\n"
    arts = [Article(text="Calm.", origin="a"), Article(text=long_text, origin="long")]
    _Slow.slow_runs = 0
    t0 = time.perf_counter()
    out = list(code_safely(_nlp(), arts, time_limit_s=0.5))
    assert time.perf_counter() - t0 < 1.5
    assert _Slow.slow_runs == 1  # not once in a batch and again alone
    assert isinstance(out[0], CodedArticle)
    assert isinstance(out[1], Reject) and out[1].kind == "timeout"


def test_token_limit_applies_to_chunks_of_a_long_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dotterel import chunking

    monkeypatch.setattr(chunking, "CHUNK_THRESHOLD", 100)
    monkeypatch.setattr(chunking, "CHUNK_TARGET", 60)
    long_text = "Talks went on in the capital.\n\n" * 20  # 120 tokens, 6 per paragraph
    (coded,) = code_safely(_nlp(), [Article(text=long_text, origin="long")], max_tokens=50)
    assert isinstance(coded, CodedArticle) and coded.article.text == long_text
    assert len(coded.sentences) >= 20
    one_block = "word " * 80  # no paragraph break: one chunk over the limit
    (reject,) = code_safely(_nlp(), [Article(text=one_block, origin="b")], max_tokens=50)
    assert isinstance(reject, Reject) and reject.kind == "too_large"
    assert "paragraphs that cannot be split" in reject.reason
