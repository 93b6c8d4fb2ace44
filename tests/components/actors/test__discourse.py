"""Discourse helpers of the actors component (components/actors/_discourse.py):
quotations, narrative sentences, fronted clauses, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dotterel.components._syntax import sentences
from dotterel.components.actors._discourse import (
    controlled_clause,
    narrative_index,
    quotations,
)
from dotterel.components.actors._prose import quote_mask
from dotterel.pipeline import BASE_MODEL


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(BASE_MODEL)


def test_quotations_are_runs_of_quoted_tokens() -> None:
    assert quotations(bytearray([0, 1, 1, 0, 0, 1, 1])) == [(1, 3), (5, 7)]
    assert quotations(bytearray([0, 0])) == []


@pytest.mark.slow
def test_wholly_quoted_sentences_share_the_narrative_index(nlp: Language) -> None:
    doc = nlp(
        "Barasa spoke in Nakuru. He said: “The roads are closed. The bridges are down.” "
        "He then left."
    )
    toks = list(doc)
    starts = [s.start for s in sentences(doc)]
    index = narrative_index(starts, quote_mask(doc), toks)
    assert index[0] == 0 and index[-1] == index[1] + 1
    assert len(set(index)) < len(index)


@pytest.mark.slow
def test_fronted_participle_clause_is_controlled_by_the_subject(nlp: Language) -> None:
    doc = nlp("After meeting Wekesa in Nairobi, he said the talks had failed.")
    he = next(t for t in doc if t.lower_ == "he")
    lo, hi = controlled_clause(he) or (-1, -1)
    assert lo == 0 and hi >= 2  # "Wekesa" inside
    doc = nlp("When Wekesa arrived in Nairobi, he said the talks had failed.")
    he = next(t for t in doc if t.lower_ == "he")
    assert controlled_clause(he) is None  # the clause has its own subject
