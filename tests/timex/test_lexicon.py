"""Tests for :mod:`dotterel.timex._lexicon`: the vocabulary shipped in ``timex/data``."""

from __future__ import annotations

from dotterel import timex


def test_lexicon_loads_from_package_data() -> None:
    lex = timex.lexicon()
    assert lex.raw["months"]["sept"] == 9
    assert lex.holidays["christmas"] == "12-25"
