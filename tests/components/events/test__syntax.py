"""Parse-tree walks of the events passes (``components/events/_syntax.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run

pytestmark = pytest.mark.slow


def test_plural_noun_before_an_appositive_list_is_no_member(base, events):
    # "several X countries -- A, B and C": the noun describes the list, each name acts
    evs = run(
        base,
        events,
        "Several Chilean allies \u2014 Peru, Canada and Brazil \u2014 condemned Japan on Monday.",
    )
    assert {e.source_code for e in evs} == {"PER", "CAN", "BRA"}


def test_second_object_verb_of_a_misparsed_double_object(base):
    from dotterel.components.events._syntax import second_object_verb

    doc = base("On Monday, two holdout unions gave Senator Maria Lopez the nod.")
    nod = next(t for t in doc if t.text == "nod")
    if nod.dep_ == "appos":  # the misparse this repairs
        assert second_object_verb(nod) is not None
        assert second_object_verb(nod).lemma_ == "give"
    doc = base("They met Lopez, the senator from Ohio.")
    senator = next(t for t in doc if t.text == "senator")
    assert second_object_verb(senator) is None  # an apposition proper: after a comma


def test_a_relative_clause_misread_as_an_apposition_is_no_member(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "Lithuania and Poland, which border Belarus, called on Canada to act."
    sources = {e.source_code for e in code(nlp, Article(text=text)).events}
    assert "BLR" not in sources
