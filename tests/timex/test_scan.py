"""Tests for :mod:`dotterel.timex._scan`: finding likely time expressions."""

from __future__ import annotations

from dotterel import timex


def test_scan_finds_what_ner_misses_and_respects_case() -> None:
    text = "Talks may resume in May; the group has fought since 2001, the worst in decades."
    found = [text[s:e] for s, e in timex.scan(text)]
    assert "May" in found
    assert "may" not in found
    assert "2001" in found
    assert "in decades" in found
