"""Names used as places (components/actors/_metonymy.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from components.actors.harness import run


def coded(text: str, nlp: Language) -> dict[str, str | None]:
    doc = run(nlp, text)
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
def test_a_country_after_a_place_noun_is_a_place(nlp: Language) -> None:
    assert coded("Troops patrolled the border with Chile.", nlp).get("Chile") is None


@pytest.mark.slow
def test_a_verb_spelled_like_a_place_noun_makes_no_place(nlp: Language) -> None:
    # "sided with" is the verb "side", not the noun of "the Chilean side"
    assert coded("Peru sided with Chile in the dispute.", nlp)["Chile"] == "CHL"
