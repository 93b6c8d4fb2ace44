"""``dotterel.code_text``: one text coded with a default pipeline built once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from spacy.language import Language

import dotterel
from dotterel import pipeline

STORY = (
    "Farmers in the valley of Ostmark blocked the main road on Monday to protest against "
    "a new water tax, local officials said."
)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> Iterator[list[int]]:
    """Count pipeline builds; the session's pipeline stands in for a fresh one."""
    calls: list[int] = []

    def build_pipeline(**_: object) -> Language:
        calls.append(1)
        return nlp

    pipeline.default_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "build_pipeline", build_pipeline)
    yield calls
    pipeline.default_pipeline.cache_clear()


def test_code_text_builds_once_and_returns_a_coded_article(built: list[int]) -> None:
    coded = dotterel.code_text(STORY, outlet="Example Times", date="2024-04-16")
    assert isinstance(coded, dotterel.CodedArticle)
    assert coded.article.outlet == "Example Times"
    assert coded.article.pub_date == date(2024, 4, 16)
    assert coded.article.text == STORY
    again = dotterel.code_text(STORY, date=date(2024, 4, 16), url="https://e.x/1")
    assert again.article.url == "https://e.x/1"
    assert [e.id for e in again.events] == [e.id for e in coded.events]
    assert len(built) == 1  # the pipeline was built once and kept


def test_code_text_refuses_what_is_not_text(built: list[int]) -> None:
    with pytest.raises(TypeError):
        dotterel.code_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dotterel.code_text(STORY, date="last Monday")
    assert not built  # nothing was built for a bad argument
