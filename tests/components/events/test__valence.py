"""Word valence for disapproval (``components/events/_valence.py``): VADER and its rules."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.components.events._valence import (
    DisapprovalRules,
    default_disapproval,
    vader_lexicon,
    word_valence,
)


def test_vader_lexicon_is_read_from_the_installed_package() -> None:
    lex = vader_lexicon()
    assert len(lex) > 7000
    assert lex["irresponsible"] < 0 < lex["honest"]


def test_rules_merge_the_supplement_and_state_a_threshold() -> None:
    rules = default_disapproval()
    assert isinstance(rules, DisapprovalRules)
    assert rules.valence["corrupt"] < 0  # not in VADER: the supplement
    assert rules.threshold > 0
    assert {"not", "n't"} <= rules.negators


def _valence_of(base: Language, text: str, word: str) -> float:
    rules = default_disapproval()
    tok = next(t for t in base(text) if t.lower_ == word)
    return word_valence(tok, rules.valence[word], rules)


@pytest.mark.slow
def test_negation_flips_a_good_word_and_softens_a_bad_one(base) -> None:
    assert _valence_of(base, "The mayor is not fit to lead.", "fit") < 0
    assert _valence_of(base, "The mayor isn\u2019t fit to lead.", "fit") < 0
    assert _valence_of(base, "The plan is not bad.", "bad") > 0


@pytest.mark.slow
def test_a_booster_strengthens_and_a_dampener_weakens(base) -> None:
    plain = _valence_of(base, "The plan is reckless.", "reckless")
    assert _valence_of(base, "The plan is extremely reckless.", "reckless") < plain
    assert _valence_of(base, "The plan is somewhat reckless.", "reckless") > plain


@pytest.mark.slow
def test_the_negation_window_stops_at_the_sentence(base) -> None:
    assert _valence_of(base, "I did not go. Reckless plans fail.", "reckless") < 0
