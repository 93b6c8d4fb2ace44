"""Pins the public surface of :mod:`dotterel.timex` (its ``__init__``)."""

from __future__ import annotations

import dotterel.timex


def test_public_names_are_pinned() -> None:
    assert sorted(dotterel.timex.__all__) == [
        "Interval",
        "Kind",
        "Lexicon",
        "Piece",
        "Resolution",
        "Tense",
        "as_anchor",
        "interval",
        "is_calendar_value",
        "lexicon",
        "normalize",
        "range_end",
        "resolve",
        "resolve_span",
        "scan",
        "warm_up",
    ]
    for name in dotterel.timex.__all__:
        assert hasattr(dotterel.timex, name)
