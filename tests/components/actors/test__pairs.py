"""Pairs of states (components/actors/_pairs.py): "each country", "the two countries"
stand for the two states named last; on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def pair_codes(doc: Doc, text: str) -> set[str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {actors.get(m.actor_id or "") for m in doc._.actor_mentions if m.text == text}


@pytest.mark.slow
def test_each_country_stands_for_the_two_states_named_last(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenya expelled ten Ugandan diplomats on Monday, and Uganda retaliated on "
        "Tuesday. Each country has recalled its ambassador.",
    )
    assert pair_codes(doc, "Each country") == {"KEN", "UGA"}


@pytest.mark.slow
def test_other_countries_are_not_the_pair_named_last(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenya expelled ten Ugandan diplomats on Monday, and Uganda retaliated. Two "
        "dozen other countries have recalled their ambassadors.",
    )
    assert not any("countries" in m.text for m in doc._.actor_mentions)
