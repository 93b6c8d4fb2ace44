"""The package root's public API is pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import dotterel


def test_public_api_is_pinned() -> None:
    assert sorted(dotterel.__all__) == sorted(
        [
            "Actor",
            "Article",
            "Attribution",
            "CodedArticle",
            "DictionaryError",
            "DotterelError",
            "Event",
            "GoldFormatError",
            "InputError",
            "Mention",
            "Place",
            "Reject",
            "Sentence",
            "SourceLink",
            "StoreError",
            "TextSpan",
            "TimeRef",
            "__version__",
            "build_pipeline",
            "code",
            "code_many",
            "code_text",
        ]
    )
    for name in dotterel.__all__:
        assert getattr(dotterel, name) is not None


def test_errors_share_one_base() -> None:
    for name in ("DictionaryError", "GoldFormatError", "InputError", "StoreError"):
        assert issubclass(getattr(dotterel, name), dotterel.DotterelError)
