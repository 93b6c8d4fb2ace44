"""Arithmetic of the evaluation harness, on numbers worked out by hand."""

from __future__ import annotations

import math

import pytest

from dotterel.evaluate.metrics import (
    PRF,
    best_overlap,
    char_overlap,
    haversine_km,
    locate,
    macro_f1,
    match_any,
    match_multiset,
    median,
    merge,
    overlaps,
    per_class,
    prf_sum,
)


def test_prf_rates_and_empty_sides() -> None:
    c = PRF(matched_pred=1, n_pred=3, matched_gold=1, n_gold=2)
    assert c.precision == pytest.approx(1 / 3)
    assert c.recall == pytest.approx(1 / 2)
    assert c.f1 == pytest.approx(0.4)
    assert PRF().f1 == 0.0  # nothing predicted, nothing gold: 0, not a division error
    assert PRF(0, 0, 0, 5).precision == 0.0


def test_prf_sum_is_micro() -> None:
    total = prf_sum([PRF(1, 1, 1, 2), PRF(0, 2, 0, 1)])
    assert total == PRF(1, 3, 1, 3)
    assert total.f1 == pytest.approx(1 / 3)


def test_match_multiset_counts_duplicates_as_false_positives() -> None:
    c = match_multiset(["a", "b"], ["a", "a", "c"])
    assert (c.matched_pred, c.n_pred, c.matched_gold, c.n_gold) == (1, 3, 1, 2)


def test_match_any_is_citron_counting() -> None:
    # Both predictions overlap the one gold span: precision 2/2, recall 1/1.
    c = match_any([(0, 10)], [(0, 3), (5, 12)], overlaps)
    assert (c.matched_pred, c.n_pred, c.matched_gold, c.n_gold) == (2, 2, 1, 1)


def test_overlap_needs_a_shared_character() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))  # [start, end): touching is not sharing


def test_char_overlap_counts_each_character_once() -> None:
    assert merge([(5, 8), (0, 3), (2, 4)]) == [(0, 4), (5, 8)]
    c = char_overlap(gold=[(0, 10)], pred=[(5, 15), (6, 8)])
    assert c.precision == pytest.approx(5 / 10)
    assert c.recall == pytest.approx(5 / 10)


def test_best_overlap_prefers_more_shared_characters() -> None:
    cands = [((0, 2), "short"), ((0, 8), "long"), ((20, 25), "far")]
    assert best_overlap((1, 10), cands) == "long"
    assert best_overlap((30, 31), cands) is None


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


def test_macro_f1_over_gold_classes() -> None:
    classes = per_class(["X", "Y", "Z"], ["X", "X", "NONE"])
    assert set(classes) == {"X", "Y", "Z"}
    assert classes["X"].f1 == pytest.approx(2 / 3)
    assert macro_f1(classes) == pytest.approx(2 / 9)


def test_median_of_nothing_is_none() -> None:
    assert median([]) is None
    assert median([3.0, 1.0, 2.0]) == 2.0


@pytest.mark.parametrize(
    ("text", "snippet", "expected"),
    [
        (
            "The envoy said “we will return” on Monday.",
            'said "we will return"',
            "said “we will return”",
        ),
        ("Delta’s army moved.", "Delta's army", "Delta’s army"),
        ("Leaders of  the union met.", "Leaders of the union", "Leaders of  the union"),
        (
            "Gamma, which lost, then has agreed to talk.",
            "Gamma ... has agreed",
            "Gamma, which lost, then has agreed",
        ),
        ("Some people .. said no", "some people", "Some people"),
    ],
)
def test_locate_tolerates_annotation_habits(text: str, snippet: str, expected: str) -> None:
    span = locate(text, snippet)
    assert span is not None
    assert text[span[0] : span[1]] == expected


def test_locate_picks_the_tightest_ellipsis_match_and_misses_cleanly() -> None:
    text = "Gamma spoke. Later Gamma said it has agreed."
    span = locate(text, "Gamma ... has agreed")
    assert span is not None and text[span[0] : span[1]] == "Gamma said it has agreed"
    assert locate(text, "Omega") is None
