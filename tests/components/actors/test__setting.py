"""The article's setting (``components/actors/_setting.py``): a dateline is never an
actor and gives the article's country, in every form ``geo/dateline.py`` reads; on
openings written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


STORY = "Police arrested four protesters on Sunday."


@pytest.mark.parametrize(
    "opening",
    [
        "NAIROBI, Kenya (AP) — ",
        "NAIROBI, Kenya, Dec. 5, 2020 (AP) — ",  # a date among the qualifiers
        "NAIROBI (AFP) ",  # a one-word agency and no dash
        "NAIROBI—",  # a long dash touching the story
        "NAIROBI, April 5. /TASS/. ",
        "Nairobi, Dec 5 (Xinhua): ",  # mixed case with the agency
        "Nairobi: ",  # mixed case, no agency: the place is known
        "A headline over the story\n\nNAIROBI (Reuters) - ",
        "The Latest: a headline\n\nNAIROBI (AP) — ",  # a label above the dateline
        "By Ann Lee. NAIROBI (Reuters) - ",  # a byline run onto its line
    ],
)
def test_the_dateline_is_never_an_actor_and_sets_the_country(nlp: Language, opening: str) -> None:
    codes = coded(run(nlp, opening + STORY))
    assert not any(name in codes for name in ("NAIROBI", "Nairobi", "Kenya", "AP", "AFP"))
    assert codes["Police"] == "KENCOP"


def test_an_unknown_mixed_case_opening_is_no_dateline(nlp: Language) -> None:
    doc = run(nlp, "Update: Kenya detained two men near the square.")
    assert coded(doc).get("Kenya") == "KEN"


def test_a_second_story_dateline_is_never_an_actor(nlp: Language) -> None:
    text = "NAIROBI (AP) - " + STORY + "\n\nKAMPALA (AP) - Troops withdrew from the border."
    codes = coded(run(nlp, text))
    assert "KAMPALA" not in codes
    assert codes["Police"] == "KENCOP"
